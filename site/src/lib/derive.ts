import transliterate from '@sindresorhus/transliterate';
import type { Category, Config } from '@hindsight/core';
import type { SiteEntry } from './library';

/** Categories with their postmortems, in taxonomy order; categories not in the taxonomy last. */
export function byCategory(
  entries: SiteEntry[],
  config: Config,
): { category: Category; entries: SiteEntry[] }[] {
  return config.categories.map((category) => ({
    category,
    entries: entries.filter((e) => e.meta.root_cause === category.id),
  }));
}

/** The URL segment of a file path: lower-case letters, digits and dashes (postmortem addresses). */
export function pathSlug(name: string, fallback = 'x'): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || fallback
  );
}

/**
 * What makes two service or tag names the same: case, spaces, dashes and underscores do not count
 * ("Orders DB" = "orders-db"), every other character does ("C++" is not "c").
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s_-]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

const PLAIN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The URL segment for a service or tag name. Plain names keep their words ("orders-db"); any other
 * name is transliterated where @sindresorhus/transliterate knows the script ("Zürich" -> "zuerich")
 * and gets a short stable hash of the whole name, so names that only look alike never share a page
 * ("C++" -> "c-…", "支付" and "日本語" -> two hashes).
 */
export function slugify(name: string): string {
  const key = nameKey(name);
  if (PLAIN.test(key)) return key;
  const ascii = transliterate(key)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  const hash = shortHash(key);
  return ascii ? `${ascii}-${hash}` : `x-${hash}`;
}

/** FNV-1a, 32 bits, in base 36: stable across builds and machines. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return h.toString(36);
}

export interface NameGroup {
  /** The name as first written. */
  key: string;
  slug: string;
  /** Each postmortem once, however many spellings of the name it carries. */
  entries: SiteEntry[];
}

/**
 * Values of a list field (services, tags) with the postmortems carrying each, one group per name
 * (see nameKey), each with a URL slug no other group has.
 */
export function groupBy(entries: SiteEntry[], pick: (e: SiteEntry) => string[]): NameGroup[] {
  const map = new Map<string, { key: string; entries: SiteEntry[] }>();
  for (const e of entries) {
    const seen = new Set<string>();
    for (const name of pick(e)) {
      const k = nameKey(name);
      if (!k || seen.has(k)) continue;
      seen.add(k);
      const group = map.get(k);
      if (group) group.entries.push(e);
      else map.set(k, { key: name, entries: [e] });
    }
  }
  const slugs = uniqueSlugs([...map.keys()]);
  return [...map.entries()]
    .map(([k, g]) => ({ key: g.key, slug: slugs.get(k)!, entries: g.entries }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** Slugs for name keys, made unique in a stable order should two ever meet. */
function uniqueSlugs(keys: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const k of [...keys].sort()) {
    const base = slugify(k);
    let slug = base;
    for (let i = 2; taken.has(slug); i++) slug = `${base}-${i}`;
    taken.add(slug);
    out.set(k, slug);
  }
  return out;
}

const slugIndexes = new WeakMap<
  SiteEntry[],
  { services: Map<string, string>; tags: Map<string, string> }
>();

/** The URL slug of every service and tag name of a library, as groupBy() gives them (built once per array). */
export function librarySlugs(entries: SiteEntry[]): {
  services: Map<string, string>;
  tags: Map<string, string>;
} {
  let index = slugIndexes.get(entries);
  if (!index) {
    const of = (pick: (e: SiteEntry) => string[]) =>
      uniqueSlugs([...new Set(entries.flatMap((e) => pick(e).map(nameKey)).filter(Boolean))]);
    index = { services: of((e) => e.meta.services), tags: of((e) => e.meta.tags) };
    slugIndexes.set(entries, index);
  }
  return index;
}

/** Incidents per period (YYYY or YYYY-MM), with empty periods filled in between first and last. */
export function countByPeriod(
  entries: SiteEntry[],
  period: 'year' | 'month',
): { period: string; count: number }[] {
  const keys = entries
    .map((e) => (period === 'year' ? e.year : e.date.slice(0, 7)))
    .filter(Boolean)
    .sort();
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

/** Characters XML 1.0 forbids (C0 controls but tab and line breaks, lone surrogates, U+FFFE/U+FFFF). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text with every character XML 1.0 cannot carry removed, so one title cannot break a whole feed. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}
