import { describe, expect, it } from 'vitest';
import {
  looseIsoDate,
  parsePostmortem,
  parseEntryTime,
  lintText,
  readTokens,
  timelineEntry,
} from '@hindsight/core';

describe('timeline times as teams write them', () => {
  it.each([
    ['04:00 Alert fires', { minutes: 240, text: '04:00' }],
    ['**11:02 AM PT** - Paged', { minutes: 662, zone: 'PT', text: '11:02 AM PT' }],
    ['`16:05:30 UTC` deploy', { minutes: 965, zone: 'UTC', text: '16:05:30 UTC' }],
    ['2023-05-09   15:50 disk full', { date: '2023-05-09', minutes: 950 }],
    ['Mar 3, 9:41 AM - first report', { monthDay: '03-03', minutes: 581 }],
    ['Tue 14 Feb 09:10 reindex', { monthDay: '02-14', minutes: 550 }],
    ['03/02/2023 14:00 ticket', { date: '2023-03-02', minutes: 840 }],
    ['31/01/2026 14:00 ticket', { date: '2026-01-31', minutes: 840 }],
    ['2024-01-15T14:02:00Z canary', { date: '2024-01-15', minutes: 842, zone: 'Z' }],
    ['10:00 UTC+1 failover', { minutes: 600, zone: 'UTC+1' }],
    ['Jul 2024 - schema shipped', { date: '2024-07-01', precision: 'month' }],
    ['05-06 15:00 — worker launched', { monthDay: '05-06', minutes: 900 }],
    ['05-10 — Weekend, no investigation', { monthDay: '05-10', minutes: 0 }],
  ])('reads %j', (text, expected) => {
    expect(parseEntryTime(text)).toMatchObject(expected);
  });

  it('does not read a range of numbers as a month and day', () => {
    expect(parseEntryTime('10-15 minutes later the queue drained')).toBeUndefined();
    expect(parseEntryTime('13-05 — no such month')).toBeUndefined();
  });

  it('places month-day log dates in the incident year, in order', () => {
    const pm = parsePostmortem(
      '---\ndate: 2025-05-06\n---\n\n## Timeline\n\n- 05-06 15:00 — launch\n- 05-07 14:40 — first ticket\n- 05-10 — weekend\n- 05-12 10:00 — review\n',
    );
    expect(pm.timeline.map((e) => e.time?.date ?? e.time?.monthDay)).toEqual([
      '05-06',
      '05-07',
      '05-10',
      '05-12',
    ]);
    expect(pm.timeline.every((e) => typeof e.at === 'number')).toBe(true);
    expect(pm.timeline.map((e) => e.at)).toEqual(
      [...pm.timeline.map((e) => e.at)].sort((a, b) => a! - b!),
    );
  });

  it('keeps the zone whole in the time as written, whatever markup surrounds it', () => {
    expect(timelineEntry('10:00 UTC Deploy', 0, 10).time?.text).toBe('10:00 UTC');
    expect(parseEntryTime('**10:00 UTC** Deploy')?.text).toBe('10:00 UTC');
  });

  it('names placeholders instead of reading them as times', () => {
    expect(timelineEntry('HH:mm Dashboards checked', 0, 5).placeholder).toBe('HH:mm');
    expect(timelineEntry('14:?? Rollback', 0, 5).placeholder).toBe('14:??');
    expect(timelineEntry('TBD - customers told', 0, 5).placeholder).toBe('TBD');
    expect(timelineEntry('Jan 9, 14:?? Support contacted', 0, 5)).toMatchObject({
      time: undefined,
      placeholder: '14:??',
    });
  });

  it('places year-less dates, day headings and "(next day)" on the right days, and orders parts on their own', () => {
    const pm = parsePostmortem(
      [
        '---',
        'title: T',
        'date: 2024-03-04',
        '---',
        '',
        '## Timeline',
        '',
        '### March 4, 2024 - Detection',
        '',
        '- 22:00 Alerts',
        '- 23:50 Escalated',
        '',
        '### Day 2',
        '',
        '- 09:00 Fix deployed',
        '- 08:00 (next day) Verified',
        '',
        '### Second incident',
        '',
        '- 07:00 Another page',
      ].join('\n'),
    );
    const days = pm.timeline.map((e) => new Date(e.at! * 60_000).toISOString().slice(0, 16));
    expect(days).toEqual([
      '2024-03-04T22:00',
      '2024-03-04T23:50',
      '2024-03-05T09:00',
      '2024-03-06T08:00',
      '2024-03-06T07:00',
    ]);
    expect(pm.timeline.map((e) => e.part)).toEqual([1, 1, 2, 2, 3]);
  });
});

describe('action items as teams write them', () => {
  it.each([
    ['Rotate keys (alice)', { owner: 'alice', title: 'Rotate keys' }],
    ['Owner: Ruth Feld - add a budget', { owner: 'Ruth Feld' }],
    [
      'Rebuild replicas (Hana, INFRA-88)',
      { owner: 'Hana', tracker: 'INFRA-88', title: 'Rebuild replicas' },
    ],
    [
      'Keep the old store (decision record KV-91)',
      { tracker: 'KV-91', title: 'Keep the old store (decision record KV-91)' },
    ],
    ['OPS-142: Alert on lag by 2024-03-01', { tracker: 'OPS-142', due: '2024-03-01' }],
    ['Alert on lag, due 15 Mar 2024', { due: '2024-03-15' }],
  ])('reads %j', (text, expected) => {
    expect(readTokens(text)).toMatchObject(expected);
  });

  it('reads due dates written as dates, and nothing else as one', () => {
    expect(looseIsoDate('March 1, 2024')).toBe('2024-03-01');
    expect(looseIsoDate('1 Mar 2024')).toBe('2024-03-01');
    expect(looseIsoDate('Q1 2021')).toBeUndefined();
    expect(looseIsoDate('Mar 2024')).toBeUndefined();
  });

  it('reads done marks, strikethrough and a Completed group', () => {
    const pm = parsePostmortem(
      [
        '## Action Items',
        '',
        '- Rotate keys ✅',
        '- ~~Remove the old token~~',
        '- Add alert (done)',
        '- Add dashboard',
        '',
        '### Completed',
        '',
        '- Revoke the leaked key',
        '',
        '### Long-term',
        '',
        '- Move to OIDC tokens',
      ].join('\n'),
    );
    expect(pm.actions.map((a) => [a.title, a.done])).toEqual([
      ['Rotate keys', true],
      ['Remove the old token', true],
      ['Add alert', true],
      ['Add dashboard', false],
      ['Revoke the leaked key', true],
      ['Move to OIDC tokens', false],
    ]);
  });
});

describe('timeline entries whose times are not readable', () => {
  const doc = (entries: string[]) =>
    `---\ntitle: T\ndate: 2025-05-06\n---\n\n# T\n\n## Timeline\n\n${entries.map((e) => `- ${e}`).join('\n')}\n`;
  const timeFindings = (text: string) =>
    lintText(text, { today: '2026-11-30' }).findings.filter((f) => f.rule === 'timeline-time');

  it('points at each one when a few among readable entries are mistyped', () => {
    const found = timeFindings(
      doc(['09:00 paged', '9.41 first reply', '10:05 rollback', '25:10 recovered']),
    );
    expect(found.map((f) => f.range.start.line)).toEqual([11, 13]);
  });

  it('says it once for the timeline when most entries are written in a way that is not read', () => {
    const found = timeFindings(
      doc(['9.41 paged', '9.50 first reply', '10.05 rollback', '10.30 recovered', '11:00 closed']),
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(
      /^4 timeline entries start with a time or date that is not readable, the first '9.41 paged' on line 10/,
    );
    expect(found[0]!.range.start.line).toBe(8);
  });
});
