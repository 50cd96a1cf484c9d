import { locateField } from '../frontmatter';
import { listWords, quote, suggest } from '../suggest';
import type { Problem, Rule } from './types';

export const rootCauseCategory: Rule = {
  id: 'root-cause-category',
  description: 'root_cause and contributing name categories of the configured taxonomy.',
  severity: 'error',
  check({ pm, config }) {
    const block = pm.frontMatter;
    if (!block?.data) return [];
    const ids = config.categories.map((c) => c.id);
    const problems: Problem[] = [];
    const checkValue = (value: string, field: string, index?: number) => {
      if (ids.includes(value)) return;
      const loc = locateField(block, field, index);
      if (!loc) return;
      const guess = suggest(value, ids);
      const label = field === 'root_cause' ? 'Root cause' : `Contributing category`;
      problems.push({
        message: guess
          ? `${label} ${quote(value)} is not in the taxonomy; did you mean '${guess}'?`
          : `${label} ${quote(value)} is not in the taxonomy; expected one of ${listWords(ids)}.`,
        start: loc.valueStart,
        end: loc.valueEnd,
        fix: guess
          ? {
              title: `Change to '${guess}'`,
              preferred: true,
              edits: [{ start: loc.valueStart, end: loc.valueEnd, text: guess }],
            }
          : undefined,
      });
    };
    if (pm.meta.root_cause?.trim()) checkValue(pm.meta.root_cause, 'root_cause');
    const contributing = block.data.contributing;
    if (Array.isArray(contributing)) {
      contributing.forEach((v, i) => {
        if (typeof v === 'string' && v.trim()) checkValue(v, 'contributing', i);
      });
    }
    return problems;
  },
};
