import { describe, expect, it } from 'vitest';
import { defaultConfig, parsePostmortem } from '@hindsight/core';
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
