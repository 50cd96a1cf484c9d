import type { Config } from '../config';
import { defaultConfig } from '../config';
import type { SearchDocument } from './document';
import {
  categoryKey,
  pairKey,
  severityKey,
  type SearchIndex,
  type SearchManifest,
  type SearchShard,
} from './keys';
import { forEachToken, isPlainWord, stem, STOP_WORDS } from './tokens';

export interface BuildOptions {
  config?: Config;
  /** Approximate characters of postings per shard (default 16,000: about 6 KB gzipped). */
  shardChars?: number;
  /** Documents per chunk (default 8). */
  chunkSize?: number;
}

const K1 = 1.2;
const B = 0.75;
/** Scores are stored as integers: BM25 times this. */
const SCALE = 20;
/** Words joined by only these characters form a pair ("artifact-store", "connection pool"). */
const JOINER = /^[\s\-–—/_'"’()`*]*$/u;
/** The ASCII characters of JOINER, for the usual gap of one character between two words. */
const JOINER_ASCII = new Set(
  Array.from({ length: 128 }, (_, c) => c).filter((c) => JOINER.test(String.fromCharCode(c))),
);

/** Small numbers in base 36, written once: gaps between documents and scores are mostly small. */
const BASE36 = Array.from({ length: 4096 }, (_, i) => i.toString(36));
const base36 = (n: number) => BASE36[n] ?? n.toString(36);

/** Orders documents newest first, then by title, then by id: the order of an empty search. */
export function byRecency(a: SearchDocument, b: SearchDocument): number {
  return b.date.localeCompare(a.date) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id);
}

/**
 * Indexes documents: per key (word stem, word pair, category, severity) the documents holding it
 * with a BM25 score over field-weighted term frequencies. Linear in the size of the library, plus
 * sorting the distinct keys and words.
 */
export function buildSearchIndex(
  documents: readonly SearchDocument[],
  options: BuildOptions = {},
): SearchIndex {
  const config = options.config ?? defaultConfig;
  const docs = [...documents].sort(byRecency);
  const N = docs.length;
  // Keys are numbered as met, and a pair is found by its two numbers in a table of typed arrays (a
  // map of fresh pair strings, then a map of maps, cost most of the build).
  const keyIds = new Map<string, number>();
  const keyNames: string[] = [];
  const pairs = new PairTable();
  const wordKeys = new Map<string, number>();
  const lengths = new Float64Array(N);
  const words = new Set<string>();
  // One document's weighted term frequencies, by key, and the keys it touched: a token adds to a
  // dense array, and the document's postings are appended once per key it holds, as (key, document,
  // weight) to one growing list in document order, sorted by key at the end (a posting list per
  // key, 140,000 small arrays for 5,000 postmortems, cost a third of the build).
  let weights = new Float64Array(1024);
  const touched: number[] = [];
  const postings = new PostingList();
  const idOf = (key: string) => {
    let id = keyIds.get(key);
    if (id === undefined) {
      keyIds.set(key, (id = keyNames.length));
      keyNames.push(key);
      if (id >= weights.length) {
        const grown = new Float64Array(weights.length * 2);
        grown.set(weights);
        weights = grown;
      }
    }
    return id;
  };
  const pairOf = (a: number, b: number) => {
    let id = pairs.get(a, b);
    if (id < 0) pairs.set(a, b, (id = idOf(pairKey(keyNames[a]!, keyNames[b]!))));
    return id;
  };
  const add = (id: number, w: number) => {
    if (weights[id] === 0) touched.push(id);
    weights[id]! += w;
  };
  docs.forEach((doc, d) => {
    let length = 0;
    for (const part of doc.parts) {
      const text = part.text;
      // The previous word, while only joiners and stop words stand between it and the next one.
      let prev = -1;
      let end = 0;
      forEachToken(text, (word, start, stop) => {
        if (
          start > end &&
          (start - end > 3 ||
            (start - end === 1 && text.charCodeAt(end) < 128
              ? !JOINER_ASCII.has(text.charCodeAt(end))
              : !JOINER.test(text.slice(end, start))))
        )
          prev = -1;
        end = stop;
        let key = wordKeys.get(word);
        if (key === undefined) {
          key = STOP_WORDS.has(word) ? -1 : idOf(stem(word));
          wordKeys.set(word, key);
          if (key >= 0 && word.length >= 3 && isPlainWord(word)) words.add(word);
        }
        if (key < 0) return;
        length++;
        add(key, part.weight);
        if (prev >= 0 && prev !== key) add(pairOf(prev, key), part.weight);
        prev = key;
      });
    }
    lengths[d] = length;
    if (doc.category) add(idOf(categoryKey(doc.category)), 2.5);
    for (const c of doc.contributing) if (c !== doc.category) add(idOf(categoryKey(c)), 1);
    if (doc.severity) add(idOf(severityKey(doc.severity)), 2);
    for (const id of touched) {
      postings.push(id, d, weights[id]!);
      weights[id] = 0;
    }
    touched.length = 0;
  });
  const avg = N ? lengths.reduce((a, b) => a + b, 0) / N || 1 : 1;
  const { first, docsOf, weightsOf } = postings.byKey(keyNames.length);
  // Key ids in the order of their names (code units, as a sort of the names would give).
  const order = Array.from(keyNames.keys()).sort((x, y) => (keyNames[x]! < keyNames[y]! ? -1 : 1));
  const shardChars = options.shardChars ?? 16_000;
  const shards: SearchShard[] = [];
  const firstKeys: string[] = [];
  let shard: SearchShard = {};
  let size = 0;
  for (const id of order) {
    const key = keyNames[id]!;
    const from = first[id]!;
    const to = first[id + 1]!;
    const df = to - from;
    const idf = Math.log(1 + (N - df + 0.5) / (df + 0.5));
    const out: string[] = [];
    let last = 0;
    for (let i = from; i < to; i++) {
      const d = docsOf[i]!;
      const w = weightsOf[i]!;
      const norm = 1 - B + (B * lengths[d]!) / avg;
      const score = Math.max(1, Math.round(SCALE * idf * ((w * (K1 + 1)) / (w + K1 * norm))));
      out.push(`${base36(d - last)}:${base36(score)}`);
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

/**
 * Facets of every document in one string: "severity.category.year.contributing+...;services+..."
 * per document as dictionary indices, documents separated by "|" (about 15 bytes each).
 */
function encodeFacets(docs: readonly SearchDocument[]): {
  facets: string;
  values: SearchManifest['values'];
} {
  const dict = {
    severity: new Map<string, number>(),
    category: new Map<string, number>(),
    service: new Map<string, number>(),
    year: new Map<string, number>(),
  };
  const id = (m: Map<string, number>, v: string) => {
    let i = m.get(v);
    if (i === undefined) m.set(v, (i = m.size));
    return i.toString(36);
  };
  const facets = docs
    .map((d) =>
      [
        id(dict.severity, d.severity),
        id(dict.category, d.category),
        id(dict.year, d.date.slice(0, 4)),
        d.contributing.map((c) => id(dict.category, c)).join('+'),
        d.services.map((s) => id(dict.service, s)).join('+'),
      ].join('.'),
    )
    .join('|');
  const list = (m: Map<string, number>) => [...m.keys()];
  return {
    facets,
    values: {
      severity: list(dict.severity),
      category: list(dict.category),
      service: list(dict.service),
      year: list(dict.year),
    },
  };
}

/** Key ids of word pairs by the ids of their two words: open addressing over typed arrays. */
class PairTable {
  private firsts = new Int32Array(1 << 12).fill(-1);
  private seconds = new Int32Array(1 << 12);
  private ids = new Int32Array(1 << 12);
  private count = 0;

  private slot(a: number, b: number): number {
    const mask = this.firsts.length - 1;
    let i = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77)) & mask;
    while (this.firsts[i] !== -1 && (this.firsts[i] !== a || this.seconds[i] !== b))
      i = (i + 1) & mask;
    return i;
  }

  /** The id of the pair, or -1. */
  get(a: number, b: number): number {
    const i = this.slot(a, b);
    return this.firsts[i] === -1 ? -1 : this.ids[i]!;
  }

  set(a: number, b: number, id: number): void {
    if (2 * (this.count + 1) > this.firsts.length) this.grow();
    const i = this.slot(a, b);
    if (this.firsts[i] === -1) this.count++;
    this.firsts[i] = a;
    this.seconds[i] = b;
    this.ids[i] = id;
  }

  private grow(): void {
    const { firsts, seconds, ids } = this;
    this.firsts = new Int32Array(firsts.length * 2).fill(-1);
    this.seconds = new Int32Array(firsts.length * 2);
    this.ids = new Int32Array(firsts.length * 2);
    for (let i = 0; i < firsts.length; i++) {
      if (firsts[i] === -1) continue;
      const j = this.slot(firsts[i]!, seconds[i]!);
      this.firsts[j] = firsts[i]!;
      this.seconds[j] = seconds[i]!;
      this.ids[j] = ids[i]!;
    }
  }
}

/** Entries per block of a PostingList. */
const BLOCK = 1 << 16;

/**
 * Postings as appended, (key, document, weight), in blocks of typed arrays (no copy as the list
 * grows), and then grouped by key in the order appended.
 */
class PostingList {
  private keys: Int32Array[] = [];
  private docs: Int32Array[] = [];
  private weights: Float64Array[] = [];
  /** Entries in the last block. */
  private filled = BLOCK;

  push(key: number, doc: number, weight: number): void {
    if (this.filled === BLOCK) {
      this.keys.push(new Int32Array(BLOCK));
      this.docs.push(new Int32Array(BLOCK));
      this.weights.push(new Float64Array(BLOCK));
      this.filled = 0;
    }
    const b = this.keys.length - 1;
    this.keys[b]![this.filled] = key;
    this.docs[b]![this.filled] = doc;
    this.weights[b]![this.filled++] = weight;
  }

  /**
   * The postings grouped by key (a counting sort, stable): key k's are at first[k] up to
   * first[k + 1] in docsOf and weightsOf, in the order they were appended.
   */
  byKey(keyCount: number): { first: Int32Array; docsOf: Int32Array; weightsOf: Float64Array } {
    const blocks = this.keys.length;
    const sizeOf = (b: number) => (b === blocks - 1 ? this.filled : BLOCK);
    const first = new Int32Array(keyCount + 1);
    for (let b = 0; b < blocks; b++) {
      const keys = this.keys[b]!;
      for (let i = 0, n = sizeOf(b); i < n; i++) first[keys[i]! + 1]!++;
    }
    for (let k = 0; k < keyCount; k++) first[k + 1]! += first[k]!;
    const next = first.slice(0, keyCount);
    const docsOf = new Int32Array(first[keyCount]!);
    const weightsOf = new Float64Array(first[keyCount]!);
    for (let b = 0; b < blocks; b++) {
      const keys = this.keys[b]!;
      const docs = this.docs[b]!;
      const weights = this.weights[b]!;
      for (let i = 0, n = sizeOf(b); i < n; i++) {
        const at = next[keys[i]!]!++;
        docsOf[at] = docs[i]!;
        weightsOf[at] = weights[i]!;
      }
    }
    return { first, docsOf, weightsOf };
  }
}
