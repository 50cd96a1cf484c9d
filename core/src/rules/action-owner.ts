import { quote } from '../suggest';
import { firstLineOf } from './helpers';
import type { Rule } from './types';

export const actionOwner: Rule = {
  id: 'action-owner',
  description: 'Every action item names an owner (@name, or an Owner column).',
  severity: 'warning',
  check({ pm }) {
    return pm.actions
      .filter((a) => !a.owner)
      .map((a) => ({ message: `Action item ${quote(a.title || a.text, 40)} has no owner; expected an @name.`, ...firstLineOf(pm, a.start, a.end) }));
  },
};
