import { normalizeHeading } from '../sections';
import { headingCore } from '../read/heading-meaning';
import { headingSpan, sectionTitle } from './helpers';
import type { Problem, Rule } from './types';

export const duplicateSection: Rule = {
  id: 'duplicate-section',
  description:
    'Each known section appears once: no heading repeated, no canonical heading beside one of its aliases.',
  severity: 'warning',
  check({ pm, config }) {
    const problems: Problem[] = [];
    // Real postmortems often give one section several headings ("Overview", "What Happened"):
    // only the same heading twice, or the canonical title beside one of its listed aliases, is a slip.
    const seen: { id: string; core: string; named: boolean; canonical: boolean; start: number }[] =
      [];
    for (const section of pm.sections) {
      const core = headingCore(section.heading);
      const named = config.headingIndex.has(normalizeHeading(section.heading));
      for (const id of section.ids) {
        const canonical =
          normalizeHeading(sectionTitle(config, id)) === normalizeHeading(section.heading);
        const first = seen.find(
          (s) =>
            s.id === id && (s.core === core || (s.named && named && (s.canonical || canonical))),
        );
        if (first) {
          const line = pm.lines.position(first.start).line;
          problems.push({
            message: `Section '${sectionTitle(config, id)}' appears again; it first appears on line ${line}, expected each section once.`,
            ...headingSpan(section),
          });
          break;
        }
        seen.push({ id, core, named, canonical, start: section.start });
      }
    }
    return problems;
  },
};
