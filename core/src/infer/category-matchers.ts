import type { Category } from '../taxonomy';
import { escapeRegExp } from '../text';
import { ROOT_CAUSE_LEXICON, type LexiconPhrase } from './lexicon';

/** One category's phrases compiled into one regular expression, one capture group per phrase. */
export interface Matcher {
  category: Category;
  re: RegExp;
  phrases: LexiconPhrase[];
}

const STOP = new Set(
  'a an and are as at be by for from in into is it of on or that the this to was were with not yet its their other which what when where who why how than then there these those such'.split(
    ' ',
  ),
);

/** The phrases of a configured category: the lexicon's when it has an entry, else its label and description words. */
export function categoryPhrases(category: Category): LexiconPhrase[] {
  const known = ROOT_CAUSE_LEXICON[category.id];
  if (known) return [...known];
  const label = category.label.trim().toLowerCase();
  const labelPhrase: LexiconPhrase[] =
    label.length >= 3 ? [{ re: escape(label), weight: 2.5 }] : [];
  const words = new Set(
    `${category.label} ${category.description} ${category.id.replace(/-/g, ' ')}`
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 4 && !STOP.has(w)),
  );
  return [...labelPhrase, ...[...words].map((w) => ({ re: `${escape(w)}\\w*`, weight: 1.5 }))];
}

function escape(s: string): string {
  return escapeRegExp(s).replace(/[\s_-]+/g, '[\\s_-]+');
}

const matcherCache = new WeakMap<readonly Category[], Matcher[]>();

/** The matchers of a taxonomy, compiled once per categories array. */
export function matchers(categories: readonly Category[]): Matcher[] {
  let cached = matcherCache.get(categories);
  if (cached) return cached;
  cached = categories
    .filter((c) => c.id !== 'unknown')
    .map((category) => {
      const phrases = categoryPhrases(category);
      // One capture group per phrase. With a case-sensitive phrase (UPS) the others fold case by character classes.
      const anyCs = phrases.some((p) => p.cs);
      const source = phrases.map((p) => `(${anyCs && !p.cs ? foldCase(p.re) : p.re})`).join('|');
      return {
        category,
        phrases,
        re: new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, anyCs ? 'gu' : 'giu'),
      };
    });
  matcherCache.set(categories, cached);
  return cached;
}

function foldCase(re: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < re.length; i++) {
    const c = re[i]!;
    if (c === '\\') {
      out += c + (re[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    const lower = c.toLowerCase();
    const upper = c.toUpperCase();
    out += lower !== upper ? (inClass ? lower + upper : `[${lower}${upper}]`) : c;
  }
  return out;
}
