import type { Config } from '@hindsight/core';
import type { SiteEntry } from './library';

/** A postmortem worth reading next to another one, and why. */
export interface RelatedLink {
  slug: string;
  score: number;
  reasons: string[];
}

/** Postmortems listed per page. */
export const RELATED_LIMIT = 5;
/** Words of a postmortem kept for text similarity: its most telling ones. */
const TOP_TERMS = 12;
/** Cosine similarity below which two texts are not called similar. */
const MIN_SIMILARITY = 0.15;
/** A word among the telling words of more postmortems than this finds no candidates (it says little, and would make pairs quadratic). */
const MAX_WORD_POSTINGS = 100;

const WORD = /[\p{L}\p{N}]{3,}/gu;

/**
 * Related postmortems for the whole library, by slug, computed once per build: symmetric (if A
 * lists B, B lists A) and ranked by the same root cause, shared contributing causes, shared
 * services, shared telling tags and similar wording.
 *
 * Only pairs that share something are scored: an index by cause, service, tag and telling word
 * gives the candidates, so the cost grows with the pairs that share a key, not with the square of
 * the library. Tags listed in `site.relatedIgnoreTags`, and tags most of the library carries, say
 * nothing and are ignored. Pairs are then taken best first while both ends have room, which keeps
 * every list symmetric and at most RELATED_LIMIT long.
 */
export function relatedLibrary(entries: readonly SiteEntry[], config: Config, limit = RELATED_LIMIT): Map<string, RelatedLink[]> {
  const n = entries.length;
  const label = (id: string) => config.categories.find((c) => c.id === id)?.label ?? id;
  const ignored = new Set(config.site.relatedIgnoreTags.map((t) => t.toLowerCase()));
  const tagCounts = new Map<string, number>();
  for (const e of entries) for (const t of new Set(e.meta.tags)) tagCounts.set(t, (tagCounts.get(t) ?? 0) + 1);
  const telling = (t: string) => !ignored.has(t.toLowerCase()) && (tagCounts.get(t) ?? 0) <= Math.max(2, n / 3);

  // Text vectors: TF-IDF over title, trigger, summary and root cause; the top terms of each entry.
  const docTerms = entries.map((e) => countWords(`${e.title} ${e.meta.trigger ?? ''} ${e.summary} ${e.rootCauseText}`));
  const df = new Map<string, number>();
  for (const terms of docTerms) for (const t of terms.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const vectors = docTerms.map((terms) => {
    const weighted = [...terms].map(([t, tf]) => [t, (1 + Math.log(tf)) * Math.log((n + 1) / (df.get(t)! + 0.5))] as const).filter(([, w]) => w > 0);
    weighted.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const top = weighted.slice(0, TOP_TERMS);
    const norm = Math.hypot(...top.map(([, w]) => w)) || 1;
    return new Map(top.map(([t, w]) => [t, w / norm]));
  });

  const byKey = new Map<string, number[]>();
  const add = (key: string, i: number) => {
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  };
  entries.forEach((e, i) => {
    for (const c of new Set([e.meta.root_cause, ...e.meta.contributing])) if (c) add(`c:${c}`, i);
    for (const sv of new Set(e.meta.services)) add(`s:${sv}`, i);
    for (const t of new Set(e.meta.tags)) if (telling(t)) add(`t:${t}`, i);
    for (const t of vectors[i]!.keys()) add(`w:${t}`, i);
  });

  const pairs: { a: number; b: number; score: number; reasons: string[] }[] = [];
  const seen = new Set<number>();
  for (let a = 0; a < n; a++) {
    const ea = entries[a]!;
    const keys = [
      ...[ea.meta.root_cause, ...ea.meta.contributing].filter(Boolean).map((c) => `c:${c}`),
      ...ea.meta.services.map((sv) => `s:${sv}`),
      ...ea.meta.tags.filter(telling).map((t) => `t:${t}`),
      ...[...vectors[a]!.keys()].map((t) => `w:${t}`),
    ];
    seen.clear();
    for (const key of keys) {
      const members = byKey.get(key) ?? [];
      if (key.startsWith('w:') && members.length > MAX_WORD_POSTINGS) continue;
      for (const b of members) {
        if (b <= a || seen.has(b)) continue;
        seen.add(b);
        const pair = scorePair(ea, entries[b]!, vectors[a]!, vectors[b]!, telling, label);
        if (pair) pairs.push({ a, b, ...pair });
      }
    }
  }
  const newest = (p: { a: number; b: number }) => {
    const da = entries[p.a]!.date;
    const db = entries[p.b]!.date;
    return da > db ? da : db;
  };
  pairs.sort((x, y) => y.score - x.score || newest(y).localeCompare(newest(x)) || x.a - y.a || x.b - y.b);

  const out = new Map<string, RelatedLink[]>(entries.map((e) => [e.slug, []]));
  for (const p of pairs) {
    const la = out.get(entries[p.a]!.slug)!;
    const lb = out.get(entries[p.b]!.slug)!;
    if (la.length >= limit || lb.length >= limit) continue;
    la.push({ slug: entries[p.b]!.slug, score: p.score, reasons: p.reasons });
    lb.push({ slug: entries[p.a]!.slug, score: p.score, reasons: p.reasons });
  }
  return out;
}

function countWords(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of text.toLowerCase().match(WORD) ?? []) if (!/^\d+$/.test(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/** The score of two postmortems and its reasons (the same both ways), or undefined when they share nothing worth saying. */
function scorePair(
  x: SiteEntry,
  y: SiteEntry,
  vx: Map<string, number>,
  vy: Map<string, number>,
  telling: (tag: string) => boolean,
  label: (id: string) => string,
): { score: number; reasons: string[] } | undefined {
  const reasons: string[] = [];
  let score = 0;
  // The same primary cause is the strongest signal: it outweighs a shared service and a shared contributing cause together.
  if (x.meta.root_cause && x.meta.root_cause === y.meta.root_cause) {
    score += 4;
    reasons.push(`same root cause: ${label(x.meta.root_cause)}`);
  }
  const causesX = new Set([x.meta.root_cause, ...x.meta.contributing].filter(Boolean));
  const causesY = new Set([y.meta.root_cause, ...y.meta.contributing].filter(Boolean));
  const shared = [...causesX].filter((c) => causesY.has(c) && !(c === x.meta.root_cause && c === y.meta.root_cause)) as string[];
  if (shared.length) {
    score += shared.length;
    reasons.push(`shared cause: ${shared.map(label).join(', ')}`);
  }
  const servicesY = new Set(y.meta.services);
  const services = [...new Set(x.meta.services)].filter((sv) => servicesY.has(sv));
  if (services.length) {
    score += 2 * services.length;
    reasons.push(`shared service: ${services.join(', ')}`);
  }
  const tagsY = new Set(y.meta.tags);
  const tags = [...new Set(x.meta.tags)].filter((t) => tagsY.has(t) && telling(t));
  if (tags.length) {
    score += tags.length;
    reasons.push(`shared tag: ${tags.join(', ')}`);
  }
  let similarity = 0;
  const words: [string, number][] = [];
  for (const [t, w] of vx) {
    const other = vy.get(t);
    if (other !== undefined) {
      similarity += w * other;
      words.push([t, w * other]);
    }
  }
  if (similarity >= MIN_SIMILARITY) {
    score += 3 * similarity;
    words.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    reasons.push(`similar wording: ${words.slice(0, 3).map(([t]) => t).join(', ')}`);
  }
  return score > 0 ? { score: Math.round(score * 1000) / 1000, reasons } : undefined;
}
