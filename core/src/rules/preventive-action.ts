import { headingSpan } from './helpers';
import type { Rule } from './types';

export const preventiveAction: Rule = {
  id: 'preventive-action',
  description:
    'At least one action item is marked #prevent: work that stops the cause from recurring.',
  severity: 'warning',
  check({ pm }) {
    const section = pm.sections.find((s) => s.ids.includes('action-items'));
    if (!section || pm.actions.some((a) => a.kind === 'prevent')) return [];
    return [
      {
        message: `No action item is marked #prevent; expected at least one that stops this cause from recurring.`,
        ...headingSpan(section),
      },
    ];
  },
};
