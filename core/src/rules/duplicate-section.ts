import { normalizeHeading } from '../sections';
import { headingCore } from '../read/heading-meaning';
import type { Section } from '../read/model';
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
    // Most documents name each section once: a heading is only compared (and its forms computed)
    // when an earlier section has one of its ids.
    const byId = new Map<string, Section[]>();
    const forms = new Map<Section, { core: string; normal: string; named: boolean }>();
    const formOf = (section: Section) => {
      let form = forms.get(section);
      if (!form) {
        const normal = normalizeHeading(section.heading);
        form = {
          core: headingCore(section.heading),
          normal,
          named: config.headingIndex.has(normal),
        };
        forms.set(section, form);
      }
      return form;
    };
    const canonical = (section: Section, id: string) =>
      normalizeHeading(sectionTitle(config, id)) === formOf(section).normal;
    for (const section of pm.sections) {
      for (const id of section.ids) {
        const earlier = byId.get(id);
        const first = earlier?.find((s) => {
          const a = formOf(s);
          const b = formOf(section);
          return (
            a.core === b.core ||
            (a.named && b.named && (canonical(s, id) || canonical(section, id)))
          );
        });
        if (first) {
          const line = pm.lines.position(first.start).line;
          problems.push({
            message: `Section '${sectionTitle(config, id)}' appears again; it first appears on line ${line}, expected each section once.`,
            ...headingSpan(section),
          });
          break;
        }
        if (earlier) earlier.push(section);
        else byId.set(id, [section]);
      }
    }
    return problems;
  },
};
