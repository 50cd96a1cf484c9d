import { stemmer } from 'stemmer';

/** A word of a text: its lower-cased form and where it stands. */
export interface Token {
  word: string;
  start: number;
  end: number;
}

/** The words of a text with their offsets, lower-cased; "artifact-store" is two words. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  forEachToken(text, (word, start, end) => void out.push({ word, start, end }));
  return out;
}

const LETTER = /\p{L}/u;
const NUMBER = /\p{N}/u;
/** Per BMP code unit: 0 not looked up yet, 1 a letter, 2 a digit or other number, 3 neither. */
const CLASS = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++)
  CLASS[c] = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : c >= 48 && c <= 57 ? 2 : 3;

/** 1 letter, 2 number, 3 neither, for the code point at `i`; `size` is its length in code units. */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) {
    let k = CLASS[c]!;
    if (k === 0) {
      const ch = text[i]!;
      k = CLASS[c] = LETTER.test(ch) ? 1 : NUMBER.test(ch) ? 2 : 3;
    }
    return k;
  }
  const cp = text.codePointAt(i)!;
  if (cp <= 0xffff) return 3; // A lone surrogate.
  const ch = String.fromCodePoint(cp);
  return LETTER.test(ch) ? 5 : NUMBER.test(ch) ? 6 : 3; // 4 + class: two code units.
}

/**
 * Calls `fn` with each word of a text as `tokenize` gives it, without building the list. A word is
 * what `/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu` matches (letters and digits, with one apostrophe and
 * letters after it: "team's", "don't"), found by a scan over character classes rather than the
 * expression: the search index tokenizes the whole library, and the scan costs a fraction of it
 * (test/search-tokens.test.ts holds it to the expression).
 */
export function forEachToken(
  text: string,
  fn: (word: string, start: number, end: number) => void,
): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    let k = classAt(text, i);
    if (k === 3) {
      i++;
      continue;
    }
    const start = i;
    // Letters and digits.
    while (i < n && k !== 3) {
      i += k > 4 ? 2 : 1;
      k = i < n ? classAt(text, i) : 3;
    }
    // One apostrophe followed by letters ("team's"): letters only after it.
    let apostrophe = false;
    if (i + 1 < n) {
      const c = text.charCodeAt(i);
      if (c === 39 || c === 0x2019) {
        let j = i + 1;
        let l = classAt(text, j);
        if (l === 1 || l === 5) {
          while (j < n && (l === 1 || l === 5)) {
            j += l === 5 ? 2 : 1;
            l = j < n ? classAt(text, j) : 3;
          }
          i = j;
          apostrophe = true;
        }
      }
    }
    const raw = text.slice(start, i);
    let word = raw.toLowerCase();
    // Only a word with an apostrophe has anything to drop ("team's", "don't").
    if (apostrophe) word = word.replace(/['’]s$/u, '').replace(/['’]/gu, '');
    if (word) fn(word, start, i);
  }
}

/**
 * Common English words that carry no meaning for a search ("the", "after", "on"): not indexed, and
 * left out of queries; a phrase skips them ("disk is full" is "disk full").
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been but by for from had has have he her his i if in into is it its of on or our ' +
    'she so than that the their them then there these they this those to too was we were what when where which ' +
    'while who why will with would you your after before during about over under up down out off again very can ' +
    'could should did do does not no nor all any both each few more most other some such only own same just also'
  ).split(' '),
);

const stems = new Map<string, string>();

/**
 * The search key of a word: its Porter stem ("restored", "restoring" -> "restor"). Words with digits
 * are kept whole (E502, sev1, int32).
 */
export function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    s = /\p{N}/u.test(word) || word.length < 3 ? word : stemmer(word);
    if (stems.size > 50_000) stems.clear();
    stems.set(word, s);
  }
  return s;
}

/** Whether a word may be matched approximately or by prefix: letters only. */
export function isPlainWord(word: string): boolean {
  return /^\p{L}+$/u.test(word);
}

/** Typos forgiven in a query word: none up to 3 letters, one up to 7, two from 8. */
export function typosAllowed(word: string): number {
  return word.length <= 3 ? 0 : word.length <= 7 ? 1 : 2;
}

/**
 * Edit distance with adjacent transpositions counted as one edit (optimal string alignment), or
 * `max + 1` as soon as it must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, prev2[j - 2]! + 1);
      cur.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}
