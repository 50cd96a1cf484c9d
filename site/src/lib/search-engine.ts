import { getEntry } from 'astro:content';
import { readSearchIndexPart, type SearchIndexFiles, type SearchIndexPart } from './search-files';

/**
 * The site's search index: the core's engine over every postmortem (the documents the content
 * loader built with the core's searchDocument), built once per build by the loader (see
 * search-files.ts) and served in parts: /search-index.json (the manifest, fetched on the first
 * search), /search-index/t/N.json (term shards, fetched for the words of a query) and
 * /search-index/d/N.json (documents, fetched for the results shown).
 */
export async function siteSearchIndex(): Promise<SearchIndexFiles> {
  const entry = await getEntry('search', 'index');
  if (!entry) throw new Error('The search index was not built: the content loader did not run.');
  return entry.data;
}

/** A part of the search index, in JSON. */
export async function searchIndexPart(part: SearchIndexPart): Promise<string> {
  return readSearchIndexPart(await siteSearchIndex(), part);
}
