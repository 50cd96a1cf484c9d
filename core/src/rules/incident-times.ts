import { parseDateTime } from '../dates';
import { locateField, TIME_FIELDS } from '../frontmatter';
import type { Problem, Rule } from './types';

export const incidentTimes: Rule = {
  id: 'incident-times',
  description: 'started, detected, mitigated and resolved come in that order.',
  severity: 'error',
  check({ pm }) {
    const block = pm.frontMatter;
    if (!block?.data) return [];
    const problems: Problem[] = [];
    let previous: { field: string; at: number; raw: string } | undefined;
    for (const field of TIME_FIELDS) {
      const raw = pm.meta[field];
      const at = raw ? parseDateTime(raw) : undefined;
      if (!raw || at === undefined) continue;
      if (previous && at < previous.at) {
        const loc = locateField(block, field);
        if (loc) {
          problems.push({
            message: `'${field}' (${raw}) is before '${previous.field}' (${previous.raw}); expected started <= detected <= mitigated <= resolved.`,
            start: loc.valueStart,
            end: loc.valueEnd,
          });
        }
        continue;
      }
      previous = { field, at, raw };
    }
    return problems;
  },
};
