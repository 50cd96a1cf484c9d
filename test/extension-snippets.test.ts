import { describe, expect, it } from 'vitest';
import { lintText, markdownSnippets, snippetClock, timedSnippets } from '../core/src/index';

// 16:33 UTC on 2026-11-30 is 08:33 in Los Angeles (UTC-8): the clock must say 16:33 UTC.
const now = new Date('2026-11-30T16:33:20Z');

describe('snippets with the time of insertion', () => {
  it('writes UTC by default, whatever the local zone', () => {
    const c = snippetClock({ now });
    expect(c).toEqual({
      today: '2026-11-30',
      clock: '16:33',
      label: 'UTC',
      dateTime: '2026-11-30T16:33:00Z',
      due: '2026-12-14',
    });
    expect(timedSnippets({ now })['Timeline entry']!.body).toEqual([
      '- ${1:16:33} UTC ${2:What happened}',
    ]);
  });

  it('writes local time labelled with its offset when asked, and the local date', () => {
    const c = snippetClock({
      now: new Date('2026-12-01T02:10:00Z'),
      zone: 'local',
      offsetMinutes: -480,
    });
    expect(c).toMatchObject({
      today: '2026-11-30',
      clock: '18:10',
      label: '-08:00',
      dateTime: '2026-11-30T18:10:00-08:00',
    });
  });

  it('dates a new action item the configured number of days ahead', () => {
    expect(timedSnippets({ now, dueDays: 30 })['Action item']!.body[0]).toContain(
      'due:${3:2026-12-30}',
    );
    expect(snippetClock({ now: new Date('2026-12-25T23:59:00Z') }).due).toBe('2027-01-08');
  });

  it('keeps the timed snippets out of the static snippet file', () => {
    const names = Object.keys(markdownSnippets());
    for (const timed of Object.keys(timedSnippets({ now }))) expect(names).not.toContain(timed);
  });

  it('gives a template whose start time parses and whose only error is the empty services list', () => {
    const body = timedSnippets({ now })['Postmortem template']!.body.join('\n');
    const text = body
      .replace(/\$\{\d+\|([^,|]+)[^}]*\}/g, '$1')
      .replace(/\$\{\d+:([^}]*)\}/g, '$1')
      .replace(/\$\{?\d+\}?/g, '');
    expect(text).toContain('started: 2026-11-30T16:33:00Z');
    const errors = lintText(text, { today: '2026-11-30' }).findings.filter(
      (f) => f.severity === 'error',
    );
    expect(errors.map((f) => f.rule)).toEqual(['required-field']);
  });
});
