import { distance } from 'fastest-levenshtein';
import { KNOWN_FIELDS } from '../frontmatter';
import { locateField } from '../frontmatter';
import { yamlString } from '../template';
import type { Fix, Problem, Rule } from './types';

const squash = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');

export const requiredField: Rule = {
  id: 'required-field',
  description:
    'Front matter has every required field (title, date, status, severity, root_cause, services by default).',
  severity: 'error',
  check({ pm, config, today }) {
    const block = pm.frontMatter;
    const data = block?.data;
    if (!block || !data) return [];
    const present = Object.keys(data).filter((k) => !isEmpty(data[k]));
    const problems: Problem[] = [];
    for (const field of config.requiredFields) {
      if (present.includes(field)) continue;
      const nearMiss = Object.keys(data).find(
        (k) =>
          !(KNOWN_FIELDS as readonly string[]).includes(k) &&
          (squash(k) === squash(field) || distance(squash(k), squash(field)) <= 1),
      );
      const loc = nearMiss ? locateField(block, nearMiss) : undefined;
      if (nearMiss && loc) {
        problems.push({
          message: `Field '${field}' is missing; found '${nearMiss}', expected '${field}'.`,
          start: loc.keyStart,
          end: loc.keyEnd,
          fix: {
            title: `Rename '${nearMiss}' to '${field}'`,
            edits: [{ start: loc.keyStart, end: loc.keyEnd, text: field }],
          },
        });
        continue;
      }
      const value = placeholder(
        field,
        pm.title,
        today,
        config.severities.map((s) => s.id),
      );
      const written = field in data ? locateField(block, field) : undefined;
      if (written) {
        // Written but empty (`services: []`, `root_cause:`): reported on its own line.
        const lineEnd = pm.lines.lineEnd(pm.lines.position(written.keyStart).line);
        const colon = pm.text.indexOf(':', written.keyEnd) + 1;
        const onLine =
          written.valueStart >= colon &&
          written.valueEnd > written.valueStart &&
          written.valueEnd <= lineEnd;
        const edit = onLine
          ? { start: written.valueStart, end: written.valueEnd, text: value }
          : { start: colon, end: colon, text: ` ${value}` };
        const list = value === '[]';
        problems.push({
          message: `Field '${field}' is empty; expected ${describe(field)}.`,
          start: written.keyStart,
          end: lineEnd,
          ...(list
            ? {
                skeleton: {
                  title: `Fill in '${field}'`,
                  edits: [edit],
                  select: {
                    start: edit.start + edit.text.length - 1,
                    end: edit.start + edit.text.length - 1,
                  },
                },
              }
            : {
                fix: {
                  title: `Set '${field}' to ${value}`,
                  edits: [edit],
                  select: {
                    start: edit.start + edit.text.length - value.length,
                    end: edit.start + edit.text.length,
                  },
                },
              }),
        });
        continue;
      }
      const line = `${field}: ${value}`;
      const insert: Fix = {
        title: `Add '${field}' to the front matter`,
        edits: [{ start: block.contentEnd, end: block.contentEnd, text: `${line}${pm.lines.eol}` }],
        // The cursor lands on the value (inside the brackets of a list) for the writer to complete.
        select:
          value === '[]'
            ? { start: block.contentEnd + line.length - 1, end: block.contentEnd + line.length - 1 }
            : { start: block.contentEnd + field.length + 2, end: block.contentEnd + line.length },
      };
      problems.push({
        message: `Field '${field}' is missing from the front matter; expected it with ${describe(field)}.`,
        start: block.start,
        end: block.start + 3,
        // An empty list would still be missing: it is a skeleton to fill in, not a fix.
        ...(value === '[]'
          ? { skeleton: { ...insert, title: `Add '${field}' to the front matter to fill in` } }
          : { fix: insert }),
      });
    }
    return problems;
  },
};

/** A value that says nothing: absent, blank, or an empty list or map. */
function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return !value.trim();
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

function describe(field: string): string {
  switch (field) {
    case 'title':
      return 'a one-line title';
    case 'date':
      return 'the incident date (YYYY-MM-DD)';
    case 'status':
      return 'draft, in-review or published';
    case 'severity':
      return 'a severity level';
    case 'root_cause':
      return 'a root-cause category id';
    case 'services':
      return 'the affected services';
    default:
      return 'a value';
  }
}

function placeholder(
  field: string,
  title: string | undefined,
  today: string,
  severities: string[],
): string {
  switch (field) {
    case 'title':
      return yamlString(title ?? 'Untitled incident');
    case 'date':
      return today;
    case 'status':
      return 'draft';
    case 'severity':
      return severities[severities.length - 1] ?? 'SEV4';
    case 'root_cause':
      return 'unknown';
    case 'services':
    case 'authors':
    case 'tags':
    case 'contributing':
      return '[]';
    default:
      return '""';
  }
}
