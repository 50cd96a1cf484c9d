import { WEIGHT, type Query } from './query';
import type { SearchHit } from './types';

/** A partial match is listed when it scores at least this share of the best hit. */
const PARTIAL_FLOOR = 0.3;
/**
 * The first five places may take weaker partial matches (a query typed from memory may miss a word
 * of the document), down to this share of the best hit.
 */
const ALWAYS_SHOWN = 5;
const FILL_FLOOR = 0.2;

export interface Ranked {
  hits: SearchHit[];
  /** Keys that matched a document. */
  terms: string[];
}

/** Scores every document holding a query word, best first; every key's shard loaded already. */
export function rank(q: Query, count: number, lookup: (key: string) => Int32Array): Ranked {
  const n = q.words.length;
  // Typed arrays over all documents: a query over 10,000 postmortems can touch most of them.
  const score = new Float64Array(count);
  const matched = new Uint8Array(count);
  const best = new Float64Array(count);
  const touched: number[] = [];
  const terms = new Set<string>();
  for (const w of q.words) {
    const seen: number[] = [];
    for (const [key, weight] of w.keys) {
      const p = lookup(key);
      if (p.length) terms.add(key);
      for (let j = 0; j < p.length; j += 2) {
        const d = p[j]!;
        const s = p[j + 1]! * weight;
        if (best[d] === 0) seen.push(d);
        if (s > best[d]!) best[d] = s;
      }
    }
    for (const d of seen) {
      if (matched[d] === 0) touched.push(d);
      score[d]! += best[d]!;
      matched[d]!++;
      best[d] = 0;
    }
  }
  for (const key of q.pairs) {
    const p = lookup(key);
    for (let j = 0; j < p.length; j += 2)
      if (matched[p[j]!]) score[p[j]!]! += WEIGHT.pair * p[j + 1]!;
  }
  // Quoted phrases: a document must hold every pair of each.
  const required = new Uint8Array(q.required.length ? count : 0);
  for (const key of q.required) {
    const p = lookup(key);
    for (let j = 0; j < p.length; j += 2) required[p[j]!]!++;
  }
  let hits: SearchHit[] = [];
  let top = 0;
  for (const doc of touched) {
    if (q.required.length && required[doc] !== q.required.length) continue;
    hits.push({ doc, score: score[doc]!, matched: matched[doc]! });
    if (score[doc]! > top) top = score[doc]!;
  }
  // Documents matching every word first, then the best partial matches: enough to fill the first
  // five, and beyond them only those scoring near the best (weak partial matches are noise).
  hits.sort(
    (a, b) =>
      Number(b.matched === n) - Number(a.matched === n) || b.score - a.score || a.doc - b.doc,
  );
  hits = hits.filter(
    (h, i) => h.matched === n || h.score >= (i < ALWAYS_SHOWN ? FILL_FLOOR : PARTIAL_FLOOR) * top,
  );
  return { hits, terms: [...terms] };
}
