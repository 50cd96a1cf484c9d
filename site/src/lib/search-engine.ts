import Fuse from 'fuse.js';
import type { SearchRecord } from './derive';

/**
 * The site's search, run in the browser over the search index.
 *
 * fuse.js matched every record field by field: its cost grew with the number of postmortems times
 * the number of fields (36 ms p95 at 1,000, 277 ms at 10,000; bench/RESULTS.md). Here the records
 * are indexed once by their words, and each query word is matched against the vocabulary instead:
 * the distinct words of the library, which grow far slower than the library does.
 *
 * - A query word matches every vocabulary word that contains it ("lock" matches "deadlock").
 * - In the short fields (title, trigger, category, services, tags) it also matches words within
 *   a few typos, found by fuse.js among the vocabulary words that share enough letter pairs with it.
 * - A postmortem is a hit when every query word matches somewhere in it; hits are ranked by how
 *   exactly each word matched and how important the field is (a title outranks the root cause).
 */

export interface SearchField<R> {
  key: keyof R & string;
  /** Importance, 0-1: 1 for the title. */
  weight: number;
  /** Whether words within a few typos match (short fields only: typos in long texts match noise). */
  fuzzy: boolean;
}

/** The fields of the site's search index, as searched. */
export const SEARCH_FIELDS: SearchField<SearchRecord>[] = [
  { key: 'title', weight: 1, fuzzy: true },
  { key: 'trigger', weight: 0.6, fuzzy: true },
  { key: 'categoryLabel', weight: 0.6, fuzzy: true },
  { key: 'category', weight: 0.6, fuzzy: true },
  { key: 'services', weight: 0.6, fuzzy: true },
  { key: 'tags', weight: 0.5, fuzzy: true },
  { key: 'contributing', weight: 0.4, fuzzy: true },
  { key: 'rootCause', weight: 0.4, fuzzy: false },
  { key: 'summary', weight: 0.4, fuzzy: false },
];

/** Where a hit matched: a field, the value matched (one element of a list field) and the matched ranges, inclusive. */
export interface SearchMatch {
  key: string;
  value: string;
  indices: [number, number][];
}

export interface SearchHit<R> {
  item: R;
  /** 0 is a perfect match, 1 the worst that still matches. */
  score: number;
}

export interface SearchEngine<R> {
  /** Hits for every word of the query, best first (ties: newest first when records have a date). */
  search(query: string): SearchHit<R>[];
  /** Where a hit of the most recent query matched, for showing why it was found. */
  explain(hit: SearchHit<R>): SearchMatch[];
}

/** Fuzzy matches allow about one typo in four letters (fuse.js threshold). */
const THRESHOLD = 0.3;
const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a text, lower-cased, as the index and the queries split them. */
export function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

function values(record: unknown, key: string): string[] {
  const v = (record as Record<string, unknown>)[key];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return typeof v === 'string' ? [v] : [];
}

function pairs(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) out.push(word.slice(i, i + 2));
  return out;
}

export function createSearchEngine<R>(records: readonly R[], fields: readonly SearchField<R>[], dateKey?: keyof R & string): SearchEngine<R> {
  const steps = buildEngine(records, fields, dateKey);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same engine, indexed a slice of records at a time with a pause between slices, so a page
 * indexing 10,000 postmortems keeps answering keystrokes and clicks meanwhile.
 */
export async function createSearchEngineAsync<R>(records: readonly R[], fields: readonly SearchField<R>[], dateKey?: keyof R & string): Promise<SearchEngine<R>> {
  const steps = buildEngine(records, fields, dateKey);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** Records indexed between pauses of createSearchEngineAsync. */
const SLICE = 1000;

function* buildEngine<R>(records: readonly R[], fields: readonly SearchField<R>[], dateKey?: keyof R & string): Generator<void, SearchEngine<R>> {
  const F = fields.length;
  // Vocabulary: every distinct word, its postings (record * F + field, once per record and field),
  // and whether it occurs in a fuzzy field.
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const postings: number[][] = [];
  const inFuzzyField: boolean[] = [];
  for (let r = 0; r < records.length; r++) {
    if (r > 0 && r % SLICE === 0) yield;
    const record = records[r];
    fields.forEach((field, f) => {
      const posting = r * F + f;
      for (const value of values(record, field.key)) {
        for (const w of words(value)) {
          let id = termIds.get(w);
          if (id === undefined) {
            id = terms.length;
            termIds.set(w, id);
            terms.push(w);
            postings.push([]);
            inFuzzyField.push(false);
          }
          const list = postings[id]!;
          if (list[list.length - 1] !== posting) list.push(posting);
          if (field.fuzzy) inFuzzyField[id] = true;
        }
      }
    });
  }
  // Letter pairs of the fuzzy fields' words, to find typo candidates without scanning them all.
  const byPair = new Map<string, number[]>();
  terms.forEach((t, id) => {
    if (!inFuzzyField[id] || /^\p{N}+$/u.test(t)) return;
    for (const p of new Set(pairs(t))) {
      let list = byPair.get(p);
      if (!list) byPair.set(p, (list = []));
      list.push(id);
    }
  });
  const maxWeight = Math.max(...fields.map((f) => f.weight));
  const fieldCost = fields.map((f) => 1 - f.weight / maxWeight);
  const dates = dateKey ? records.map((r) => String(r[dateKey] ?? '')) : undefined;

  /** Vocabulary words matching one query word, with how well (0 exact .. THRESHOLD); fuzzy-only matches flagged. */
  function matchWord(w: string): { id: number; quality: number; fuzzyOnly: boolean }[] {
    const found = new Map<number, { id: number; quality: number; fuzzyOnly: boolean }>();
    const exact = termIds.get(w);
    if (exact !== undefined) found.set(exact, { id: exact, quality: 0, fuzzyOnly: false });
    for (let id = 0; id < terms.length; id++) {
      if (id !== exact && terms[id]!.includes(w)) found.set(id, { id, quality: 0.05, fuzzyOnly: false });
    }
    if (w.length >= 4 && !/^\p{N}+$/u.test(w)) {
      // A word within k typos of w shares at least (pairs - 2k) of its letter pairs.
      const wp = [...new Set(pairs(w))];
      const k = Math.floor(THRESHOLD * w.length);
      const need = Math.max(1, wp.length - 2 * k);
      const shared = new Map<number, number>();
      for (const p of wp) for (const id of byPair.get(p) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
      const candidates = [...shared].filter(([id, n]) => n >= need && !found.has(id)).map(([id]) => id);
      if (candidates.length) {
        const fuse = new Fuse(candidates.map((id) => terms[id]!), { includeScore: true, ignoreLocation: true, ignoreFieldNorm: true, threshold: THRESHOLD });
        for (const r of fuse.search(w)) {
          const id = candidates[r.refIndex]!;
          found.set(id, { id, quality: Math.max(0.1, r.score ?? THRESHOLD), fuzzyOnly: true });
        }
      }
    }
    return [...found.values()];
  }

  let last: { terms: Set<string>; fuzzyTerms: Set<string> } = { terms: new Set(), fuzzyTerms: new Set() };

  function search(query: string): SearchHit<R>[] {
    const qwords = [...new Set(words(query).filter((w) => w.length >= 2))];
    last = { terms: new Set(), fuzzyTerms: new Set() };
    if (!qwords.length) return [];
    let total: Map<number, number> | undefined;
    for (const w of qwords) {
      const best = new Map<number, number>();
      for (const m of matchWord(w)) {
        (m.fuzzyOnly ? last.fuzzyTerms : last.terms).add(terms[m.id]!);
        for (const p of postings[m.id]!) {
          const f = p % F;
          if (m.fuzzyOnly && !fields[f]!.fuzzy) continue;
          const r = (p - f) / F;
          if (total && !total.has(r)) continue;
          const cost = 0.5 * (m.quality / THRESHOLD) + 0.5 * fieldCost[f]!;
          const prev = best.get(r);
          if (prev === undefined || cost < prev) best.set(r, cost);
        }
      }
      if (total) for (const [r, c] of best) best.set(r, total.get(r)! + c);
      total = best;
      if (!total.size) return [];
    }
    const hits = [...total!].map(([r, sum]) => ({ r, score: sum / qwords.length }));
    // Dates are ISO strings: plain comparison orders them, and is far cheaper than a collator.
    const newer = (a: number, b: number) => (dates ? (dates[a]! > dates[b]! ? -1 : dates[a]! < dates[b]! ? 1 : 0) : 0);
    hits.sort((a, b) => a.score - b.score || newer(a.r, b.r) || a.r - b.r);
    return hits.map(({ r, score }) => ({ item: records[r]!, score }));
  }

  function explain(hit: SearchHit<R>): SearchMatch[] {
    const out: SearchMatch[] = [];
    for (const field of fields) {
      for (const value of values(hit.item, field.key)) {
        const indices: [number, number][] = [];
        for (const m of value.matchAll(WORD)) {
          const w = m[0].toLowerCase();
          if (last.terms.has(w) || (field.fuzzy && last.fuzzyTerms.has(w))) indices.push([m.index, m.index + m[0].length - 1]);
        }
        if (indices.length) out.push({ key: field.key, value, indices });
      }
    }
    return out;
  }

  return { search, explain };
}
