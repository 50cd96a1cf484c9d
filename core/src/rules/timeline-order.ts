import type { Postmortem } from '../parse';
import type { TimelineEntry } from '../timeline';
import { firstLineOf } from './helpers';
import type { Fix, Problem, Rule } from './types';

export const timelineOrder: Rule = {
  id: 'timeline-order',
  description: 'Timeline entries are in chronological order.',
  severity: 'warning',
  check({ pm }) {
    const problems: Problem[] = [];
    let previous: { at: number; label: string; part: number } | undefined;
    // A part written newest first throughout (a status page's posts) is in order, read backwards.
    const newestFirst = new Set<number>();
    const parts = new Map<number, number[]>();
    for (const e of pm.timeline)
      if (e.at !== undefined && e.time) {
        const at = parts.get(e.part);
        if (at) at.push(e.at);
        else parts.set(e.part, [e.at]);
      }
    for (const [part, at] of parts)
      if (at.length >= 3 && at.every((t, i) => i === 0 || t < at[i - 1]!)) newestFirst.add(part);
    for (const entry of pm.timeline) {
      if (entry.at === undefined || !entry.time || newestFirst.has(entry.part)) continue;
      // A day heading or sub-heading starts a new part (another day, another incident of a digest).
      if (previous && previous.part !== entry.part) previous = undefined;
      const label = entry.time.text;
      if (previous && entry.at < previous.at) {
        const fix = moveFix(pm, entry, label);
        problems.push({
          message: `Timeline entry at ${label} comes after the entry at ${previous.label}; expected entries in chronological order.`,
          ...firstLineOf(pm, entry.start, entry.end),
          ...(fix && { fix }),
        });
        continue;
      }
      previous = { at: entry.at, label, part: entry.part };
    }
    return problems;
  },
};

/** The whole lines an entry covers: from the start of its first line to after its last line break. */
function lineSpan(pm: Postmortem, entry: TimelineEntry): { start: number; end: number } {
  const first = pm.lines.position(entry.start).line;
  const last = pm.lines.position(Math.max(entry.start, entry.end - 1)).line;
  return {
    start: pm.lines.lineStart(first),
    end: last < pm.lines.lineCount ? pm.lines.lineStart(last + 1) : pm.text.length,
  };
}

/**
 * Moves an out-of-order entry up to its place: before the first earlier entry of the same list
 * that is later than it. Applying it for every finding (fix-all) sorts the list. No fix when the
 * entries are not in one plain list (a heading or text between them) or the entry is the last
 * line without a line break.
 */
function moveFix(pm: Postmortem, entry: TimelineEntry, label: string): Fix | undefined {
  const index = pm.timeline.indexOf(entry);
  const span = lineSpan(pm, entry);
  if (span.end === pm.text.length && !/\r?\n$/.test(pm.text)) return undefined;
  let target: TimelineEntry | undefined;
  let cursor = span.start;
  for (let i = index - 1; i >= 0; i--) {
    const other = pm.timeline[i]!;
    const otherSpan = lineSpan(pm, other);
    // Only blank lines may separate entries of one list.
    if (pm.text.slice(otherSpan.end, cursor).trim()) break;
    cursor = otherSpan.start;
    if (other.at !== undefined && other.at > entry.at!) target = other;
  }
  if (!target) return undefined;
  const to = lineSpan(pm, target).start;
  const moved = pm.text.slice(span.start, span.end);
  return {
    title: `Move the entry at ${label} to its place in time`,
    edits: [
      { start: to, end: to, text: moved },
      { start: span.start, end: span.end, text: '' },
    ],
  };
}
