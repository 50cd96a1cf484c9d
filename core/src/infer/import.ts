import { parseDocument } from 'yaml';
import type { Config } from '../config';
import { isIsoDate, parseDateTime } from '../dates';
import { readTomlFrontMatter, tomlAsYaml, type TomlFrontMatter } from '../frontmatter';
import { parsePostmortem } from '../parse';
import { suggest } from '../suggest';
import { STATUSES } from '../taxonomy';
import { yamlString } from '../template';
import { frontMatterLine, inferFields, type InferredField } from './fields';
import { suggestRootCause, type RootCauseSuggestion } from './suggest-root-cause';

/** What a person must still check after an import, or why a file was refused. */
export interface ImportFinding {
  field?: string;
  message: string;
  line?: number;
}

export interface ImportOptions {
  config: Config;
  /** The file's name without folders: a source of title and date. */
  fileName?: string;
}

/** The outcome of importing one document. */
export interface ImportResult {
  /** The document with its front matter added or completed; the body is the input's, character for character. */
  text: string;
  /** False when the document already conformed (text equals the input). */
  changed: boolean;
  /** Every Hindsight field as it ends up, with where it came from and how sure the importer is. */
  inferred: Record<string, InferredField<string | string[]>>;
  /** The root-cause suggestion, when the importer needed one. */
  rootCause?: RootCauseSuggestion;
  findings: ImportFinding[];
  /** Set when the document cannot be imported safely; `text` is then the input unchanged. */
  refusal?: ImportFinding;
}

/** The tag an import adds when it could not name a root cause. */
export const NEEDS_TRIAGE = 'needs-triage';
/** Below this confidence an inferred value is listed for a person to check. */
const CHECK_BELOW = 0.8;
/** The order fields are written in. */
const ORDER = [
  'title',
  'date',
  'status',
  'severity',
  'root_cause',
  'services',
  'authors',
  'tags',
  'started',
] as const;
type Field = (typeof ORDER)[number];

/**
 * Imports a postmortem written in another format: infers the Hindsight front-matter fields (each
 * with its source and confidence), and adds or completes the front matter without touching the
 * body. A field already valid is kept as written; a field with a value Hindsight cannot read
 * (`severity: Sev 1`) is replaced on its line with the original kept as a comment above it.
 * A document that already conforms comes back unchanged, so importing twice changes nothing.
 * `text` must not start with a BOM (the caller keeps it). Pure; never throws.
 */
export function importPostmortem(text: string, options: ImportOptions): ImportResult {
  const { config } = options;
  const refuse = (finding: ImportFinding): ImportResult => ({
    text,
    changed: false,
    inferred: {},
    findings: [],
    refusal: finding,
  });
  // Hugo's TOML front matter: read for the fields, hidden from the Markdown reader, written back as YAML.
  const toml = readTomlFrontMatter(text);
  if (toml?.problems.length) {
    const p = toml.problems[0]!;
    return refuse({
      message: `${p.message.replace(/\.$/, '')}; fix the front matter, then import again.`,
      line: text.slice(0, p.start).split(/\r\n|\r|\n/).length,
    });
  }
  const pm = parsePostmortem(toml ? maskToml(text, toml) : text, { config });
  if (toml) {
    pm.text = text;
    pm.frontMatter = {
      start: toml.start,
      end: toml.end,
      contentStart: toml.contentStart,
      contentEnd: toml.contentEnd,
      doc: parseDocument(''),
      data: toml.data,
      problems: [],
    };
  }
  if (pm.refusal) return refuse({ message: pm.refusal.message, line: pm.refusal.line });
  const fm = pm.frontMatter;
  if (fm?.problems.length) {
    const p = fm.problems[0]!;
    return refuse({
      message: `${p.message.replace(/\.$/, '')}; fix the front matter, then import again.`,
      line: pm.lines.position(p.start).line,
    });
  }
  if (!fm && /^---[ \t]*(?:\r?\n|\r|$)/.test(text)) {
    return refuse({
      message:
        "The file starts with '---' but its front matter is never closed; expected a second '---' line.",
      line: 1,
    });
  }

  const { fields, notes } = inferFields(pm, { config, fileName: options.fileName });
  const findings: ImportFinding[] = notes.map((n) => ({ ...n }));
  const data = fm?.data ?? {};
  const values: Partial<Record<Field, InferredField<string | string[]>>> = { ...fields };

  // Root cause: kept when valid, a near miss corrected, else suggested from the text.
  const categories = config.categories.map((c) => c.id);
  const written = typeof data.root_cause === 'string' ? data.root_cause.trim() : undefined;
  let rootCause: RootCauseSuggestion | undefined;
  const rcLine = written !== undefined ? frontMatterLine(pm, 'root_cause') : undefined;
  if (written && categories.includes(written)) {
    values.root_cause = {
      value: written,
      from: `front matter line ${rcLine}`,
      confidence: 1,
      line: rcLine,
    };
  } else {
    const near = written ? suggest(written, categories) : undefined;
    if (near)
      values.root_cause = {
        value: near,
        from: `front matter line ${rcLine}`,
        confidence: 0.9,
        line: rcLine,
      };
    else {
      rootCause = suggestRootCause(pm, config);
      const best = rootCause.ranking[0];
      const evidence = rootCause.id !== 'unknown' && best ? best.evidence.slice(0, 3) : [];
      values.root_cause = {
        value: rootCause.id,
        from: evidence.length
          ? `${evidence.length === 1 ? 'line' : 'lines'} ${evidence.map((e) => e.line).join(', ')}: ${evidence.map((e) => `'${e.phrase.replace(/\s+/g, ' ')}'`).join(', ')}`
          : 'suggester',
        confidence: rootCause.confidence,
        line: evidence[0]?.line,
      };
      if (rootCause.id === 'unknown') {
        findings.push({
          field: 'root_cause',
          message: `Root cause left as unknown (${rootCause.explanation}); tagged ${NEEDS_TRIAGE}: choose a category.`,
        });
        const tags = (values.tags?.value as string[] | undefined) ?? [];
        values.tags = {
          value: [...tags.filter((t) => t !== NEEDS_TRIAGE), NEEDS_TRIAGE],
          from: values.tags ? `${values.tags.from}, suggester` : 'suggester',
          confidence: 1,
        };
      } else if (rootCause.level !== 'high') {
        findings.push({
          field: 'root_cause',
          message: `Root cause '${rootCause.id}' is a suggestion (confidence ${rootCause.confidence}: ${rootCause.explanation}); confirm it.`,
          line: values.root_cause.line,
        });
      }
    }
  }

  // What to write: fields missing or not readable as Hindsight values.
  const edits: { field: Field; value: string | string[] }[] = [];
  for (const field of ORDER) {
    const v = values[field];
    if (!v) continue;
    const present =
      Object.prototype.hasOwnProperty.call(data, field) &&
      data[field] !== null &&
      data[field] !== undefined;
    if (field === 'tags') {
      const existing = Array.isArray(data.tags)
        ? data.tags.map(String)
        : typeof data.tags === 'string'
          ? [data.tags]
          : [];
      const merged = [...existing, ...(v.value as string[]).filter((t) => !existing.includes(t))];
      if (merged.length !== existing.length || (present && !Array.isArray(data.tags)))
        edits.push({ field, value: merged });
      continue;
    }
    // A post's or a document's own date gives way to the incident date the text names (the line
    // is replaced, its original kept as a comment above it, as for values Hindsight cannot read).
    const movedDate = field === 'date' && present && v.value !== isoDay(data.date);
    if (present && isValid(field, data[field], config) && !movedDate) continue;
    if (field === 'started' && present) continue;
    edits.push({ field, value: v.value });
  }

  // Missing information a person must supply.
  if (!values.severity)
    findings.push({
      field: 'severity',
      message: `No severity is stated; add one of ${config.severities.map((s) => s.id).join(', ')}.`,
    });
  if (!values.services)
    findings.push({
      field: 'services',
      message: 'No affected services were found; add them as services: [...].',
    });
  if (!values.title) findings.push({ field: 'title', message: 'No title was found; add one.' });
  if (!values.date)
    findings.push({ field: 'date', message: 'No incident date was found; add date: YYYY-MM-DD.' });
  for (const field of ORDER) {
    const v = values[field];
    if (
      !v ||
      field === 'root_cause' ||
      v.confidence >= CHECK_BELOW ||
      !edits.some((e) => e.field === field)
    )
      continue;
    findings.push({
      field,
      message: `Check ${field} ${JSON.stringify(v.value)}: inferred from ${v.from} with confidence ${v.confidence}.`,
      line: v.line,
    });
  }

  const inferred: Record<string, InferredField<string | string[]>> = {};
  for (const field of ORDER) if (values[field]) inferred[field] = values[field]!;
  let out: string;
  if (toml) {
    findings.push({
      message: `The TOML front matter (between '+++' lines) was written as YAML front matter with the same keys and values${/^[ \t]*#/m.test(text.slice(toml.contentStart, toml.contentEnd)) ? '; its # comments were not carried over' : ''}; the body is unchanged.`,
      line: 1,
    });
    const eol = pm.lines.eol;
    const yaml = tomlAsYaml(toml.data ?? {}, eol);
    const open = `---${eol}`;
    const converted = `${open}${yaml}---${eol}${text.slice(toml.end)}`;
    out = applyFrontMatter(converted, eol, edits, {
      contentStart: open.length,
      contentEnd: open.length + yaml.length,
    });
  } else out = edits.length ? applyFrontMatter(text, pm.lines.eol, edits, pm.frontMatter) : text;
  return { text: out, changed: out !== text, inferred, rootCause, findings };
}

/** The day a front-matter date value names (YAML may give a Date or a date-time string). */
function isoDay(value: unknown): string {
  return value instanceof Date
    ? value.toISOString().slice(0, 10)
    : String(value).trim().slice(0, 10);
}

/**
 * The text as the Markdown reader should see it: the TOML block becomes an empty YAML block of the
 * same length, so every offset and line of the body stays where it is.
 */
function maskToml(text: string, toml: TomlFrontMatter): string {
  const close = text.indexOf('+++', toml.contentEnd);
  return (
    '---' +
    text.slice(3, toml.contentStart) +
    text.slice(toml.contentStart, toml.contentEnd).replace(/[^\r\n]/g, ' ') +
    '---' +
    text.slice(close + 3)
  );
}

function isValid(field: Field, value: unknown, config: Config): boolean {
  switch (field) {
    case 'title':
      return typeof value === 'string' && value.trim().length > 0;
    case 'date':
      return typeof value === 'string' && isIsoDate(value);
    case 'status':
      return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
    case 'severity':
      return typeof value === 'string' && config.severities.some((s) => s.id === value);
    case 'root_cause':
      return typeof value === 'string' && config.categories.some((c) => c.id === value);
    case 'services':
    case 'authors':
    case 'tags':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && v.length > 0);
    case 'started':
      return typeof value === 'string' && parseDateTime(value) !== undefined;
  }
}

function yamlValue(field: Field, value: string | string[]): string {
  if (Array.isArray(value)) return `[${value.map(yamlString).join(', ')}]`;
  // Dates are written bare, as the template writes them.
  return (field === 'date' && isIsoDate(value)) ||
    (field === 'started' && parseDateTime(value) !== undefined)
    ? value
    : yamlString(value);
}

/**
 * Writes the edits into the front matter (or a new one): a missing field is added before the
 * closing fence; a field present with another value has its lines replaced, the original lines
 * kept above as comments. Everything after the front matter is left as it was.
 */
function applyFrontMatter(
  text: string,
  eol: string,
  edits: { field: Field; value: string | string[] }[],
  fm: { contentStart: number; contentEnd: number } | undefined,
): string {
  if (!fm) {
    const lines = edits.map((e) => `${e.field}: ${yamlValue(e.field, e.value)}`);
    return `---${eol}${lines.join(eol)}${eol}---${eol}${text}`;
  }
  const raw = text.slice(fm.contentStart, fm.contentEnd);
  const lines = raw.length ? raw.split(/(?<=\r\n|\n|\r)/) : [];
  const added: string[] = [];
  for (const e of edits) {
    const line = `${e.field}: ${yamlValue(e.field, e.value)}`;
    const at = lines.findIndex((l) => new RegExp(`^${e.field}[ \\t]*:`).test(l));
    if (at < 0) {
      added.push(line + eol);
      continue;
    }
    // The key's lines: its own and the indented (or list) lines under it.
    let end = at + 1;
    while (
      end < lines.length &&
      /^(?:[ \t]+\S|[ \t]*-[ \t]|[ \t]*\r?\n?$)/.test(lines[end]!) &&
      !/^[ \t]*\r?\n?$/.test(lines[end]!)
    )
      end++;
    const old = lines.slice(at, end);
    const lastEol = /(\r\n|\n|\r)$/.exec(old[old.length - 1]!)?.[1] ?? eol;
    const keep =
      e.field === 'tags'
        ? []
        : old.map((l) => `# before import: ${l.replace(/(\r\n|\n|\r)$/, '')}${eol}`);
    lines.splice(at, end - at, ...keep, line + lastEol);
  }
  // A last front-matter line without a line break (only possible before the fence on the same line) is not expected; guard anyway.
  if (lines.length && !/(\r\n|\n|\r)$/.test(lines[lines.length - 1]!))
    lines[lines.length - 1] += eol;
  return (
    text.slice(0, fm.contentStart) + lines.join('') + added.join('') + text.slice(fm.contentEnd)
  );
}
