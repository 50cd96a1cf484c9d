import { describe, expect, it } from 'vitest';
import { defaultConfig, parseEntryTime, parsePostmortem, readTokens } from '@hindsight/core';
import { inferFields } from '../core/src/infer/fields';
import { headingIds } from '../core/src/read/heading-meaning';

// Forms found on the eighth held-out set (now development data), written here in other words.

describe('owners after a dash', () => {
  it.each([
    [
      'Flag table rewrites in the review checklist — DB reliability',
      'DB reliability',
      undefined,
      undefined,
    ],
    ['Alert on duplicate keys — Analytics eng — done', 'Analytics eng', undefined, undefined],
    [
      'Move the status page to another host — Priscila M., by 2025-10-31',
      'Priscila M.',
      '2025-10-31',
      undefined,
    ],
    ['Cap retries in the client — Rohan — PAY-771', 'Rohan', undefined, 'PAY-771'],
    [
      'Stop the rollout at 5% — billing team, tracked in finance#88',
      'billing team',
      undefined,
      undefined,
    ],
  ])('%j', (text, owner, due, tracker) => {
    const t = readTokens(text);
    expect(t.owner).toBe(owner);
    expect(t.dueRaw).toBe(due);
    expect(t.tracker).toBe(tracker);
  });

  it('does not take a phase or a state after a dash for an owner', () => {
    expect(readTokens('Add alerting - Phase two').owner).toBeUndefined();
    expect(readTokens('Fix the cron — Done soon').owner).toBeUndefined();
  });
});

describe('times written with an h', () => {
  it('reads 9h12 and 17h30 as clock times, not 10h5', () => {
    expect(parseEntryTime('9h12 : alerte reçue')).toMatchObject({ minutes: 552, text: '9h12' });
    expect(parseEntryTime('17h30 : retour à la normale')).toMatchObject({ minutes: 1050 });
    expect(parseEntryTime('10h5 x')).toBeUndefined();
  });
});

describe('question headings and labels', () => {
  it('reads "What are we going to do?" as action items and "What did we learn?" as lessons', () => {
    expect(headingIds('What are we going to do?', defaultConfig)).toEqual(['action-items']);
    expect(headingIds('What did we learn?', defaultConfig)).toEqual(['lessons-learned']);
  });

  it('maps a "Gravity:" line to the severity', () => {
    const pm = parsePostmortem(
      '# Panne de l’API\n\n**Gravity:** major\n\n## Summary\n\nThe API was down.\n',
    );
    expect(inferFields(pm, { config: defaultConfig }).fields.severity?.value).toBe('SEV2');
  });
});
