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
/** Partners each postmortem keeps before the symmetric selection: enough for its own list when its first choices are full. */
const CANDIDATES = 4 * RELATED_LIMIT;

const WORD = /[\p{L}\p{N}]{3,}/gu;

/**
 * Related postmortems for the whole library, by slug, computed once per build: symmetric (if A
 * lists B, B lists A) and ranked by the same root cause, shared contributing causes, shared
 * services, shared telling tags and similar wording.
 *
 * Only pairs that share something are scored: an index by cause, service, tag and telling word
 * gives the candidates, so the cost grows with the pairs that share a key, not with the square of
 * the library. Tags listed in `site.relatedIgnoreTags`, and tags most of the library carries, say
 * nothing and are ignored. Each postmortem keeps its best CANDIDATES partners; those pairs are then
 * taken best first while both ends have room, which keeps every list symmetric and at most
 * `limit` long. Reasons are worded only for the pairs kept.
 */
export function relatedLibrary(
  entries: readonly SiteEntry[],
  config: Config,
  limit = RELATED_LIMIT,
): Map<string, RelatedLink[]> {
  const n = entries.length;
  const label = (id: string) => config.categories.find((c) => c.id === id)?.label ?? id;
  const ignored = new Set(config.site.relatedIgnoreTags.map((t) => t.toLowerCase()));
  const tagCounts = new Map<string, number>();
  for (const e of entries)
    for (const t of new Set(e.meta.tags)) tagCounts.set(t, (tagCounts.get(t) ?? 0) + 1);
  const telling = (t: string) =>
    !ignored.has(t.toLowerCase()) && (tagCounts.get(t) ?? 0) <= Math.max(2, n / 3);

  // Text vectors: TF-IDF over title, trigger, summary and root cause; the top terms of each entry.
  const docTerms = entries.map((e) =>
    countWords(`${e.title} ${e.meta.trigger ?? ''} ${e.summary} ${e.rootCauseText}`),
  );
  const df = new Map<string, number>();
  for (const terms of docTerms) for (const t of terms.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const vectors = docTerms.map((terms) => {
    const weighted = [...terms]
      .map(([t, tf]) => [t, (1 + Math.log(tf)) * Math.log((n + 1) / (df.get(t)! + 0.5))] as const)
      .filter(([, w]) => w > 0);
    weighted.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const top = weighted.slice(0, TOP_TERMS);
    const norm = Math.hypot(...top.map(([, w]) => w)) || 1;
    return new Map(top.map(([t, w]) => [t, w / norm]));
  });

  // Who carries each key. A shared root cause weighs 4, a shared cause (primary or contributing) 1,
  // a service 2, a telling tag 1; shared telling words add to the texts' cosine similarity.
  const causes = entries.map((e) => [
    ...new Set([e.meta.root_cause, ...e.meta.contributing].filter((c): c is string => !!c)),
  ]);
  const services = entries.map((e) => [...new Set(e.meta.services)]);
  const tags = entries.map((e) => [...new Set(e.meta.tags)].filter(telling));
  // Keys are numbered; each carries its members and, for a word, each member's weight of it.
  const keyIds = new Map<string, number>();
  const members: number[][] = [];
  const memberWeights: number[][] = [];
  const add = (key: string, i: number, w = 0) => {
    let id = keyIds.get(key);
    if (id === undefined) {
      keyIds.set(key, (id = members.length));
      members.push([]);
      memberWeights.push([]);
    }
    members[id]!.push(i);
    memberWeights[id]!.push(w);
    return id;
  };
  /** Per entry: the keys it bumps with their weights, in the order they are summed. */
  const bumps: { id: number; weight: number }[][] = [];
  /** Per entry: the words it shares similarity by (their postings short enough), with its weight. */
  const words: { id: number; w: number }[][] = [];
  entries.forEach((e, i) => {
    const own: { id: number; weight: number }[] = [];
    if (e.meta.root_cause) own.push({ id: add(`r:${e.meta.root_cause}`, i), weight: 3 }); // plus 1 from the shared cause below
    for (const c of causes[i]!) own.push({ id: add(`c:${c}`, i), weight: 1 });
    for (const sv of services[i]!) own.push({ id: add(`s:${sv}`, i), weight: 2 });
    for (const t of tags[i]!) own.push({ id: add(`t:${t}`, i), weight: 1 });
    bumps.push(own);
    words.push([...vectors[i]!].map(([t, w]) => ({ id: add(`w:${t}`, i, w), w })));
  });
  const lists = members.map((m) => Int32Array.from(m));
  const listWeights = memberWeights.map((m) => Float64Array.from(m));

  // Scores accumulated key by key into arrays reused for every entry: the cost is the number of
  // shared keys, with no per-pair allocation. Each entry keeps its best CANDIDATES partners.
  const score = new Float64Array(n);
  const similarity = new Float64Array(n);
  /** a + 1 for the partners of entry a met so far (each is listed once in `touched`). */
  const seen = new Int32Array(n);
  const touched: number[] = [];
  /** A pair of postmortems (a < b), its score and the rank of its newer date (set before sorting). */
  type Pair = { a: number; b: number; score: number; newest: number };
  const pairs: Pair[] = [];
  const best: Pair[] = [];
  /** Whether a pair comes before another in a postmortem's list: higher score, then lower indexes. */
  const before = (score: number, a: number, b: number, other: Pair) =>
    score > other.score ||
    (score === other.score && (a < other.a || (a === other.a && b < other.b)));
  for (let a = 0; a < n; a++) {
    const mark = a + 1;
    for (const { id, weight } of bumps[a]!) {
      const list = lists[id]!;
      for (let k = 0; k < list.length; k++) {
        const b = list[k]!;
        if (b === a) continue;
        if (seen[b] !== mark) {
          seen[b] = mark;
          touched.push(b);
        }
        score[b]! += weight;
      }
    }
    for (const { id, w } of words[a]!) {
      const list = lists[id]!;
      if (list.length > MAX_WORD_POSTINGS) continue;
      const weights = listWeights[id]!;
      for (let k = 0; k < list.length; k++) {
        const b = list[k]!;
        if (b === a) continue;
        if (seen[b] !== mark) {
          seen[b] = mark;
          touched.push(b);
        }
        similarity[b]! += w * weights[k]!;
      }
    }
    // The best CANDIDATES partners, kept in order while scanning (score, then the pair's indexes):
    // sorting every partner to keep twenty made this quadratic part several times slower. The kept
    // set does not depend on the order partners are met in (no two partners of one postmortem tie).
    let kept = 0;
    for (const b of touched) {
      const total = score[b]! + (similarity[b]! >= MIN_SIMILARITY ? 3 * similarity[b]! : 0);
      score[b] = 0;
      similarity[b] = 0;
      if (total <= 0) continue;
      // Well below the last of a full list: it cannot enter (its rounded score is lower).
      if (kept === CANDIDATES && total < best[CANDIDATES - 1]!.score - 0.01) continue;
      const rounded = Math.round(total * 1000) / 1000;
      const lo = a < b ? a : b;
      const hi = a < b ? b : a;
      // Where this partner goes among the kept ones.
      let at = kept;
      while (at > 0 && before(rounded, lo, hi, best[at - 1]!)) at--;
      if (at >= CANDIDATES) continue;
      if (kept < CANDIDATES) best[kept++] = { a: 0, b: 0, score: 0, newest: 0 };
      for (let j = kept - 1; j > at; j--) best[j] = best[j - 1]!;
      best[at] = { a: lo, b: hi, score: rounded, newest: 0 };
    }
    touched.length = 0;
    for (let j = 0; j < kept; j++) pairs.push(best[j]!);
  }
  // Pairs best first, then the newer of the two incidents first (dates in localeCompare's order,
  // ranked once instead of compared in every comparison), then by index.
  const dates = [...new Set(entries.map((e) => e.date))].sort((x, y) => x.localeCompare(y));
  const dateRank = new Map<string, number>();
  dates.forEach((d, i) =>
    dateRank.set(
      d,
      i > 0 && d.localeCompare(dates[i - 1]!) === 0 ? dateRank.get(dates[i - 1]!)! : i,
    ),
  );
  for (const p of pairs) {
    const da = entries[p.a]!.date;
    const db = entries[p.b]!.date;
    p.newest = dateRank.get(da > db ? da : db)!;
  }
  pairs.sort((x, y) => y.score - x.score || y.newest - x.newest || x.a - y.a || x.b - y.b);

  const out = new Map<string, RelatedLink[]>(entries.map((e) => [e.slug, []]));
  const linked = new Set<number>();
  for (const p of pairs) {
    const la = out.get(entries[p.a]!.slug)!;
    const lb = out.get(entries[p.b]!.slug)!;
    // A pair kept by both of its ends appears twice.
    if (la.length >= limit || lb.length >= limit || linked.has(p.a * n + p.b)) continue;
    linked.add(p.a * n + p.b);
    const reasons = reasonsFor(
      entries[p.a]!,
      entries[p.b]!,
      vectors[p.a]!,
      vectors[p.b]!,
      telling,
      label,
    );
    la.push({ slug: entries[p.b]!.slug, score: p.score, reasons });
    lb.push({ slug: entries[p.a]!.slug, score: p.score, reasons });
  }
  return out;
}

function countWords(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of text.toLowerCase().match(WORD) ?? [])
    if (!/^\d+$/.test(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/** Why two postmortems are related, the same both ways (their score is summed in relatedLibrary). */
function reasonsFor(
  x: SiteEntry,
  y: SiteEntry,
  vx: Map<string, number>,
  vy: Map<string, number>,
  telling: (tag: string) => boolean,
  label: (id: string) => string,
): string[] {
  const reasons: string[] = [];
  // The same primary cause is the strongest signal: it outweighs a shared service and a shared contributing cause together.
  if (x.meta.root_cause && x.meta.root_cause === y.meta.root_cause) {
    reasons.push(`same root cause: ${label(x.meta.root_cause)}`);
  }
  const causesX = new Set([x.meta.root_cause, ...x.meta.contributing].filter(Boolean));
  const causesY = new Set([y.meta.root_cause, ...y.meta.contributing].filter(Boolean));
  const shared = [...causesX].filter(
    (c) => causesY.has(c) && !(c === x.meta.root_cause && c === y.meta.root_cause),
  ) as string[];
  if (shared.length) {
    reasons.push(`shared cause: ${shared.map(label).join(', ')}`);
  }
  const servicesY = new Set(y.meta.services);
  const services = [...new Set(x.meta.services)].filter((sv) => servicesY.has(sv));
  if (services.length) {
    reasons.push(`shared service: ${services.join(', ')}`);
  }
  const tagsY = new Set(y.meta.tags);
  const tags = [...new Set(x.meta.tags)].filter((t) => tagsY.has(t) && telling(t));
  if (tags.length) {
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
    words.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    reasons.push(
      `similar wording: ${words
        .slice(0, 3)
        .map(([t]) => t)
        .join(', ')}`,
    );
  }
  return reasons;
}
