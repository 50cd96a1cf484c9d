import { describe, expect, it } from 'vitest';
import { defaultConfig, lintText } from '@hindsight/core';
import { headingIds } from '../core/src/read/heading-meaning';
import { readChecked } from './read-checked';

// Invented postmortems in the forms other teams write: each test is one general kind of reading.
const TODAY = '2031-11-30';
const read = (text: string) => readChecked(text, TODAY);
const findings = (text: string, rule: string) =>
  lintText(text, { today: TODAY }).findings.filter((f) => f.rule === rule);
const missing = (text: string) =>
  findings(text, 'required-section').map((f) => /Section '([^']+)'/.exec(f.message)?.[1]);

const DATED = `---\ntitle: Ferry booking outage\ndate: 2030-09-12\n---\n\n# Ferry booking outage\n\n`;

describe('sections under the names other teams give them', () => {
  it.each([
    'Recommendations',
    '4. Recommendations',
    'Prevention',
    'Preventive measures',
    'What we have done and will do',
    "What we're changing",
    'Improvements',
    'Countermeasures agreed',
    '5. Remedial actions',
  ])('reads "%s" as the action items', (heading) => {
    expect(headingIds(heading, defaultConfig)).toEqual(['action-items']);
  });

  it.each(['Agreed actions', 'Long-term fixes', 'How we will prevent this', 'Commitments'])(
    'reads "%s" as later work, the action items',
    (heading) => {
      expect(headingIds(heading, defaultConfig)).toEqual(['action-items']);
    },
  );

  it.each(['Actions taken', 'Remediation steps taken', 'Immediate actions', 'Containment'])(
    'reads "%s" as what was done in the incident, the resolution',
    (heading) => {
      expect(headingIds(heading, defaultConfig)).toEqual(['resolution']);
    },
  );

  it.each(['Sequence of events', 'Incident log', 'What happened when', 'Sequence', 'Key events'])(
    'reads "%s" as the timeline',
    (heading) => {
      expect(headingIds(heading, defaultConfig)).toEqual(['timeline']);
    },
  );

  it.each(['Problem (what the users saw first)', 'Problem statement', 'Overview', 'TL;DR'])(
    'reads "%s" as the summary',
    (heading) => {
      expect(headingIds(heading, defaultConfig)).toEqual(['summary']);
    },
  );

  it('reads a question heading about getting out of the incident as the resolution', () => {
    expect(headingIds('How did we get out of it?', defaultConfig)).toEqual(['resolution']);
  });

  it('reads numbered paragraphs under a numbered report heading as action items', () => {
    const text = `${DATED}## 5. Remedial actions

5.1 Rotate the booking API keys every quarter. *Owner: Duty Manager. Target: 14/02/2031.
Status: Open.*

5.2 Alert on payment callbacks failing for five minutes. *Owner: Payments Lead (Ilse Brandt).
Target: 30/11/2030. Status: Complete.*

## 6. Approval

Signed off by the service board.
`;
    const pm = read(text);
    expect(pm.actions.map((a) => [a.title, a.owner, a.due, a.done])).toEqual([
      ['Rotate the booking API keys every quarter.', 'Duty Manager', '2031-02-14', false],
      ['Alert on payment callbacks failing for five minutes.', 'Payments Lead', '2030-11-30', true],
    ]);
    expect(missing(text)).not.toContain('Action Items');
    expect(findings(text, 'action-owner')).toEqual([]);
  });

  it('reads a When/What table of timed rows as the timeline, whatever the heading', () => {
    const text = `${DATED}## What we did

| When | What |
|---|---|
| Thu 12 Sep, 7:05pm | Bookings start failing |
| Thu 12 Sep, 7:40pm | Supplier paged |
| Fri 13 Sep, 9:10am | Fix deployed |
`;
    const pm = read(text);
    expect(pm.timeline.map((e) => e.time?.text)).toEqual([
      'Thu 12 Sep, 7:05pm',
      'Thu 12 Sep, 7:40pm',
      'Fri 13 Sep, 9:10am',
    ]);
    expect(missing(text)).not.toContain('Timeline');
    expect(findings(text, 'timeline-order')).toEqual([]);
  });

  it('reads a bold impact label in a summary list, but not a timestamp labelled with "impact"', () => {
    const withImpact = `${DATED}## Summary

- **Riders affected:** about 4,000 bookings failed in the evening peak
- **Duration:** 14 hours
`;
    expect(missing(withImpact)).not.toContain('Impact');
    const timestampOnly = `${DATED}## Summary

- **Impact started:** 2030-09-12 19:05 UTC
- **Impact ended:** 2030-09-13 09:10 UTC
`;
    expect(missing(timestampOnly)).toContain('Impact');
  });

  it('reads a bold "numbers" label over a list of figures as the impact', () => {
    const text = `${DATED}quick notes from the evening.

**the numbers**
- 4,000 bookings failed
- 120 refunds
`;
    expect(missing(text)).not.toContain('Impact');
  });

  it('reads an upper-case systems label over prose that tells the effect as the impact, not one over a list', () => {
    const prose = `${DATED}SYSTEMS AFFECTED

The booking engine and the ticket printers. Online bookings failed for the whole evening.
`;
    expect(missing(prose)).not.toContain('Impact');
    const list = `${DATED}SYSTEMS AFFECTED

- booking engine
- ticket printers
`;
    expect(missing(list)).toContain('Impact');
  });
});

describe('owners written without an @', () => {
  it('reads a name after a dash in lower case, with an initial, a role, or "Assigned to"', () => {
    const text = `${DATED}## Action items

- [ ] Forward the billing inbox to the founders — noor
- [ ] Move health checks onto the routers – R. Okafor
- [ ] Two-person rule for manual deletes — Head of Support, 30 Sep
- [ ] Store idempotency keys outside the orders database — Assigned to Mina Park
- [ ] Rotate the signing key (owner: lee, due 2031-01-10)
`;
    const pm = read(text);
    expect(pm.actions.map((a) => a.owner)).toEqual([
      'noor',
      'R. Okafor',
      'Head of Support',
      'Mina Park',
      'lee',
    ]);
    expect(pm.actions[2]!.title).toBe('Two-person rule for manual deletes');
    expect(findings(text, 'action-owner')).toEqual([]);
  });

  it('reads a team or a role in a bracketed note, and a signature in italics', () => {
    const text = `${DATED}## What we are doing about it

- Test releases against the card provider's sandbox first (vendor; by end of March 2031).
- Check the payment settings on every release (Web team; from the next release).
- Dry-run summary before manual runs — *Ana Lopes, 30 Sep*
- Version the archive bucket *Storage team, 15 Oct*
`;
    const pm = read(text);
    expect(pm.actions.map((a) => [a.owner, a.due])).toEqual([
      ['vendor', undefined],
      ['Web team', undefined],
      ['Ana Lopes', '2030-09-30'],
      ['Storage team', '2030-10-15'],
    ]);
    expect(pm.actions[3]!.title).toBe('Version the archive bucket');
    expect(findings(text, 'action-owner')).toEqual([]);
  });

  it('reads owners after an arrow, a "Responsible:" label, joined names, acronyms and roles', () => {
    const pm = read(`${DATED}## Follow-ups

- Add paging for the card queue → Priya Shah
- Drain the old pool first. Responsible: Ops team
- Review the dashboards — J. Smith & K. Lee
- Move the health checks — SRE
- Improve the escalation path — On-call lead
- Split the reports pool — DBA team — 2031-01-10
- Upgrade the proxy – Tomasz Wolny (Q3)
- Document the replay — Jonas (in progress)
`);
    expect(pm.actions.map((a) => [a.owner, a.dueRaw, a.title])).toEqual([
      ['Priya Shah', undefined, 'Add paging for the card queue'],
      ['Ops team', undefined, 'Drain the old pool first.'],
      ['J. Smith & K. Lee', undefined, 'Review the dashboards'],
      ['SRE', undefined, 'Move the health checks'],
      ['On-call lead', undefined, 'Improve the escalation path'],
      ['DBA team', '2031-01-10', 'Split the reports pool'],
      ['Tomasz Wolny', 'Q3', 'Upgrade the proxy'],
      ['Jonas', undefined, 'Document the replay'],
    ]);
  });

  it('does not take a capitalised word inside a sentence after an owner label as part of the name', () => {
    const pm = read(`${DATED}## Action items

- Rotate the keys. Owner: Priya. Due: 15 Jan.
- Add a breaker (owner: kai to follow up)
`);
    expect(pm.actions.map((a) => [a.owner, a.due])).toEqual([
      ['Priya', '2031-01-15'],
      ['kai', undefined],
    ]);
  });

  it('reads a name that owns another item when it starts a clause of its own ("noor to price it")', () => {
    const text = `${DATED}## todo

- [ ] forward the billing inbox — noor
- [ ] a second provider as fallback? maybe. noor to price it
- [ ] plan to split marketing sends from receipts
`;
    const pm = read(text);
    expect(pm.actions.map((a) => a.owner)).toEqual(['noor', 'noor', undefined]);
  });
});

describe('due dates as teams write them', () => {
  it('places a day without a year on or after the incident date', () => {
    const pm = read(`${DATED}## Action items

- [ ] Add the migration tests — @tobias — Dec 15
- [ ] Staged rollout with a day between steps — @ana — 30 Sep
- [ ] Kill switch for the migration — @tobias — Jan 20
`);
    expect(pm.actions.map((a) => [a.dueRaw, a.due])).toEqual([
      ['Dec 15', '2030-12-15'],
      ['30 Sep', '2030-09-30'],
      ['Jan 20', '2031-01-20'],
    ]);
    expect(pm.actions.map((a) => a.overdue)).toEqual([true, true, true]);
  });

  it('takes a month, a quarter or "by end of" as a due period, never as "not a real date"', () => {
    const text = `${DATED}## Follow-ups

| Action | Owner | Due | Status |
|---|---|---|---|
| Route origin validation | Network Architecture | 2031-Q1 | Planned |
| Max-prefix limits on every peer | Network Engineering | Q2 2031 | Planned |
| Lab validation of configs | Network Engineering | end of May | Open |

- [ ] Review the peering filters @ines by end of January 2031
`;
    const pm = read(text);
    expect(pm.actions.map((a) => a.dueRaw)).toEqual([
      '2031-Q1',
      'Q2 2031',
      'end of May',
      'end of January 2031',
    ]);
    expect(findings(text, 'action-due-date')).toEqual([]);
  });

  it('reads a date without a year after a due word, and "Target date:"', () => {
    const pm = read(`${DATED}## Action items

- [ ] Add the lag alert @ana (due Oct 3)
- [ ] Cap the retries @ola, due 3 March
- [ ] Replay the queue @ines by 11/15
- [ ] Retire the old path @ana. Target date: 2031-06-30
`);
    expect(pm.actions.map((a) => [a.dueRaw, a.due])).toEqual([
      ['Oct 3', '2030-10-03'],
      ['3 March', '2031-03-03'],
      ['11/15', '2030-11-15'],
      ['2031-06-30', '2031-06-30'],
    ]);
  });

  it('reads a month in another cell of a table without a Due column as the due date', () => {
    const text = `${DATED}## What we're changing

| | Change | Who | Status |
|---|---|---|---|
| ⬜ | Pause penalties when the leaver rate jumps | Yuki | May |
| ⬜ | Load test at five times the last peak | Ola | June 2031 |
`;
    const pm = read(text);
    expect(pm.actions.map((a) => a.dueRaw)).toEqual(['May', 'June 2031']);
    expect(findings(text, 'action-due-date')).toEqual([]);
  });
});

describe('done as teams mark it', () => {
  it('reads "(in place now)", "(completed …)" and done words in a status column', () => {
    const list = read(`${DATED}## Next steps

- Releases happen on weekday mornings (in place now).
- Riders charged twice were refunded (completed 4 October).
- Payment checks on every release (web team; from the next release).
`);
    expect(list.actions.map((a) => a.done)).toEqual([true, true, false]);
    const table = read(`${DATED}## Action items

| Action | Owner | Done? | 
|---|---|---|
| Commit-confirmed on edge routers | Ana | Implemented |
| Atomic claim for parties | Ola | Shipped 11 Apr |
| Max-prefix limits | Ines | yes |
| Lab validation | Ines | Green – complete |
| Quarterly drill | Ola | COMPLETE |
| Retire the old path | Ana | Closed |
| Second provider | Ines | In progress |
`);
    expect(table.actions.map((a) => a.done)).toEqual([true, true, true, true, true, true, false]);
  });
});

describe('lists and marks of chat-style notes and trackers', () => {
  it('reads the list under a bold label with a note in brackets, and shortcode check marks', () => {
    const text = `${DATED}quick write-up from the channel.

**Follow-ups** (tracked in the board)

- :white_check_mark: red prompt for production sessions — @dana
- :black_square_button: scheduled cleanup job, no manual runs — @eli
`;
    const pm = read(text);
    expect(pm.actions.map((a) => [a.owner, a.done])).toEqual([
      ['dana', true],
      ['eli', false],
    ]);
  });

  it('reads an upper-case DONE at the end of a ticket cell as done', () => {
    const pm = read(`${DATED}## Action Items

| Action Item | Type | Owner | Bug |
|---|---|---|---|
| Restore the exponent table | prevent | okafor | LED-12 **DONE** |
| Round-trip property test | prevent | lind | LED-13 |
`);
    expect(pm.actions.map((a) => a.done)).toEqual([true, false]);
  });
});

describe('timelines across days and clocks', () => {
  it('reads a log pasted in a code block under the timeline heading', () => {
    const text = `${DATED}## Sequence of events (CEST)

\`\`\`
13:40  Change starts on the edge routers
13:47  Empty prefix list committed
14:12  Rollback committed
\`\`\`
`;
    const pm = read(text);
    expect(pm.timeline.map((e) => [e.time?.text, text.slice(e.start, e.end)])).toEqual([
      ['13:40', '13:40  Change starts on the edge routers'],
      ['13:47', '13:47  Empty prefix list committed'],
      ['14:12', '14:12  Rollback committed'],
    ]);
    expect(findings(text, 'timeline-time')).toEqual([]);
  });

  it('keeps an entry that names the next day in order after late-evening entries, with a later publication date', () => {
    const text = `---\ntitle: Launch night\ndate: 2030-04-16\n---\n\n## Timeline (PT)

- **6:00 PM** — Season goes live
- **9:40 PM** — Fix ready
- **11:30 PM** — Queue re-enabled
- **Sat 12 Apr, 2:15 PM** — Penalties reverted
`;
    const pm = read(text);
    expect(pm.timeline.map((e) => e.at).every((at, i, all) => i === 0 || at! > all[i - 1]!)).toBe(
      true,
    );
    expect(findings(text, 'timeline-order')).toEqual([]);
  });

  it('still reports an entry dated with its year before the entries above it', () => {
    const text = `---\ntitle: Launch night\ndate: 2030-04-16\n---\n\n## Timeline

- 10:00 Deploy starts
- 10:20 Rollback done
- 2030-04-15 09:00 The change is merged
`;
    expect(findings(text, 'timeline-order')).toHaveLength(1);
  });

  it('reads Jira times (14/Mar/31 09:31) in a table', () => {
    const text = `${DATED}## Timeline

| Date/time (CET) | What |
|---|---|
|14/Mar/31 09:31|Vendor errors begin|
|14/Mar/31 09:40|Dispatch reports app errors|
|14/Mar/31 10:05|Timeout lowered|
`;
    const pm = read(text);
    expect(pm.timeline.map((e) => e.time?.date)).toEqual([
      '2031-03-14',
      '2031-03-14',
      '2031-03-14',
    ]);
    expect(findings(text, 'timeline-time')).toEqual([]);
  });

  it('keeps entries across a clock change in order in real time (BST, then GMT)', () => {
    const text = `---\ntitle: Clock change\ndate: 2030-10-27\n---\n\n## Timeline

- 00:50 BST Batch starts
- 01:40 BST Batch finishes
- 01:10 GMT Batch starts again after the clocks go back
- 01:55 GMT Duplicate payments noticed
`;
    expect(findings(text, 'timeline-order')).toEqual([]);
  });
});
