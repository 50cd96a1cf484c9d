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

describe('relative deadlines', () => {
  it.each([
    ['Shows the price source (Pricing team) — next sprint', 'Pricing team', 'next sprint'],
    [
      'Keep the old stack at 0% weight — Web Platform, in two weeks',
      'Web Platform',
      'in two weeks',
    ],
    [
      'Probe the GPU in the health check (Anouk) — within two sprints',
      'Anouk',
      'within two sprints',
    ],
  ])('%j', (text, owner, due) => {
    const t = readTokens(text);
    expect([t.owner, t.dueRaw]).toEqual([owner, due]);
    // The period is the due date, not the end of the title.
    expect(t.title).not.toContain(due);
  });

  it('are not reported as missing due dates', () => {
    const doc = `---\ntitle: T\ndate: 2025-09-02\n---\n\n# T\n\n## Action items\n\n- Alert on p99 — Ana Ruiz, in two weeks\n- Probe the GPU (Bas) — next quarter\n`;
    const due = lintText(doc, { today: '2026-11-30' }).findings.filter(
      (f) => f.rule === 'action-due-date',
    );
    expect(due).toEqual([]);
  });
});

describe('fields and notes in sub-bullets', () => {
  const doc = [
    '# T',
    '',
    '## Follow-ups',
    '',
    '* Make the switch step fail the pipeline',
    '  * owner: @dmarsh',
    '  * due: by 2024-09-20',
    '  * ✅ merged in !2210',
    '* Verify each edge cluster after a switch',
    '  * owner: @lpetrov, due end of Q4',
    '* Write the runbook',
    '  * Done when the on-call has used it once',
    '* Alert on a stuck switch',
    "  * Closed as won't fix",
    '* Improve the deploy checks',
    '  * ✅ Fail on a timeout',
    '  * Add a canary for the secondary cluster',
    '',
  ].join('\n');
  const actions = parsePostmortem(doc).actions;
  const of = (title: string) => actions.find((a) => a.title === title);

  it('reads a due date labelled with "by", or after another field', () => {
    expect(of('Make the switch step fail the pipeline')).toMatchObject({
      owner: 'dmarsh',
      due: '2024-09-20',
    });
    expect(of('Verify each edge cluster after a switch')).toMatchObject({
      owner: 'lpetrov',
      dueRaw: 'end of Q4',
    });
  });

  it('marks an item done by a note under it that says so', () => {
    expect(of('Make the switch step fail the pipeline')?.done).toBe(true);
  });

  it('leaves open an item whose note is a criterion, a refusal, or one of several steps', () => {
    expect(of('Write the runbook')?.done).toBe(false);
    expect(of('Alert on a stuck switch')?.done).toBe(false);
    expect(of('Improve the deploy checks')?.done).toBe(false);
  });
});

describe('sections named the way a team names them', () => {
  const base = `---\ntitle: T\ndate: 2025-09-02\n---\n\n# T\n\n## Summary\n\nThe build was stale.\n\n`;
  const missing = (doc: string) =>
    lintText(doc, { today: '2026-11-30' })
      .findings.filter((f) => f.rule === 'required-section')
      .map((f) => /'([^']+)'/.exec(f.message)?.[1]);

  it('reads an italic run-in label as the section it names', () => {
    expect(
      missing(`${base}_Lessons:_ a green pipeline is not proof of a rollout.\n`),
    ).not.toContain('Lessons Learned');
    expect(missing(`${base}*Lessons*: a green pipeline is not proof.\n`)).not.toContain(
      'Lessons Learned',
    );
    expect(missing(base)).toContain('Lessons Learned');
  });

  it('reads "Effects for customers" as the impact', () => {
    expect(
      missing(`${base}## Effects for customers\n\nThe archive was down for two hours.\n`),
    ).not.toContain('Impact');
  });
});

describe('a narrative section that states the cause', () => {
  const doc = (story: string) =>
    `---\ntitle: T\ndate: 2024-07-18\n---\n\n# T\n\n## Summary\n\nThe archive was down.\n\n## Course of events\n\n${story}\n`;
  const rootCauseMissing = (text: string) =>
    lintText(text, { today: '2026-11-30' }).findings.some(
      (f) => f.rule === 'required-section' && f.message.includes("'Root Cause'"),
    );

  it('stands for the Root Cause section when it names the cause in so many words', () => {
    expect(
      rootCauseMissing(
        doc('The breaker tripped at 09:10. For us the root cause is the defect of the breaker.'),
      ),
    ).toBe(false);
    expect(
      rootCauseMissing(
        doc('The outage was caused by a stale prefix filter on the border routers.'),
      ),
    ).toBe(false);
  });

  it('does not when it only tells what happened', () => {
    expect(rootCauseMissing(doc('The breaker tripped at 09:10 and the archive went down.'))).toBe(
      true,
    );
  });

  it("stands for it under a heading of the team's own that explains why", () => {
    const text = (heading: string, body: string) =>
      doc('The breaker tripped at 09:10.').replace(
        '## Course of events',
        `## ${heading}\n\n${body}\n\n## Course of events`,
      );
    const why =
      'The prefix filter on the border routers was never updated after the address move, because the runbook listed only the old ranges, so the new ranges were dropped.';
    expect(rootCauseMissing(text('How the routes got lost', why))).toBe(false);
    // Not a note that only says what was done, nor an appendix that happens to say "because".
    expect(
      rootCauseMissing(
        text(
          'How we worked',
          'We met twice a day in the incident channel, kept notes in the shared document and posted updates every thirty minutes to the status page.',
        ),
      ),
    ).toBe(true);
    expect(rootCauseMissing(text('Appendix: router log', why))).toBe(true);
    expect(rootCauseMissing(text('What we got wrong', 'We waited because of the alert.'))).toBe(
      true,
    );
  });

  it('does not under a heading that is not a narrative', () => {
    const text = doc('Nothing to see.').replace(
      '## Summary\n\nThe archive was down.',
      '## Summary\n\nThe archive was down; the root cause was a breaker.',
    );
    expect(rootCauseMissing(text)).toBe(true);
  });
});
