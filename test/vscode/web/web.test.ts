import './setup';
import { expect } from 'chai';
import * as vscode from 'vscode';
import type { HindsightApi } from '../../../extension/src/extension-web';

declare const suite: (name: string, fn: () => void) => void;
declare const test: (name: string, fn: () => Promise<void> | void) => void;
declare const suiteSetup: (fn: () => Promise<void>) => void;
declare const suiteTeardown: (fn: () => void) => void;
declare const teardown: (fn: (this: { currentTest?: { state?: string } }) => void) => void;

// Root-level hooks: count each test's outcome and print the result line when all have run.
let passed = 0;
let failed = 0;
teardown(function () {
  if (this.currentTest?.state === 'passed') passed++;
  else failed++;
});
suiteTeardown(() => {
  console.log(`${passed} passed, ${passed ? failed : Math.max(failed, 1)} failed`);
});

async function api(): Promise<HindsightApi> {
  const ext = vscode.extensions.getExtension<HindsightApi>('hindsight.hindsight');
  expect(ext, 'the extension is installed').to.not.equal(undefined);
  const exports = await ext!.activate();
  await exports.ready;
  return exports;
}

const folder = () => vscode.workspace.workspaceFolders![0]!.uri;
const uri = (...parts: string[]) => vscode.Uri.joinPath(folder(), ...parts);

/** Resolves when `check` holds (polled); fails after `ms`. */
async function poll<T>(what: string, check: () => T | undefined | false, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const rule = (d: vscode.Diagnostic) =>
  typeof d.code === 'object' ? String(d.code.value) : String(d.code);

suite('Hindsight in VS Code for the Web (web worker extension host)', () => {
  suiteSetup(async () => {
    await api();
  });

  test('runs in a web worker, without Node', () => {
    const g = globalThis as unknown as { WorkerGlobalScope?: new () => unknown; process?: unknown };
    expect(typeof g.WorkerGlobalScope).to.equal('function');
    expect(globalThis instanceof (g.WorkerGlobalScope as never)).to.equal(true);
    expect(g.process).to.equal(undefined);
    expect(vscode.env.uiKind).to.equal(vscode.UIKind.Web);
  });

  test('lints in a nested web worker where the host allows one, else on its own worker thread', async () => {
    const { lint, findings } = await api();
    const document = await vscode.workspace.openTextDocument(
      uri('postmortems', '2024-03-05-checkout-pool.md'),
    );
    const found = await poll('findings', () => findings.findingsFor(document));
    console.log(`lint mode in the web worker extension host: ${lint.mode}`);
    expect(Array.isArray(found)).to.equal(true);
  });

  test('reads the postmortems folder through vscode.workspace.fs and fills the Action Items view', async () => {
    const { actionItems } = await api();
    actionItems.setGrouping('postmortem');
    const groups = await poll('the view', () =>
      actionItems.getChildren().length === 2 ? actionItems.getChildren() : undefined,
    );
    expect(groups.map((g) => (g.type === 'group' ? g.label : ''))).to.deep.equal([
      'Search latency spike',
      'Checkout outage from an exhausted connection pool',
    ]);
  });

  test('reports findings as diagnostics and fixes one with a quick fix', async () => {
    const file = uri('postmortems', '2024-05-02-search-latency.md');
    const editor = await vscode.window.showTextDocument(
      await vscode.workspace.openTextDocument(file),
    );
    const ds = await poll('diagnostics', () => {
      const d = vscode.languages.getDiagnostics(file).filter((x) => x.source === 'hindsight');
      return d.some((x) => rule(x) === 'severity-level') ? d : undefined;
    });
    const target = ds.find((d) => rule(d) === 'severity-level')!;
    let fix: vscode.CodeAction | undefined;
    const end = Date.now() + 20_000;
    while (!fix && Date.now() < end) {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        file,
        target.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      fix = actions.find((a) => a.title === "Change to 'SEV3'");
      if (!fix) await new Promise((r) => setTimeout(r, 200));
    }
    expect(fix?.edit, 'a quick fix').to.not.equal(undefined);
    expect(await vscode.workspace.applyEdit(fix!.edit!)).to.equal(true);
    expect(editor.document.lineAt(4).text).to.equal('severity: SEV3');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('inserts the tl snippet at the current UTC time', async () => {
    const file = uri('scratch-web.md');
    await vscode.workspace.fs.writeFile(file, new Uint8Array());
    const editor = await vscode.window.showTextDocument(
      await vscode.workspace.openTextDocument(file),
    );
    try {
      const before = new Date().toISOString().slice(11, 16);
      expect(
        await vscode.commands.executeCommand('hindsight.insertSnippet', { name: 'Timeline entry' }),
      ).to.equal(true);
      const after = new Date().toISOString().slice(11, 16);
      const m = /^- (\d{2}:\d{2}) UTC What happened$/.exec(editor.document.getText());
      expect(m, editor.document.getText()).to.not.equal(null);
      expect([before, after]).to.include(m![1]);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(file);
    }
  });

  test('writes a New Postmortem from the template', async () => {
    const created = await vscode.commands.executeCommand<vscode.Uri | undefined>(
      'hindsight.newPostmortem',
      { title: 'Web worker outage', severity: 'SEV2', rootCause: 'deploy', date: '2026-11-30' },
    );
    expect(created?.path.endsWith('/postmortems/2026-11-30-web-worker-outage.md')).to.equal(true);
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(created!));
      expect(text).to.match(
        /^---\ntitle: Web worker outage\ndate: 2026-11-30\nstatus: draft\nseverity: SEV2\nroot_cause: deploy\n/,
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(created!);
    }
  });
});
