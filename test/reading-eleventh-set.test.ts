import { describe, expect, it } from 'vitest';
import { lintText, parsePostmortem, readTokens } from '@hindsight/core';

// Forms found on the eleventh held-out set (now development data), written here in other words.

describe('a record of changes beside the action items', () => {
  const text = (withActions: boolean) =>
    `---\ntitle: T\ndate: 2025-09-02\n---\n\n# T\n\n## What we changed, and what we think helped\n\n| Change | Date | Effect |\n| --- | --- | --- |\n| Pool 16 → 64 | 09-05 | none |\n| Kernel update | 09-12 | some |\n` +
    (withActions ? `\n## Action items\n\n- [ ] Alert on p99 @ana due:2025-11-01\n` : '');

  it('is not read as action items when the document lists its actions elsewhere', () => {
    const pm = parsePostmortem(text(true));
    expect(pm.actions.map((a) => a.title)).toEqual(['Alert on p99']);
    const owners = lintText(text(true), { today: '2026-11-30' }).findings.filter(
      (f) => f.rule === 'action-owner',
    );
    expect(owners).toEqual([]);
  });

  it('holds the action items of a document that lists no others', () => {
    expect(
      parsePostmortem(text(false)).sections.find((s) => s.ids.includes('action-items'))?.heading,
    ).toBe('What we changed, and what we think helped');
  });
});

describe('owners followed by a state or a period', () => {
  it.each([
    ['Agree duplicate detection with the banks — Partnerships — on hold', 'Partnerships'],
    ['Review shared clusters monthly — Rosa Quintero, ongoing', 'Rosa Quintero'],
    ['Keep the old stack at 0% weight — Web Platform, in two weeks', 'Web Platform'],
    [
      'Page at 80% disk — Platform on-call rotation, due 2025-04-30 — ✅ done',
      'Platform on-call rotation',
    ],
  ])('%j', (text, owner) => {
    expect(readTokens(text).owner).toBe(owner);
  });

  it('reads "— finished" as done', () => {
    const pm = parsePostmortem(
      '# T\n\n## Action items\n\n1. Replace the breakers in hall 2 (Jo Albrecht) — finished\n',
    );
    expect(pm.actions[0]?.done).toBe(true);
  });
});
