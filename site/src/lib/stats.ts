import { median } from '@hindsight/core/library';
import type { SiteEntry } from './library';

/** How well the action items of a group of postmortems were followed through. */
export interface FollowThrough {
  group: string;
  total: number;
  done: number;
  overdue: number;
  /** done / total, 0-1; undefined without items. */
  shareDone?: number | undefined;
  shareOverdue?: number | undefined;
  /** Median days from the incident to the commit that marked an item done (items whose Git history is known). */
  medianDaysToClose?: number | undefined;
  /** Done items with a known closing date (the median's sample). */
  closedKnown: number;
}

const DAY = 86_400_000;

/** Days from an incident date to a closing date, never negative. */
function daysBetween(from: string, to: string): number | undefined {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return Number.isNaN(a) || Number.isNaN(b) ? undefined : Math.max(0, Math.round((b - a) / DAY));
}

/** The follow-through of the action items of some postmortems. */
export function followThrough(group: string, entries: readonly SiteEntry[]): FollowThrough {
  // A cancelled item was not left undone: it counts neither way.
  const items = entries.flatMap((e) =>
    e.actions.filter((a) => !a.cancelled).map((a) => ({ a, date: e.date })),
  );
  const done = items.filter(({ a }) => a.done);
  const days = done.flatMap(({ a, date }) =>
    a.closedOn && date ? (daysBetween(date, a.closedOn) ?? []) : [],
  );
  const total = items.length;
  return {
    group,
    total,
    done: done.length,
    overdue: items.filter(({ a }) => a.overdue).length,
    shareDone: total ? done.length / total : undefined,
    shareOverdue: total ? items.filter(({ a }) => a.overdue).length / total : undefined,
    medianDaysToClose: median(days),
    closedKnown: days.length,
  };
}

/** The quarter of a YYYY-MM-DD date: "2024 Q3". */
export function quarterOf(date: string): string | undefined {
  const m = /^(\d{4})-(\d{2})/.exec(date);
  return m ? `${m[1]} Q${Math.floor((Number(m[2]) - 1) / 3) + 1}` : undefined;
}

/** Follow-through per quarter of the incident date, oldest first; quarters without items are left out. */
export function followThroughByQuarter(entries: readonly SiteEntry[]): FollowThrough[] {
  const groups = new Map<string, SiteEntry[]>();
  for (const e of entries) {
    const q = quarterOf(e.date);
    if (!q) continue;
    const list = groups.get(q);
    if (list) list.push(e);
    else groups.set(q, [e]);
  }
  return [...groups.keys()]
    .sort()
    .map((q) => followThrough(q, groups.get(q)!))
    .filter((f) => f.total > 0);
}

/** A share as a whole percentage: "67%". */
export function percent(share: number | undefined): string {
  return share === undefined ? '—' : `${Math.round(share * 100)}%`;
}
