import { describe, expect, it } from 'vitest';
import { defaultConfig, parsePostmortem, readTokens } from '@hindsight/core';
import { headingIds } from '../core/src/read/heading-meaning';
import { findingsOf, suggestFor } from './held-out';

// Forms found on the tenth held-out set (now development data), written here in other words.

const doc = (items: string) =>
  `---\ntitle: T\ndate: 2025-03-02\nstatus: published\n---\n\n# T\n\n## Action Items\n\n${items}\n`;

describe('an item that ends with its open state', () => {
  it.each([
    ['Scale the embeddings store (Priya R.) — in progress', 'Priya R.'],
    ['Add an empty-feed alert — Ben Osei — TODO', 'Ben Osei'],
    ['Fall back to rule-based checks — Fraud team — TODO', 'Fraud team'],
    ['Stop the rollout on lag — Aisha Bello — IN PROGRESS', 'Aisha Bello'],
  ])('%j', (text, owner) => {
    expect(readTokens(text).owner).toBe(owner);
  });

  it('a TODO that is the state of an item is not a placeholder; one in prose still is', () => {
    const text = doc(
      [
        '1. Add an empty-feed alert — Ben Osei — TODO',
        '2. Fall back to rules — Fraud team — DONE',
      ].join('\n'),
    );
    expect(findingsOf(text, 'placeholder-text')).toEqual([]);
    expect(findingsOf(`${text}\nTODO: write the lessons.\n`, 'placeholder-text')).toHaveLength(1);
  });
});

describe('labels and headings', () => {
  it('reads a service name in lower case over nested items as a group, not an item', () => {
    const pm = parsePostmortem(
      doc(
        [
          '- quotad',
          '  - Cap quota refreshes — Priyanka Shah, due 2025-04-04',
          '  - Alert on refresh errors — Priyanka Shah ✔️',
        ].join('\n'),
      ),
    );
    expect(pm.actions.map((a) => a.owner)).toEqual(['Priyanka Shah', 'Priyanka Shah']);
  });

  it('reads "Resume" as the summary', () => {
    expect(headingIds('Resume', defaultConfig)).toEqual(['summary']);
  });
});

describe('root causes told in a sentence', () => {
  const suggest = (cause: string) => suggestFor('Outage', cause, 'Requests failed for an hour.');

  it.each([
    [
      'We lowered the per-client rate limit for anonymous traffic from 600 to 120 requests a minute.',
      'config-change',
    ],
    [
      'The tenant name was taken from the display name and not URL-encoded, so the proxy dropped the cookie.',
      'code-defect',
    ],
    [
      'The playbook failed on the last node and the operator re-ran only the restart step, leaving allocation off.',
      'manual-operation',
    ],
  ])('%j', (cause, id) => {
    expect(suggest(cause).ranking[0]?.id).toBe(id);
  });

  it('answers unknown where the write-up says the cause is not known yet', () => {
    const r = suggest(
      'We don’t know yet. The provider found no host or network events on their side, and nothing was deployed that day.',
    );
    expect(r.id).toBe('unknown');
  });
});
