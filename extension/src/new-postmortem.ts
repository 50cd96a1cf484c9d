import * as vscode from 'vscode';
import { isIsoDate, renderTemplate, slugFileName, snippetClock } from '@hindsight/core';
import type { Settings } from './settings';

/** Answers for the command, so it can also be run from a keybinding or a test without prompts. */
export interface NewPostmortemArgs {
  title?: string;
  severity?: string;
  rootCause?: string;
  date?: string;
  folder?: vscode.Uri;
}

/**
 * Asks for a title, a severity and a root-cause category, writes the template into the postmortems
 * folder as YYYY-MM-DD-slug.md (never over an existing file), and opens it with the Summary prompt
 * selected. Resolves to the new file, or undefined when cancelled or refused.
 */
export async function newPostmortem(
  settings: Settings,
  args: NewPostmortemArgs = {},
): Promise<vscode.Uri | undefined> {
  const folders = settings.all();
  if (!folders.length) {
    void vscode.window.showErrorMessage(
      'Open a folder first: postmortems are written into its postmortems folder.',
    );
    return undefined;
  }
  const fc =
    folders.find((f) => args.folder && f.folder.uri.toString() === args.folder.toString()) ??
    (folders.length === 1 ? folders[0] : await pickFolder(folders));
  if (!fc) return undefined;
  const { config } = fc;

  // Today in UTC, or in local time with `hindsight.timeZone: local`.
  const today = snippetClock({
    now: new Date(),
    zone: settings.timeZone,
    offsetMinutes: -new Date().getTimezoneOffset(),
  }).today;
  const dateFor = args.date ?? today;
  const taken = async (v: string) => {
    if (!isIsoDate(dateFor)) return false;
    try {
      await vscode.workspace.fs.stat(
        vscode.Uri.joinPath(fc.postmortems, slugFileName(dateFor, v.trim())),
      );
      return true;
    } catch {
      return false;
    }
  };
  const title =
    args.title ??
    (await vscode.window.showInputBox({
      title: 'New Postmortem (1/3)',
      prompt: 'One-line title of the incident',
      placeHolder: 'Checkout errors after a cache flush',
      // A taken title is refused here, at the first prompt, not after all three.
      validateInput: async (v) => {
        if (!v.trim()) return 'A title is needed; it also names the file.';
        if (/[\r\n]/.test(v)) return 'The title must be one line.';
        return (await taken(v))
          ? `${slugFileName(dateFor, v.trim())} already exists; choose another title.`
          : undefined;
      },
    }));
  if (!title?.trim()) return undefined;

  const severity =
    args.severity ??
    (
      await vscode.window.showQuickPick(
        config.severities.map((s) => ({ label: s.id, detail: s.description })),
        { title: 'New Postmortem (2/3): severity', placeHolder: 'How bad was it?' },
      )
    )?.label;
  if (!severity) return undefined;

  const rootCause =
    args.rootCause ??
    (
      await vscode.window.showQuickPick(
        config.categories.map((c) => ({
          label: c.label,
          description: c.id,
          detail: c.description,
          id: c.id,
        })),
        {
          title: 'New Postmortem (3/3): root cause',
          placeHolder: 'Primary root-cause category (pick Unknown if not yet known)',
          matchOnDescription: true,
          matchOnDetail: true,
        },
      )
    )?.id;
  if (!rootCause) return undefined;

  const date = dateFor;
  if (!isIsoDate(date)) {
    void vscode.window.showErrorMessage(
      `The date '${date}' is not a real date; expected YYYY-MM-DD.`,
    );
    return undefined;
  }
  const uri = vscode.Uri.joinPath(fc.postmortems, slugFileName(date, title.trim()));
  try {
    await vscode.workspace.fs.stat(uri);
    // Do not wait for the button: the command's answer is "nothing was written", now.
    void vscode.window
      .showErrorMessage(
        `${vscode.workspace.asRelativePath(uri)} already exists; nothing was written.`,
        'Open It',
      )
      .then((open) => {
        if (open) void vscode.window.showTextDocument(uri);
      });
    return undefined;
  } catch {
    // The file does not exist: good.
  }
  const eol =
    vscode.workspace.getConfiguration('files', fc.folder.uri).get<string>('eol') === '\r\n'
      ? '\r\n'
      : '\n';
  const text = renderTemplate({ title: title.trim(), date, severity, rootCause, config, eol });
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, {
    overwrite: false,
    ignoreIfExists: false,
    contents: new TextEncoder().encode(text),
  });
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(
      `Could not create ${vscode.workspace.asRelativePath(uri)}.`,
    );
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  await document.save();
  const editor = await vscode.window.showTextDocument(document);
  const summary = text.split(/\r?\n/).findIndex((l) => l === '## Summary');
  const prompt = document.lineAt(Math.min(summary + 2, document.lineCount - 1));
  editor.selection = new vscode.Selection(prompt.range.start, prompt.range.end);
  editor.revealRange(prompt.range, vscode.TextEditorRevealType.InCenter);
  return uri;
}

async function pickFolder<T extends { folder: vscode.WorkspaceFolder }>(
  folders: T[],
): Promise<T | undefined> {
  const picked = await vscode.window.showQuickPick(
    folders.map((f) => ({ label: f.folder.name, description: f.folder.uri.fsPath, f })),
    { title: 'New Postmortem: which workspace folder?' },
  );
  return picked?.f;
}
