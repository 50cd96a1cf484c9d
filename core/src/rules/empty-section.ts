import { headingSpan } from './helpers';
import type { Problem, Rule } from './types';

export const emptySection: Rule = {
  id: 'empty-section',
  description: 'A section holds more than its heading, sub-headings and template prompts.',
  severity: 'warning',
  check({ pm, config }) {
    const problems: Problem[] = [];
    for (const [i, section] of pm.sections.entries()) {
      if (section.hasContent) continue;
      // A heading over sections of its own ("## Incident Review" above "### Summary") is not empty.
      const next = pm.sections[i + 1];
      if (
        next &&
        next.start <= section.end &&
        depth(pm.text, next.start) > depth(pm.text, section.start)
      )
        continue;
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

/** The level of the heading at `start`: its `#` marks, or 1 or 2 for a setext heading. */
function depth(text: string, start: number): number {
  const atx = /^ {0,3}(#{1,6})(?=[ \t]|$)/.exec(text.slice(start, start + 10));
  if (atx) return atx[1]!.length;
  const lineEnd = text.indexOf('\n', start);
  return /^ {0,3}=/.test(text.slice(lineEnd + 1, lineEnd + 5)) ? 1 : 2;
}

function lowerFirst(s: string): string {
  const text = s.charAt(0).toLowerCase() + s.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
