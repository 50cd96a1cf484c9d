import Fuse from 'fuse.js';
import { CATEGORY_SYNONYMS, SEVERITY_SYNONYMS } from '../taxonomy';
import {
  categoryKey,
  decodeFacets,
  pairKey,
  severityKey,
  type DocFacets,
  type SearchIndex,
  type SearchManifest,
  type SearchShard,
} from './keys';
import type { SearchDocument } from './document';
import { editDistance, isPlainWord, stem, STOP_WORDS, tokenize, typosAllowed } from './tokens';

/** Narrowing by facet values; unset means any. */
export interface SearchFilters {
  category?: string | undefined;
  contributing?: string | undefined;
  severity?: string | undefined;
  service?: string | undefined;
  year?: string | undefined;
}
export type FacetName = keyof SearchFilters;
export const FACET_NAMES: readonly FacetName[] = [
  'category',
  'contributing',
  'severity',
  'service',
  'year',
];

export interface SearchHit {
  /** Position of the document in the index (0 is the newest). */
  doc: number;
  score: number;
  /** How many of the query's words it matched; `words` is the count of the query's words. */
  matched: number;
}

export interface FacetCount {
  value: string;
  count: number;
}

export type Suggestion =
  | { kind: 'spelling'; query: string }
  | { kind: 'category'; id: string; label: string }
  | { kind: 'remove-filter'; filter: FacetName; value: string; count: number };

export interface SearchResults {
  /** Hits best first: those matching every word, then partial matches, then by recency. */
  hits: SearchHit[];
  /** Number of words in the query (stop words left out); 0 for an empty query, which lists everything newest first. */
  words: number;
  /** How many hits match every word. */
  complete: number;
  /** Per facet, the count of hits per value when that facet's own filter is left out. */
  facets: Record<FacetName, FacetCount[]>;
  /** Ways forward when nothing matched. */
  suggestions: Suggestion[];
  /** Keys (word stems, categories, severities) that matched: what describeMatch highlights. */
  terms: string[];
}

export interface SearchOptions {
  filters?: SearchFilters;
}

/** Where a document matched and a snippet of the matching text; `marks` are [start, end) offsets in `text`. */
export interface MatchDescription {
  matchedIn: string[];
  snippet?: { label: string; text: string; marks: [number, number][] };
}

export interface SearchEngine {
  readonly manifest: SearchManifest;
  /** Searches, first fetching the index parts the query needs. */
  search(query: string, options?: SearchOptions): Promise<SearchResults>;
  /** Searches an index held whole in memory (built by buildSearchIndex). */
  searchSync(query: string, options?: SearchOptions): SearchResults;
  /** The documents of hits, fetching their chunks when needed. */
  documents(docs: readonly number[]): Promise<SearchDocument[]>;
  documentsSync(docs: readonly number[]): SearchDocument[];
  /** The facet values of a document. */
  facetsOf(doc: number): DocFacets;
}

/** Where the parts of a split index come from (a static site fetches them). */
export interface SearchSource {
  manifest: SearchManifest;
  loadShard(shard: number): Promise<SearchShard>;
  loadChunk(chunk: number): Promise<SearchDocument[]>;
}

/** Weights of a query word's expansions, relative to the word itself. */
const WEIGHT = { prefix: 0.75, typo1: 0.7, typo2: 0.55, synonym: 0.6, pair: 0.5 };
/** A partial match is listed when it scores at least this share of the best hit. */
const PARTIAL_FLOOR = 0.3;
/**
 * The first five places may take weaker partial matches (a query typed from memory may miss a word
 * of the document), down to this share of the best hit.
 */
const ALWAYS_SHOWN = 5;
const FILL_FLOOR = 0.2;
/** Prefix expansions of the word being typed, shortest words first. */
const MAX_PREFIX = 40;

interface QueryWord {
  word: string;
  key: string;
  /** Expansion keys with their weights, the word's own key at 1. */
  keys: Map<string, number>;
  prefix: boolean;
  phrase?: number | undefined;
  fuzzyDone?: boolean;
}

interface Query {
  words: QueryWord[];
  /** Pair keys every hit must hold (quoted phrases). */
  required: string[];
  /** Pair keys of adjacent query words: a bonus for documents holding them. */
  pairs: string[];
}

const posting = /([0-9a-z]+):([0-9a-z]+)/g;

function decode(encoded: string): Int32Array {
  const out: number[] = [];
  let doc = 0;
  for (const m of encoded.matchAll(posting)) {
    doc += parseInt(m[1]!, 36);
    out.push(doc, parseInt(m[2]!, 36));
  }
  return Int32Array.from(out);
}

/** Phrases of the taxonomy as stem sequences, with the key they stand for. */
function synonymPhrases(manifest: SearchManifest): { stems: string[]; key: string }[] {
  const out: { stems: string[]; key: string }[] = [];
  const addPhrase = (text: string, key: string) => {
    const stems = tokenize(text)
      .filter((t) => !STOP_WORDS.has(t.word))
      .map((t) => stem(t.word));
    if (stems.length) out.push({ stems, key });
  };
  for (const c of manifest.categories) {
    for (const text of [c.id.replace(/-/g, ' '), c.label, ...(CATEGORY_SYNONYMS[c.id] ?? [])])
      addPhrase(text, categoryKey(c.id));
  }
  for (const s of manifest.severities) {
    addPhrase(s, severityKey(s));
    for (const text of SEVERITY_SYNONYMS[s] ?? []) addPhrase(text, severityKey(s));
  }
  return out;
}

/** Opens a search index: whole in memory, or split with its parts fetched on demand. */
export function createSearchEngine(index: SearchIndex | SearchSource): SearchEngine {
  const manifest = index.manifest;
  const whole = 'shards' in index ? index : undefined;
  const source = 'loadShard' in index ? index : undefined;
  const shards: (Map<string, string> | undefined)[] = new Array(manifest.shards.length);
  const pending = new Map<number, Promise<void>>();
  const postings = new Map<string, Int32Array>();
  const chunks: (SearchDocument[] | undefined)[] = whole
    ? whole.chunks
    : new Array(Math.ceil(manifest.count / manifest.chunkSize));
  const facets = decodeFacets(manifest);
  const phrases = synonymPhrases(manifest);
  const wordList = manifest.words;
  let byPair: Map<string, number[]> | undefined;
  let fuse: Fuse<string> | undefined;

  const shardOf = (key: string): number => {
    let lo = 0;
    let hi = manifest.shards.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (manifest.shards[mid]! <= key) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const shardMap = (i: number): Map<string, string> | undefined => {
    if (!shards[i] && whole) shards[i] = new Map(Object.entries(whole.shards[i] ?? {}));
    return shards[i];
  };
  /** The postings of a key: [doc, score, doc, score, ...]; empty when absent. */
  const lookup = (key: string): Int32Array => {
    let p = postings.get(key);
    if (!p) {
      if (!manifest.shards.length) return new Int32Array(0);
      const map = shardMap(shardOf(key));
      if (!map) throw new Error(`Search index part ${shardOf(key)} is not loaded.`);
      p = decode(map.get(key) ?? '');
      postings.set(key, p);
    }
    return p;
  };
  const load = async (keys: Iterable<string>) => {
    if (!source || !manifest.shards.length) return;
    const need = new Set<number>();
    for (const k of keys) need.add(shardOf(k));
    await Promise.all(
      [...need].map((i) => {
        if (shards[i]) return undefined;
        let p = pending.get(i);
        if (!p) {
          p = source.loadShard(i).then((s) => void (shards[i] = new Map(Object.entries(s))));
          pending.set(i, p);
          p.catch(() => pending.delete(i));
        }
        return p;
      }),
    );
  };

  /** Vocabulary words starting with a prefix, shortest first. */
  const withPrefix = (prefix: string): string[] => {
    let lo = 0;
    let hi = wordList.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (wordList[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (
      let i = lo;
      i < wordList.length && wordList[i]!.startsWith(prefix) && out.length < 400;
      i++
    )
      out.push(wordList[i]!);
    return out.sort((a, b) => a.length - b.length).slice(0, MAX_PREFIX);
  };

  /**
   * Whole vocabulary words within the typos a word's length allows: candidates share letter pairs
   * with it, fuse.js ranks them, and the edit distance decides. A word never matches inside
   * another ("cache" is not in "reached").
   */
  const nearWords = (word: string, extra = 0): { word: string; distance: number }[] => {
    const k = typosAllowed(word) + extra;
    if (k === 0 || !isPlainWord(word)) return [];
    if (!byPair) {
      byPair = new Map();
      wordList.forEach((w, i) => {
        for (const p of new Set(letterPairs(w))) {
          let list = byPair!.get(p);
          if (!list) byPair!.set(p, (list = []));
          list.push(i);
        }
      });
    }
    const wp = [...new Set(letterPairs(word))];
    const need = Math.max(1, wp.length - 2 * k);
    const shared = new Map<number, number>();
    for (const p of wp)
      for (const i of byPair.get(p) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    const candidates = [...shared]
      .filter(([i, n]) => n >= need && Math.abs(wordList[i]!.length - word.length) <= k)
      .map(([i]) => wordList[i]!);
    if (!candidates.length) return [];
    fuse = new Fuse(candidates, {
      includeScore: true,
      ignoreLocation: true,
      ignoreFieldNorm: true,
      threshold: 0.5,
      isCaseSensitive: true,
    });
    const out: { word: string; distance: number }[] = [];
    for (const r of fuse.search(word)) {
      const distance = editDistance(word, r.item, k);
      if (distance <= k && r.item !== word) out.push({ word: r.item, distance });
    }
    return out.sort((a, b) => a.distance - b.distance || a.word.localeCompare(b.word));
  };

  function parse(text: string): Query {
    const words: QueryWord[] = [];
    const required: string[] = [];
    const pairs: string[] = [];
    const endsInWord = /[\p{L}\p{N}]$/u.test(text);
    // Quoted phrases: "disk full"; an unclosed quote runs to the end of the query.
    const pieces: { text: string; phrase?: number }[] = [];
    let phraseCount = 0;
    text
      .split('"')
      .forEach((piece, i) =>
        pieces.push(i % 2 ? { text: piece, phrase: phraseCount++ } : { text: piece }),
      );
    const all = pieces.flatMap((p) =>
      tokenize(p.text).map((t) => ({ word: t.word, phrase: p.phrase })),
    );
    const meaningful = all.filter((t) => !STOP_WORDS.has(t.word));
    const list = meaningful.length ? meaningful : all;
    list.forEach((t, i) => {
      const key = stem(t.word);
      const prefix =
        endsInWord && i === list.length - 1 && t.word.length >= 2 && isPlainWord(t.word);
      const keys = new Map<string, number>([[key, 1]]);
      if (prefix)
        for (const w of withPrefix(t.word))
          if (!keys.has(stem(w))) keys.set(stem(w), WEIGHT.prefix);
      words.push({ word: t.word, key, keys, prefix, phrase: t.phrase });
    });
    // Adjacent words: required pairs inside a phrase, a bonus elsewhere.
    for (let i = 0; i + 1 < words.length; i++) {
      const a = words[i]!;
      const b = words[i + 1]!;
      if (a.key === b.key) continue;
      if (a.phrase !== undefined && a.phrase === b.phrase) required.push(pairKey(a.key, b.key));
      else pairs.push(pairKey(a.key, b.key));
    }
    // Taxonomy words: "disk full" also finds capacity incidents.
    const stems = words.map((w) => w.key);
    for (const ph of phrases) {
      for (let i = 0; i + ph.stems.length <= stems.length; i++) {
        if (ph.stems.every((s, j) => stems[i + j] === s)) {
          for (let j = 0; j < ph.stems.length; j++) {
            // A phrase stands for the category once, not once per word.
            const keys = words[i + j]!.keys;
            const weight = WEIGHT.synonym / ph.stems.length;
            if ((keys.get(ph.key) ?? 0) < weight) keys.set(ph.key, weight);
          }
        }
      }
    }
    return { words, required, pairs };
  }

  /** Prefix and typo expansions for words the index does not hold (their shards must be loaded). */
  function fuzzyKeys(q: Query): string[] {
    const added: string[] = [];
    for (const w of q.words) {
      if (w.fuzzyDone) continue;
      w.fuzzyDone = true;
      if (lookup(w.key).length) continue;
      const expand = (key: string, weight: number) => {
        if ((w.keys.get(key) ?? 0) < weight) {
          w.keys.set(key, weight);
          added.push(key);
        }
      };
      // A word the library does not hold may begin longer ones ("oom" in "OOMKilled").
      if (!w.prefix && w.word.length >= 3 && isPlainWord(w.word))
        for (const longer of withPrefix(w.word)) expand(stem(longer), WEIGHT.prefix);
      for (const near of nearWords(w.word))
        expand(stem(near.word), near.distance === 1 ? WEIGHT.typo1 : WEIGHT.typo2);
    }
    return added;
  }

  const baseKeys = (q: Query) => [
    ...q.words.flatMap((w) => [...w.keys.keys()]),
    ...q.required,
    ...q.pairs,
  ];

  function passes(f: DocFacets, filters: SearchFilters, skip?: FacetName): boolean {
    return (
      (skip === 'category' || !filters.category || f.category === filters.category) &&
      (skip === 'contributing' ||
        !filters.contributing ||
        f.contributing.includes(filters.contributing)) &&
      (skip === 'severity' || !filters.severity || f.severity === filters.severity) &&
      (skip === 'service' || !filters.service || f.services.includes(filters.service)) &&
      (skip === 'year' || !filters.year || f.year === filters.year)
    );
  }

  function countFacets(
    candidates: readonly number[],
    filters: SearchFilters,
  ): Record<FacetName, FacetCount[]> {
    const out = {} as Record<FacetName, FacetCount[]>;
    for (const name of FACET_NAMES) {
      const counts = new Map<string, number>();
      for (const d of candidates) {
        const f = facets[d]!;
        if (!passes(f, filters, name)) continue;
        const values =
          name === 'contributing' ? f.contributing : name === 'service' ? f.services : [f[name]];
        for (const v of new Set(values)) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      out[name] = [...counts]
        .map(([value, count]) => ({ value, count }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    }
    return out;
  }

  /** Scores every document holding a query word; all loaded already. */
  function rank(q: Query): { hits: SearchHit[]; terms: string[] } {
    const n = q.words.length;
    // Typed arrays over all documents: a query over 10,000 postmortems can touch most of them.
    const score = new Float64Array(manifest.count);
    const matched = new Uint8Array(manifest.count);
    const best = new Float64Array(manifest.count);
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
    const required = new Uint8Array(q.required.length ? manifest.count : 0);
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

  function finish(
    q: Query,
    ranked: { hits: SearchHit[]; terms: string[] },
    filters: SearchFilters,
  ): SearchResults {
    const candidates = ranked.hits.map((h) => h.doc);
    const hits = ranked.hits.filter((h) => passes(facets[h.doc]!, filters));
    const n = q.words.length;
    return {
      hits,
      words: n,
      complete: hits.filter((h) => h.matched === n).length,
      facets: countFacets(candidates, filters),
      suggestions: hits.length ? [] : suggestions(q, ranked.hits, filters),
      terms: ranked.terms,
    };
  }

  function suggestions(q: Query, unfiltered: SearchHit[], filters: SearchFilters): Suggestion[] {
    const out: Suggestion[] = [];
    for (const name of FACET_NAMES) {
      const value = filters[name];
      if (!value) continue;
      const count = unfiltered.filter((h) => passes(facets[h.doc]!, filters, name)).length;
      if (count) out.push({ kind: 'remove-filter', filter: name, value, count });
    }
    if (!q.words.length) return out;
    // A spelling: each unknown word replaced by the nearest known one, one more typo allowed.
    let changed = false;
    const spelled = q.words.map((w) => {
      if (lookup(w.key).length) return w.word;
      const near = nearWords(w.word, 1)[0];
      if (!near) return w.word;
      changed = true;
      return near.word;
    });
    if (changed) out.push({ kind: 'spelling', query: spelled.join(' ') });
    // The nearest category, by its label, id and synonyms.
    const entries = manifest.categories.flatMap((c) =>
      [c.label, c.id, ...(CATEGORY_SYNONYMS[c.id] ?? [])].map((text) => ({
        id: c.id,
        label: c.label,
        text,
      })),
    );
    const found = new Fuse(entries, {
      keys: ['text'],
      includeScore: true,
      threshold: 0.4,
      ignoreLocation: true,
    }).search(q.words.map((w) => w.word).join(' '))[0];
    const category =
      found?.item ??
      manifest.categories.find((c) => q.words.some((w) => w.keys.has(categoryKey(c.id))));
    if (category && 'id' in category)
      out.push({ kind: 'category', id: category.id, label: category.label });
    return out;
  }

  function everything(filters: SearchFilters): SearchResults {
    const all = Array.from({ length: manifest.count }, (_, i) => i);
    const hits = all
      .filter((d) => passes(facets[d]!, filters))
      .map((doc) => ({ doc, score: 0, matched: 0 }));
    return {
      hits,
      words: 0,
      complete: hits.length,
      facets: countFacets(all, filters),
      suggestions: hits.length
        ? []
        : suggestions(
            { words: [], required: [], pairs: [] },
            all.map((doc) => ({ doc, score: 0, matched: 0 })),
            filters,
          ),
      terms: [],
    };
  }

  function searchSync(text: string, options: SearchOptions = {}): SearchResults {
    const filters = options.filters ?? {};
    const q = parse(text);
    if (!q.words.length) return everything(filters);
    fuzzyKeys(q);
    return finish(q, rank(q), filters);
  }

  async function search(text: string, options: SearchOptions = {}): Promise<SearchResults> {
    const filters = options.filters ?? {};
    const q = parse(text);
    if (!q.words.length) return everything(filters);
    await load(baseKeys(q));
    await load(fuzzyKeys(q));
    return finish(q, rank(q), filters);
  }

  function documentsSync(docs: readonly number[]): SearchDocument[] {
    return docs.map((d) => {
      const doc = chunks[Math.floor(d / manifest.chunkSize)]?.[d % manifest.chunkSize];
      if (!doc) throw new Error(`Search document ${d} is not loaded.`);
      return doc;
    });
  }

  async function documents(docs: readonly number[]): Promise<SearchDocument[]> {
    if (source) {
      const need = new Set(docs.map((d) => Math.floor(d / manifest.chunkSize)));
      await Promise.all(
        [...need]
          .filter((c) => !chunks[c])
          .map(async (c) => void (chunks[c] = await source.loadChunk(c))),
      );
    }
    return documentsSync(docs);
  }

  return { manifest, search, searchSync, documents, documentsSync, facetsOf: (d) => facets[d]! };
}

function letterPairs(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) out.push(word.slice(i, i + 2));
  return out;
}
