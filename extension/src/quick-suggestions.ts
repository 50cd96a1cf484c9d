import * as vscode from 'vscode';
import type { Settings } from './settings';

const ASKED = 'hindsight.quickSuggestionsAsked';

/**
 * Markdown has suggestions-as-you-type off by default, so typing `postmortem` or `root_cause: ca`
 * shows nothing until Ctrl+Space. The first time a postmortem is opened, offer to turn them on for
 * Markdown in this workspace (once; the answer is remembered).
 */
export function registerQuickSuggestionsOffer(
  context: vscode.ExtensionContext,
  settings: Settings,
): void {
  const check = async (editor: vscode.TextEditor | undefined) => {
    if (!editor || context.workspaceState.get(ASKED) || !settings.isPostmortem(editor.document.uri))
      return;
    const current = vscode.workspace
      .getConfiguration('editor', { languageId: 'markdown' })
      .get<unknown>('quickSuggestions');
    const on =
      current === true ||
      (typeof current === 'object' &&
        current !== null &&
        ['on', true].includes((current as Record<string, unknown>).other as string));
    if (on) return;
    await context.workspaceState.update(ASKED, true);
    const choice = await vscode.window.showInformationMessage(
      'Hindsight can suggest fields, values and snippets as you type in postmortems, but Markdown has suggestions off. Turn them on for Markdown in this workspace? (Ctrl+Space shows them any time.)',
      'Turn On',
      'Not Now',
    );
    if (choice === 'Turn On') {
      await vscode.workspace
        .getConfiguration('editor', { languageId: 'markdown' })
        .update(
          'quickSuggestions',
          { other: 'on', comments: 'off', strings: 'off' },
          vscode.ConfigurationTarget.Workspace,
          true,
        );
    }
  };
  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor((e) => void check(e)));
  void check(vscode.window.activeTextEditor);
}
