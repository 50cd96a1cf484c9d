import { quote } from '../suggest';
import { firstLineOf, headingSpan } from './helpers';
import type { Problem, Rule } from './types';

/** Text that starts like a time or a date but was not read as one: "6: 35 AM", "25:10", "9.41". */
const TIME_LIKE = /^[\s*_`[(~]*\d{1,4}(?:\s*[:.h]\s*\d|\s*[ap]\.?m\b|[-/]\d)/i;

/** Unreadable times from which they are one finding for the timeline, when they outnumber the readable ones. */
const UNREAD_TOGETHER = 3;

export const timelineTime: Rule = {
  id: 'timeline-time',
  description:
    'Timeline entries that give a time give a readable one, with no placeholders left; untimed lines are context.',
  severity: 'warning',
  check({ pm }) {
    const problems: Problem[] = [];
    const section = pm.sections.find((s) => s.ids.includes('timeline'));
    const unreadable = pm.timeline.filter(
      (e) => !e.time && !e.placeholder && TIME_LIKE.test(e.text),
    );
    const readable = pm.timeline.filter((e) => e.time).length;
    // Most entries written in one way that is not read: the way is the problem, said once, not
    // once per entry (as a list with no owners is one finding).
    const together = unreadable.length >= UNREAD_TOGETHER && unreadable.length > readable;
    if (together) {
      const first = unreadable[0]!;
      problems.push({
        message: `${unreadable.length} timeline entries start with a time or date that is not readable, the first ${quote(first.text, 40)} on line ${pm.lines.position(first.start).line}; expected e.g. 06:35, 6:35 AM or 2024-01-31 06:35 UTC.`,
        ...(section ? headingSpan(section) : firstLineOf(pm, first.start, first.end)),
      });
    }
    for (const entry of pm.timeline) {
      if (entry.time) continue;
      if (entry.placeholder) {
        problems.push({
          message: `Timeline entry ${quote(entry.text, 40)} has the placeholder ${quote(entry.placeholder)} where its time belongs; expected the real time, e.g. 06:35 or 2024-01-31 06:35 UTC.`,
          ...firstLineOf(pm, entry.start, entry.end),
        });
      } else if (!together && TIME_LIKE.test(entry.text)) {
        problems.push({
          message: `Timeline entry ${quote(entry.text, 40)} does not start with a readable time; expected e.g. 06:35, 6:35 AM or 2024-01-31 06:35 UTC.`,
          ...firstLineOf(pm, entry.start, entry.end),
        });
      }
    }
    // Untimed entries are context, unless no entry has a time at all: then the timeline has none.
    if (
      section &&
      pm.timeline.length > 0 &&
      pm.timeline.every((e) => !e.time && !e.placeholder && !TIME_LIKE.test(e.text))
    ) {
      problems.push({
        message: `Timeline has ${pm.timeline.length} ${pm.timeline.length === 1 ? 'entry' : 'entries'} and none starts with a time; expected entries such as '06:35 Alert fires.'`,
        ...headingSpan(section),
      });
    }
    return problems;
  },
};
