import { quote } from '../suggest';
import { firstLineOf } from './helpers';
import type { Rule } from './types';

export const timelineTime: Rule = {
  id: 'timeline-time',
  description: 'Every timeline entry starts with a readable time.',
  severity: 'warning',
  check({ pm }) {
    return pm.timeline
      .filter((entry) => !entry.time)
      .map((entry) => ({
        message: `Timeline entry ${quote(entry.text, 40)} does not start with a readable time; expected e.g. 06:35, 6:35 AM or 2024-01-31 06:35 UTC.`,
        ...firstLineOf(pm, entry.start, entry.end),
      }));
  },
};
