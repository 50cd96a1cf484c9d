import type { Postmortem } from '../parse';
import { escapeRegExp } from '../text';

/*
 * Where a document states its fields outside front matter: `Label: value` lines, front-matter
 * keys of any tool, its first level-1 heading. Shared by the title, date, status, severity and
 * services readers.
 */

/** A `Label: value` line of a document's metadata block (plain, bold or a two-cell table row). */
export interface LabelledLine {
  label: string;
  value: string;
  line: number;
}

// A label may be written in two languages, the other first: `重大度 / Severity:`.
const OTHER_LANGUAGE = String.raw`(?:[^\x00-\x7F|:：]+?[ \t]*\/[ \t]*)?`;
// The label may be in bold or, as in Jira's wiki markup, in single emphasis: `*Components:* billing`.
const LABEL_LINE = new RegExp(
  String.raw`^[ \t]*(?:(?:[-*+]|\d{1,2}[.)])[ \t]+)?(?:\*\*?|__?)?${OTHER_LANGUAGE}([A-Za-z][A-Za-z /()&'-]{0,40}?)(?:\*\*?|__?)?[ \t]*(?:::|[:：])(?:\*\*?|__?)?[ \t]*(\S.*?)[ \t]*$`,
);
// A row of a two-column metadata table: the label cell and the next one (later cells, such as a date, are not the value).
const TABLE_ROW = new RegExp(
  String.raw`^[ \t]*\|[ \t]*(?:\*\*|__)?${OTHER_LANGUAGE}([A-Za-z][A-Za-z /()&'-]{0,40}?)(?:\*\*|__)?[ \t]*:?[ \t]*\|[ \t]*([^|]*?)[ \t]*(?:\|.*)?$`,
);
// Several fields on one line: `**Incident:** 42 · **Date:** 3 June 2025`, or Jira's tab-separated `Type:\tBug\tPriority:\tHigh`.
const NEXT_FIELD =
  /[ \t]+[·•][ \t]+|\t+(?=(?:\*\*|__)?[A-Za-z][A-Za-z /()&'-]{0,40}(?:\*\*|__)?[ \t]*[:：])/;

// A row of an HTML metadata table, as Confluence exports write them: `<tr><th>Priority</th><td>P2</td></tr>`.
const HTML_ROW =
  /^[ \t]*(?:<tr[^>]*>)?[ \t]*<t[hd][^>]*>[ \t]*(?:<(?:strong|b)>)?([A-Za-z][A-Za-z /()&'-]{0,40}?)(?:<\/(?:strong|b)>)?[ \t]*:?[ \t]*<\/t[hd]>[ \t]*<td[^>]*>(.*?)<\/td>/i;
// A date said of the document beside its fields: `· Reviewed 28 March 2025`, `· Last updated 2 May`.
const DATED_PART =
  /^[ \t]*(reviewed|published|updated|written|posted|created|edited|last (?:modified|updated|edited|reviewed))(?: on)?[ \t]+(\d.*|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[ \t]+\d.*)$/i;

/** A heading that names the severity: its first line of text is the value. */
const SEVERITY_HEADING =
  /^ {0,3}#{1,6}[ \t]+((?:incident )?(?:severity|priority)(?: level)?|sev)[ \t#:]*$/i;
/** A cell that may name a field: a few words, no sentence. */
const FIELD_NAME = /^[A-Za-z][A-Za-z /()&'-]{0,40}$/;

/** A header cell that heads a table of labelled rows ("| Role | Name |"), read row by row instead. */
const ROW_LABEL_HEAD =
  /^(?:role|field|name|key|item|attribute|property|label|what|parameter|detail)s?$/i;

/**
 * The fields of a metadata table of one row under its header, as some templates write them across
 * (`| Severity | Date | Author |` over `| 3 | 9 July 2025 | Rosa |`), the header row at line `n`;
 * undefined for any other table.
 */
function oneRowTable(
  pm: Pick<Postmortem, 'text' | 'lines'>,
  n: number,
): [label: string, value: string][] | undefined {
  if (n + 2 > pm.lines.lineCount || !/^\|?[\s:|-]+\|[\s:|-]*$/.test(pm.lines.lineText(n + 1)))
    return undefined;
  if (
    n + 3 <= pm.lines.lineCount &&
    pm.lines
      .lineText(n + 3)
      .trim()
      .startsWith('|')
  )
    return undefined;
  const cells = (row: string) =>
    row
      .trim()
      .replace(/^\|/, '')
      .replace(/\|$/, '')
      .split('|')
      .map((c) => c.trim());
  const head = cells(pm.lines.lineText(n));
  const values = cells(pm.lines.lineText(n + 2));
  if (
    head.length < 3 ||
    values.length !== head.length ||
    ROW_LABEL_HEAD.test(head[0]!) ||
    !head.every((h) => FIELD_NAME.test(h))
  )
    return undefined;
  return head.map((h, i) => [stripInline(h), values[i]!]);
}

/** Labelled lines of the document outside code blocks and front matter. */
export function labelledLines(
  pm: Pick<Postmortem, 'text' | 'lines' | 'frontMatter'>,
): LabelledLine[] {
  const out: LabelledLine[] = [];
  const first = pm.frontMatter ? pm.lines.position(pm.frontMatter.end).line : 1;
  let fence = false;
  for (let n = first; n <= pm.lines.lineCount; n++) {
    const line = pm.lines.lineText(n);
    if (/^ {0,3}(?:```|~~~)/.test(line)) fence = !fence;
    if (fence) continue;
    const across = line.startsWith('|') ? oneRowTable(pm, n) : undefined;
    if (across) {
      for (const [label, value] of across) pushField(out, label, value, n + 2);
      n += 2;
      continue;
    }
    const row = TABLE_ROW.exec(line);
    if (row && !LABEL_LINE.test(line)) {
      push(out, row, n);
      continue;
    }
    if (/^ {0,3}#/.test(line)) {
      // A heading that names the severity over its value: "### Severity" over "P1 — full loss of …".
      const heading = SEVERITY_HEADING.exec(line);
      let k = n + 1;
      while (heading && k <= pm.lines.lineCount && pm.lines.lineText(k).trim() === '') k++;
      const value = heading && k <= pm.lines.lineCount ? pm.lines.lineText(k).trim() : '';
      if (heading && value && !/^(?:#|\||[-*+]\s|\d+[.)]\s|```|~~~|<)/.test(value))
        pushField(out, heading[1]!, value.slice(0, 200), k);
      continue;
    }
    const html = line.includes('</t') ? HTML_ROW.exec(line) : null;
    if (html) {
      pushField(out, html[1]!, html[2]!.replace(/<[^>]*>/g, ' '), n);
      continue;
    }
    // Each field of a line of several; a part that is not `Label: value` belongs to the one
    // before, unless it is a date said of the document ("Reviewed 28 March 2025").
    const parts: string[] = [];
    for (const part of line.split(NEXT_FIELD)) {
      if (parts.length && !LABEL_LINE.test(part) && !DATED_PART.test(part))
        parts[parts.length - 1] += ` · ${part}`;
      else parts.push(part);
    }
    for (const part of parts)
      push(out, LABEL_LINE.exec(part) ?? TABLE_ROW.exec(part) ?? DATED_PART.exec(part), n);
  }
  return out;
}

function push(out: LabelledLine[], m: RegExpExecArray | null, line: number): void {
  if (m) pushField(out, m[1]!, m[2]!, line);
}

function pushField(out: LabelledLine[], label: string, value: string, line: number): void {
  if (!/^https?$/i.test(label))
    out.push({ label: label.trim().toLowerCase(), value: stripInline(value), line });
}

/** Markdown emphasis, code and links reduced to their text. */
export function stripInline(s: string): string {
  return s
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=$|[\s).,;:])/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\|\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The value of the first front-matter key among `keys` (case-insensitive), with its line. */
export function frontMatterValue(
  pm: Pick<Postmortem, 'frontMatter' | 'lines' | 'text'>,
  keys: string[],
): { key: string; value: unknown; line: number } | undefined {
  const data = pm.frontMatter?.data;
  if (!data) return undefined;
  const present = (v: unknown) => v !== null && v !== undefined && v !== '';
  for (const want of keys) {
    const key = Object.keys(data).find((k) => k.toLowerCase() === want);
    if (key === undefined || !present(data[key])) continue;
    return { key, value: data[key], line: frontMatterLine(pm, key) };
  }
  // One level down, as some tools group the incident's fields: `incident: {started, severity}`.
  for (const want of keys) {
    for (const group of Object.values(data)) {
      if (!group || typeof group !== 'object' || Array.isArray(group)) continue;
      const inner = group as Record<string, unknown>;
      const key = Object.keys(inner).find((k) => k.toLowerCase() === want);
      if (key !== undefined && present(inner[key]))
        return { key, value: inner[key], line: frontMatterLine(pm, key) };
    }
  }
  return undefined;
}

/** The 1-based line of a top-level front-matter key. */
export function frontMatterLine(
  pm: Pick<Postmortem, 'frontMatter' | 'lines' | 'text'>,
  key: string,
): number {
  const fm = pm.frontMatter;
  if (!fm) return 1;
  const raw = pm.text.slice(fm.contentStart, fm.contentEnd);
  // `key:` in YAML, `key =` in TOML.
  const m = new RegExp(`^${escapeRegExp(key)}[ \t]*[:=]`, 'm').exec(raw);
  return pm.lines.position(fm.contentStart + (m?.index ?? 0)).line;
}

/** A front-matter value as a list of strings: "a, b", [a, b] or a number. */
export function asList(value: unknown): string[] {
  if (typeof value === 'string') return splitList(value);
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value))
    return value
      .filter((v) => typeof v === 'string' || typeof v === 'number')
      .map((v) => String(v).trim())
      .filter(Boolean);
  return [];
}

/**
 * "Ana, Ben and Chen (Payments)" -> [Ana, Ben, Chen]. With `keepQualifiers` (service names), a
 * short parenthesis stays with its name and `/` does not split: "log shipper (vector), HR/payroll".
 */
export function splitList(value: string, keepQualifiers = false): string[] {
  const text = stripInline(value).replace(
    /\[\[([^\]|]*)(?:\|([^\]]*))?\]\]/g,
    (_, page: string, shown?: string) => shown ?? page,
  );
  const items = keepQualifiers
    ? text
        // A short qualifier is part of the name, "(Kafka)", "(watch-state cluster)"; a longer one describes it.
        .replace(/\s*\(([^()]*)\)/g, (all, inner: string) =>
          (inner.match(/[\p{L}\d][\p{L}\d:.-]*/gu) ?? []).length <= 2 ? all : ' ',
        )
        .split(/\s*(?:[,;+&]|\band\b)\s*(?![^()]*\))/i)
    : text.replace(/\([^)]*\)/g, ' ').split(/\s*(?:,|;|\/|\band\b|&|\+)\s*/i);
  return items
    .map((s) => s.replace(/^[@\s]+|[\s.]+$/g, '').trim())
    .filter((s) => s.length > 0 && s.length <= 60 && !/^(?:n\/?a|none|tbd|-|—)$/i.test(s));
}

/** The first level-1 heading (ATX or setext) outside code, with its text stripped of markup. */
export function firstH1(pm: Postmortem): { text: string; line: number } | undefined {
  let fence = false;
  const first = pm.frontMatter ? pm.lines.position(pm.frontMatter.end).line : 1;
  for (let n = first; n <= pm.lines.lineCount; n++) {
    const line = pm.lines.lineText(n);
    if (/^ {0,3}(?:```|~~~)/.test(line)) fence = !fence;
    if (fence) continue;
    // Markdown's "# Title", or Jira wiki markup's "h1. Title".
    const atx =
      /^ {0,3}#[ \t]+(.*?)[ \t#]*$/.exec(line) ?? /^ {0,3}h1\.[ \t]+(.*?)[ \t]*$/.exec(line);
    if (atx && atx[1]!.trim()) return { text: stripInline(atx[1]!), line: n };
    if (n < pm.lines.lineCount && line.trim() && !/^ {0,3}(?:[-*+]|\d+[.)]|>|\|)/.test(line)) {
      const next = pm.text.slice(pm.lines.lineStart(n + 1), pm.lines.lineEnd(n + 1));
      if (/^ {0,3}=+[ \t]*$/.test(next)) return { text: stripInline(line), line: n };
    }
  }
  return undefined;
}

/** The `from` of a field read from front matter. */
export function fromFrontMatter(line: number): string {
  return `front matter line ${line}`;
}
