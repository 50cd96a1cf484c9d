import { parse as parseToml, TomlDate, TomlError } from 'smol-toml';
import {
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  stringify,
  type Document,
  type Node as YamlNode,
} from 'yaml';
import * as z from 'zod';
import { FIELDS, fieldSchema, type FieldDef, type FieldName } from './fields';
import type { Config } from './config';
import { readSimpleYaml } from './simple-yaml';

import type { Problem } from './problem';

/** The front-matter block of a postmortem. */
export interface FrontMatterBlock {
  /** Offsets of the whole block, fences included. */
  start: number;
  end: number;
  /** Offsets of the YAML between the fences. */
  contentStart: number;
  contentEnd: number;
  /** The YAML document with source positions (parsed when first asked for if the YAML is simple). */
  doc: Document;
  /** The parsed mapping, or undefined when the YAML is broken or not a mapping. */
  data: Record<string, unknown> | undefined;
  problems: Problem[];
}

export {
  FIELD_EXPECTATIONS,
  KNOWN_FIELDS,
  TIME_FIELDS,
  toMeta,
  type Meta,
  type TimeField,
} from './fields';

/**
 * The structural front-matter schema shared by the rules and the site, from FIELDS. Membership of
 * severity and root-cause ids in the configured lists is checked by their own rules, which can
 * suggest a fix.
 */
export const frontMatterShape = Object.fromEntries(
  (FIELDS as readonly FieldDef[]).map((f) => [
    f.name,
    f.required ? fieldSchema(f) : fieldSchema(f).optional(),
  ]),
) as Record<FieldName, z.ZodType>;

/** The front-matter schema with the configured severities and categories as enums (for the site). */
export function frontMatterSchema(config: Config) {
  const severities = config.severities.map((s) => s.id) as [string, ...string[]];
  const categories = config.categories.map((c) => c.id) as [string, ...string[]];
  return z.looseObject({
    ...frontMatterShape,
    severity: z.enum(severities),
    root_cause: z.enum(categories),
    contributing: z.array(z.enum(categories)).optional(),
  });
}

/** Front matter beyond this many lines is not read: real ones have a few dozen. */
export const MAX_FRONT_MATTER_LINES = 1000;
/** YAML errors reported per file; after the first few they are consequences of the first. */
const MAX_YAML_PROBLEMS = 5;

/** The YAML document with source positions, as the rules and fixes read it. */
function parseYaml(source: string): Document {
  return parseDocument(source, { prettyErrors: false, uniqueKeys: true, strict: true });
}

/**
 * Front matter readSimpleYaml read: the YAML document with positions is parsed when first asked
 * for. The getter is the class's, one function for every block: a getter written in each block's
 * object literal (a closure over the YAML, a slice of the whole text) kept every file of a lint
 * run reachable until the next full collection (see LazyTreeModel in read/model.ts).
 */
class SimpleFrontMatter implements FrontMatterBlock {
  contentEnd: number;
  problems: Problem[] = [];
  #source: string | undefined;
  #doc: Document | undefined;
  constructor(
    public start: number,
    public end: number,
    public contentStart: number,
    source: string,
    public data: Record<string, unknown>,
  ) {
    this.contentEnd = contentStart + source.length;
    this.#source = source;
  }
  get doc(): Document {
    if (this.#doc === undefined) {
      this.#doc = parseYaml(this.#source!);
      this.#source = undefined;
    }
    return this.#doc;
  }
}

/** Parses the YAML of a front-matter block. `raw` is the text between the fences. */
export function readFrontMatter(
  raw: string,
  start: number,
  end: number,
  contentStart: number,
): FrontMatterBlock {
  // Front matter the YAML parser would take too long over is not read, with one problem saying why.
  const refuse = (problem: Problem): FrontMatterBlock => ({
    start,
    end,
    contentStart,
    contentEnd: contentStart + raw.length,
    doc: parseDocument(''),
    data: undefined,
    problems: [problem],
  });
  if (countLines(raw, MAX_FRONT_MATTER_LINES + 1) > MAX_FRONT_MATTER_LINES) {
    const lineCount = countLines(raw, Infinity);
    return refuse({
      message: `Front matter has ${lineCount} lines; expected at most ${MAX_FRONT_MATTER_LINES}, so it was not read.`,
      start: contentStart,
      end: contentStart,
    });
  }
  const deep = deepFlowNesting(raw);
  if (deep !== undefined) {
    return refuse({
      message: `Front matter nests [ ] or { } more than ${MAX_FLOW_DEPTH} levels deep; expected plain key: value pairs, so it was not read.`,
      start: contentStart + deep,
      end: contentStart + deep + 1,
    });
  }
  // The YAML parser does not take a lone CR as a line break; LF has the same length, so every
  // offset it reports still points into the original text.
  const source = raw.includes('\r') ? raw.replace(/\r(?!\n)/g, '\n') : raw;
  // Most front matter is plain key: value lines, which readSimpleYaml reads ten times faster and the
  // same way; the document with positions, which only findings about fields need, is parsed on demand.
  const simple = readSimpleYaml(source);
  if (simple) return new SimpleFrontMatter(start, end, contentStart, source, simple);
  const doc = parseYaml(source);
  const problems: Problem[] = [];
  // Warnings (an unresolved tag such as !!python/object) mean the value is not what it looks like.
  for (const err of [...doc.errors, ...doc.warnings].slice(0, MAX_YAML_PROBLEMS)) {
    problems.push({
      message: `Front matter is not valid YAML: ${cleanYamlMessage(err.message)}.`,
      start: contentStart + err.pos[0],
      end: contentStart + Math.max(err.pos[1], err.pos[0]),
    });
  }
  const total = doc.errors.length + doc.warnings.length;
  if (total > MAX_YAML_PROBLEMS) {
    const last = problems[problems.length - 1]!;
    last.message = last.message.replace(
      /\.$/,
      `; ${total - MAX_YAML_PROBLEMS} more problems follow from it.`,
    );
  }
  let data: Record<string, unknown> | undefined;
  if (doc.errors.length === 0) {
    try {
      const value: unknown = doc.toJS({ maxAliasCount: 100 });
      if (value === null || value === undefined) data = {};
      else if (typeof value === 'object' && !Array.isArray(value))
        data = value as Record<string, unknown>;
      else {
        problems.push({
          message: `Front matter is ${Array.isArray(value) ? 'a list' : `the ${typeof value} '${String(value)}'`}; expected key: value pairs such as 'title: ...'.`,
          start: contentStart,
          end: contentStart + raw.trimEnd().length,
        });
      }
    } catch (e) {
      problems.push({
        message: `Front matter could not be read: ${cleanYamlMessage((e as Error).message)}; expected plain key: value pairs.`,
        start: contentStart,
        end: contentStart + raw.trimEnd().length,
      });
    }
  }
  return { start, end, contentStart, contentEnd: contentStart + raw.length, doc, data, problems };
}

const MAX_FLOW_DEPTH = 50;

/**
 * Whether a quote at `i` can open a quoted scalar: first on its line, or after : - [ { , or ?
 * (spaces aside). Elsewhere it is text, and what follows still nests: `&'a: [[[` is an anchor
 * named 'a:, and in `[x '[[[` the brackets open sequences (a property test found the first).
 */
function startsScalar(raw: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (raw[j] === ' ' || raw[j] === '\t')) j--;
  return j < 0 || /[\n:\-[{,?]/.test(raw[j]!);
}

/** Offset where [ ] and { } nest deeper than MAX_FLOW_DEPTH (quotes respected), or undefined. */
function deepFlowNesting(raw: string): number | undefined {
  // Nesting deeper than the limit needs more opening brackets than the limit: most front matter has a few.
  let opening = 0;
  for (const c of ['[', '{'])
    for (let i = raw.indexOf(c); i >= 0 && opening <= MAX_FLOW_DEPTH; i = raw.indexOf(c, i + 1))
      opening++;
  if (opening <= MAX_FLOW_DEPTH) return undefined;
  let depth = 0;
  let quote = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (quote) {
      // A backslash escapes only in double quotes.
      if (c === quote && (quote === "'" || raw[i - 1] !== '\\')) quote = '';
      else if (c === '\n') quote = '';
    } else if ((c === '"' || c === "'") && startsScalar(raw, i)) {
      quote = c;
    } else if (c === '[' || c === '{') {
      if (++depth > MAX_FLOW_DEPTH) return i;
    } else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
    else if (c === '\n')
      depth = raw.startsWith(' ', i + 1) || raw.startsWith('\t', i + 1) ? depth : 0;
  }
  return undefined;
}

/** The number of lines of a text (LF-separated), counted up to `limit`. */
function countLines(text: string, limit: number): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0 && lines < limit; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

function cleanYamlMessage(message: string): string {
  return message
    .split('\n')[0]!
    .replace(/\s+at line \d+, column \d+.*$/s, '')
    .replace(/[.:]\s*$/, '')
    .slice(0, 200);
}

/** Offsets of a field in the front matter: its key, and its value (or list item) when present. */
export interface FieldLocation {
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
}

/**
 * Locates `field` (and optionally its `index`-th list item) in the front matter, as document offsets.
 */
export function locateField(
  block: FrontMatterBlock,
  field: string,
  index?: number,
): FieldLocation | undefined {
  const root = block.doc.contents;
  if (!isMap(root)) return undefined;
  for (const pair of root.items) {
    const key = pair.key as YamlNode | null;
    if (!isScalar(key) || String(key.value) !== field || !key.range) continue;
    const keyStart = block.contentStart + key.range[0];
    const keyEnd = block.contentStart + key.range[1];
    let value = pair.value as YamlNode | null;
    if (index !== undefined && isSeq(value))
      value = (value.items[index] as YamlNode | undefined) ?? value;
    if (!value || !value.range) return { keyStart, keyEnd, valueStart: keyStart, valueEnd: keyEnd };
    return {
      keyStart,
      keyEnd,
      valueStart: block.contentStart + value.range[0],
      valueEnd: block.contentStart + value.range[1],
    };
  }
  return undefined;
}

/** A TOML front-matter block between `+++` lines (Hugo's), read for `hindsight import`. */
export interface TomlFrontMatter {
  /** Offsets of the whole block, fences and the line break after the closing one included. */
  start: number;
  end: number;
  /** Offsets of the TOML between the fences. */
  contentStart: number;
  contentEnd: number;
  /** The table as plain values (dates as the text wrote them), or undefined when it is not valid TOML. */
  data: Record<string, unknown> | undefined;
  problems: Problem[];
}

const TOML_OPEN = /^\+\+\+[ \t]*(?:\r\n|\r|\n)/;

/**
 * The TOML front matter at the start of `text` (no BOM), or undefined when the text does not open
 * with a `+++` line. A block never closed, too long, or not valid TOML comes back with a problem.
 */
export function readTomlFrontMatter(text: string): TomlFrontMatter | undefined {
  const open = TOML_OPEN.exec(text);
  if (!open) return undefined;
  const contentStart = open[0].length;
  const close = /^\+\+\+[ \t]*$/gm;
  close.lastIndex = contentStart;
  const m = close.exec(text);
  if (!m) {
    return {
      start: 0,
      end: contentStart,
      contentStart,
      contentEnd: contentStart,
      data: undefined,
      problems: [
        {
          message:
            "The file starts with '+++' (TOML front matter) but it is never closed; expected a second '+++' line.",
          start: 0,
          end: 3,
        },
      ],
    };
  }
  const contentEnd = m.index;
  const lineBreak = /^(?:\r\n|\r|\n)/.exec(text.slice(m.index + m[0].length))?.[0] ?? '';
  const block = {
    start: 0,
    end: m.index + m[0].length + lineBreak.length,
    contentStart,
    contentEnd,
  };
  const raw = text.slice(contentStart, contentEnd);
  const lineCount = raw.split(/\r\n|\r|\n/).length;
  if (lineCount > MAX_FRONT_MATTER_LINES)
    return {
      ...block,
      data: undefined,
      problems: [
        {
          message: `Front matter has ${lineCount} lines; expected at most ${MAX_FRONT_MATTER_LINES}, so it was not read.`,
          start: contentStart,
          end: contentStart,
        },
      ],
    };
  try {
    const value = plainToml(parseToml(raw.replace(/\r(?!\n)/g, '\n')));
    return { ...block, data: value as Record<string, unknown>, problems: [] };
  } catch (e) {
    const err = e as Error;
    const at =
      err instanceof TomlError ? offsetOf(raw, err.line, err.column) + contentStart : contentStart;
    const what = err.message
      .replace(/^Invalid TOML document:\s*/, '')
      .split('\n')[0]!
      .replace(/[.:]\s*$/, '');
    return {
      ...block,
      data: undefined,
      problems: [{ message: `Front matter is not valid TOML: ${what}.`, start: at, end: at }],
    };
  }
}

/** The offset of a 1-based line and column in `raw`. */
function offsetOf(raw: string, line: number, column: number): number {
  let at = 0;
  for (let n = 1; n < line; n++) {
    const next = raw.slice(at).search(/\r\n|\r|\n/);
    if (next < 0) return raw.length;
    at += next + (raw.startsWith('\r\n', at + next) ? 2 : 1);
  }
  return Math.min(raw.length, at + Math.max(0, column - 1));
}

/** TOML values as plain data: a date or time as TOML wrote it (`2025-10-02T09:00:00+01:00`). */
function plainToml(value: unknown): unknown {
  if (value instanceof TomlDate) return value.toISOString().replace(/\.000(?=$|[Z+-])/, '');
  if (Array.isArray(value)) return value.map(plainToml);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainToml(v)]));
  return value;
}

/** TOML front-matter data as YAML lines (each ending in `eol`), keys in their order. */
export function tomlAsYaml(data: Record<string, unknown>, eol: string): string {
  if (!Object.keys(data).length) return '';
  return stringify(data, { lineWidth: 0 }).replace(/\n/g, eol);
}
