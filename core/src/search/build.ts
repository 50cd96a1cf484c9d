import type { Config } from '../config';
import { defaultConfig } from '../config';
import type { SearchDocument } from './document';
import { isPlainWord, stem, STOP_WORDS, tokenize } from './tokens';

/**
 * The search index, split for a static site: a small manifest fetched on the first search, term
 * shards fetched for the words of each query, and document chunks fetched for the results shown.
 * The same data, all in memory, serves the editor and the CLI.
 */
export interface SearchManifest {
  version: 1;
  /** Number of documents; document `i` is the i-th newest. */
  count: number;
  /** Facet values per document, as indices into `values` (see encodeFacets). */
  facets: string;
  values: { severity: string[]; category: string[]; service: string[]; year: string[] };
  /** The taxonomy the library was indexed with: ids and labels. */
  categories: { id: string; label: string }[];
  severities: string[];
  /** Every word of letters only, sorted: where typos and prefixes are matched. */
  words: string[];
  /** The first key of each term shard, sorted. */
  shards: string[];
  /** Documents per chunk: document `i` is in chunk `floor(i / chunkSize)`. */
  chunkSize: number;
}

/** Term keys with their postings: "docDelta:score,docDelta:score", base 36, documents ascending. */
export type SearchShard = Record<string, string>;

export interface SearchIndex {
  manifest: SearchManifest;
  shards: SearchShard[];
  chunks: SearchDocument[][];
}

export interface BuildOptions {
  config?: Config;
  /** Approximate characters of postings per shard (default 16,000: about 6 KB gzipped). */
  shardChars?: number;
  /** Documents per chunk (default 8). */
  chunkSize?: number;
}

/** Keys of a category and a severity, beside the stems of words (stems never hold a colon). */
export const categoryKey = (id: string) => `c:${id.toLowerCase()}`;
export const severityKey = (id: string) => `s:${id.toLowerCase()}`;
/** The key of two words that follow each other: phrases and proximity. */
export const pairKey = (a: string, b: string) => `${a} ${b}`;

const K1 = 1.2;
const B = 0.75;
/** Scores are stored as integers: BM25 times this. */
const SCALE = 20;
/** Words joined by only these characters form a pair ("artifact-store", "connection pool"). */
const JOINER = /^[\s\-–—/_'"’()`*]*$/u;

/** Orders documents newest first, then by title, then by id: the order of an empty search. */
export function byRecency(a: SearchDocument, b: SearchDocument): number {
  return b.date.localeCompare(a.date) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id);
}

/**
 * Indexes documents: per key (word stem, word pair, category, severity) the documents holding it
 * with a BM25 score over field-weighted term frequencies. Linear in the size of the library, plus
 * sorting the distinct keys and words.
 */
export function buildSearchIndex(documents: readonly SearchDocument[], options: BuildOptions = {}): SearchIndex {
  const config = options.config ?? defaultConfig;
  const docs = [...documents].sort(byRecency);
  const N = docs.length;
  // key -> flat [doc, weightedTf, doc, weightedTf, ...], documents in ascending order.
  const tf = new Map<string, number[]>();
  const lengths = new Float64Array(N);
  const words = new Set<string>();
  const add = (key: string, d: number, w: number) => {
    let list = tf.get(key);
    if (!list) tf.set(key, (list = []));
    if (list[list.length - 2] === d) list[list.length - 1]! += w;
    else list.push(d, w);
  };
  docs.forEach((doc, d) => {
    let length = 0;
    for (const part of doc.parts) {
      const tokens = tokenize(part.text);
      let prev: { key: string; end: number } | undefined;
      for (const t of tokens) {
        if (STOP_WORDS.has(t.word)) continue;
        length++;
        if (t.word.length >= 3 && isPlainWord(t.word)) words.add(t.word);
        const key = stem(t.word);
        add(key, d, part.weight);
        if (prev && JOINER.test(part.text.slice(prev.end, t.start)) && prev.key !== key) add(pairKey(prev.key, key), d, part.weight);
        prev = { key, end: t.end };
      }
    }
    lengths[d] = length;
    if (doc.category) add(categoryKey(doc.category), d, 2.5);
    for (const c of doc.contributing) if (c !== doc.category) add(categoryKey(c), d, 1);
    if (doc.severity) add(severityKey(doc.severity), d, 2);
  });
  const avg = N ? lengths.reduce((a, b) => a + b, 0) / N || 1 : 1;
  const keys = [...tf.keys()].sort();
  const shardChars = options.shardChars ?? 16_000;
  const shards: SearchShard[] = [];
  const firstKeys: string[] = [];
  let shard: SearchShard = {};
  let size = 0;
  for (const key of keys) {
    const list = tf.get(key)!;
    const df = list.length / 2;
    const idf = Math.log(1 + (N - df + 0.5) / (df + 0.5));
    const out: string[] = [];
    let last = 0;
    for (let i = 0; i < list.length; i += 2) {
      const d = list[i]!;
      const w = list[i + 1]!;
      const norm = 1 - B + (B * lengths[d]!) / avg;
      const score = Math.max(1, Math.round(SCALE * idf * ((w * (K1 + 1)) / (w + K1 * norm))));
      out.push(`${(d - last).toString(36)}:${score.toString(36)}`);
      last = d;
    }
    const encoded = out.join(',');
    if (size > 0 && size + encoded.length > shardChars) {
      shards.push(shard);
      shard = {};
      size = 0;
    }
    if (size === 0) firstKeys.push(key);
    shard[key] = encoded;
    size += encoded.length + key.length + 6;
  }
  if (size > 0) shards.push(shard);
  const chunkSize = options.chunkSize ?? 8;
  const chunks: SearchDocument[][] = [];
  for (let i = 0; i < N; i += chunkSize) chunks.push(docs.slice(i, i + chunkSize));
  const { facets, values } = encodeFacets(docs);
  return {
    manifest: {
      version: 1,
      count: N,
      facets,
      values,
      categories: config.categories.map((c) => ({ id: c.id, label: c.label })),
      severities: config.severities.map((s) => s.id),
      words: [...words].sort(),
      shards: firstKeys,
      chunkSize,
    },
    shards,
    chunks,
  };
}

/** A document's facet values, as the engine filters and counts them. */
export interface DocFacets {
  severity: string;
  category: string;
  contributing: string[];
  services: string[];
  year: string;
}

/**
 * Facets of every document in one string: "severity.category.year.contributing+...;services+..."
 * per document as dictionary indices, documents separated by "|" (about 15 bytes each).
 */
function encodeFacets(docs: readonly SearchDocument[]): { facets: string; values: SearchManifest['values'] } {
  const dict = { severity: new Map<string, number>(), category: new Map<string, number>(), service: new Map<string, number>(), year: new Map<string, number>() };
  const id = (m: Map<string, number>, v: string) => {
    let i = m.get(v);
    if (i === undefined) m.set(v, (i = m.size));
    return i.toString(36);
  };
  const facets = docs
    .map((d) =>
      [id(dict.severity, d.severity), id(dict.category, d.category), id(dict.year, d.date.slice(0, 4)), d.contributing.map((c) => id(dict.category, c)).join('+'), d.services.map((s) => id(dict.service, s)).join('+')].join('.'),
    )
    .join('|');
  const list = (m: Map<string, number>) => [...m.keys()];
  return { facets, values: { severity: list(dict.severity), category: list(dict.category), service: list(dict.service), year: list(dict.year) } };
}

/** The facet values of every document of a manifest. */
export function decodeFacets(manifest: SearchManifest): DocFacets[] {
  if (!manifest.count) return [];
  const v = manifest.values;
  const at = (list: string[], s: string) => list[parseInt(s, 36)] ?? '';
  const many = (list: string[], s: string | undefined) => (s ? s.split('+').map((x) => at(list, x)) : []);
  return manifest.facets.split('|').map((row) => {
    const [sev = '', cat = '', year = '', contributing, services] = row.split('.');
    return { severity: at(v.severity, sev), category: at(v.category, cat), year: at(v.year, year), contributing: many(v.category, contributing), services: many(v.service, services) };
  });
}
