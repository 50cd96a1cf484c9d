import { describe, expect, it } from 'vitest';
import { defaultConfig, parsePostmortem, readTokens } from '@hindsight/core';
import { mapSeverity } from '../core/src/infer/infer-severity';
import { headingIds } from '../core/src/read/heading-meaning';
import { parseEntryTime } from '../core/src/timeline';
import { findingsOf, suggestFor } from './held-out';

// Forms found on the fifteenth held-out set (now development data), written here in other words.

it('reads a time before a name that starts with "Am" or "Pm"', () => {
  expect(parseEntryTime('14:27 Amara sees high CPU on the replica')?.text).toBe('14:27');
  expect(parseEntryTime('9:05 Pmeier restarts the job')?.text).toBe('9:05');
  expect(parseEntryTime('9:05 PM the job restarts')?.text).toBe('9:05 PM');
});

it.each([
  ['Level 2 (scale 1–4, 1 = patient harm occurred)', 'SEV2'],
  ['Prio 2 (from 1 until 4)', 'SEV2'],
  ['Level 1', 'SEV1'],
])('maps the severity %j', (value, sev) => {
  expect(
    mapSeverity(
      value,
      defaultConfig.severities.map((s) => s.id),
    ),
  ).toBe(sev);
});

it('reads an owner after a dash before "planned Q2"', () => {
  const t = readTokens('Offer passkeys to every account — identity team — planned Q2');
  expect([t.owner, t.dueRaw]).toEqual(['identity team', 'Q2']);
});

it('reads "How the token was stolen" as the root cause', () => {
  expect(headingIds('How the token was stolen', defaultConfig)).toContain('root-cause');
});

describe('a [TODO] tag opening an action item', () => {
  const doc = (items: string) =>
    `---\ntitle: T\ndate: 2024-02-29\nstatus: published\n---\n\n# T\n\n## Action items\n\n${items}\n`;

  it('is the item state, not a placeholder', () => {
    const text = doc(
      '1. [DONE] Fix the expiry date maths — Ana\n2. [TODO] Add leap-day dates to the tests — Ben\n',
    );
    expect(findingsOf(text, 'placeholder-text')).toEqual([]);
    expect(parsePostmortem(text).actions.map((a) => a.done)).toEqual([true, false]);
  });

  it('is still a placeholder anywhere else in the item', () => {
    expect(
      findingsOf(doc('1. Add leap-day dates to the TODO tests — Ben\n'), 'placeholder-text'),
    ).toHaveLength(1);
  });
});

describe('the suggester on the sixteenth set (dev data)', () => {
  it('answers unknown when the cause is recorded as undetermined', () => {
    const s = suggestFor(
      'Block storage latency spikes',
      'Root cause undetermined. We could not determine the cause: a disk firmware fault and a switch buffer problem were both suspected, and neither reproduced.',
    );
    expect(s.id).toBe('unknown');
  });

  it('does not read a release that ran ahead of its migration as bad data with confidence', () => {
    const s = suggestFor(
      'Mobile API errors after the deploy ran ahead of its migration',
      'A deploy-process defect: the pipeline did not wait for the asynchronous schema migration, so the new code ran against the old database schema for half an hour.',
    );
    expect(s.ranking.slice(0, 2).map((r) => r.id)).toContain('deploy');
    expect(s.id === 'data' && s.level === 'high').toBe(false);
  });
});
