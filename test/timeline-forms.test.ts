import { describe, expect, it } from 'vitest';
import { lintText } from '@hindsight/core';
import { readChecked } from './read-checked';

// Invented postmortems whose timelines are written in forms other teams use: each test is one
// general kind of reading (a time column named with a qualifier, a row number before the time,
// an upper-case label, a numbered report paragraph, status posts opened in bold).
const TODAY = '2031-11-30';
const read = (text: string) => readChecked(text, TODAY);
const times = (text: string) => read(text).timeline.map((e) => e.time?.text);
const rules = (text: string) => lintText(text, { today: TODAY }).findings.map((f) => f.rule);
const missing = (text: string) =>
  lintText(text, { today: TODAY })
    .findings.filter((f) => f.rule === 'required-section')
    .map((f) => /Section '([^']+)'/.exec(f.message)?.[1]);
const HEAD = `---\ntitle: Tram ticket machines offline\ndate: 2030-04-02\n---\n\n# Tram ticket machines offline\n\n`;

describe('timelines in tables', () => {
  it('reads the time from a column named with a qualifier, seconds included', () => {
    const text = `${HEAD}## Milestones\n\n| Stage | Timestamp (CET) | Since start |\n|---|---|---|\n| Began | 2030-04-02 07:10:05 | 0m |\n| Noticed | 2030-04-02 07:14:30 | 4m |\n| Fixed | 2030-04-02 08:01:00 | 51m |\n`;
    expect(times(text)).toEqual([
      '2030-04-02 07:10:05',
      '2030-04-02 07:14:30',
      '2030-04-02 08:01:00',
    ]);
    expect(rules(text)).not.toContain('timeline-time');
  });

  it('finds the time in a later cell when the first holds a row number', () => {
    const text = `${HEAD}## Sequence of events\n\n| No. | Moment | Event |\n|---|---|---|\n| 1 | 01-Apr-2030 22:00 | Firmware pushed to the machines |\n| 2 | 02-Apr-2030 06:05 | First machine stops taking cards |\n| 3 | 02-Apr-2030 07:40 | Firmware rolled back |\n`;
    const timeline = read(text).timeline;
    expect(timeline.map((e) => e.time?.date)).toEqual(['2030-04-01', '2030-04-02', '2030-04-02']);
    expect(timeline[1]!.time?.minutes).toBe(6 * 60 + 5);
  });
});

describe('timelines outside headings and lists', () => {
  it('reads an upper-case label with a note in brackets and the timed lines under it', () => {
    const text = `${HEAD}SUMMARY\n\nThe ticket machines at every stop went dark.\n\nTIMELINE (depot time, which is UTC)\n\n  06:05  First machine stops taking cards\n  06:05  Second depot reports the same\n  06:30  Vendor called\n\nIMPACT\n\nNo tickets were sold for two hours.\n`;
    expect(times(text)).toEqual(['06:05', '06:05', '06:30']);
    expect(missing(text)).not.toContain('Timeline');
    expect(missing(text)).toContain('Resolution');
  });

  it('reads "Course of events" as the timeline, with plain unbulleted timed lines', () => {
    const text = `${HEAD}## 2. Course of events\n\n06:05 First machine stops taking cards\n06:20 Depot manager informed\n07:40 Firmware rolled back\n\nNote: the depot was told at 06:15 by phone.\n`;
    expect(times(text)).toEqual(['06:05', '06:20', '07:40']);
  });

  it('reads the time after a report paragraph number ("3.2 **06:20** …")', () => {
    const text = `${HEAD}## 3 Chronology\n\n3.1 **06:05** First machine stops taking cards.\n\n3.2 **06:20** Depot manager informed.\n\n3.3 07:40 Firmware rolled back.\n`;
    expect(times(text)).toEqual(['06:05', '06:20', '07:40']);
    // A version number or a section reference is not a time.
    expect(times(`${HEAD}## Timeline\n\n2.4 the depot runs version 7.\n`)).toEqual([]);
  });
});

describe('status posts opened by a bold status word', () => {
  const posts = `${HEAD}**Resolved**\nAll machines take cards again.\nPosted Apr 02, 2030 - 08:10 UTC\n\n**Monitoring** - A fix is in place and we are watching the machines.\nPosted Apr 02, 2030 - 07:45 UTC\n\n**Investigating**\nMachines do not accept cards.\nPosted Apr 02, 2030 - 06:12 UTC\n`;

  it('reads each post as an entry at its posting time, newest first, without an order finding', () => {
    const timeline = read(posts).timeline;
    expect(timeline.map((e) => e.text)).toEqual([
      'Resolved — All machines take cards again.',
      'Monitoring — A fix is in place and we are watching the machines.',
      'Investigating — Machines do not accept cards.',
    ]);
    expect(timeline.map((e) => e.time?.minutes)).toEqual([8 * 60 + 10, 7 * 60 + 45, 6 * 60 + 12]);
    const found = rules(posts);
    expect(found).not.toContain('timeline-order');
    expect(missing(posts)).not.toContain('Timeline');
  });

  it('does not take one bold status line, or bold words without a posting time, as a timeline', () => {
    expect(read(`${HEAD}**Resolved**\nAll fine.\n\n**Update**\nStill fine.\n`).timeline).toEqual(
      [],
    );
  });
});

describe('action items and done marks in more forms', () => {
  const items = (text: string) =>
    read(text).actions.map((a) => [a.text.replace(/\s+/g, ' ').slice(0, 24), a.done]);

  it('reads "stuff to do" and "What we\'re fixing" as action sections', () => {
    expect(
      read(`${HEAD}## stuff to do\n\n- [x] pin the driver\n- [ ] add an alert — ana\n`).actions,
    ).toHaveLength(2);
    expect(
      read(
        `${HEAD}## What we're fixing\n\n- ✅ Retries back off\n- 🛠️ Pool per host\n`,
      ).actions.map((a) => a.done),
    ).toEqual([true, false]);
  });

  it('reads a Completed column holding a date, and a table under a Done heading, as done', () => {
    const text = `${HEAD}## Action items\n\n### Done\n\n| Ticket | Action | Owner | Completed |\n|---|---|---|---|\n| TR-1 | Pin the firmware | Depot IT | 2030-04-09 |\n\n### Planned\n\n| Action | Owner | Status |\n|---|---|---|\n| Stage firmware pushes | Depot IT | Open |\n`;
    expect(read(text).actions.map((a) => a.done)).toEqual([true, false]);
    const underDone = `${HEAD}## Action items\n\n### Completed\n\n| Action | Owner |\n|---|---|\n| Pin the firmware | Depot IT |\n`;
    expect(read(underDone).actions.map((a) => a.done)).toEqual([true]);
  });

  it('reads a struck-through action cell or "~~date~~ done" as done, not "not done"', () => {
    const text = `${HEAD}## Improvements\n\n| | Improvement | Who | When |\n|---|---|---|---|\n| 1 | ~~Pin the firmware~~ | ana | ~~Apr 9~~ done |\n| 2 | Stage pushes | bo | May 1 |\n| 3 | Alert on card errors | cy | not done |\n`;
    expect(read(text).actions.map((a) => a.done)).toEqual([true, false, false]);
  });

  it('reads "— in place since 8 April" and ". DONE 9 Apr." as done', () => {
    const text = `${HEAD}## Corrective actions\n\n1. Pin the firmware — *in place since 8 April*.\n2. Stage pushes. Owner: Depot IT. DONE 9 Apr.\n3. Alert on card errors — planned for June.\n`;
    expect(items(text).map(([, d]) => d)).toEqual([true, true, false]);
  });

  it('reads "— completed 1 Apr (hotfix)" as done, with its note after the date', () => {
    const text = `${HEAD}## Actions\n\n- Pin the firmware — Ana Ruiz — completed 1 Apr (hotfix)\n- Stage pushes — Bo Lind — by end of May\n`;
    expect(read(text).actions.map((a) => a.done)).toEqual([true, false]);
  });

  it('does not read a "Why …" heading as action items, whatever words follow', () => {
    const text = `${HEAD}## Why the safeguards did not help\n\n- Reviews cannot see the consumer version.\n- Config has no canary.\n`;
    expect(read(text).actions).toEqual([]);
  });
});

describe('slashed dates in one chronology', () => {
  const doc = (rows: string[]) =>
    `---\ntitle: Statement run failed\ndate: 2030-05-11\n---\n\n# Statement run failed\n\n## Timeline\n\n| Date | Time | Event |\n|---|---|---|\n${rows.join('\n')}\n`;

  it('reads them all day first when one can only be day first', () => {
    const text = doc([
      '| 11/05/2030 | 22:10 | Nightly statement run starts |',
      '| 12/05/2030 | 07:45 | First customer call |',
      '| 13/05/2030 | 09:00 | Run repeated by hand |',
    ]);
    expect(read(text).timeline.map((e) => e.time?.date)).toEqual([
      '2030-05-11',
      '2030-05-12',
      '2030-05-13',
    ]);
    expect(rules(text)).not.toContain('timeline-order');
  });

  it('keeps them month first when one can only be month first', () => {
    const text = doc([
      '| 05/11/2030 | 22:10 | Nightly statement run starts |',
      '| 05/12/2030 | 07:45 | First customer call |',
      '| 05/13/2030 | 09:00 | Run repeated by hand |',
    ]);
    expect(read(text).timeline.map((e) => e.time?.date)).toEqual([
      '2030-05-11',
      '2030-05-12',
      '2030-05-13',
    ]);
    expect(rules(text)).not.toContain('timeline-order');
  });
});
