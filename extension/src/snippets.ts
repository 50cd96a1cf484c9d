import * as vscode from 'vscode';
import { timedSnippets, type Snippet } from '@hindsight/core';
import type { Settings } from './settings';

/** The snippets that hold the time, built now: UTC (or local time labelled with its offset) and the due date ahead. */
export function currentSnippets(settings: Settings, now = new Date()): Record<string, Snippet> {
  return timedSnippets({
    now,
    zone: settings.timeZone,
    offsetMinutes: -now.getTimezoneOffset(),
    dueDays: settings.dueDays,
  });
}

/**
 * Offers the timed snippets (`postmortem`, `tl`, `ai`…) as completions computed at the moment they
 * are asked for: a static snippet file can only write local time. Also a command that inserts one
 * by name (for keybindings).
 */
export function registerSnippets(context: vscode.ExtensionContext, settings: Settings): void {
  const provider: vscode.CompletionItemProvider = {
    provideCompletionItems(document, position) {
      const word = document.getWordRangeAtPosition(position, /[\w-]+/);
      const typed = word ? document.getText(new vscode.Range(word.start, position)) : '';
      if (!typed) return [];
      const items: vscode.CompletionItem[] = [];
      for (const [name, snippet] of Object.entries(currentSnippets(settings))) {
        for (const prefix of snippet.prefix) {
          if (
            !prefix.startsWith(typed.toLowerCase()) &&
            !(typed.length > 1 && prefix.includes(typed.toLowerCase()))
          )
            continue;
          const item = new vscode.CompletionItem(
            { label: prefix, description: name },
            vscode.CompletionItemKind.Snippet,
          );
          item.insertText = new vscode.SnippetString(snippet.body.join('\n'));
          item.detail = name;
          item.documentation = new vscode.MarkdownString(snippet.description);
          item.range = word;
          item.sortText = prefix === typed ? '0' : prefix.startsWith(typed) ? '1' : '2';
          items.push(item);
        }
      }
      return items;
    },
  };
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider({ language: 'markdown' }, provider),
    vscode.commands.registerCommand('hindsight.insertSnippet', async (args?: { name?: string }) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return false;
      const snippets = currentSnippets(settings);
      const name =
        args?.name ??
        (await vscode.window.showQuickPick(Object.keys(snippets), {
          title: 'Hindsight: insert a snippet',
        }));
      const snippet = name ? snippets[name] : undefined;
      if (!snippet) return false;
      return editor.insertSnippet(new vscode.SnippetString(snippet.body.join('\n')));
    }),
  );
}
