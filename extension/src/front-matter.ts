import * as vscode from 'vscode';
import { formatMinutes, KNOWN_FIELDS, parsePostmortem, STATUSES, TIME_FIELDS, type Config } from '@hindsight/core';
import type { Settings } from './settings';

/** The line range of the front matter (between the --- fences), or undefined. */
function frontMatterLines(document: vscode.TextDocument): { first: number; last: number } | undefined {
  if (document.lineCount < 2 || !/^---\s*$/.test(document.lineAt(0).text)) return undefined;
  for (let i = 1; i < Math.min(document.lineCount, 500); i++) {
    if (/^(---|\.\.\.)\s*$/.test(document.lineAt(i).text)) return { first: 1, last: i - 1 };
  }
  return undefined;
}

/** The top-level key a front-matter line belongs to (list items belong to the key above them). */
function keyAt(document: vscode.TextDocument, line: number, first: number): string | undefined {
  for (let i = line; i >= first; i--) {
    const m = /^([A-Za-z_][\w-]*)\s*:/.exec(document.lineAt(i).text);
    if (m) return m[1];
    if (!/^\s+-|^\s*$/.test(document.lineAt(i).text)) return undefined;
  }
  return undefined;
}

function valuesFor(key: string, config: Config): { id: string; detail: string; kind: vscode.CompletionItemKind }[] {
  if (key === 'root_cause' || key === 'contributing') return config.categories.map((c) => ({ id: c.id, detail: `${c.label}: ${c.description}`, kind: vscode.CompletionItemKind.EnumMember }));
  if (key === 'severity') return config.severities.map((s) => ({ id: s.id, detail: s.description, kind: vscode.CompletionItemKind.EnumMember }));
  if (key === 'status') return STATUSES.map((s) => ({ id: s, detail: s === 'published' ? 'Reviewed and final; may hold no TODO or TBD' : s === 'in-review' ? 'Written, waiting for review' : 'Being written', kind: vscode.CompletionItemKind.EnumMember }));
  return [];
}

class FrontMatterCompletions implements vscode.CompletionItemProvider {
  constructor(private readonly settings: Settings) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const fc = this.settings.isPostmortem(document.uri);
    const fm = frontMatterLines(document);
    if (!fc || !fm || position.line < fm.first || position.line > fm.last) return [];
    const text = document.lineAt(position.line).text.slice(0, position.character);
    if (/^[A-Za-z_]*$/.test(text)) {
      // A new key at the start of a line: offer the fields not yet present.
      const present = new Set<string>();
      for (let i = fm.first; i <= fm.last; i++) {
        const m = /^([A-Za-z_][\w-]*)\s*:/.exec(document.lineAt(i).text);
        if (m) present.add(m[1]!);
      }
      return KNOWN_FIELDS.filter((f) => !present.has(f)).map((f) => {
        const item = new vscode.CompletionItem(f, vscode.CompletionItemKind.Property);
        item.insertText = `${f}: `;
        item.command = { command: 'editor.action.triggerSuggest', title: 'Suggest values' };
        return item;
      });
    }
    const key = keyAt(document, position.line, fm.first);
    if (!key) return [];
    const word = document.getWordRangeAtPosition(position, /[\w-]+/);
    return valuesFor(key, fc.config).map((v, i) => {
      const item = new vscode.CompletionItem(v.id, v.kind);
      item.detail = v.detail;
      item.documentation = new vscode.MarkdownString(`**${v.id}**: ${v.detail}`);
      item.sortText = String(i).padStart(3, '0');
      if (word) item.range = word;
      return item;
    });
  }
}

class FrontMatterHovers implements vscode.HoverProvider {
  constructor(private readonly settings: Settings) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const fc = this.settings.isPostmortem(document.uri);
    const fm = frontMatterLines(document);
    if (!fc || !fm || position.line < fm.first || position.line > fm.last) return undefined;
    const key = keyAt(document, position.line, fm.first);
    if (!key) return undefined;
    if ((TIME_FIELDS as readonly string[]).includes(key)) {
      const { metrics } = parsePostmortem(document.getText(), { config: fc.config });
      const m = (v: number | undefined) => (v === undefined ? '—' : formatMinutes(v));
      const md = new vscode.MarkdownString(
        `**Incident times**\n\n| | |\n| --- | --- |\n| Time to detect | ${m(metrics.timeToDetect)} |\n| Time to mitigate | ${m(metrics.timeToMitigate)} |\n| Duration | ${m(metrics.duration)} |\n\nFrom started, detected, mitigated and resolved.`,
      );
      return new vscode.Hover(md, document.lineAt(position.line).range);
    }
    const range = document.getWordRangeAtPosition(position, /[\w-]+/);
    if (!range) return undefined;
    const word = document.getText(range);
    const value = valuesFor(key, fc.config).find((v) => v.id === word);
    if (!value) return undefined;
    const label = key === 'severity' ? 'Severity' : key === 'status' ? 'Status' : 'Root-cause category';
    return new vscode.Hover(new vscode.MarkdownString(`**${label} \`${value.id}\`**\n\n${value.detail}`), range);
  }
}

export function registerFrontMatterAssist(context: vscode.ExtensionContext, settings: Settings): void {
  const selector: vscode.DocumentSelector = { language: 'markdown' };
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(selector, new FrontMatterCompletions(settings), ':', ' ', ',', '[', '-'),
    vscode.languages.registerHoverProvider(selector, new FrontMatterHovers(settings)),
  );
}
