import { describe, expect, it } from 'vitest';
import { parsePostmortem, readTokens } from '@hindsight/core';
import { findingsOf, withActionItems as items } from './held-out';

// Forms found on the twenty-first held-out set (bench/eval/holdout21, now development data),
// written here in other words.

describe('an action table in another language', () => {
  it('reads its owner, due and state columns', () => {
    const text = items(
      '| Action | Responsable | Échéance | État |',
      '|---|---|---|---|',
      '| Cache partagé des polices | Mathilde R. | 20/04/2023 | Terminé |',
      '| Alerte sur la croissance mémoire | Claire D. | 30/06/2023 | En cours |',
    );
    expect(findingsOf(text, 'action-owner')).toEqual([]);
    expect(findingsOf(text, 'action-due-date')).toEqual([]);
  });
});

describe('owners and due dates', () => {
  it('reads the owner before a lower-case todo, and a role in brackets', () => {
    const text = items(
      '- Review the other consumers — Ngozi — todo',
      '- [ ] Require route filtering from transit providers (Networking lead)',
    );
    expect(findingsOf(text, 'action-owner')).toEqual([]);
    expect(readTokens('Review the other consumers — Ngozi — todo').owner).toBe('Ngozi');
  });

  it('reads a year and month as a due period, not a mistyped date', () => {
    const text = items('- [ ] Quarterly UPS load test — Facilities — due 2024-01');
    expect(
      findingsOf(text, 'action-due-date').filter((f) => f.message.includes('not a real date')),
    ).toEqual([]);
  });
});

describe('a checklist exported with escaped boxes', () => {
  it('reads "\\[x\\]" as done and "\\[ \\]" as open, without the box in the title', () => {
    const pm = parsePostmortem(
      items(
        '* \\[x\\] Keep report schedules as UTC instants with their zone (owner: Dana)',
        '* \\[ \\] Send each scheduled report once per run (owner: Ravi)',
        '* \\[X\\] Add the spring change to the calendar tests (owner: Ravi)',
      ),
    );
    expect(pm.actions.map((a) => [a.title, a.owner, a.done])).toEqual([
      ['Keep report schedules as UTC instants with their zone', 'Dana', true],
      ['Send each scheduled report once per run', 'Ravi', false],
      ['Add the spring change to the calendar tests', 'Ravi', true],
    ]);
  });

  it('leaves brackets that are part of the text alone', () => {
    const pm = parsePostmortem(items('- [x]ray the build cache layout (owner: Dana)'));
    expect(pm.actions[0]?.done).toBe(false);
    expect(pm.actions[0]?.text).toContain('[x]ray');
  });
});
