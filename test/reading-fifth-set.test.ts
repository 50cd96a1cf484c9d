import { describe, expect, it } from 'vitest';
import { lintText, parsePostmortem } from '@hindsight/core';
import { readChecked } from './read-checked';

// Invented postmortems in forms other teams write (after the fifth set): each test is one general kind.
const TODAY = '2031-11-30';
const DATED = `---\ntitle: Ferry booking outage\ndate: 2030-04-02\n---\n\n# Ferry booking outage\n\n`;
const timed = (text: string) =>
  readChecked(text, TODAY)
    .timeline.filter((e) => e.time)
    .map((e) => e.time!.text);
const missing = (text: string) =>
  lintText(text, { today: TODAY })
    .findings.filter((f) => f.rule === 'required-section')
    .map((f) => /Section '([^']+)'/.exec(f.message)?.[1]);

describe('a timeline without a Timeline heading', () => {
  it('reads a fenced log of timed lines under another heading', () => {
    const text = `${DATED}## How the morning went\n\n\`\`\`\n06:02  first booking fails\n06:15  harbour desk calls the on-call\n06:40  queue drained; bookings recover\n\`\`\`\n\n## Root cause\n\nA full disk.\n`;
    expect(timed(text)).toEqual(['06:02', '06:15', '06:40']);
    expect(missing(text)).not.toContain('Timeline');
  });

  it('reads an indented code block of dated lines with zones', () => {
    const text = `${DATED}Sequence as logged\n------------------\n\n    2030-04-02 06:02:10 +01:00  first booking fails\n    2030-04-02 06:15:00 +01:00  on-call paged\n    2030-04-02 06:40:31 +01:00  bookings recover\n\nCause\n-----\n\nA full disk.\n`;
    expect(timed(text)).toEqual([
      '2030-04-02 06:02:10 +01:00',
      '2030-04-02 06:15:00 +01:00',
      '2030-04-02 06:40:31 +01:00',
    ]);
  });

  it('reads a plain-text paragraph of dated lines, continuation lines kept out', () => {
    const text = `FERRY BOOKINGS - INCIDENT REPORT\n\n3. ORDER OF EVENTS\n\n02-Apr-2030 06:02  First booking fails. Alarm went\n                   to a shared mailbox.\n02-Apr-2030 06:15  On-call paged.\n03-Apr-2030 09:00  Refunds complete.\n`;
    expect(timed(text)).toEqual(['02-Apr-2030 06:02', '02-Apr-2030 06:15', '03-Apr-2030 09:00']);
  });

  it('reads a code block after a bold Timeline label', () => {
    const text = `${DATED}Summary of the day.\n\n**Timeline (harbour time)**\n\n\`\`\`text\n02/04 06:02  first booking fails\n02/04 06:15  on-call paged\n02/04 06:40  bookings recover\n\`\`\`\n`;
    expect(timed(text)).toHaveLength(3);
  });

  it('leaves prose with a time or two alone', () => {
    const text = `${DATED}## What happened\n\n06:02 was when the first booking failed,\nand by the afternoon all was well.\nNothing else of note.\n`;
    expect(timed(text)).toEqual([]);
    expect(missing(text)).toContain('Timeline');
  });
});

describe('a chat export and status posts as the timeline', () => {
  it('reads one message a paragraph, each opened by a time in code', () => {
    const text = `${DATED}**Wed 2 Apr**\n\n\`06:02\` **ana**: bookings failing for me\n\n\`06:04\` **li**: same here\n\n\`06:40\` **ana**: all good again\n\nThanks all.\n`;
    expect(timed(text)).toEqual(['06:02', '06:04', '06:40']);
  });

  it('reads status headings that carry their time, newest first, without an order finding', () => {
    const text = `${DATED}Updates newest first.\n\n### Resolved — Apr 2, 09:30 UTC\n\nAll bookings work.\n\n### Monitoring — Apr 2, 08:10 UTC\n\nA fix is out.\n\n### Investigating — Apr 2, 06:05 UTC\n\nBookings fail.\n\n## What happened\n\nA full disk.\n`;
    expect(timed(text)).toEqual(['Apr 2, 09:30 UTC', 'Apr 2, 08:10 UTC', 'Apr 2, 06:05 UTC']);
    expect(parsePostmortem(text).timeline[0]!.text).toBe('Resolved — All bookings work.');
    const rules = lintText(text, { today: TODAY }).findings.map((f) => f.rule);
    expect(rules).not.toContain('timeline-order');
    expect(missing(text)).not.toContain('Timeline');
  });

  it('does not read one status heading with a time as a timeline', () => {
    const text = `${DATED}### Resolved — Apr 2, 09:30 UTC\n\nAll bookings work.\n`;
    expect(timed(text)).toEqual([]);
  });
});

describe('action items as other teams number and group them', () => {
  const actions = (text: string) => parsePostmortem(text).actions.map((a) => [a.title, a.done]);

  it('reads lettered points under a bold numbered label, each its own paragraph', () => {
    const text = `${DATED}**4. Management actions**\n\na) Add a disk alarm.\n   Owner: Ops Lead. Due: 30 June 2030.\n\n(b) Rotate logs daily. Owner: Ops Lead.\n\n**5. Sign-off**\n\nApproved.\n`;
    const read = parsePostmortem(text).actions;
    expect(read).toHaveLength(2);
    expect(read[0]!.text).toMatch(/^Add a disk alarm\. Owner: Ops Lead/);
    expect(read[1]!.text).toMatch(/^Rotate logs daily/);
    expect(missing(text)).not.toContain('Action Items');
  });

  it('reads R1–R3 points written in one block under a numbered capitals label', () => {
    const text = `FERRY BOOKINGS - INCIDENT REPORT\n\n5. RECOMMENDATIONS\n\nR1. Add a disk alarm. Owner: Ops.\n    Status: COMPLETED.\nR2. Rotate logs daily.\nR3. Review retention. Status: OPEN.\n\nEnd of report.\n`;
    const read = parsePostmortem(text).actions;
    expect(read.map((a) => a.text.slice(0, 20))).toEqual([
      'Add a disk alarm. Ow',
      'Rotate logs daily.',
      'Review retention. St',
    ]);
  });

  it('reads a section numbered with a dash and "To do (owner, date)" after "Done already"', () => {
    const text = `${DATED}## 5 — Changes\n\n**Done already**\n\n- Disk alarm added\n\n**To do before the summer (owner, date)**\n\n- Rotate logs daily — ops, 12 May\n`;
    expect(actions(text)).toEqual([
      ['Disk alarm added', true],
      ['Rotate logs daily', false],
    ]);
  });
});

describe('Jira wiki markup', () => {
  const JIRA = `h1. [FER-12] Ferry bookings failed\n\n*Status:* Resolved\n\nh2. Timeline\n\n|| When (UTC) || What ||\n| 2030-04-02 06:02 | first booking fails |\n| 2030-04-02 06:40 | bookings recover |\n\nh2. Root cause\n\nA full disk.\n\nh2. Sub-tasks\n\n| FER-13 | Add a disk alarm | Ana Lopes | DONE |\n| FER-14 | Rotate logs daily | Li Wei | TO DO |\n`;

  it('reads h2. headings as sections and || tables as tables', () => {
    const pm = parsePostmortem(JIRA);
    expect(pm.sections.map((s) => s.heading)).toEqual(['Timeline', 'Root cause', 'Sub-tasks']);
    expect(timed(JIRA)).toEqual(['2030-04-02 06:02', '2030-04-02 06:40']);
    expect(missing(JIRA)).not.toContain('Timeline');
  });

  it('reads a table without a header row by what its columns hold', () => {
    const read = parsePostmortem(JIRA).actions;
    expect(read.map((a) => [a.title, a.owner, a.done])).toEqual([
      ['Add a disk alarm', 'Ana Lopes', true],
      ['Rotate logs daily', 'Li Wei', false],
    ]);
  });

  it('leaves "h2." inside a sentence and a single pipe line as text', () => {
    const text = `${DATED}## Summary\n\nWe used h2. as a heading by mistake here.\n\n| not a table |\n`;
    const pm = parsePostmortem(text);
    expect(pm.sections.map((s) => s.heading)).toEqual(['Summary']);
  });
});

describe('an incident inside weekly minutes, and done said in a sentence', () => {
  it('reads "Actions from this item:" as the action items', () => {
    const text = `# Ops weekly\n\n## 1. Ferry bookings outage\n\nDiscussion went long.\n\nActions from this item:\n\n- [ ] Add a disk alarm (Ana)\n- [x] Rotate logs daily (Li)\n\n## 2. AOB\n\nNone.\n`;
    expect(parsePostmortem(text).actions.map((a) => [a.title, a.done])).toEqual([
      ['Add a disk alarm', false],
      ['Rotate logs daily', true],
    ]);
  });

  it('reads ". Implemented 12 May." and ". Closed." ending a point as done, not a closing word inside it', () => {
    const text = `${DATED}**Management actions**\n\na) Add a disk alarm. Owner: Ops. **Implemented 12 May.**\n\nb) Keep the ticket closed until review. Owner: Ops.\n\nc) Record the event. **Closed.**\n`;
    expect(parsePostmortem(text).actions.map((a) => a.done)).toEqual([true, false, true]);
  });
});
