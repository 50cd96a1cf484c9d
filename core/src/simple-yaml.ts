/**
 * Whether front matter is made only of the plainest YAML, which js-yaml reads ten times faster than
 * `yaml` (bench/README.md) and exactly as `yaml` does, without an error or warning from either:
 * `key: value` lines, one level of nested `key: value` or `- item` lines under a key with no
 * value, comments and blank lines. A value is a double- or single-quoted string without escapes,
 * a flow list of such values, or a plain value that starts with a letter or digit and reads the
 * same under both libraries' core schema: a word, a sentence, an integer, a decimal, a date or a
 * time stamp. Anything else (tags, anchors, block scalars, continuation lines, duplicate keys,
 * tabs, numbers written another way, yes/no) is left to `yaml`, which gives positions for problems.
 * The property in test/simple-yaml.test.ts holds the two libraries to the same data.
 */
export function isSimpleYaml(raw: string): boolean {
  const keys = new Set<string>();
  /** The open block under a key with no value: its indent and kind once its first line is seen. */
  let block: { keys: Set<string>; indent: number; kind?: 'map' | 'seq' } | undefined;
  for (let line of raw.split('\n')) {
    if (line.endsWith('\r')) line = line.slice(0, -1);
    // Tabs, control characters and characters beyond the Basic Multilingual Plane: left to `yaml`.
    if (/[^\x20-\x7e\u00a0-\ud7ff\ue000-\ufdcf\ufdf0-\ufffd]/.test(line)) return false;
    if (/^ *(?:#.*)?$/.test(line)) continue;
    const top = TOP_KEY.exec(line);
    if (top) {
      if (!addKey(keys, top[1]!)) return false;
      block = undefined;
      if (top[2] === undefined) block = { keys: new Set(), indent: -1 };
      else if (!isSimpleValue(top[2])) return false;
      continue;
    }
    if (!block) return false;
    const item = SEQ_ITEM.exec(line);
    const nested = item ? undefined : NESTED_KEY.exec(line);
    const indent = (item ?? nested)?.[1]?.length;
    if (indent === undefined) return false;
    const kind = item ? 'seq' : 'map';
    if (block.indent < 0) Object.assign(block, { indent, kind });
    if (block.indent !== indent || block.kind !== kind) return false;
    if (
      item
        ? !isSimpleScalar(item[2]!)
        : !(indent > 0 && addKey(block.keys, nested![2]!) && isSimpleValue(nested![3]!))
    )
      return false;
  }
  return true;
}

const KEY = '[A-Za-z][A-Za-z0-9_-]*';
const TOP_KEY = new RegExp(`^(${KEY}):(?: +(\\S.*?))? *$`);
const NESTED_KEY = new RegExp(`^( +)(${KEY}): +(\\S.*?) *$`);
const SEQ_ITEM = /^( *)- +(\S.*?) *$/;
/** Words the two core schemas read as booleans or null, or YAML 1.1 did; only the lower-case three are kept. */
const RESERVED = /^(?:true|false|null|yes|no|on|off|y|n)$/i;

/** A key once per mapping, and no word a schema reads as something other than a string. */
function addKey(keys: Set<string>, key: string): boolean {
  if (RESERVED.test(key) || keys.has(key)) return false;
  keys.add(key);
  return true;
}

function isSimpleValue(value: string): boolean {
  const list = /^\[(.*)\]$/.exec(value);
  if (!list) return isSimpleScalar(value);
  if (/^ *$/.test(list[1]!)) return true;
  return list[1]!.split(',').every((item) => {
    const v = item.trim();
    return v !== '' && !/[[\]{}]/.test(v) && isSimpleScalar(v);
  });
}

// Plain values start with a letter or digit, so no number here is negative.
const INTEGER = /^(?:0|[1-9][0-9]{0,14})$/;
const DECIMAL = /^(?:0|[1-9][0-9]{0,14})\.[0-9]{1,15}$/;
const DATE_TIME =
  /^[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[Tt ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:[0-9]{2})?)?$/;

function isSimpleScalar(value: string): boolean {
  if (/^"[^"\\]*"$/.test(value) || /^'[^']*'$/.test(value)) return true;
  if (!/^[A-Za-z0-9]/.test(value) || /: |:$| #|[{}[\]]/.test(value)) return false;
  if (/^[0-9]/.test(value))
    return INTEGER.test(value) || DECIMAL.test(value) || DATE_TIME.test(value);
  return !RESERVED.test(value) || /^(?:true|false|null)$/.test(value);
}
