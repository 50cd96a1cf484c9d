// Micro-benchmark for issue 19 (not product code, not a test): relatedPostmortems for every page of a
// library, as site/src/pages/postmortems/[slug].astro does, against two proposed replacements with
// the same output (checked): A keeps only the best `limit` while scoring (no strings, no full sort),
// B also encodes the library once as integers. CPU time of this thread (the machine is shared).
// Run: node bench/generate.mjs 1000 5000 && npx esbuild bench/reference/related-proposal.ts --bundle \
//   --platform=node --format=esm --outfile=/tmp/related.mjs && node /tmp/related.mjs 1000 5000
// (CHECK_UP_TO=N compares the outputs up to N postmortems; 1000 by default.)
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load, CORE_SCHEMA } from '../../core/node_modules/js-yaml/dist/js-yaml.mjs';
import { relatedPostmortems, type Relatable, type Related } from '../../core/src/library';

function topRelated<T extends Relatable>(
  target: Relatable,
  all: readonly T[],
  limit = 5,
): Related<T>[] {
  // Same index and candidates as relatedPostmortems; scores counted without strings; a bounded best-list.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a prototype for the profile; the index is keyed by the library array
  const tagCount = counts.get(all as any)!;
  const telling = (t: string) => (tagCount.get(t) ?? 0) <= Math.max(2, all.length / 3);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a prototype for the profile; the index is keyed by the library array
  const byKey = keys.get(all as any)! as Map<string, T[]>;
  const root = target.meta.root_cause;
  const tc = target.meta.contributing;
  const ts = target.meta.services;
  const tt = target.meta.tags;
  const seen = new Set<T>();
  const best: { e: T; s: number }[] = [];
  // ISO dates compare the same with < as with localeCompare; ids (rare full ties) keep localeCompare.
  const better = (a: { e: T; s: number }, b: { e: T; s: number }) =>
    b.s - a.s ||
    (a.e.date < b.e.date ? 1 : a.e.date > b.e.date ? -1 : a.e.id.localeCompare(b.e.id));
  const visit = (e: T) => {
    if (seen.has(e)) return;
    seen.add(e);
    if (e.id === target.id) return;
    let s = 0;
    if (e.meta.root_cause && e.meta.root_cause === root) s += 4;
    for (const c of e.meta.contributing) if (c === root || tc.includes(c)) s += 1;
    for (const sv of e.meta.services) if (ts.includes(sv)) s += 2;
    for (const t of e.meta.tags) if (tt.includes(t) && telling(t)) s += 1;
    if (s === 0) return;
    const item = { e, s };
    if (best.length === limit && better(item, best[limit - 1]!) >= 0) return;
    let i = best.length;
    while (i > 0 && better(item, best[i - 1]!) < 0) i--;
    best.splice(i, 0, item);
    if (best.length > limit) best.pop();
  };
  for (const c of [root, ...tc]) if (c) for (const e of byKey.get(`c:${c}`) ?? []) visit(e);
  for (const sv of ts) for (const e of byKey.get(`s:${sv}`) ?? []) visit(e);
  for (const t of tt) if (telling(t)) for (const e of byKey.get(`t:${t}`) ?? []) visit(e);
  // Reasons only for the winners, by the original function over just them.
  return best.map(({ e, s }) => {
    const reasons: string[] = [];
    if (e.meta.root_cause && e.meta.root_cause === root) reasons.push(`same root cause: ${root}`);
    const contributing = e.meta.contributing.filter((c) => c === root || tc.includes(c));
    if (contributing.length) reasons.push(`shared cause: ${contributing.join(', ')}`);
    const services = e.meta.services.filter((sv) => ts.includes(sv));
    if (services.length) reasons.push(`shared service: ${services.join(', ')}`);
    const tags = e.meta.tags.filter((t) => tt.includes(t) && telling(t));
    if (tags.length) reasons.push(`shared tag: ${tags.join(', ')}`);
    return { entry: e, reasons, score: s };
  });
}

/**
 * Proposed fix, variant B: everything a page needs is encoded once per library as integers (interned
 * causes, services and tags; a rank for the date/id tie-break), candidates are marked in a stamp
 * array instead of a Set, scores are integer sums, the best `limit` are kept in a small array, and
 * reasons are written for the winners only. Same output as relatedPostmortems.
 */
interface Encoded {
  rank: Int32Array;
  root: Int32Array;
  contrib: Int32Array[];
  services: Int32Array[];
  tags: Int32Array[];
  byKey: Map<string, Int32Array>;
  telling: (t: string) => boolean;
  tagTelling: Uint8Array;
  ids: Map<string, number>;
  stamp: Uint32Array;
  page: number;
}
const encodedFor = new WeakMap<object, Encoded>();
function encode(all: readonly Relatable[]): Encoded {
  let enc = encodedFor.get(all);
  if (enc) return enc;
  const ids = new Map<string, number>();
  const intern = (s: string) => ids.get(s) ?? (ids.set(s, ids.size), ids.size - 1);
  const order = all
    .map((_, i) => i)
    .sort((a, b) =>
      all[a]!.date < all[b]!.date
        ? 1
        : all[a]!.date > all[b]!.date
          ? -1
          : all[a]!.id.localeCompare(all[b]!.id),
    );
  const rank = new Int32Array(all.length);
  order.forEach((i, r) => (rank[i] = r));
  const tagCounts = new Map<string, number>();
  for (const e of all)
    for (const t of new Set(e.meta.tags)) tagCounts.set(t, (tagCounts.get(t) ?? 0) + 1);
  const telling = (t: string) => (tagCounts.get(t) ?? 0) <= Math.max(2, all.length / 3);
  const lists = new Map<string, number[]>();
  const add = (k: string, i: number) => (lists.get(k) ?? lists.set(k, []).get(k)!).push(i);
  all.forEach((e, i) => {
    for (const c of new Set([e.meta.root_cause, ...e.meta.contributing])) if (c) add(`c:${c}`, i);
    for (const sv of new Set(e.meta.services)) add(`s:${sv}`, i);
    for (const t of new Set(e.meta.tags)) if (telling(t)) add(`t:${t}`, i);
  });
  const byKey = new Map([...lists].map(([k, v]) => [k, Int32Array.from(v)]));
  const root = Int32Array.from(all, (e) =>
    e.meta.root_cause ? intern(`c:${e.meta.root_cause}`) : -1,
  );
  const contrib = all.map((e) => Int32Array.from(e.meta.contributing, (c) => intern(`c:${c}`)));
  const services = all.map((e) => Int32Array.from(e.meta.services, (s) => intern(`s:${s}`)));
  const tags = all.map((e) => Int32Array.from(e.meta.tags, (t) => intern(`t:${t}`)));
  const tagTelling = new Uint8Array(ids.size);
  for (const [k, id] of ids) if (k.startsWith('t:') && telling(k.slice(2))) tagTelling[id] = 1;
  enc = {
    rank,
    root,
    contrib,
    services,
    tags,
    byKey,
    telling,
    tagTelling,
    ids,
    stamp: new Uint32Array(all.length),
    page: 0,
  };
  encodedFor.set(all, enc);
  return enc;
}
function encodedRelated<T extends Relatable>(
  target: Relatable,
  all: readonly T[],
  limit = 5,
): Related<T>[] {
  const enc = encode(all);
  const page = ++enc.page;
  const want = new Uint8Array(enc.ids.size); // 1: a cause of the target; 2: a service; 1: a telling tag
  const id = (k: string) => enc.ids.get(k) ?? -1;
  const rootId = target.meta.root_cause ? id(`c:${target.meta.root_cause}`) : -2;
  for (const c of [target.meta.root_cause, ...target.meta.contributing])
    if (c && id(`c:${c}`) >= 0) want[id(`c:${c}`)] = 1;
  for (const sv of target.meta.services) if (id(`s:${sv}`) >= 0) want[id(`s:${sv}`)] = 2;
  for (const t of target.meta.tags)
    if (id(`t:${t}`) >= 0 && enc.tagTelling[id(`t:${t}`)]) want[id(`t:${t}`)] = 1;
  const bestI: number[] = [];
  const bestS: number[] = [];
  const keys = [
    ...[target.meta.root_cause, ...target.meta.contributing].filter(Boolean).map((c) => `c:${c}`),
    ...target.meta.services.map((sv) => `s:${sv}`),
    ...target.meta.tags.filter(enc.telling).map((t) => `t:${t}`),
  ];
  for (const key of keys) {
    const list = enc.byKey.get(key);
    if (!list) continue;
    for (let j = 0; j < list.length; j++) {
      const i = list[j]!;
      if (enc.stamp[i] === page) continue;
      enc.stamp[i] = page;
      if (all[i]!.id === target.id) continue;
      let s = enc.root[i] === rootId ? 4 : 0;
      for (const c of enc.contrib[i]!) s += want[c]! & 1;
      for (const v of enc.services[i]!) s += want[v]! & 2;
      for (const t of enc.tags[i]!) s += want[t]! & 1;
      if (s === 0) continue;
      const n = bestI.length;
      if (
        n === limit &&
        (s < bestS[n - 1]! || (s === bestS[n - 1]! && enc.rank[i]! > enc.rank[bestI[n - 1]!]!))
      )
        continue;
      let k = n;
      while (
        k > 0 &&
        (s > bestS[k - 1]! || (s === bestS[k - 1]! && enc.rank[i]! < enc.rank[bestI[k - 1]!]!))
      )
        k--;
      bestI.splice(k, 0, i);
      bestS.splice(k, 0, s);
      if (bestI.length > limit) {
        bestI.pop();
        bestS.pop();
      }
    }
  }
  const root = target.meta.root_cause,
    tc = target.meta.contributing,
    ts = target.meta.services,
    tt = target.meta.tags;
  return bestI.map((i, k) => {
    const e = all[i]!;
    const reasons: string[] = [];
    if (e.meta.root_cause && e.meta.root_cause === root) reasons.push(`same root cause: ${root}`);
    const contributing = e.meta.contributing.filter((c) => c === root || tc.includes(c));
    if (contributing.length) reasons.push(`shared cause: ${contributing.join(', ')}`);
    const services = e.meta.services.filter((sv) => ts.includes(sv));
    if (services.length) reasons.push(`shared service: ${services.join(', ')}`);
    const tags = e.meta.tags.filter((t) => tt.includes(t) && enc.telling(t));
    if (tags.length) reasons.push(`shared tag: ${tags.join(', ')}`);
    return { entry: e, reasons, score: bestS[k]! };
  });
}

const counts = new WeakMap<object, Map<string, number>>();
const keys = new WeakMap<object, Map<string, Relatable[]>>();
function index(all: Relatable[]) {
  const tagCounts = new Map<string, number>();
  for (const e of all)
    for (const t of new Set(e.meta.tags)) tagCounts.set(t, (tagCounts.get(t) ?? 0) + 1);
  const telling = (t: string) => (tagCounts.get(t) ?? 0) <= Math.max(2, all.length / 3);
  const byKey = new Map<string, Relatable[]>();
  const add = (k: string, e: Relatable) => (byKey.get(k) ?? byKey.set(k, []).get(k)!).push(e);
  for (const e of all) {
    for (const c of new Set([e.meta.root_cause, ...e.meta.contributing])) if (c) add(`c:${c}`, e);
    for (const sv of new Set(e.meta.services)) add(`s:${sv}`, e);
    for (const t of new Set(e.meta.tags)) if (telling(t)) add(`t:${t}`, e);
  }
  counts.set(all, tagCounts);
  keys.set(all, byKey);
}

for (const n of process.argv.slice(2).map(Number)) {
  const dir = path.resolve(`bench/.data/lib-${n}/postmortems`); // run from the repository root
  const all: Relatable[] = readdirSync(dir)
    .sort()
    .map((f) => {
      const text = readFileSync(path.join(dir, f), 'utf8');
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a prototype for the profile; the index is keyed by the library array
      const fm = load(text.split('\n---\n')[0]!.slice(4), { schema: CORE_SCHEMA }) as any;
      return {
        id: f,
        date: String(fm.date),
        meta: {
          root_cause: fm.root_cause,
          contributing: (fm.contributing ?? []).filter(Boolean),
          services: fm.services ?? [],
          tags: fm.tags ?? [],
        },
      };
    });
  all.sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
  index(all);
  let t = process.cpuUsage().user / 1000;
  const check = n <= Number(process.env.CHECK_UP_TO ?? 1000);
  const before = check ? all.map((e) => relatedPostmortems(e, all, 5)) : [];
  const tBefore = process.cpuUsage().user / 1000 - t;
  t = process.cpuUsage().user / 1000;
  const after = all.map((e) => topRelated(e, all, 5));
  const tAfter = process.cpuUsage().user / 1000 - t;
  t = process.cpuUsage().user / 1000;
  const enc = all.map((e) => encodedRelated(e, all, 5));
  const tEnc = process.cpuUsage().user / 1000 - t;
  const key3 = (rs: Related<Relatable>[][]) =>
    JSON.stringify(rs.map((r) => r.map((x) => [x.entry.id, x.score, x.reasons])));
  const sameB = !check ? 'not compared' : key3(before) === key3(enc);
  const same = !check
    ? 'not compared'
    : JSON.stringify(before.map((r) => r.map((x) => [x.entry.id, x.score, x.reasons]))) ===
      JSON.stringify(after.map((r) => r.map((x) => [x.entry.id, x.score, x.reasons])));
  console.log(
    JSON.stringify({
      n,
      currentMs: Math.round(tBefore),
      proposedMs: Math.round(tAfter),
      perPageCurrentUs: Math.round((1000 * tBefore) / n),
      perPageProposedUs: Math.round((1000 * tAfter) / n),
      sameOutput: same,
      encodedMs: Math.round(tEnc),
      perPageEncodedUs: Math.round((1000 * tEnc) / n),
      sameOutputEncoded: sameB,
    }),
  );
}
