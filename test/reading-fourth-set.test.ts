import { describe, expect, it } from 'vitest';
import { defaultConfig, lintText, parsePostmortem } from '@hindsight/core';
import { headingIds } from '../core/src/read/heading-meaning';

// Invented postmortems in forms other teams write (after the fourth set): each test is one general kind.
const TODAY = '2031-11-30';
const findings = (text: string, rule: string) =>
  lintText(text, { today: TODAY }).findings.filter((f) => f.rule === rule);
const missing = (text: string) =>
  findings(text, 'required-section').map((f) => /Section '([^']+)'/.exec(f.message)?.[1]);

const DATED = `---\ntitle: Tram ticket outage\ndate: 2030-09-12\n---\n\n# Tram ticket outage\n\n`;

describe('house headings for the canonical sections', () => {
  it.each([
    ['stuff to do', 'action-items'],
    ["What we're fixing", 'action-items'],
    ['How this happened', 'root-cause'],
    ['What actually happened', 'root-cause'],
    ['Where we planned wrong', 'root-cause'],
    ['2. Immediate containment', 'resolution'],
    ['4. Effects', 'impact'],
    ['Effects on riders', 'impact'],
    ['What would have happened', 'impact'],
    ['3. Course of events', 'timeline'],
    ['What saved us', 'lessons-learned'],
  ])('reads "%s" as %s', (heading, id) => {
    expect(headingIds(heading, defaultConfig)).toEqual([id]);
  });

  it('keeps "What happened" the summary and "Side effects of the fix" no section', () => {
    expect(headingIds('What happened', defaultConfig)).toEqual(['summary']);
    expect(headingIds('Side effects of the fix', defaultConfig)).not.toContain('impact');
  });

  it('reads an upper-case label with a note in brackets as the section it names', () => {
    const text = `${DATED}Summary of the day below.

IMPACT

Ticket machines refused cards for two hours.

TIMELINE (local time, which was UTC that day)

  07:10  First machine offline
  07:40  All machines offline
  09:10  Machines back

ROOT CAUSE

An expired certificate on the payment gateway.
`;
    expect(missing(text)).not.toContain('Timeline');
    expect(missing(text.replace('TIMELINE (', 'TIMING NOTES ('))).toContain('Timeline');
  });
});
