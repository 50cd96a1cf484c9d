/**
 * Whether front matter is made only of the plainest YAML, which readSimpleYaml reads in one pass,
 * about ten times faster than `yaml` (bench/README.md), and exactly as `yaml` does, without an
 * error or warning from it: `key: value` lines, one level of nested `key: value` or `- item` lines
 * under a key with no value, comments and blank lines. A value is a double- or single-quoted string
 * without escapes, a flow list of such values, or a plain value that starts with a letter or digit
 * and reads the same under the core schema of `yaml` and of js-yaml: a word, a sentence, an
 * integer, a decimal, a date or a time stamp. Anything else (tags, anchors, block scalars,
 * continuation lines, duplicate keys, tabs, numbers written another way, yes/no) is left to `yaml`,
 * which gives positions for problems. The properties in test/simple-yaml.test.ts hold the data to
 * what `yaml` and js-yaml read.
 */
export function isSimpleYaml(raw: string): boolean {
  return readPlain(raw) !== undefined;
}

/**
 * The mapping simple YAML (see isSimpleYaml) holds, as js-yaml's core schema reads it; undefined
 * for YAML that is not simple, and for a document with no key (js-yaml reads no document there).
 */
export function readSimpleYaml(raw: string): Record<string, unknown> | undefined {
  const data = readPlain(raw);
  return data && Object.keys(data).length > 0 ? data : undefined;
}

/** Tabs, control characters and characters beyond the Basic Multilingual Plane: left to `yaml`. */
const UNUSUAL = /[^\x20-\x7e\u00a0-\ud7ff\ue000-\ufdcf\ufdf0-\ufffd]/;
const UNUSUAL_OR_LF = /[^\n\x20-\x7e\u00a0-\ud7ff\ue000-\ufdcf\ufdf0-\ufffd]/;
const BLANK_OR_COMMENT = /^ *(?:#.*)?$/;

/** The data of simple YAML, or undefined when the text is not simple YAML. */
function readPlain(raw: string): Record<string, unknown> | undefined {
  const data: Record<string, unknown> = {};
  /** The open block under a key with no value: its indent and kind once its first line is seen. */
  let block:
    { key: string; indent: number; map?: Record<string, unknown>; seq?: unknown[] } | undefined;
  // Without a CR, one test of the whole text stands for one per line.
  const crs = raw.includes('\r');
  if (!crs && UNUSUAL_OR_LF.test(raw)) return undefined;
  let from = 0;
  while (from <= raw.length) {
    let to = raw.indexOf('\n', from);
    if (to < 0) to = raw.length;
    let line = raw.slice(from, to);
    from = to + 1;
    if (crs && line.endsWith('\r')) line = line.slice(0, -1);
    if (line === '') continue;
    if (crs && UNUSUAL.test(line)) return undefined;
    const first = line.charCodeAt(0);
    if ((first === 32 || first === 35) && BLANK_OR_COMMENT.test(line)) continue;
    const top = isLetter(first) ? TOP_KEY.exec(line) : null;
    if (top) {
      const key = top[1]!;
      if (!newKey(data, key)) return undefined;
      block = undefined;
      if (top[2] === undefined) {
        data[key] = null;
        block = { key, indent: -1 };
      } else {
        const value = simpleValue(top[2]);
        if (value === NOT_SIMPLE) return undefined;
        data[key] = value;
      }
      continue;
    }
    if (!block) return undefined;
    const item = SEQ_ITEM.exec(line);
    const nested = item ? undefined : NESTED_KEY.exec(line);
    const indent = (item ?? nested)?.[1]?.length;
    if (indent === undefined) return undefined;
    if (block.indent < 0) {
      block.indent = indent;
      if (item) data[block.key] = block.seq = [];
      else data[block.key] = block.map = {};
    }
    if (block.indent !== indent) return undefined;
    if (item) {
      if (!block.seq) return undefined;
      const value = simpleScalar(item[2]!);
      if (value === NOT_SIMPLE) return undefined;
      block.seq.push(value);
    } else {
      if (!block.map || indent === 0 || !newKey(block.map, nested![2]!)) return undefined;
      const value = simpleValue(nested![3]!);
      if (value === NOT_SIMPLE) return undefined;
      block.map[nested![2]!] = value;
    }
  }
  return data;
}

const KEY = '[A-Za-z][A-Za-z0-9_-]*';
const TOP_KEY = new RegExp(`^(${KEY}):(?: +(\\S.*?))? *$`);
const NESTED_KEY = new RegExp(`^( +)(${KEY}): +(\\S.*?) *$`);
const SEQ_ITEM = /^( *)- +(\S.*?) *$/;
/** Words the two core schemas read as booleans or null, or YAML 1.1 did; only the lower-case three are kept. */
const RESERVED = /^(?:true|false|null|yes|no|on|off|y|n)$/i;

/** A key once per mapping, and no word a schema reads as something other than a string. */
function newKey(map: Record<string, unknown>, key: string): boolean {
  return !(key.length <= 5 && RESERVED.test(key)) && !Object.hasOwn(map, key);
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** What a value that is not simple reads as: nothing, the text goes to `yaml`. */
const NOT_SIMPLE = Symbol('not simple');
type Simple = string | number | boolean | null;

const LIST = /^\[(.*)\]$/;
const FLOW_INDICATOR = /[[\]{}]/;

function simpleValue(value: string): Simple | Simple[] | typeof NOT_SIMPLE {
  const list = LIST.exec(value);
  if (!list) return simpleScalar(value);
  if (/^ *$/.test(list[1]!)) return [];
  const items: Simple[] = [];
  for (const item of list[1]!.split(',')) {
    const v = item.trim();
    if (v === '' || FLOW_INDICATOR.test(v)) return NOT_SIMPLE;
    const read = simpleScalar(v);
    if (read === NOT_SIMPLE) return NOT_SIMPLE;
    items.push(read);
  }
  return items;
}

// Plain values start with a letter or digit, so no number here is negative.
const INTEGER = /^(?:0|[1-9][0-9]{0,14})$/;
const DECIMAL = /^(?:0|[1-9][0-9]{0,14})\.[0-9]{1,15}$/;
const DATE_TIME =
  /^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[Tt ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:[0-9]{2})?)?$/;
const DOUBLE_QUOTED = /^"[^"\\]*"$/;
const SINGLE_QUOTED = /^'[^']*'$/;
const PLAIN_START = /^[A-Za-z0-9]/;
const NOT_PLAIN = /: |:$| #|[{}[\]]/;

/** A scalar as the core schemas read it: no timestamps, so dates stay strings. */
function simpleScalar(value: string): Simple | typeof NOT_SIMPLE {
  const first = value.charCodeAt(0);
  if (first === 34) return DOUBLE_QUOTED.test(value) ? value.slice(1, -1) : NOT_SIMPLE;
  if (first === 39) return SINGLE_QUOTED.test(value) ? value.slice(1, -1) : NOT_SIMPLE;
  if (!PLAIN_START.test(value) || NOT_PLAIN.test(value)) return NOT_SIMPLE;
  if (first >= 48 && first <= 57) {
    if (INTEGER.test(value) || DECIMAL.test(value)) return Number(value);
    return DATE_TIME.test(value) ? value : NOT_SIMPLE;
  }
  if (value.length > 5) return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (value === 'null') return null;
  return RESERVED.test(value) ? NOT_SIMPLE : value;
}
