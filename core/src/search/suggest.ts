import Fuse from 'fuse.js';
import { CATEGORY_SYNONYMS } from '../taxonomy';
import { passes } from './facets';
import { categoryKey, type DocFacets, type SearchManifest } from './keys';
import type { Query } from './query';
import { FACET_NAMES, type SearchFilters, type SearchHit, type Suggestion } from './types';
import type { Vocabulary } from './vocabulary';

export interface SuggestContext {
  manifest: SearchManifest;
  facets: readonly DocFacets[];
  lookup: (key: string) => Int32Array;
  vocab: Vocabulary;
}

/**
 * Ways forward when nothing matched: filters to remove (with the hits each would bring back), a
 * spelling with each unknown word replaced by the nearest known one, and the nearest category.
 */
export function suggestions(
  ctx: SuggestContext,
  q: Query,
  unfiltered: SearchHit[],
  filters: SearchFilters,
): Suggestion[] {
  const { manifest, facets } = ctx;
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
    if (ctx.lookup(w.key).length) return w.word;
    const near = ctx.vocab.nearWords(w.word, 1)[0];
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
