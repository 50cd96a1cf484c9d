import { describe, expect, it } from 'vitest';
import { defaultConfig, lintText, parsePostmortem } from '@hindsight/core';
import { headingIds } from '../core/src/read/heading-meaning';

// Invented postmortems in forms other teams write (after the fourth set): each test is one general kind.
const TODAY = '2031-11-30';
const findings = (text: string, rule: string) =>
  lintText(text, { today: TODAY }).findings.filter((f) => f.rule === rule);
const missing = (text: string) =>
  findings(text, 'required-section').map((f) => /Section '([^']+)'/.exec(f.message)?.[1]);

const DATED = `---\ntitle: Tram ticket outage\ndate: 2030-09-12\n---\n\n# Tram ticket outage\n\n`;

describe('house headings for the canonical sections', () => {
  it.each([
    ['stuff to do', 'action-items'],
    ["What we're fixing", 'action-items'],
    ['How this happened', 'root-cause'],
    ['What actually happened', 'root-cause'],
    ['Where we planned wrong', 'root-cause'],
    ['2. Immediate containment', 'resolution'],
    ['4. Effects', 'impact'],
    ['Effects on riders', 'impact'],
    ['What would have happened', 'impact'],
    ['3. Course of events', 'timeline'],
    ['What saved us', 'lessons-learned'],
  ])('reads "%s" as %s', (heading, id) => {
    expect(headingIds(heading, defaultConfig)).toEqual([id]);
  });

  it('keeps "What happened" the summary and "Side effects of the fix" no section', () => {
    expect(headingIds('What happened', defaultConfig)).toEqual(['summary']);
    expect(headingIds('Side effects of the fix', defaultConfig)).not.toContain('impact');
  });

  it('reads an upper-case label with a note in brackets as the section it names', () => {
    const text = `${DATED}Summary of the day below.

IMPACT

Ticket machines refused cards for two hours.

TIMELINE (local time, which was UTC that day)

  07:10  First machine offline
  07:40  All machines offline
  09:10  Machines back

ROOT CAUSE

An expired certificate on the payment gateway.
`;
    expect(missing(text)).not.toContain('Timeline');
    // Under another label, two timed lines are not a timeline by their form alone (three are: see reading-fifth-set).
    expect(
      missing(text.replace('TIMELINE (', 'TIMING NOTES (').replace('  09:10  Machines back\n', '')),
    ).toContain('Timeline');
  });
});

const actions = (section: string) =>
  parsePostmortem(`${DATED}## Action items\n\n${section}`, { today: TODAY }).actions;

describe('action items as other teams write them', () => {
  it('reads a done word with a date after a dash, a bracketed note after it, as done', () => {
    const [a, b, c] = actions(`- Pin the driver version — Ilse Kamp — completed 3 Oct (hotfix)
- Drain the queue nightly — Ilse Kamp — done 2030-10-02
- Add a canary stage — Ilse Kamp
`);
    expect([a!.done, b!.done, c!.done]).toEqual([true, true, false]);
    expect(a!.owner).toBe('Ilse Kamp');
    expect(b!.owner).toBe('Ilse Kamp');
  });

  it('reads "DONE 4 Oct." ending a sentence-style item as done, and "in place since" after a dash', () => {
    const [a, b] = actions(`1. Swap the fan tray. Owner: Facilities. DONE 4 Oct.
2. Login throttling on the ticket site — in place since 20 September.
3. Audit the other depots. Owner: Facilities.
`);
    expect(a!.done).toBe(true);
    expect(b!.done).toBe(true);
    expect(
      findings(
        `${DATED}## Action items\n\n1. Swap the fan tray. Owner: Facilities. DONE 4 Oct.\n`,
        'action-due-date',
      ),
    ).toEqual([]);
  });

  it('reads a team after a dash as the owner: "— Billing team —", "— Identity product", "— *ops-tooling team*"', () => {
    const items = actions(`- Add a review checklist — Billing team — by end of November
- Offer passkeys at login — Identity product
- Review client timeouts — *ops-tooling team*
- Alert on sync lag — *Platform Networking* — done 2030-10-01
`);
    expect(items.map((i) => i.owner)).toEqual([
      'Billing team',
      'Identity product',
      'ops-tooling team',
      'Platform Networking',
    ]);
    expect(items[0]!.dueRaw).toBe('end of November');
  });

  it('reads a month or quarter after "planned for" or "in" as the due period', () => {
    const items = actions(`1. Make two-step login the default — planned for February 2031.
2. Move the archive to the new host as planned for Q3 2031. Owner: Records team.
3. Renegotiate the support contract at its renewal in April 2031.
`);
    expect(items.map((i) => i.dueRaw)).toEqual(['February 2031', 'Q3 2031', 'April 2031']);
    expect(
      findings(
        `${DATED}## Action items\n\n1. Make two-step login the default — planned for February 2031.\n`,
        'action-due-date',
      ),
    ).toEqual([]);
  });

  it('reads DD.MM.YYYY in an "Until" column, and the item from the column after a "No." column', () => {
    const items = actions(`| No. | Measure | Responsible | Until | State |
|---|---|---|---|---|
| 1 | Replace the controller battery | Vendor | 14.03.2031 | open |
| 2 | Check the firmware on all arrays | IT Operations | 31.13.2031 | open |
`);
    expect(items[0]!.due).toBe('2031-03-14');
    expect(items[0]!.title).toBe('Replace the controller battery');
    expect(items[1]!.due).toBeUndefined();
  });

  it('reads a struck-through row, "Jul 25 done" and "(shipped …)" in the date column as done with a date', () => {
    const items = actions(`| | Fix | Who | When |
|---|---|---|---|
| 1 | ~~Turn off client retries~~ | mara | ~~Oct 25~~ done |
| 2 | Coalesce cache fills | mara | end of November (shipped Nov 20) |
| 3 | Retry budget in the shared client | mara | Dec 15 |
`);
    expect(items.map((i) => i.done)).toEqual([true, true, false]);
    expect(items[0]!.dueRaw).toBe('Oct 25');
    expect(items[1]!.dueRaw).toBe('end of November');
  });

  it('does not read a table of figures (Measure | Value) as action items', () => {
    expect(actions(`| Measure | Value |\n|---|---|\n| Peak requests | 41,000/s |\n`)).toEqual([]);
  });

  it('does not take a contributing-factors list under "Why the safeguards didn\'t help" for the action list', () => {
    const text = `${DATED}## Why the safeguards didn't help

- Review cannot show which version reads the config.
- Config sync has no canary stage.

## What we're changing

| Change | DRI | Target | State |
|---|---|---|---|
| Canary stage for config sync | Rosa Lind | 2030-10-03 | In progress |
`;
    const pm = parsePostmortem(text, { today: TODAY });
    expect(pm.actions.map((a) => a.title)).toEqual(['Canary stage for config sync']);
    expect(findings(text, 'action-owner')).toEqual([]);
    expect(headingIds("Why the safeguards didn't help", defaultConfig)).toEqual(['root-cause']);
  });
});

describe('status words and kinds in action tables', () => {
  const PUBLISHED = `---\ntitle: Tram ticket outage\ndate: 2030-09-12\nstatus: published\n---\n\n# Tram ticket outage\n\n## Action items\n\n`;

  it('reads **TODO** beside **DONE** in an action table as a status, not a placeholder', () => {
    const text = `${PUBLISHED}| Action | Owner | Ticket |
|---|---|---|
| Cap the render workers | lena | T-101 **TODO** |
| Split the big-image queue | omar | T-102 **DONE** |
`;
    expect(findings(text, 'placeholder-text')).toEqual([]);
  });

  it('reads a bare TODO in a Status column as a status', () => {
    const text = `${PUBLISHED}| Action | Owner | Status |\n|---|---|---|\n| Cap the render workers | lena | TODO |\n`;
    expect(findings(text, 'placeholder-text')).toEqual([]);
  });

  it('still reports TODO left in an owner cell, and a table of nothing but TODO', () => {
    const left = `${PUBLISHED}| Action | Owner | Status |\n|---|---|---|\n| Cap the render workers | TODO | Done |\n`;
    expect(findings(left, 'placeholder-text')).toHaveLength(1);
    const blank = `${PUBLISHED}| Action | Owner |\n|---|---|\n| TODO | TODO |\n`;
    expect(findings(blank, 'placeholder-text')).toHaveLength(2);
  });

  it('reads "Preventive" in a Type column as the #prevent kind', () => {
    const items = actions(`| # | Type | Action | Responsible |
|---|---|---|---|
| C1 | Corrective | Turn off debug logging | App team |
| P1 | Preventive | Rotate logs by size | Infra team |
`);
    expect(items.map((i) => i.kind)).toEqual([undefined, 'prevent']);
    expect(items[1]!.title).toBe('Rotate logs by size');
  });
});

describe('an owner with a quoted note after a comma', () => {
  it('reads "— pavel, \\"next sprint\\"" as owned by pavel', () => {
    expect(
      actions(`- [ ] give the batch job its own replica — pavel, "next sprint"\n`)[0]!.owner,
    ).toBe('pavel');
  });
});

describe('timelines across the year and with the time in a second column', () => {
  it('keeps "Thu 1 Jan" after "Wed 31 Dec" in order (the year turns)', () => {
    const text = `${DATED.replace('2030-09-12', '2030-12-30')}## Timeline

| When | What |
|---|---|
| Tue 30 Dec, 22:00 | Batch starts |
| Wed 31 Dec, 11:20 | Fix deployed |
| Thu 1 Jan, 09:00 | Errors back to normal |
`;
    expect(findings(text, 'timeline-order')).toEqual([]);
    const at = parsePostmortem(text, { today: TODAY }).timeline.map((e) => e.at!);
    expect(at[2]! - at[1]!).toBe((24 - 11) * 60 - 20 + 9 * 60);
  });

  it('still reports "3 Jan" written after "9 Jan" in the same month', () => {
    const text = `${DATED.replace('2030-09-12', '2031-01-09')}## Timeline\n\n- 9 Jan, 10:00 Alert\n- 3 Jan, 11:00 Deploy\n`;
    expect(findings(text, 'timeline-order')).toHaveLength(1);
  });

  it('reads the time from the column that holds it after a name or number column', () => {
    const named = `${DATED}## Milestones

| Milestone | Timestamp (UTC) | Since start |
|---|---|---|
| Started | 2030-09-12 03:17:40 | 0m |
| Resolved | 2030-09-12 05:40:00 | 2h 22m |
`;
    expect(findings(named, 'timeline-time')).toEqual([]);
    expect(parsePostmortem(named, { today: TODAY }).timeline.every((e) => e.time)).toBe(true);
    const numbered = `${DATED}## Sequence of events

| # | Date / time (local) | Event |
|---|---|---|
| 1 | 2030-09-12 02:10 | Disk full |
| 2 | 2030-09-12 04:05 | Noticed |
`;
    expect(findings(numbered, 'timeline-time')).toEqual([]);
  });
});

describe('done items written as a report writes them', () => {
  it('reads a table under "### Done" (a date or nothing in its "Completed" column) as done', () => {
    const items = actions(`### Done

| Ticket | Action | Owner | Completed |
|---|---|---|---|
| OPS-1 | QoS class for heartbeats | Network team | 2030-09-20 |
| OPS-2 | Page on backup failures | Backups | |

### In progress

| Ticket | Action | Owner | ETA |
|---|---|---|---|
| OPS-3 | Global rebalance throttle | Storage team | 2030-12-01 |
`);
    expect(items.map((i) => i.done)).toEqual([true, true, false]);
  });

  it('reads an item the team says "shipped" in a sentence of its own as done', () => {
    const [a, b] = actions(`- The purge tool refuses broad patterns. This shipped the next morning.
- Shield stays on for image paths.
`);
    expect([a!.done, b!.done]).toEqual([true, false]);
  });
});
