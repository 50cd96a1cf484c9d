import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSearchIndex, type Config, type SearchDocument } from '@hindsight/core';

/** The search index as the site serves it: each part already in JSON. */
export interface SearchIndexParts {
  /** /search-index.json: facets, vocabulary and where the parts are. */
  manifest: string;
  /** /search-index/t/N.json: the postings of a range of words. */
  shards: string[];
  /** /search-index/d/N.json: the documents results show. */
  chunks: string[];
}

/**
 * Builds the search index of the library and writes its parts, serialized, to one file. The
 * content loader does this while it holds every postmortem's search document, so the documents
 * (a third of what a postmortem's page data weighs) never go into Astro's content store, which is
 * serialized, bundled and loaded again for the pages.
 */
export function writeSearchIndex(
  documents: readonly SearchDocument[],
  config: Config,
  file: string,
): void {
  const index = buildSearchIndex(documents, { config });
  const parts: SearchIndexParts = {
    manifest: JSON.stringify(index.manifest),
    shards: index.shards.map((s) => JSON.stringify(s)),
    chunks: index.chunks.map((c) => JSON.stringify(c)),
  };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(parts));
}

/** The parts written by writeSearchIndex. */
export function readSearchIndex(file: string): SearchIndexParts {
  return JSON.parse(readFileSync(file, 'utf8')) as SearchIndexParts;
}
