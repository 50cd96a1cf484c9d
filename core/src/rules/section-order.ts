import { headingSpan } from './helpers';
import type { Problem, Rule } from './types';

export const sectionOrder: Rule = {
  id: 'section-order',
  description:
    'Known sections follow the configured order (Summary first, Lessons Learned and Follow-up last).',
  severity: 'warning',
  check({ pm, config }) {
    const order = config.sections.map((s) => s.id);
    const known = pm.sections.filter((s) => s.ids.length > 0);
    const ranks = known.map((s) => Math.min(...s.ids.map((id) => order.indexOf(id))));
    const keep = longestNonDecreasing(ranks);
    const problems: Problem[] = [];
    known.forEach((section, i) => {
      if (keep.has(i)) return;
      // Name the kept section it should come before, or the one it should follow.
      const after = known.find((_, j) => keep.has(j) && ranks[j]! > ranks[i]!);
      const before = [...known].reverse().find((_, jr) => {
        const j = known.length - 1 - jr;
        return keep.has(j) && ranks[j]! < ranks[i]!;
      });
      const expected = after ? `before '${after.heading}'` : `after '${before?.heading ?? ''}'`;
      problems.push({
        message: `Section '${section.heading}' is out of order; expected it ${expected}.`,
        ...headingSpan(section),
      });
    });
    return problems;
  },
};

/** Indices of a longest non-decreasing subsequence: the sections that are already in order. */
function longestNonDecreasing(values: number[]): Set<number> {
  const n = values.length;
  const length = new Array<number>(n).fill(1);
  const prev = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (values[j]! <= values[i]! && length[j]! + 1 > length[i]!) {
        length[i] = length[j]! + 1;
        prev[i] = j;
      }
    }
  }
  let best = -1;
  for (let i = 0; i < n; i++) if (best < 0 || length[i]! > length[best]!) best = i;
  const keep = new Set<number>();
  for (let i = best; i >= 0; i = prev[i]!) keep.add(i);
  return keep;
}
