import { describe, expect, it } from 'vitest';
import { defaultConfig, parsePostmortem, resolveConfig, type Config } from '@hindsight/core';
import { postmortem, rng } from '../bench/generate.mjs';
import { toSiteEntry, type SiteEntry } from '../site/src/lib/library';
import { RELATED_LIMIT, relatedLibrary, type RelatedLink } from '../site/src/lib/related';

const TODAY = '2026-11-24';

/**
 * Related postmortems as relatedLibrary documents them, scored over every pair of the library
 * (no index, no pruning): the lists a reader sees must not depend on how the build finds them.
 */
function everyPair(entries: readonly SiteEntry[], config: Config): Map<string, RelatedLink[]> {
  const n = entries.length;
  const ignored = new Set(config.site.relatedIgnoreTags.map((t) => t.toLowerCase()));
  const tagCounts = new Map<string, number>();
  for (const e of entries)
    for (const t of new Set(e.meta.tags)) tagCounts.set(t, (tagCounts.get(t) ?? 0) + 1);
  const telling = (t: string) =>
    !ignored.has(t.toLowerCase()) && (tagCounts.get(t) ?? 0) <= Math.max(2, n / 3);
  const docTerms = entries.map((e) => {
    const counts = new Map<string, number>();
    const text = `${e.title} ${e.meta.trigger ?? ''} ${e.summary} ${e.rootCauseText}`;
    for (const w of text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? [])
      if (!/^\d+$/.test(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
    return counts;
  });
  const df = new Map<string, number>();
  for (const terms of docTerms) for (const t of terms.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const vectors = docTerms.map((terms) => {
    const weighted = [...terms]
      .map(([t, tf]) => [t, (1 + Math.log(tf)) * Math.log((n + 1) / (df.get(t)! + 0.5))] as const)
      .filter(([, w]) => w > 0)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 12);
    const norm = Math.hypot(...weighted.map(([, w]) => w)) || 1;
    return new Map(weighted.map(([t, w]) => [t, w / norm]));
  });
  const wordHolders = new Map<string, number>();
  for (const v of vectors)
    for (const t of v.keys()) wordHolders.set(t, (wordHolders.get(t) ?? 0) + 1);
  const causes = (e: SiteEntry) =>
    new Set([e.meta.root_cause, ...e.meta.contributing].filter((c): c is string => !!c));
  const shared = <T>(x: Iterable<T>, y: Set<T>) => [...new Set(x)].filter((v) => y.has(v)).length;
  const pairScore = (a: number, b: number) => {
    const x = entries[a]!;
    const y = entries[b]!;
    let score = x.meta.root_cause && x.meta.root_cause === y.meta.root_cause ? 3 : 0;
    score += shared(causes(x), causes(y));
    score += 2 * shared(x.meta.services, new Set(y.meta.services));
    score += shared(x.meta.tags.filter(telling), new Set(y.meta.tags.filter(telling)));
    let similarity = 0;
    for (const [t, w] of vectors[a]!) {
      const other = vectors[b]!.get(t);
      if (other !== undefined && wordHolders.get(t)! <= 100) similarity += w * other;
    }
    const total = score + (similarity >= 0.15 ? 3 * similarity : 0);
    return Math.round(total * 1000) / 1000;
  };
  // Each postmortem's best 20 partners (score, then the pair's indexes), then the pairs best
  // first, newest first, taken while both ends have room.
  const pairs: { a: number; b: number; score: number }[] = [];
  for (let a = 0; a < n; a++) {
    const mine: { a: number; b: number; score: number }[] = [];
    for (let b = 0; b < n; b++) {
      if (b === a) continue;
      const score = pairScore(a, b);
      if (score > 0) mine.push({ a: Math.min(a, b), b: Math.max(a, b), score });
    }
    mine.sort((p, q) => q.score - p.score || p.a - q.a || p.b - q.b);
    pairs.push(...mine.slice(0, 4 * RELATED_LIMIT));
  }
  const newest = (p: { a: number; b: number }) =>
    entries[p.a]!.date > entries[p.b]!.date ? entries[p.a]!.date : entries[p.b]!.date;
  pairs.sort(
    (x, y) => y.score - x.score || newest(y).localeCompare(newest(x)) || x.a - y.a || x.b - y.b,
  );
  const out = new Map<string, RelatedLink[]>(entries.map((e) => [e.slug, []]));
  const linked = new Set<string>();
  for (const p of pairs) {
    const la = out.get(entries[p.a]!.slug)!;
    const lb = out.get(entries[p.b]!.slug)!;
    if (la.length >= RELATED_LIMIT || lb.length >= RELATED_LIMIT || linked.has(`${p.a} ${p.b}`))
      continue;
    linked.add(`${p.a} ${p.b}`);
    la.push({ slug: entries[p.b]!.slug, score: p.score, reasons: [] });
    lb.push({ slug: entries[p.a]!.slug, score: p.score, reasons: [] });
  }
  return out;
}

const withoutReasons = (related: Map<string, RelatedLink[]>) =>
  [...related].map(([slug, list]) => [slug, list.map((r) => `${r.slug} ${r.score}`)]);

describe('related postmortems', () => {
  // 300 generated postmortems: about 30 per root cause, so each list of candidates fills up and
  // many partners tie on the same score.
  const r = rng(19);
  const entries = Array.from({ length: 300 }, (_, i) => {
    const pm = parsePostmortem(postmortem(r, i), { config: defaultConfig, today: TODAY });
    return toSiteEntry(pm, `pm-${i}`, `pm-${i}.md`);
  }).sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title));

  it('lists the same postmortems as scoring every pair of the library', () => {
    const related = relatedLibrary(entries, defaultConfig);
    expect([...related.values()].filter((l) => l.length === RELATED_LIMIT).length).toBeGreaterThan(
      200,
    );
    expect(withoutReasons(related)).toEqual(withoutReasons(everyPair(entries, defaultConfig)));
  });

  it('lists the same postmortems as every pair when tags are ignored and the library is small', () => {
    const config = resolveConfig({ site: { relatedIgnoreTags: ['synthetic', 'capacity'] } });
    for (const part of [entries.slice(0, 40), entries.slice(100, 103)])
      expect(withoutReasons(relatedLibrary(part, config))).toEqual(
        withoutReasons(everyPair(part, config)),
      );
  });
});
