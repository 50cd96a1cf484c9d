import { headingSpan, sectionTitle } from './helpers';
import type { Problem, Rule } from './types';

export const duplicateSection: Rule = {
  id: 'duplicate-section',
  description: 'Each known section appears once.',
  severity: 'warning',
  check({ pm, config }) {
    const firstSeen = new Map<string, number>();
    const problems: Problem[] = [];
    for (const section of pm.sections) {
      const repeated = section.ids.find((id) => firstSeen.has(id));
      if (repeated) {
        const line = pm.lines.position(firstSeen.get(repeated)!).line;
        problems.push({
          message: `Section '${sectionTitle(config, repeated)}' appears again; it first appears on line ${line}, expected each section once.`,
          ...headingSpan(section),
        });
      }
      for (const id of section.ids) if (!firstSeen.has(id)) firstSeen.set(id, section.start);
    }
    return problems;
  },
};
