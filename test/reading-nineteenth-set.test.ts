import { describe, expect, it } from 'vitest';
import { defaultConfig, parsePostmortem } from '@hindsight/core';
import { headingIds } from '../core/src/read/heading-meaning';
import { findingsOf } from './held-out';

// Forms found on the nineteenth held-out set (bench/eval/holdout19, now development data), written
// here in other words.

describe('status posts dated by a line of their own', () => {
  const page = [
    '# Incident with card payments',
    '',
    '**Resolved** — Card payments are working again.',
    'Apr 21, 2022 – 15:40 UTC',
    '',
    '**Monitoring** — A fix is in place and we are watching the error rate.',
    'Apr 21, 2022 – 15:02 UTC',
    '',
    '**Investigating** — Some card payments are failing.',
    'Apr 21, 2022 – 14:18 UTC',
    '',
    '## Postmortem',
    '',
    'Our acquirer had an outage.',
    '',
  ].join('\n');

  it('reads each post as a timeline entry at its date and time, newest first without a finding', () => {
    const pm = parsePostmortem(page, { config: defaultConfig });
    expect(pm.timeline.map((e) => e.time?.text)).toEqual([
      'Apr 21, 2022 15:40 UTC',
      'Apr 21, 2022 15:02 UTC',
      'Apr 21, 2022 14:18 UTC',
    ]);
    expect(pm.timeline[0]!.text).toBe('Resolved — Card payments are working again.');
    expect(findingsOf(page, 'timeline-order')).toEqual([]);
    expect(
      findingsOf(page, 'required-section').filter((f) => f.message.includes("'Timeline'")),
    ).toEqual([]);
  });

  it('needs the date line: bold status words alone are no timeline', () => {
    const bare = page.replace(/\nApr 21, 2022 – \d\d:\d\d UTC/g, '');
    expect(parsePostmortem(bare, { config: defaultConfig }).timeline).toEqual([]);
  });
});

describe('team owners beside a state', () => {
  it('reads a team after a dash before a bold state, and a team in brackets after the state', () => {
    const text = [
      '# T',
      '',
      '## Summary',
      '',
      'S.',
      '',
      '## Action items',
      '',
      '* Make units explicit per tier — API Platform — **Open**',
      '* Stage config syncs to a tenth of the fleet — API Platform — **Blocked** (needs 2.x)',
      '4. Audit services that read global sequences — Open (Payments platform)',
      '5. Add a canary stage — (see platform) — open',
      '',
    ].join('\n');
    expect(findingsOf(text, 'action-owner').map((f) => f.range.start.line)).toEqual([12]);
  });
});

describe('headings nobody had written', () => {
  it.each([
    ['What we do now', 'action-items'],
    ['What we’re doing about it', 'action-items'],
    ['What finally worked', 'resolution'],
    ['What fixed it', 'resolution'],
    ['Describe the incident', 'summary'],
  ])('reads %j as %s', (heading, id) => {
    expect(headingIds(heading, defaultConfig)).toEqual([id]);
  });
});
