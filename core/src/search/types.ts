import type { SearchDocument } from './document';
import type { DocFacets, SearchManifest, SearchShard } from './keys';

// What a search takes and returns; createSearchEngine (engine.ts) does the work.

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
