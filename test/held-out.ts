import { defaultConfig, lintText, parsePostmortem, suggestRootCause } from '@hindsight/core';

// Shared by the tests of forms found on the held-out sets (test/reading-*-set.test.ts).

/** The day the held-out sets were linted on: overdue and due-date findings are as of it. */
export const HELD_OUT_TODAY = '2026-11-30';

/** The findings of one rule on a text, linted as the held-out sets were. */
export function findingsOf(text: string, rule: string) {
  return lintText(text, { today: HELD_OUT_TODAY }).findings.filter((f) => f.rule === rule);
}

/** The root-cause suggestion for a short postmortem whose Root cause section says `cause`. */
export function suggestFor(title: string, cause: string, summary = 'Things failed.') {
  return suggestRootCause(
    parsePostmortem(`# ${title}\n\n## Summary\n\n${summary}\n\n## Root cause\n\n${cause}\n`, {
      config: defaultConfig,
    }),
    defaultConfig,
  );
}

/** A short postmortem whose Action items section holds these lines, as written. */
export function withActionItems(...lines: string[]): string {
  return `# T\n\n## Summary\n\nS.\n\n## Action items\n\n${lines.join('\n')}\n`;
}
