import * as vscode from 'vscode';
import {
  FIELD_EXPECTATIONS,
  fieldDef,
  formatMinutes,
  KNOWN_FIELDS,
  parseDateTime,
  parseActionOutline,
  snippetClock,
  STATUSES,
  TIME_FIELDS,
  type Config,
  type Meta,
} from '@hindsight/core';
import type { Settings } from './settings';

/** The line range of the front matter (between the --- fences), or undefined. */
function frontMatterLines(
  document: vscode.TextDocument,
): { first: number; last: number } | undefined {
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

function valuesFor(
  key: string,
  config: Config,
): { id: string; detail: string; kind: vscode.CompletionItemKind }[] {
  // By the field's kind (FIELDS in the core), so a field added there gets its values too.
  const kind = fieldDef(key)?.kind;
  if (kind === 'category' || kind === 'categories')
    return config.categories.map((c) => ({
      id: c.id,
      detail: `${c.label}: ${c.description}`,
      kind: vscode.CompletionItemKind.EnumMember,
    }));
  if (kind === 'severity')
    return config.severities.map((s) => ({
      id: s.id,
      detail: s.description,
      kind: vscode.CompletionItemKind.EnumMember,
    }));
  if (kind === 'status')
    return STATUSES.map((s) => ({
      id: s,
      detail:
        s === 'published'
          ? 'Reviewed and final; may hold no TODO or TBD'
          : s === 'in-review'
            ? 'Written, waiting for review'
            : 'Being written',
      kind: vscode.CompletionItemKind.EnumMember,
    }));
  return [];
}

/** What each front-matter field is for: the hover on its key. */
const KEY_DOCS: Record<string, string> = {
  title: 'The incident in one line: what broke, for whom. Also the page title on the site.',
  date: 'The day the incident started (YYYY-MM-DD, UTC). Orders the library and names the file.',
  status:
    '`draft` while being written, `in-review` when waiting for review, `published` when final.',
  severity: 'How bad it was, from the severities of hindsight.json (SEV1 is the worst by default).',
  root_cause: 'The one primary root-cause category. Groups related incidents across the library.',
  contributing: 'Other root-cause categories that made it worse.',
  trigger: 'What set it off, in a few words.',
  services: 'The services affected. Related postmortems are found through shared services.',
  authors: 'Who wrote the postmortem.',
  tags: 'Free-form labels for finding the postmortem later.',
  started:
    'When the incident began (ISO date-time). The start of time to detect, time to mitigate and duration.',
  detected: 'When someone or something noticed. `detected − started` is the time to detect.',
  mitigated: 'When users stopped being hurt. `mitigated − started` is the time to mitigate.',
  resolved: 'When the incident was fully over. `resolved − started` is the duration.',
  impact: 'Measures of the damage, e.g. `users_affected: 1200`, `revenue_lost_usd: 3000`.',
};

/** The range of the key on a front-matter line, when `position` is on it. */
function keyRangeAt(
  document: vscode.TextDocument,
  position: vscode.Position,
): { key: string; range: vscode.Range } | undefined {
  const m = /^([A-Za-z_][\w-]*)\s*:/.exec(document.lineAt(position.line).text);
  if (!m || position.character > m[1]!.length) return undefined;
  return { key: m[1]!, range: new vscode.Range(position.line, 0, position.line, m[1]!.length) };
}

/** Time to detect, to mitigate and duration from the front matter, each with why it is missing. */
export function incidentTimes(meta: Meta): { label: string; value: string }[] {
  const started = meta.started ? parseDateTime(meta.started) : undefined;
  const row = (label: string, field: 'detected' | 'mitigated' | 'resolved') => {
    const raw = meta[field];
    const at = raw ? parseDateTime(raw) : undefined;
    let value: string;
    if (!meta.started) value = '— (`started` is missing)';
    else if (started === undefined) value = '— (`started` is not an ISO date-time)';
    else if (!raw) value = `— (\`${field}\` is missing)`;
    else if (at === undefined) value = `— (\`${field}\` is not an ISO date-time)`;
    else if (at < started) value = `— (\`${field}\` is before \`started\`)`;
    else value = formatMinutes((at - started) / 60_000);
    return { label, value };
  };
  return [
    row('Time to detect', 'detected'),
    row('Time to mitigate', 'mitigated'),
    row('Duration', 'resolved'),
  ];
}

class FrontMatterCompletions implements vscode.CompletionItemProvider {
  constructor(private readonly settings: Settings) {}

  provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
  ): vscode.CompletionItem[] {
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
        item.documentation = new vscode.MarkdownString(
          KEY_DOCS[f] ?? fieldDef(f)?.description ?? '',
        );
        if ((TIME_FIELDS as readonly string[]).includes(f)) {
          // A time field: the current time (UTC) as a placeholder, not a list of words.
          const now = snippetClock({
            now: new Date(),
            zone: this.settings.timeZone,
            offsetMinutes: -new Date().getTimezoneOffset(),
          }).dateTime;
          item.insertText = new vscode.SnippetString(`${f}: \${1:${now}}`);
        } else if (valuesFor(f, fc.config).length) {
          item.insertText = `${f}: `;
          item.command = { command: 'editor.action.triggerSuggest', title: 'Suggest values' };
        } else item.insertText = `${f}: `;
        return item;
      });
    }
    const key = keyAt(document, position.line, fm.first);
    if (!key) return [];
    const word = document.getWordRangeAtPosition(position, /[\w-]+/);
    const typed = word
      ? document.getText(new vscode.Range(word.start, position)).toLowerCase()
      : '';
    const values = valuesFor(key, fc.config);
    // Values that start with what was typed come first, in their configured order ("dep": deploy, then dependency).
    const firstPrefix = typed ? values.findIndex((v) => v.id.toLowerCase().startsWith(typed)) : -1;
    return values.map((v, i) => {
      const item = new vscode.CompletionItem(v.id, v.kind);
      item.detail = v.detail;
      item.documentation = new vscode.MarkdownString(`**${v.id}**: ${v.detail}`);
      const prefix = typed && v.id.toLowerCase().startsWith(typed);
      item.sortText = `${prefix ? 0 : 1}${String(i).padStart(3, '0')}`;
      item.filterText = v.id;
      if (i === firstPrefix) item.preselect = true;
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
    const onKey = keyRangeAt(document, position);
    if (onKey && !(TIME_FIELDS as readonly string[]).includes(onKey.key)) {
      const doc =
        KEY_DOCS[onKey.key] ??
        (FIELD_EXPECTATIONS[onKey.key]
          ? `Expected: ${FIELD_EXPECTATIONS[onKey.key]}.`
          : 'Not a field Hindsight knows; kept as written.');
      const expected = FIELD_EXPECTATIONS[onKey.key];
      return new vscode.Hover(
        new vscode.MarkdownString(
          `**\`${onKey.key}\`**\n\n${doc}${expected && KEY_DOCS[onKey.key] ? `\n\nExpected: ${expected}.` : ''}`,
        ),
        onKey.range,
      );
    }
    const key = keyAt(document, position.line, fm.first);
    if (!key) return undefined;
    if ((TIME_FIELDS as readonly string[]).includes(key)) {
      // The front matter alone (at most 500 lines): a hostile body cannot hold the host here.
      const head = document.getText(new vscode.Range(0, 0, fm.last + 2, 0));
      const { meta } = parseActionOutline(head, { config: fc.config });
      const rows = incidentTimes(meta)
        .map((r) => `| ${r.label} | ${r.value} |`)
        .join('\n');
      const md = new vscode.MarkdownString(
        `**\`${key}\`**: ${KEY_DOCS[key]}\n\n**Incident times**\n\n| | |\n| --- | --- |\n${rows}`,
      );
      return new vscode.Hover(md, document.lineAt(position.line).range);
    }
    const range = document.getWordRangeAtPosition(position, /[\w-]+/);
    if (!range) return undefined;
    const word = document.getText(range);
    const value = valuesFor(key, fc.config).find((v) => v.id === word);
    if (!value) return undefined;
    const label =
      key === 'severity' ? 'Severity' : key === 'status' ? 'Status' : 'Root-cause category';
    return new vscode.Hover(
      new vscode.MarkdownString(`**${label} \`${value.id}\`**\n\n${value.detail}`),
      range,
    );
  }
}

export function registerFrontMatterAssist(
  context: vscode.ExtensionContext,
  settings: Settings,
): void {
  const selector: vscode.DocumentSelector = { language: 'markdown' };
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(
      selector,
      new FrontMatterCompletions(settings),
      ':',
      ' ',
      ',',
      '[',
      '-',
    ),
    vscode.languages.registerHoverProvider(selector, new FrontMatterHovers(settings)),
  );
}
