import type { ActionItem } from './actions';
import type { Config } from './config';
import { parseDateTime } from './dates';
import type { Meta } from './frontmatter';
import type { Metrics, Postmortem } from './parse';

/** A postmortem of the library with the path it was read from. */
export interface Entry {
  file: string;
  pm: Postmortem;
}

/** An action item with the postmortem it belongs to. */
export interface LibraryAction extends ActionItem {
  file: string;
  line: number;
  postmortem: string;
}

export interface ActionFilter {
  open?: boolean;
  overdue?: boolean;
  owner?: string;
}

/** Every action item across the library, open ones by due date first, then undated, then done. */
export function collectActions(entries: Entry[], filter: ActionFilter = {}): LibraryAction[] {
  const owner = filter.owner?.replace(/^@/, '').toLowerCase();
  const all = entries.flatMap(({ file, pm }) =>
    pm.actions.map((a) => ({
      ...a,
      file,
      line: pm.lines.position(a.start).line,
      postmortem: pm.title ?? file,
    })),
  );
  return all
    .filter(
      (a) =>
        (!filter.open || (!a.done && !a.cancelled)) &&
        (!filter.overdue || a.overdue) &&
        (!owner || a.owner?.toLowerCase() === owner),
    )
    .sort(
      (a, b) =>
        Number(a.done || !!a.cancelled) - Number(b.done || !!b.cancelled) ||
        (a.due ?? '9999').localeCompare(b.due ?? '9999') ||
        a.file.localeCompare(b.file) ||
        a.start - b.start,
    );
}

/** Median of a list of numbers, or undefined for an empty list. */
export function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1]! + s[mid]!) / 2;
}

export interface CategoryStats {
  id: string;
  label: string;
  count: number;
  /** Postmortems naming it as a contributing cause. */
  contributing: number;
  medianTimeToDetect?: number;
  medianTimeToMitigate?: number;
}

export interface LibraryStats {
  total: number;
  byCategory: CategoryStats[];
  bySeverity: { id: string; count: number }[];
  byYear: { year: string; count: number }[];
  byMonth: { month: string; count: number }[];
  byService: { service: string; count: number }[];
  byStatus: { status: string; count: number }[];
  medianTimeToDetect?: number;
  medianTimeToMitigate?: number;
  /** `open`: neither done nor cancelled. */
  actions: { total: number; open: number; overdue: number; done: number; cancelled: number };
}

/** Statistics of a library of postmortems. Categories and severities come in configured order. */
/** What statistics need of a postmortem: a parsed one, or the site's page data. */
export interface StatsInput {
  meta: Meta;
  metrics: Metrics;
  actions: readonly { done: boolean; overdue: boolean; cancelled?: boolean | undefined }[];
}

export function computeStats(entries: readonly { pm: StatsInput }[], config: Config): LibraryStats {
  const pms = entries.map((e) => e.pm);
  const count = <K extends string>(keys: (K | undefined)[]) => {
    const map = new Map<K, number>();
    for (const k of keys) if (k) map.set(k, (map.get(k) ?? 0) + 1);
    return map;
  };
  const known = new Set(config.categories.map((c) => c.id));
  const byCategory: CategoryStats[] = config.categories.map((c) => {
    const members = pms.filter((pm) => pm.meta.root_cause === c.id);
    return {
      id: c.id,
      label: c.label,
      count: members.length,
      contributing: pms.filter((pm) => pm.meta.contributing.includes(c.id)).length,
      medianTimeToDetect: median(members.flatMap((pm) => pm.metrics.timeToDetect ?? [])),
      medianTimeToMitigate: median(members.flatMap((pm) => pm.metrics.timeToMitigate ?? [])),
    };
  });
  const stray = pms.filter((pm) => pm.meta.root_cause && !known.has(pm.meta.root_cause));
  if (stray.length)
    byCategory.push({
      id: '(not in taxonomy)',
      label: 'Not in taxonomy',
      count: stray.length,
      contributing: 0,
    });
  const severities = count(pms.map((pm) => pm.meta.severity));
  const years = count(pms.map((pm) => incidentDate(pm)?.slice(0, 4)));
  const months = count(pms.map((pm) => incidentDate(pm)?.slice(0, 7)));
  const services = count(pms.flatMap((pm) => pm.meta.services));
  const statuses = count(pms.map((pm) => pm.meta.status));
  const actions = pms.flatMap((pm) => pm.actions);
  const sorted = (m: Map<string, number>) =>
    [...m.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  return {
    total: pms.length,
    byCategory,
    bySeverity: [
      ...config.severities.map((s) => ({ id: s.id, count: severities.get(s.id) ?? 0 })),
      ...[...severities.entries()]
        .filter(([k]) => !config.severities.some((s) => s.id === k))
        .map(([id, n]) => ({ id, count: n })),
    ],
    byYear: sorted(years).map(([year, n]) => ({ year, count: n })),
    byMonth: sorted(months).map(([month, n]) => ({ month, count: n })),
    byService: [...services.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([service, n]) => ({ service, count: n })),
    byStatus: sorted(statuses).map(([status, n]) => ({ status, count: n })),
    medianTimeToDetect: median(pms.flatMap((pm) => pm.metrics.timeToDetect ?? [])),
    medianTimeToMitigate: median(pms.flatMap((pm) => pm.metrics.timeToMitigate ?? [])),
    actions: {
      total: actions.length,
      open: actions.filter((a) => !a.done && !a.cancelled).length,
      overdue: actions.filter((a) => a.overdue).length,
      done: actions.filter((a) => a.done).length,
      cancelled: actions.filter((a) => !a.done && a.cancelled).length,
    },
  };
}

/** The incident's date: the `date` field, else the date of `started`. */
export function incidentDate(pm: Pick<Postmortem, 'meta'>): string | undefined {
  if (pm.meta.date && /^\d{4}-\d{2}-\d{2}$/.test(pm.meta.date)) return pm.meta.date;
  const started = pm.meta.started ? parseDateTime(pm.meta.started) : undefined;
  return started === undefined ? undefined : new Date(started).toISOString().slice(0, 10);
}

/** What relating postmortems needs to know of each one. */
export interface Relatable {
  id: string;
  /** YYYY-MM-DD, for ordering ties. */
  date: string;
  meta: Pick<Meta, 'root_cause' | 'contributing' | 'services' | 'tags'>;
}

/** A postmortem worth reading next to another one, and why. */
export interface Related<T extends Relatable> {
  entry: T;
  reasons: string[];
  score: number;
}

/** Per library: tag counts and who shares each cause, service and tag, built once. */
interface RelatedIndex {
  telling: (tag: string) => boolean;
  byKey: Map<string, Relatable[]>;
}
const relatedIndexes = new WeakMap<readonly Relatable[], RelatedIndex>();

function relatedIndex(all: readonly Relatable[]): RelatedIndex {
  let index = relatedIndexes.get(all);
  if (index) return index;
  const tagCounts = new Map<string, number>();
  for (const e of all)
    for (const t of new Set(e.meta.tags)) tagCounts.set(t, (tagCounts.get(t) ?? 0) + 1);
  const telling = (t: string) => (tagCounts.get(t) ?? 0) <= Math.max(2, all.length / 3);
  const byKey = new Map<string, Relatable[]>();
  const add = (key: string, e: Relatable) => {
    const list = byKey.get(key);
    if (list) list.push(e);
    else byKey.set(key, [e]);
  };
  for (const e of all) {
    for (const c of new Set([e.meta.root_cause, ...e.meta.contributing])) if (c) add(`c:${c}`, e);
    for (const sv of new Set(e.meta.services)) add(`s:${sv}`, e);
    for (const t of new Set(e.meta.tags)) if (telling(t)) add(`t:${t}`, e);
  }
  index = { telling, byKey };
  relatedIndexes.set(all, index);
  return index;
}

/**
 * Other postmortems with the same root cause, a shared contributing cause, shared services or
 * shared tags, best first. Tags that most of the library carries (like "example") say nothing and
 * are ignored. Only postmortems sharing something are scored (an index is built once per `all`
 * array), so relating every page of a 10,000-postmortem site is not quadratic.
 */
export function relatedPostmortems<T extends Relatable>(
  target: Relatable,
  all: readonly T[],
  limit = 5,
): Related<T>[] {
  const { telling, byKey } = relatedIndex(all);
  const candidates = new Set<T>();
  const keys = [
    ...[target.meta.root_cause, ...target.meta.contributing].filter(Boolean).map((c) => `c:${c}`),
    ...target.meta.services.map((sv) => `s:${sv}`),
    ...target.meta.tags.filter(telling).map((t) => `t:${t}`),
  ];
  for (const key of keys) for (const e of byKey.get(key) ?? []) candidates.add(e as T);
  const out: Related<T>[] = [];
  for (const other of candidates) {
    if (other.id === target.id) continue;
    const reasons: string[] = [];
    let score = 0;
    // The same primary cause is the strongest signal: it outweighs a shared service and a shared contributing cause together.
    if (other.meta.root_cause && other.meta.root_cause === target.meta.root_cause) {
      score += 4;
      reasons.push(`same root cause: ${target.meta.root_cause}`);
    }
    const contributing = other.meta.contributing.filter(
      (c) => c === target.meta.root_cause || target.meta.contributing.includes(c),
    );
    if (contributing.length) {
      score += contributing.length;
      reasons.push(`shared cause: ${contributing.join(', ')}`);
    }
    const services = other.meta.services.filter((sv) => target.meta.services.includes(sv));
    if (services.length) {
      score += 2 * services.length;
      reasons.push(`shared service: ${services.join(', ')}`);
    }
    const tags = other.meta.tags.filter((t) => target.meta.tags.includes(t) && telling(t));
    if (tags.length) {
      score += tags.length;
      reasons.push(`shared tag: ${tags.join(', ')}`);
    }
    if (score > 0) out.push({ entry: other, reasons, score });
  }
  return out
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.entry.date.localeCompare(a.entry.date) ||
        a.entry.id.localeCompare(b.entry.id),
    )
    .slice(0, limit);
}
