import { relatedPostmortems, type Category, type Config, type Related } from '@hindsight/core';
import type { SiteEntry } from './library';

/** Related postmortems of a site entry (the core decides what is related). */
const withIds = new WeakMap<SiteEntry[], (SiteEntry & { id: string })[]>();

export function relatedEntries(entry: SiteEntry, all: SiteEntry[], limit = 5): Related<SiteEntry & { id: string }>[] {
  // The same array for every page, so the core builds its index once per build.
  let library = withIds.get(all);
  if (!library) withIds.set(all, (library = all.map((e) => ({ ...e, id: e.slug }))));
  return relatedPostmortems({ ...entry, id: entry.slug }, library, limit);
}

/** One record of the search index shipped to the browser. */
export interface SearchRecord {
  slug: string;
  title: string;
  date: string;
  year: string;
  severity: string;
  category: string;
  categoryLabel: string;
  contributing: string[];
  services: string[];
  tags: string[];
  trigger: string;
  summary: string;
  rootCause: string;
}

/** Builds the search index: the fields people search by, with long texts trimmed. */
export function searchIndex(entries: SiteEntry[], config: Config): SearchRecord[] {
  const label = (id: string) => config.categories.find((c) => c.id === id)?.label ?? id;
  return entries.map((e) => ({
    slug: e.slug,
    title: e.title,
    date: e.date,
    year: e.year,
    severity: e.meta.severity ?? '',
    category: e.meta.root_cause ?? '',
    categoryLabel: label(e.meta.root_cause ?? ''),
    contributing: e.meta.contributing,
    services: e.meta.services,
    tags: e.meta.tags,
    trigger: e.meta.trigger ?? '',
    summary: clip(e.summary, 600),
    rootCause: clip(e.rootCauseText, 1200),
  }));
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Categories with their postmortems, in taxonomy order; categories not in the taxonomy last. */
export function byCategory(entries: SiteEntry[], config: Config): { category: Category; entries: SiteEntry[] }[] {
  return config.categories.map((category) => ({ category, entries: entries.filter((e) => e.meta.root_cause === category.id) }));
}

/** The URL segment for a service or tag name. */
export function slugify(name: string, fallback = 'x'): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || fallback;
}

/**
 * Values of a list field (services, tags) with the postmortems carrying each, grouped by URL slug so
 * that "Orders DB" and "orders-db" share one page and every link built with slugify() resolves.
 */
export function groupBy(entries: SiteEntry[], pick: (e: SiteEntry) => string[]): { key: string; slug: string; entries: SiteEntry[] }[] {
  const map = new Map<string, { key: string; entries: SiteEntry[] }>();
  for (const e of entries) {
    for (const key of new Set(pick(e))) {
      const slug = slugify(key);
      const group = map.get(slug) ?? { key, entries: [] };
      group.entries.push(e);
      map.set(slug, group);
    }
  }
  return [...map.entries()].map(([slug, g]) => ({ slug, ...g })).sort((a, b) => a.key.localeCompare(b.key));
}

/** Incidents per period (YYYY or YYYY-MM), with empty periods filled in between first and last. */
export function countByPeriod(entries: SiteEntry[], period: 'year' | 'month'): { period: string; count: number }[] {
  const keys = entries.map((e) => (period === 'year' ? e.year : e.date.slice(0, 7))).filter(Boolean).sort();
  if (!keys.length) return [];
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  const out: { period: string; count: number }[] = [];
  let [y, m] = keys[0]!.split('-').map(Number) as [number, number?];
  const [ly, lm] = keys[keys.length - 1]!.split('-').map(Number) as [number, number?];
  for (;;) {
    const key = period === 'year' ? String(y) : `${y}-${String(m).padStart(2, '0')}`;
    out.push({ period: key, count: counts.get(key) ?? 0 });
    if (period === 'year' ? y >= ly : y > ly || (y === ly && m! >= lm!)) break;
    if (period === 'year') y++;
    else if (m === 12) {
      y++;
      m = 1;
    } else m = m! + 1;
  }
  return out;
}
