import { countFacets, passes } from './facets';
import { decodeFacets, type SearchIndex } from './keys';
import { baseKeys, fuzzyKeys, parseQuery, synonymPhrases, type Query } from './query';
import { rank, type Ranked } from './rank';
import { openStore } from './store';
import { suggestions, type SuggestContext } from './suggest';
import type {
  SearchEngine,
  SearchFilters,
  SearchOptions,
  SearchResults,
  SearchSource,
} from './types';
import { vocabulary } from './vocabulary';

/**
 * Opens a search index: whole in memory, or split with its parts fetched on demand.
 *
 * A search reads the query (query.ts), fetches the shards of its keys and of their typo and prefix
 * expansions (store.ts, vocabulary.ts), scores the documents (rank.ts), then filters and counts
 * facets (facets.ts) and, when nothing matched, suggests a way forward (suggest.ts).
 */
export function createSearchEngine(index: SearchIndex | SearchSource): SearchEngine {
  const manifest = index.manifest;
  const store = openStore(index);
  const facets = decodeFacets(manifest);
  const phrases = synonymPhrases(manifest);
  const vocab = vocabulary(manifest.words);
  const ctx: SuggestContext = { manifest, facets, lookup: store.lookup, vocab };

  function finish(q: Query, ranked: Ranked, filters: SearchFilters): SearchResults {
    const candidates = ranked.hits.map((h) => h.doc);
    const hits = ranked.hits.filter((h) => passes(facets[h.doc]!, filters));
    const n = q.words.length;
    return {
      hits,
      words: n,
      complete: hits.filter((h) => h.matched === n).length,
      facets: countFacets(facets, candidates, filters),
      suggestions: hits.length ? [] : suggestions(ctx, q, ranked.hits, filters),
      terms: ranked.terms,
    };
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
      facets: countFacets(facets, all, filters),
      suggestions: hits.length
        ? []
        : suggestions(
            ctx,
            { words: [], required: [], pairs: [] },
            all.map((doc) => ({ doc, score: 0, matched: 0 })),
            filters,
          ),
      terms: [],
    };
  }

  function searchSync(text: string, options: SearchOptions = {}): SearchResults {
    const filters = options.filters ?? {};
    const q = parseQuery(text, vocab, phrases);
    if (!q.words.length) return everything(filters);
    fuzzyKeys(q, store.lookup, vocab);
    return finish(q, rank(q, manifest.count, store.lookup), filters);
  }

  async function search(text: string, options: SearchOptions = {}): Promise<SearchResults> {
    const filters = options.filters ?? {};
    const q = parseQuery(text, vocab, phrases);
    if (!q.words.length) return everything(filters);
    await store.load(baseKeys(q));
    await store.load(fuzzyKeys(q, store.lookup, vocab));
    return finish(q, rank(q, manifest.count, store.lookup), filters);
  }

  return {
    manifest,
    search,
    searchSync,
    documents: store.documents,
    documentsSync: store.documentsSync,
    facetsOf: (d) => facets[d]!,
  };
}
