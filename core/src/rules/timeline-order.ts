import { firstLineOf } from './helpers';
import type { Problem, Rule } from './types';

export const timelineOrder: Rule = {
  id: 'timeline-order',
  description: 'Timeline entries are in chronological order.',
  severity: 'warning',
  check({ pm }) {
    const problems: Problem[] = [];
    let previous: { at: number; label: string; part: number } | undefined;
    for (const entry of pm.timeline) {
      if (entry.at === undefined || !entry.time) continue;
      // A day heading or sub-heading starts a new part (another day, another incident of a digest).
      if (previous && previous.part !== entry.part) previous = undefined;
      const label = entry.time.text;
      if (previous && entry.at < previous.at) {
        problems.push({
          message: `Timeline entry at ${label} comes after the entry at ${previous.label}; expected entries in chronological order.`,
          ...firstLineOf(pm, entry.start, entry.end),
        });
        continue;
      }
      previous = { at: entry.at, label, part: entry.part };
    }
    return problems;
  },
};
