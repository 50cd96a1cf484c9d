import { headingSpan } from './helpers';
import type { Problem, Rule } from './types';

export const emptySection: Rule = {
  id: 'empty-section',
  description: 'A section holds more than its heading, sub-headings and template prompts.',
  severity: 'warning',
  check({ pm, config }) {
    const problems: Problem[] = [];
    for (const section of pm.sections) {
      if (section.hasContent) continue;
      const def = config.sections.find((s) => section.ids[0] === s.id);
      problems.push({
        message: `Section '${section.heading}' is empty; expected ${def ? lowerFirst(def.prompt) : 'some text under the heading'}`,
        ...headingSpan(section),
        // The template's prompt is still there: the author has not written in it yet, so a hint.
        ...(pm.text.slice(section.headingEnd, section.end).includes('<!--') && { quiet: true }),
      });
    }
    return problems;
  },
};

function lowerFirst(s: string): string {
  const text = s.charAt(0).toLowerCase() + s.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
