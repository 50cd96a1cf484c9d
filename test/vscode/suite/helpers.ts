import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HindsightApi } from '../../../extension/src/extension';

export async function api(): Promise<HindsightApi> {
  const ext = vscode.extensions.getExtension<HindsightApi>('hindsight.hindsight');
  assert.ok(ext, 'the Hindsight extension is installed');
  const exports = await ext.activate();
  await exports.ready;
  return exports;
}

export function workspaceUri(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

/**
 * How long a test waits for what a user would see before it fails: minutes, since CI runs these
 * tests beside another CPU-heavy job on two cores (a wait is over as soon as the condition holds).
 */
export const WAIT_MS = 180_000;

/** Resolves when `check` holds, re-checking whenever `event` fires; fails after `ms`. */
export function waitFor<T>(
  what: string,
  check: () => T | undefined | false,
  event: vscode.Event<unknown>,
  ms = WAIT_MS,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const first = check();
    if (first) return resolve(first);
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`Timed out after ${ms} ms waiting for ${what}`));
    }, ms);
    const sub = event(() => {
      const value = check();
      if (value) {
        clearTimeout(timer);
        sub.dispose();
        resolve(value);
      }
    });
  });
}

/** Waits until the diagnostics of `uri` satisfy `check`. */
export function diagnosticsFor(
  uri: vscode.Uri,
  what: string,
  check: (d: vscode.Diagnostic[]) => boolean,
): Promise<vscode.Diagnostic[]> {
  return waitFor(
    what,
    () => {
      const d = vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'hindsight');
      return check(d) ? d : undefined;
    },
    vscode.languages.onDidChangeDiagnostics,
  );
}

export const rule = (d: vscode.Diagnostic) =>
  typeof d.code === 'object' ? String(d.code.value) : String(d.code);
export const summary = (ds: vscode.Diagnostic[]) =>
  ds.map((d) => `${d.range.start.line + 1}:${rule(d)}`).sort();

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
}

/**
 * Reverts every unsaved document, then closes the editors. Closing a dirty editor asks "Save
 * changes?", and the test workbench answers that dialog itself: a test's edits must not reach the
 * fixture files on disk that later suites read.
 */
export async function closeAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export async function write(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

export async function read(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Resolves when `check` holds, polling every 50 ms; fails after `ms`. */
export async function poll<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  ms = WAIT_MS,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until the Action Items index has followed every edit (its short pause included). */
export async function settled(): Promise<void> {
  const { library } = await api();
  await new Promise((r) => setTimeout(r, 50));
  await library.whenIdle();
}

/** Reverts every unsaved document, closes the editors and deletes `uri` (a scratch file of a test). */
export async function discard(uri: vscode.Uri): Promise<void> {
  await closeAll();
  await vscode.workspace.fs.delete(uri);
}

let driverRequests = 0;
/**
 * Asks the test driver (code-shim.mjs) to act in the workbench page as a person would: type text
 * or press a key into what has the focus, click an element, or read the text of the visible
 * elements matching a selector. Resolves to the driver's answer.
 */
export async function driver<T = unknown>(
  op: 'type' | 'press' | 'click' | 'texts',
  args: Record<string, string>,
): Promise<T> {
  const dir = process.env.HINDSIGHT_DRIVER_DIR;
  assert.ok(dir, 'these tests need the workbench driver of test/vscode/code-shim.mjs');
  const { existsSync, readFileSync, rmSync } = await import('node:fs');
  const { join } = await import('node:path');
  // Each suite file bundles its own copy of this module: the random part keeps their ids apart.
  const id = `${process.pid}-${Math.random().toString(36).slice(2)}-${++driverRequests}`;
  console.log(`DRIVER ${JSON.stringify({ id, op, ...args })}`);
  const file = join(dir, `${id}.json`);
  await poll(`the driver to ${op} ${JSON.stringify(args)}`, () => existsSync(file));
  const answer = JSON.parse(readFileSync(file, 'utf8')) as { result?: T; error?: string };
  rmSync(file, { force: true });
  if (answer.error !== undefined) throw new Error(`The driver could not ${op}: ${answer.error}`);
  return answer.result as T;
}

/** Waits until the visible elements matching `selector` hold a text that satisfies `check`; resolves to their texts. */
export async function shown(
  what: string,
  selector: string,
  check: (texts: string[]) => boolean,
  ms = WAIT_MS,
): Promise<string[]> {
  const end = Date.now() + ms;
  for (;;) {
    const texts = await driver<string[]>('texts', { selector });
    if (check(texts)) return texts;
    if (Date.now() > end)
      throw new Error(
        `Timed out after ${ms} ms waiting for ${what}; shown: ${JSON.stringify(texts)}`,
      );
    await new Promise((r) => setTimeout(r, 250));
  }
}
