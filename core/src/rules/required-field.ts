import { distance } from 'fastest-levenshtein';
import { KNOWN_FIELDS } from '../frontmatter';
import { locateField } from '../frontmatter';
import { yamlString } from '../template';
import type { Problem, Rule } from './types';

const squash = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');

export const requiredField: Rule = {
  id: 'required-field',
  description: 'Front matter has every required field (title, date, status, severity, root_cause, services by default).',
  severity: 'error',
  check({ pm, config, today }) {
    const block = pm.frontMatter;
    const data = block?.data;
    if (!block || !data) return [];
    const present = Object.keys(data).filter((k) => data[k] !== null && data[k] !== undefined);
    const problems: Problem[] = [];
    for (const field of config.requiredFields) {
      if (present.includes(field)) continue;
      const nearMiss = Object.keys(data).find(
        (k) => !(KNOWN_FIELDS as readonly string[]).includes(k) && (squash(k) === squash(field) || distance(squash(k), squash(field)) <= 1),
      );
      const loc = nearMiss ? locateField(block, nearMiss) : undefined;
      if (nearMiss && loc) {
        problems.push({
          message: `Field '${field}' is missing; found '${nearMiss}', expected '${field}'.`,
          start: loc.keyStart,
          end: loc.keyEnd,
          fix: { title: `Rename '${nearMiss}' to '${field}'`, edits: [{ start: loc.keyStart, end: loc.keyEnd, text: field }] },
        });
        continue;
      }
      problems.push({
        message: `Field '${field}' is missing from the front matter; expected it with ${describe(field)}.`,
        start: block.start,
        end: block.start + 3,
        fix: {
          title: `Add '${field}' to the front matter`,
          edits: [{ start: block.contentEnd, end: block.contentEnd, text: `${field}: ${placeholder(field, pm.title, today, config.severities.map((s) => s.id))}${pm.lines.eol}` }],
        },
      });
    }
    return problems;
  },
};

function describe(field: string): string {
  switch (field) {
    case 'title': return 'a one-line title';
    case 'date': return 'the incident date (YYYY-MM-DD)';
    case 'status': return 'draft, in-review or published';
    case 'severity': return 'a severity level';
    case 'root_cause': return 'a root-cause category id';
    case 'services': return 'the affected services';
    default: return 'a value';
  }
}

function placeholder(field: string, title: string | undefined, today: string, severities: string[]): string {
  switch (field) {
    case 'title': return yamlString(title ?? 'Untitled incident');
    case 'date': return today;
    case 'status': return 'draft';
    case 'severity': return severities[severities.length - 1] ?? 'SEV4';
    case 'root_cause': return 'unknown';
    case 'services': case 'authors': case 'tags': case 'contributing': return '[]';
    default: return '""';
  }
}
