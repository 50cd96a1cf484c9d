import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintText, stripBom } from '@hindsight/core';
import { readChecked } from './read-checked';

// Invented postmortems in house formats other teams use: each test is one general rule of reading.
const TODAY = '2026-11-30';
const read = (text: string) => readChecked(text, TODAY);
const findings = (text: string, rule: string) =>
  lintText(text, { today: TODAY }).findings.filter((f) => f.rule === rule);

describe('owners and due dates as teams write them', () => {
  it('reads an owner after a dash followed by a due date, a state or a quarter', () => {
    const pm = read(`# Queue stall

## Action items

- Move the scheduler to UTC — Mirela Dascalu, due 2031-02-14
- Page on consumer lag per partition — Tobias Lind, done.
- Shard the ledger table - Storage team, Q3 2031
- Drop the legacy endpoint — team-edge
- Review the pager rota — Ama Owusu ✅
`);
    expect(pm.actions.map((a) => [a.owner, a.dueRaw, a.done])).toEqual([
      ['Mirela Dascalu', '2031-02-14', false],
      ['Tobias Lind', undefined, true],
      ['Storage team', 'Q3 2031', false],
      ['team-edge', undefined, false],
      ['Ama Owusu', undefined, true],
    ]);
    expect(pm.actions[0]!.title).toBe('Move the scheduler to UTC');
    expect(pm.actions[2]!.title).toBe('Shard the ledger table');
  });

  it('reads an Obsidian owner link and a calendar-emoji due date', () => {
    const pm = read(`# Geocoder quota

## Follow-ups

- [ ] Fallback vendor for lookups → [[Ilse Brandt]] 📅 2031-07-31
- [ ] Watch rate-limit headroom → [[Kwame Asante|Kwame]]
`);
    expect(pm.actions.map((a) => [a.owner, a.due, a.title])).toEqual([
      ['Ilse Brandt', '2031-07-31', 'Fallback vendor for lookups'],
      ['Kwame', undefined, 'Watch rate-limit headroom'],
    ]);
  });

  it('reads a due date followed by the full stop of its sentence, and a trailing Done', () => {
    const pm = read(`# Provider latency

## Corrective actions

1. Fail over on slow answers. Owner: Rhea Pinto. Due: 2031-09-05. **Done**
2. Game day for a slow provider. Owner: Oskar Berg. Due: 2031-10-01.
`);
    expect(pm.actions.map((a) => [a.owner, a.due, a.done])).toEqual([
      ['Rhea Pinto', '2031-09-05', true],
      ['Oskar Berg', '2031-10-01', false],
    ]);
    expect(findings(pm.text, 'action-due-date')).toEqual([]);
  });

  it('takes a quarter as a due period, not as a mistyped date', () => {
    const text = `# Firmware

## Remediation

- Replace the batch of drives (owner: Lena Fox, by Q2 2031)
- Spares on every site — Facilities IT, Q4
`;
    const pm = read(text);
    expect(pm.actions.map((a) => a.dueRaw)).toEqual(['Q2 2031', 'Q4']);
    expect(findings(text, 'action-due-date')).toEqual([]);
  });

  it('reads Owner and Due written as sub-bullets of an item', () => {
    const text = `# Disk full

## Action items

- Rotate logs by size
  - Owner: Petra Novak
  - Due: 2031-04-18
- Separate log volume
  - Owner: Platform team
  - Due: Q3 2031
  - Notes: needs a maintenance window
`;
    const pm = read(text);
    expect(pm.actions.map((a) => [a.title, a.owner, a.dueRaw])).toEqual([
      ['Rotate logs by size', 'Petra Novak', '2031-04-18'],
      ['Separate log volume', 'Platform team', 'Q3 2031'],
    ]);
    expect(findings(text, 'action-due-date')).toEqual([]);
    expect(findings(text, 'action-owner')).toEqual([]);
  });
});

describe('action tables', () => {
  it('reads bilingual header columns and a bilingual done cell', () => {
    const text = `# キャッシュ事故 / Cache incident

## 再発防止策 / Preventive actions

| # | 対策 / Action | 担当 / Owner | 期限 / Due | 状況 / Status |
|---|---|---|---|---|
| 1 | 設定をコード管理 / Config as code | 小林 / Kobayashi | 2031-08-15 | 完了 / Done |
| 2 | 検知テスト / Synthetic check | 中村 / Nakamura | 2031-08-31 | 対応中 / In progress |
`;
    const pm = read(text);
    expect(pm.actions.map((a) => [a.title, a.owner, a.due, a.done])).toEqual([
      ['設定をコード管理 / Config as code', '小林', '2031-08-15', true],
      ['検知テスト / Synthetic check', '中村', '2031-08-31', false],
    ]);
    expect(findings(text, 'action-owner')).toEqual([]);
    expect(findings(text, 'action-due-date')).toEqual([]);
  });

  it('takes a dash or n/a in the due cell as no date given', () => {
    const text = `# Retry storm

## Follow-up actions

| Status | Due | Action | Owner |
|---|---|---|---|
| won't do | — | Bigger database | Ines Roth |
| open | n/a | Retry budget | Ines Roth |
`;
    const pm = read(text);
    expect(pm.actions.map((a) => a.dueRaw)).toEqual([undefined, undefined]);
    expect(
      findings(text, 'action-due-date')
        .map((f) => f.message)
        .join('\n'),
    ).not.toMatch(/not a real date/);
  });

  it('does not read the rows of a table of figures as action items', () => {
    const text = `# Login flood

## Action items

- [ ] Rate limits at the edge @nadia due:2031-01-15

### Appendix: the attack in numbers

| Measure | Value |
|---|---|
| Peak request rate | 46,800 req/s |
| Distinct source IPs | ~61,000 |
`;
    const pm = read(text);
    expect(pm.actions.map((a) => a.title)).toEqual(['Rate limits at the edge']);
  });
});

describe('timelines as teams write them', () => {
  it('starts a new day at a bold day line with its weekday', () => {
    const text = `# Launch weekend

## Timeline

**Saturday, Mar 8**

- 2:00 PM — Queue forms
- 9:00 PM — Queue drains

**Sunday, Mar 9**

- 9:30 AM — Queue forms again
- 11:00 AM — Fix deployed

**Tuesday 11 March**

- 8:15 AM — Review
`;
    expect(findings(text, 'timeline-order')).toEqual([]);
    const pm = read(text);
    const at = pm.timeline.map((e) => e.at!);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('orders entries alternating two zones by their instant, across midnight', () => {
    const text = `# Sign-in loop

## Timeline

- 6:40 PM PDT — Release starts
- 7:52 PM PDT — First reports in reviews
- 8:30 AM CEST — Support in Berlin sees tickets
- 9:10 AM CEST — On-call paged
- 12:25 AM PDT — Decision to turn the flag off
- 9:31 AM CEST — Flag off
`;
    expect(findings(text, 'timeline-order')).toEqual([]);
  });

  it('still reports an entry really out of order within one zone', () => {
    const text = `# Out of order

## Timeline

- 10:00 UTC — Alert
- 09:30 UTC — Deploy
- 11:00 UTC — Resolved
`;
    expect(findings(text, 'timeline-order')).toHaveLength(1);
  });
});

describe('sections under labels and house names', () => {
  const missing = (text: string) =>
    findings(text, 'required-section').map((f) => /'([^']+)'/.exec(f.message)![1]);

  it('finds sections named by bold lines, upper-case lines and paragraph labels', () => {
    const text = `Campus network notice

**What happened**

The wireless controller rebooted during the morning and about four thousand devices lost their connection for an hour.

**Why it happened**

A firmware update was applied to the wrong controller group.

**How it was fixed**

The previous firmware was restored.

Impact: 4,000 devices offline for an hour.

CHRONOLOGY

08:10  Controller reboots
09:05  Firmware rolled back

**What we are doing to stop this happening again**

1. Stage firmware on one group first.

LESSONS LEARNED

Label the controller groups.
`;
    expect(missing(text)).toEqual([]);
  });

  it('finds numbered labels underlined with dashes, as in a plain-text report', () => {
    const text = `Incident Report\r\n\r\n1. Description\r\n--------------\r\n\r\nScanners lost their link to the warehouse system for three hours during the morning shift today.\r\n\r\n2. Impact\r\n---------\r\n\r\nLate loads.\r\n\r\n3. Root Cause\r\n-------------\r\n\r\nA lossy optic.\r\n\r\n4. Sequence of Events\r\n---------------------\r\n\r\n- 05:50 Disconnects\r\n- 08:40 Fixed\r\n\r\n5. Resolution\r\n-------------\r\n\r\nLink shut.\r\n\r\n6. Corrective Actions\r\n---------------------\r\n\r\n- Replace the optic - Aoife Byrne\r\n\r\n7. Lessons Learned\r\n------------------\r\n\r\nCheck counters first.\r\n`;
    expect(missing(text)).toEqual([]);
  });

  it('reads a numbered level-2 heading in a document of level-3 sections', () => {
    const text = `# Card outage

## 1. Executive Summary

### 1.1 Overview

Card payments failed for forty minutes.

### 1.2 Customer impact

Declined payments.

### 3.2 Chronology

- 10:00 Failure
- 10:40 Recovered

### 3.5 Recovery

Failed over by hand.

### 4.1 Root cause

A stuck module.

### 4.3 Lessons learned

Test the health check.

## 5. Remediation Actions

| Action | Owner | Due |
|---|---|---|
| Deeper health check | Hana Weiss | 2031-06-30 |

## 6. Conclusion

Done.
`;
    const pm = read(text);
    expect(pm.actions.map((a) => a.title)).toEqual(['Deeper health check']);
    expect(missing(text)).toEqual([]);
  });

  it('knows house names for sections', () => {
    const text = `# Order IDs overflowed

## Problem statement

Checkout stopped for an hour because order ids overflowed their column.

## Symptoms

Every order failed with a database error.

## Milestones

| Milestone | Time |
|---|---|
| Started | 10:02 |
| Resolved | 11:00 |

## Root cause

An INTEGER column.

## Fix

Migrated the column.

## Why it wasn't caught

No alert on sequence headroom.

## Countermeasures

- Audit integer columns — Ola Berg, by 2031-06-30
`;
    expect(missing(text)).toEqual([]);
    const pm = read(text);
    expect(pm.sections.map((s) => s.ids[0])).toEqual([
      'summary',
      'impact',
      'timeline',
      'root-cause',
      'resolution',
      'lessons-learned',
      'action-items',
    ]);
    const tickets = read(
      `# Drives\n\n## Tickets\n\n- STOR-1 Re-flash firmware — **Done**\n- STOR-2 Placement rules — **Open**\n`,
    );
    expect(tickets.actions.map((a) => a.done)).toEqual([true, false]);
  });
});

describe('labels that are not sections', () => {
  it('does not take a TODO line as an Action Items label', () => {
    const text = `# Draft\n\n## Summary\n\nSearch was slow for twenty minutes.\n\n## Impact\n\nTODO: count the failed queries.\n`;
    expect(
      findings(text, 'required-section').some((f) => f.message.includes("'Action Items'")),
    ).toBe(true);
  });
});

describe('more house forms', () => {
  it('takes a month as a due period', () => {
    const text = `# Fibre cut\n\n## Preventive actions\n\n1. Audit the route records. Target: end of January 2032.\n2. New diverse path. Target: Q2 2032.\n`;
    expect(read(text).actions.map((a) => a.dueRaw)).toEqual(['end of January 2032', 'Q2 2032']);
    expect(findings(text, 'action-due-date')).toEqual([]);
  });

  it('finds an Impact label opening a long paragraph, and What we did as the resolution', () => {
    const text = `Payments notice

**What happened**

Card payments were declined for an hour on Tuesday morning because a certificate expired overnight.

Impact: about 3,000 declined payments over one hour at the busiest time of the morning, across every region we serve.

**What we did**

Renewed the certificate.
`;
    const missing = findings(text, 'required-section').map((f) => /'([^']+)'/.exec(f.message)![1]);
    expect(missing).not.toContain('Impact');
    expect(missing).not.toContain('Resolution');
  });

  it('keeps the bold day lines of a timeline under an unrecognised heading', () => {
    const text = `# Launch weekend

## The weekend, minute by minute

**Saturday, Mar 8**

- 2:00 PM — Queue forms
- 3:00 PM — Stopgap

**Sunday, Mar 9**

- 9:30 AM — Queue forms again
- 11:00 AM — Fix deployed
`;
    expect(read(text).timeline).toHaveLength(4);
    expect(findings(text, 'timeline-order')).toEqual([]);
  });

  it('keeps the day lines of an unlabelled timed list', () => {
    const text = `# Launch weekend

## Notes

**Saturday, Mar 8**

- 2:00 PM — Queue forms
- 3:00 PM — Stopgap
- 9:00 PM — Quiet

**Sunday, Mar 9**

- 9:30 AM — Queue forms again
- 11:00 AM — Fix deployed
- 1:00 PM — Calm
`;
    expect(findings(text, 'timeline-order')).toEqual([]);
  });
});

describe('items and days under bold labels', () => {
  it('reads the items under a bold label line in a document without headings', () => {
    const pm = read(`Subject: photo uploads

Hi all, here is the whole story of the missing uploads on Tuesday and what we are changing now.

**What we did**

Restored from versions.

**What we're doing about it**

- Purge script asks for the bucket name (done)
- Cap deletes per run — Kemi

**Questions people asked**

- Was anything lost for good? A few files.
`);
    expect(pm.actions.map((a) => [a.title, a.owner, a.done])).toEqual([
      ['Purge script asks for the bucket name', undefined, true],
      ['Cap deletes per run', 'Kemi', false],
    ]);
  });

  it('keeps a bold day line inside a labelled timeline', () => {
    const text = `Notice

**Sequence of events**

**Saturday, Mar 8**

- 2:00 PM — Queue forms
- 3:00 PM — Stopgap

**Sunday, Mar 9**

- 9:30 AM — Queue forms again
- 11:00 AM — Fix deployed

**Who was affected**

Players in one region.
`;
    expect(read(text).timeline).toHaveLength(4);
    expect(findings(text, 'timeline-order')).toEqual([]);
  });
});

describe('numbered underlined labels', () => {
  it('reads the action items under a numbered label underlined with dashes', () => {
    const pm = read(
      'Incident Report\r\n\r\n1. Description\r\n--------------\r\n\r\nScanners dropped.\r\n\r\n2. Corrective Actions\r\n---------------------\r\n\r\nShort term:\r\n- (Done) Replace the optic - Aoife Byrne\r\n\r\nLong term:\r\n- Spare optics on site - Facilities IT, Q2 2031\r\n\r\n3. Lessons Learned\r\n------------------\r\n\r\nCheck counters first.\r\n',
    );
    expect(pm.actions.map((a) => [a.title, a.owner, a.dueRaw, a.done])).toEqual([
      ['Replace the optic', 'Aoife Byrne', undefined, true],
      ['Spare optics on site', 'Facilities IT', 'Q2 2031', false],
    ]);
  });
});

describe('one finding for an undated list under a label', () => {
  it('reports a label-introduced list with no due dates once, at its first item', () => {
    const text = `Notice

Everything we know about the outage on Tuesday morning and what we are changing because of it.

**What we're doing about it**

- Cap deletes per run — Kemi
- Write down the restore steps — Dev
`;
    const found = findings(text, 'action-due-date');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/None of the 2 open action items/);
    expect(found[0]!.range.start.line).toBe(7);
  });
});

describe('status page posts', () => {
  const text = `# Delayed outbound email

## Postmortem

Posted Nov 07, 2031 - 16:20 UTC

Outbound email was delayed for three hours because a resolver provider failed in two regions.

## Resolved

All delayed messages have been delivered.

Posted Nov 04, 2031 - 17:24 UTC

## Monitoring

The queue is draining.

Posted Nov 04, 2031 - 16:02 UTC

## Identified

The issue is a DNS resolution failure upstream.

Posted Nov 04, 2031 - 15:05 UTC

## Investigating

We are investigating delays.

Posted Nov 04, 2031 - 14:31 UTC
`;

  it('reads the posts as the timeline, newest first, without an order finding', () => {
    const pm = read(text);
    expect(pm.timeline.map((e) => e.text)).toEqual([
      'Resolved — All delayed messages have been delivered.',
      'Monitoring — The queue is draining.',
      'Identified — The issue is a DNS resolution failure upstream.',
      'Investigating — We are investigating delays.',
    ]);
    expect(pm.timeline.every((e) => e.at !== undefined)).toBe(true);
    expect(findings(text, 'timeline-order')).toEqual([]);
    expect(findings(text, 'required-section').some((f) => f.message.includes("'Timeline'"))).toBe(
      false,
    );
  });
});

describe('the readers agree on the evaluation sets', () => {
  it('reads every document of both held-out sets the same by lines as by the whole parse', () => {
    for (const dir of ['../bench/eval/holdout/', '../bench/eval/holdout2/']) {
      const path = fileURLToPath(new URL(dir, import.meta.url));
      const files = readdirSync(path).filter((f) => f.endsWith('.md'));
      expect(files.length).toBeGreaterThan(20);
      for (const f of files) read(stripBom(readFileSync(path + f, 'utf8')));
    }
  });
});
