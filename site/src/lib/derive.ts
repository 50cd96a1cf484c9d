import type { Category, Config } from '@hindsight/core';
import type { SiteEntry } from './library';

/** A postmortem worth reading next to another one, and why. */
export interface Related {
  entry: SiteEntry;
  reasons: string[];
  score: number;
}

/**
 * Earlier or later postmortems with the same root cause, a shared contributing cause, shared
 * services or shared tags. Tags that most of the library carries (like "example") say nothing and
 * are ignored.
 */
export function relatedPostmortems(entry: SiteEntry, all: SiteEntry[], limit = 5): Related[] {
  const tagCounts = new Map<string, number>();
  for (const e of all) for (const t of e.meta.tags) tagCounts.set(t, (tagCounts.get(t) ?? 0) + 1);
  const telling = (t: string) => (tagCounts.get(t) ?? 0) <= Math.max(2, all.length / 3);
  const out: Related[] = [];
  for (const other of all) {
    if (other.slug === entry.slug) continue;
    const reasons: string[] = [];
    let score = 0;
    // The same primary cause is the strongest signal: it outweighs a shared service and a shared contributing cause together.
    if (other.meta.root_cause && other.meta.root_cause === entry.meta.root_cause) {
      score += 4;
      reasons.push(`same root cause: ${entry.meta.root_cause}`);
    }
    const contributing = other.meta.contributing.filter((c) => c === entry.meta.root_cause || entry.meta.contributing.includes(c));
    if (contributing.length) {
      score += contributing.length;
      reasons.push(`shared cause: ${contributing.join(', ')}`);
    }
    const services = other.meta.services.filter((s) => entry.meta.services.includes(s));
    if (services.length) {
      score += 2 * services.length;
      reasons.push(`shared service: ${services.join(', ')}`);
    }
    const tags = other.meta.tags.filter((t) => entry.meta.tags.includes(t) && telling(t));
    if (tags.length) {
      score += tags.length;
      reasons.push(`shared tag: ${tags.join(', ')}`);
    }
    if (score > 0) out.push({ entry: other, reasons, score });
  }
  return out.sort((a, b) => b.score - a.score || b.entry.date.localeCompare(a.entry.date)).slice(0, limit);
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
export function slugify(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'x';
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
