import { locateField } from '../frontmatter';
import { listWords, quote, suggest } from '../suggest';
import type { Rule } from './types';

export const severityLevel: Rule = {
  id: 'severity-level',
  description: 'severity is one of the configured levels.',
  severity: 'error',
  check({ pm, config }) {
    const value = pm.meta.severity;
    const block = pm.frontMatter;
    if (!block || value === undefined || !value.trim()) return [];
    const ids = config.severities.map((s) => s.id);
    if (ids.includes(value)) return [];
    const loc = locateField(block, 'severity');
    if (!loc) return [];
    const guess = suggest(value, ids);
    return [
      {
        message: guess
          ? `Severity ${quote(value)} is not a configured level; did you mean '${guess}'?`
          : `Severity ${quote(value)} is not a configured level; expected ${listWords(ids)}.`,
        start: loc.valueStart,
        end: loc.valueEnd,
        fix: guess
          ? {
              title: `Change to '${guess}'`,
              preferred: true,
              edits: [{ start: loc.valueStart, end: loc.valueEnd, text: guess }],
            }
          : undefined,
      },
    ];
  },
};
