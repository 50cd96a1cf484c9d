import { quote } from '../suggest';
import { firstLineOf } from './helpers';
import type { Problem, Rule } from './types';

export const actionDueDate: Rule = {
  id: 'action-due-date',
  description: 'Every open action item has a real due date (due:YYYY-MM-DD, or a Due column).',
  severity: 'warning',
  check({ pm }) {
    const problems: Problem[] = [];
    for (const a of pm.actions) {
      const name = quote(a.title || a.text, 40);
      if (a.dueRaw !== undefined && a.due === undefined) {
        problems.push({ message: `Action item ${name} has due date ${quote(a.dueRaw)}, which is not a real date; expected due:YYYY-MM-DD.`, ...firstLineOf(pm, a.start, a.end) });
      } else if (!a.done && a.due === undefined) {
        problems.push({ message: `Action item ${name} has no due date; expected due:YYYY-MM-DD.`, ...firstLineOf(pm, a.start, a.end) });
      }
    }
    return problems;
  },
};
