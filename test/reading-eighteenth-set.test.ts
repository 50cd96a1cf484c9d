import { describe, expect, it } from 'vitest';
import { headingIds } from '../core/src/read/heading-meaning';
import { defaultConfig, importPostmortem } from '@hindsight/core';
import { findingsOf, withActionItems as items } from './held-out';

// Forms found on the eighteenth held-out set (bench/eval/holdout18, now development data),
// written here in other words.

describe('owners after a dash', () => {
  const unowned = (text: string) => findingsOf(text, 'action-owner').map((f) => f.range.start.line);

  it('reads the owner before a state with an emoji, a note in brackets, or two teams joined by +', () => {
    const text = items(
      '1. Join the vendor advisory list. — Ines Duarte — ⏳ In progress',
      '2. Shorten the billing alert window. — FinOps — ❌ Won’t do (provider limit)',
      '3. Offline queue in the scanner app — Mobile team (to agree with them) — open',
      '4. Subscribe to firmware advisories — Procurement + SRE — Done',
      '5. Add a retry budget — (see the runbook) — open',
    );
    expect(unowned(text)).toEqual([13]);
  });
});

describe('headings of a retrospective', () => {
  it.each([
    'What we took away',
    'What we’d do differently',
    "What we'd do differently",
    'What we would change',
  ])('reads %j as the lessons', (heading) => {
    expect(headingIds(heading, defaultConfig)).toEqual(['lessons-learned']);
  });
});

describe('a metadata table that states the cause', () => {
  const doc = (row: string) =>
    `# Duplicate webhooks\n\n| Field | Value |\n|---|---|\n| Severity | Sev 3 |\n${row}\n\n## Summary\n\nSome webhooks were sent twice.\n`;
  const rootCauseMissing = (text: string) =>
    findingsOf(text, 'required-section').some((f) => f.message.includes("'Root Cause'"));

  it('stands for the Root Cause section, even when the cause is not determined', () => {
    expect(rootCauseMissing(doc('| Root cause | Not determined |'))).toBe(false);
    expect(rootCauseMissing(doc('| **Root cause** | Clock skew between the two brokers |'))).toBe(
      false,
    );
  });

  it('does not when the row is empty or a placeholder', () => {
    expect(rootCauseMissing(doc('| Root cause | TBD |'))).toBe(true);
    expect(rootCauseMissing(doc('| Root cause |  |'))).toBe(true);
  });
});

describe('a response told under a heading of the team’s own', () => {
  const doc = (heading: string, body: string) =>
    `# Login failures\n\n## Summary\n\nLogins failed for 40 minutes.\n\n## ${heading}\n\n${body}\n\n## Root Cause\n\nA WAF rule.\n`;
  const resolutionMissing = (text: string) =>
    findingsOf(text, 'required-section').some((f) => f.message.includes("'Resolution'"));

  it('stands for the Resolution section when it states the fix', () => {
    expect(
      resolutionMissing(
        doc(
          'How we found it',
          'Support saw the tickets first. The rule was switched back to log-only and logins recovered.',
        ),
      ),
    ).toBe(false);
    expect(
      resolutionMissing(doc('Detection and response', 'We shipped a hotfix the same evening.')),
    ).toBe(false);
  });

  it('does not when it only tells the response, or when the fix is among timed entries', () => {
    expect(
      resolutionMissing(
        doc('Detection and response', 'Support saw the tickets first and paged us.'),
      ),
    ).toBe(true);
    expect(
      resolutionMissing(
        doc(
          'How did we respond?',
          '- 14:02 Paged the on-call\n- 14:40 Rule reverted, logins recovered',
        ),
      ),
    ).toBe(true);
  });
});

describe('import: a post that carries a severity', () => {
  it('is still a post: the text names the incident day before the publish date', () => {
    const text = [
      '---',
      'layout: post',
      'title: "Renewals failed on 29 February"',
      'date: 2024-03-06 09:00:00 +0000',
      'author: Bongani',
      'categories: [postmortems]',
      'severity: SEV3',
      '---',
      '',
      'On **29 February 2024**, the nightly renewal job crashed on its first record.',
      '',
    ].join('\n');
    expect(
      importPostmortem(text, { config: defaultConfig, fileName: 'renewals.md' }).inferred.date
        ?.value,
    ).toBe('2024-02-29');
  });
});
