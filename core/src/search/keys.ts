import type { SearchDocument } from './document';

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

/** Keys of a category and a severity, beside the stems of words (stems never hold a colon). */
export const categoryKey = (id: string) => `c:${id.toLowerCase()}`;
export const severityKey = (id: string) => `s:${id.toLowerCase()}`;
/** The key of two words that follow each other: phrases and proximity. */
export const pairKey = (a: string, b: string) => `${a} ${b}`;

/** A document's facet values, as the engine filters and counts them. */
export interface DocFacets {
  severity: string;
  category: string;
  contributing: string[];
  services: string[];
  year: string;
}

/** The facet values of every document of a manifest. */
export function decodeFacets(manifest: SearchManifest): DocFacets[] {
  if (!manifest.count) return [];
  const v = manifest.values;
  const at = (list: string[], s: string) => list[parseInt(s, 36)] ?? '';
  const many = (list: string[], s: string | undefined) =>
    s ? s.split('+').map((x) => at(list, x)) : [];
  return manifest.facets.split('|').map((row) => {
    const [sev = '', cat = '', year = '', contributing, services] = row.split('.');
    return {
      severity: at(v.severity, sev),
      category: at(v.category, cat),
      year: at(v.year, year),
      contributing: many(v.category, contributing),
      services: many(v.service, services),
    };
  });
}
