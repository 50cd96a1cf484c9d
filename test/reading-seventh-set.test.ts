import { describe, expect, it } from 'vitest';
import { parsePostmortem, readTokens } from '@hindsight/core';
import { findingsOf } from './held-out';

// Forms of action items found on the seventh held-out set (now development data), written here
// in other words: each is read, and where the thing is really missing it is still reported.

const doc = (items: string) =>
  `---\ntitle: T\ndate: 2025-03-02\n---\n\n# T\n\n## Action Items\n\n${items}\n`;

describe('owners and due dates after dashes and in brackets', () => {
  it.each([
    ['Label every size column with its unit — Catalogue guild', 'Catalogue guild', undefined],
    [
      'Keep the stock alert on after maintenance — Storefront SRE — due 2025-04-30',
      'Storefront SRE',
      '2025-04-30',
    ],
    [
      'Make unit mixing a compile error — Catalogue guild — end of Q3',
      'Catalogue guild',
      'end of Q3',
    ],
    [
      'Run the browser suite in Safari too (QA Platform) — by 2025-05-01.',
      'QA Platform',
      '2025-05-01',
    ],
    ['Scan pipeline variables for secrets. (Platform CI)', 'Platform CI', undefined],
    ['Guard the colour switch on warm-up. — Ana Lopes — Status: In design', 'Ana Lopes', undefined],
    [
      'No schema changes on release days. — Engineering managers — Status: Open',
      'Engineering managers',
      undefined,
    ],
  ])('%j', (text, owner, due) => {
    const t = readTokens(text);
    expect(t.owner).toBe(owner);
    expect(t.dueRaw).toBe(due);
  });

  it('reads "done, shipped in …" after a dash as done, with the owner in brackets before it', () => {
    const pm = parsePostmortem(
      doc('1. Scope the cookie to the widget (Ravi Osei) — done, shipped in 4.2.1.'),
    );
    expect(pm.actions[0]).toMatchObject({ owner: 'Ravi Osei', done: true });
  });

  it('does not take a note in capitals in brackets for an owner', () => {
    expect(readTokens('Fix the retry loop (SEV2) — done').owner).toBeUndefined();
  });
});

describe('a short label heading a group of items', () => {
  const grouped = doc(
    [
      '- Scheduling',
      '  - Move settlement jobs to UTC — Payments Core, due 2025-04-01',
      '  - List every cron job in local time — SRE, due 2025-04-15',
      '- Detection',
      '  - Alert on payout volume over 130% of the median — Risk Engineering, due 2025-04-20',
    ].join('\n'),
  );

  it('is not an item itself: its nested items are, with their owners and dates', () => {
    const pm = parsePostmortem(grouped);
    expect(pm.actions.map((a) => a.owner)).toEqual(['Payments Core', 'SRE', 'Risk Engineering']);
    expect(findingsOf(grouped, 'action-owner')).toEqual([]);
    expect(findingsOf(grouped, 'action-due-date')).toEqual([]);
  });

  it('a short item with a note under it stays an item (and is asked for its owner)', () => {
    const text = doc(
      [
        '- Add alerting',
        '  - The dashboards already exist',
        '- Rotate keys @ana due:2025-05-01',
      ].join('\n'),
    );
    const pm = parsePostmortem(text);
    expect(pm.actions.map((a) => a.title)).toEqual(['Add alerting', 'Rotate keys']);
    expect(findingsOf(text, 'action-owner').map((f) => f.message)).toEqual([
      "Action item 'Add alerting' has no owner; expected an @name.",
    ]);
  });
});

describe('due dates of done items', () => {
  it('a done item is not asked for a real due date', () => {
    const text = doc(
      ['- [x] Review the provider calendar @ops due:recurring', '- [ ] Fix x @ana due:soon'].join(
        '\n',
      ),
    );
    expect(findingsOf(text, 'action-due-date').map((f) => f.message)).toEqual([
      "Action item 'Fix x' has due date 'soon', which is not a real date; expected due:YYYY-MM-DD.",
    ]);
  });
});
