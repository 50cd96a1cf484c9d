import { isDuePeriod } from '../actions';
import { quote } from '../suggest';
import { firstLineOf, headingSpan } from './helpers';
import type { Problem, Rule } from './types';

export const actionDueDate: Rule = {
  id: 'action-due-date',
  description:
    'Every open action item has a real due date (due:YYYY-MM-DD, "by YYYY-MM-DD", or a Due column).',
  severity: 'warning',
  check({ pm }) {
    const problems: Problem[] = [];
    // Open: neither done nor cancelled (a cancelled item has no date to keep).
    const open = pm.actions.filter((a) => !a.done && !a.cancelled);
    // A list where no item has a due date is one finding, not one per item: the team does not date items.
    const undated = open.filter((a) => a.dueRaw === undefined);
    const section = pm.sections.find((s) => s.ids.includes('action-items'));
    const whole = undated.length > 1 && undated.length === open.length;
    if (whole) {
      // Items under a label line rather than a heading: the finding points at the first of them.
      const first = undated[0]!;
      problems.push({
        message: `None of the ${open.length} open action items has a due date; expected due:YYYY-MM-DD on each (or a Due column).`,
        ...(section ? headingSpan(section) : firstLineOf(pm, first.start, first.end)),
      });
    }
    for (const a of pm.actions) {
      // A real due date, or an item done or cancelled (its due date no longer matters): nothing to say.
      if (a.due !== undefined || a.done || a.cancelled) continue;
      // A quarter ("Q2 2025") is a due period the team chose, not a mistyped date.
      if (isDuePeriod(a.dueRaw)) continue;
      const name = quote(a.title || a.text, 40);
      if (a.dueRaw !== undefined && a.due === undefined) {
        problems.push({
          message: `Action item ${name} has due date ${quote(a.dueRaw)}, which is not a real date; expected due:YYYY-MM-DD.`,
          ...firstLineOf(pm, a.start, a.end),
        });
      } else if (!whole && !a.done && a.due === undefined) {
        problems.push({
          message: `Action item ${name} has no due date; expected due:YYYY-MM-DD.`,
          ...firstLineOf(pm, a.start, a.end),
        });
      }
    }
    return problems;
  },
};
