import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '@hindsight/core';
import { buildSearchIndex } from '@hindsight/core/search/build';
import type { SearchDocument } from '@hindsight/core/search/document';

/** Where a written search index lies, and how many parts of each kind it has. */
export interface SearchIndexFiles {
  dir: string;
  /** Term shards: /search-index/t/N.json, the postings of a range of words. */
  shards: number;
  /** Document chunks: /search-index/d/N.json, the documents results show. */
  chunks: number;
}

/** A part of the index as the site serves it: the manifest (/search-index.json), a shard or a chunk. */
export type SearchIndexPart = 'manifest' | `t/${number}` | `d/${number}`;

/**
 * Builds the search index of the library and writes each part, in JSON as the site serves it, to
 * a file of its own in `dir`. The content loader does this while it holds every postmortem's
 * search document, so the documents (a third of what a postmortem's page data weighs) never go
 * into Astro's content store, which is serialized, bundled and loaded again for the pages; and no
 * page holds the whole index in memory.
 */
export function writeSearchIndex(
  documents: readonly SearchDocument[],
  config: Config,
  dir: string,
): SearchIndexFiles {
  const index = buildSearchIndex(documents, { config });
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 't'), { recursive: true });
  mkdirSync(path.join(dir, 'd'), { recursive: true });
  const write = (part: SearchIndexPart, value: unknown) =>
    writeFileSync(path.join(dir, `${part}.json`), JSON.stringify(value));
  write('manifest', index.manifest);
  index.shards.forEach((shard, i) => write(`t/${i}`, shard));
  index.chunks.forEach((chunk, i) => write(`d/${i}`, chunk));
  return { dir, shards: index.shards.length, chunks: index.chunks.length };
}

/** One part written by writeSearchIndex, as written. */
export function readSearchIndexPart(files: SearchIndexFiles, part: SearchIndexPart): string {
  return readFileSync(path.join(files.dir, `${part}.json`), 'utf8');
}
