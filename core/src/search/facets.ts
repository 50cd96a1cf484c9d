import type { DocFacets } from './keys';
import { FACET_NAMES, type FacetCount, type FacetName, type SearchFilters } from './types';

/** Whether a document's facets pass the filters, `skip` left out. */
export function passes(f: DocFacets, filters: SearchFilters, skip?: FacetName): boolean {
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

/** Per facet, the count of candidates per value when that facet's own filter is left out; most first. */
export function countFacets(
  facets: readonly DocFacets[],
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
