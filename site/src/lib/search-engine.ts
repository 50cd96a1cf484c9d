import { buildSearchIndex, type SearchIndex } from '@hindsight/core';
import { allEntries, config } from './data';

/**
 * The site's search index: the core's engine over every postmortem (the documents the content
 * collection built with the core's searchDocument), built once per build and written in parts:
 * /search-index.json (the manifest, fetched on the first search), /search-index/t/N.json (term
 * shards, fetched for the words of a query) and /search-index/d/N.json (documents, fetched for
 * the results shown).
 */
let built: Promise<SearchIndex> | undefined;

export function siteSearchIndex(): Promise<SearchIndex> {
  built ??= allEntries().then((entries) =>
    buildSearchIndex(
      entries.flatMap((e) => (e.search ? [e.search] : [])),
      { config },
    ),
  );
  return built;
}
