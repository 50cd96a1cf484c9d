import { getEntry } from 'astro:content';
import { readSearchIndex, type SearchIndexParts } from './search-files';

/**
 * The site's search index: the core's engine over every postmortem (the documents the content
 * loader built with the core's searchDocument), built once per build by the loader (see
 * search-files.ts) and written in parts: /search-index.json (the manifest, fetched on the first
 * search), /search-index/t/N.json (term shards, fetched for the words of a query) and
 * /search-index/d/N.json (documents, fetched for the results shown).
 */
let built: Promise<SearchIndexParts> | undefined;

export function siteSearchIndex(): Promise<SearchIndexParts> {
  const load = async () => {
    const entry = await getEntry('search', 'index');
    if (!entry) throw new Error('The search index was not built: the content loader did not run.');
    return readSearchIndex(entry.data.file);
  };
  // `astro dev` builds the index again when a postmortem changes.
  if (import.meta.env.DEV) return load();
  return (built ??= load());
}
