import { describe, expect, it } from 'vitest';
import { defaultConfig, importPostmortem, lintText } from '@hindsight/core';
import { readChecked } from './read-checked';

// Invented postmortems in forms other teams write (after the fourth and fifth sets were judged as
// development data): each test is one general reading rule, with a case where the finding stays.
const TODAY = '2031-11-30';
const HEAD = `---\ntitle: Ferry booking outage\ndate: 2030-04-02\n---\n\n# Ferry booking outage\n\n`;
const findings = (text: string, rule: string) =>
  lintText(text, { today: TODAY })
    .findings.filter((f) => f.rule === rule)
    .map((f) => f.message);
const missing = (text: string) =>
  findings(text, 'required-section').map((f) => /Section '([^']+)'/.exec(f)?.[1]);
const items = (text: string) =>
  readChecked(text, TODAY).actions.map((a) => ({
    owner: a.owner,
    due: a.dueRaw,
    done: a.done,
    title: a.title,
  }));

describe('sections under house headings, read by meaning', () => {
  const doc = (cause: string, impact: string) =>
    `${HEAD}## Summary\n\nBookings failed for an hour.\n\n## ${impact}\n\nNobody could book a crossing from 06:02 to 07:05.\n\n## ${cause}\n\nThe booking database ran out of disk.\n`;

  it.each([
    ['5 Whys', 'What users hit'],
    ["Provider's explanation", 'What you will have noticed'],
    ['How did this happen?', 'Effect on partners'],
    ['What changed in 4.2.0', 'Am I affected?'],
  ])('reads "%s" as the root cause and "%s" as the impact', (cause, impact) => {
    const text = doc(cause, impact);
    expect(missing(text)).not.toContain('Root Cause');
    expect(missing(text)).not.toContain('Impact');
  });

  it('still reports them missing under headings that name something else', () => {
    const text = doc('What we did next', 'Who was on call');
    expect(missing(text)).toContain('Root Cause');
    expect(missing(text)).toContain('Impact');
    // A changed process is not the cause.
    expect(missing(doc('What changed in our on-call rota', 'Impact'))).toContain('Root Cause');
  });

  it('reads notes from the review as lessons, a Situation as the summary, Restore as the resolution', () => {
    const text = `${HEAD}## The situation\n\nBookings failed for an hour.\n\n## Restore\n\nWe freed disk and restarted.\n\n## Notes from the review\n\nDisk alerts would have caught it a day early.\n`;
    const gone = missing(text);
    expect(gone).not.toContain('Summary');
    expect(gone).not.toContain('Resolution');
    expect(gone).not.toContain('Lessons Learned');
    expect(missing(`${HEAD}## Thanks\n\nTo the harbour desk.\n`)).toContain('Lessons Learned');
    // Plain notes are anything (attendees, attachments), not the lessons.
    expect(missing(`${HEAD}## Notes\n\nMeeting held 3 April; attendees Ana, Bo.\n`)).toContain(
      'Lessons Learned',
    );
  });

  it('reads numbered labels in capitals of a plain-text report', () => {
    const text = `FERRY BOOKINGS - INCIDENT REPORT\n\n1. PURPOSE OF THIS REPORT\n\nWhat happened on 2 April.\n\n4. PASSENGER IMPACT\n\nNobody could book for an hour.\n\n5. ROOT CAUSE\n\nThe booking database ran out of disk.\n`;
    const gone = missing(text);
    expect(gone).not.toContain('Impact');
    expect(gone).not.toContain('Root Cause');
    // Numbered lines of ordinary prose are not labels.
    expect(missing(`${HEAD}1. Root cause analysis was done later\n2. Impact was small\n`)).toEqual(
      expect.arrayContaining(['Root Cause', 'Impact']),
    );
  });

  it('ends a numbered list of recommendations at the next numbered label in capitals', () => {
    const text = `INCIDENT REPORT\n\n1. SUMMARY\n\nBookings failed.\n\n6. RECOMMENDATIONS\n\nR1. Add a disk alert. Owner: Ops Lead. Target: 30-Apr-2031.\n\nR2. Rotate logs daily. Owner: Ops Lead.\n\n7. LESSONS LEARNED\n\nWatch the disks.\n`;
    const read = items(text);
    expect(read.map((i) => i.title)).toEqual(['Add a disk alert.', 'Rotate logs daily.']);
    expect(read.map((i) => i.due)).toEqual(['30-Apr-2031', undefined]);
    expect(findings(text, 'action-owner')).toEqual([]);
    // The second recommendation really has no target date.
    expect(findings(text, 'action-due-date')).toEqual([
      "Action item 'Rotate logs daily.' has no due date; expected due:YYYY-MM-DD.",
    ]);
  });

  it('reads "Which services were affected" over prose stating the effect as the impact', () => {
    const text = `${HEAD}## What happened\n\nThe booking database ran out of disk.\n\n**Which services were affected**\n\nOnline booking and the harbour kiosks could not take payments for an hour.\n`;
    expect(missing(text)).not.toContain('Impact');
    const listOnly = `${HEAD}## What happened\n\nThe booking database ran out of disk.\n\n**Which services were affected**\n\n- booking-api\n- kiosk-gateway\n`;
    expect(missing(listOnly)).toContain('Impact');
  });
});

describe('due dates as teams plan them', () => {
  const list = (lines: string[]) =>
    `${HEAD}## Action items\n\n${lines.map((l) => `- [ ] ${l}`).join('\n')}\n`;

  it('reads quarters and sprint or term periods after the owner, with no due-date finding', () => {
    const text = list([
      'Hold the KPI email until checks pass — @analytics-lead, Q2',
      'Quarterly restore drill — Storage Eng — starting Q3',
      'Shed load automatically — SRCH-340, @search-team, next quarter',
      'Auto-pause the rollout tool — @jonah, next sprint',
      'Retry at most 3 times (Chiara, this sprint)',
      'Audit all switches. *Owner: Network Services. Target: end of Semester 1.*',
    ]);
    expect(items(text).map((i) => i.due)).toEqual([
      'Q2',
      'starting Q3',
      'next quarter',
      'next sprint',
      'this sprint',
      'end of Semester 1',
    ]);
    // The period is the due date, not part of the title.
    expect(items(text)[0]!.title).toBe('Hold the KPI email until checks pass');
    expect(findings(text, 'action-due-date')).toEqual([]);
  });

  it('reads "by <day month>", "by next term" and "ongoing from now" in a When column as periods', () => {
    const text = `${HEAD}## Next steps\n\n| What | Who | When | Done? |\n|---|---|---|---|\n| Keep a list of exam-critical domains | Network Manager | by 21 November | Yes |\n| Test the exam platforms after every change | IT Services | ongoing from now | Yes |\n| No filter changes in exam weeks | IT Services | by next term | No |\n`;
    expect(items(text).map((i) => i.done)).toEqual([true, true, false]);
    expect(findings(text, 'action-due-date')).toEqual([]);
  });

  it('still reports an item whose date is missing or not a date', () => {
    const text = list([
      'Hold the KPI email until checks pass — @analytics-lead, Q2',
      'Add a disk alert — @mei',
      'Rotate logs — @mei, due: whenever',
    ]);
    const dueFindings = findings(text, 'action-due-date');
    expect(dueFindings).toHaveLength(2);
    expect(dueFindings[0]).toMatch(/Add a disk alert.*no due date/);
    expect(dueFindings[1]).toMatch(/'whenever'.*not a real date/);
  });
});

describe('owners as teams write them', () => {
  const list = (lines: string[]) =>
    `${HEAD}## Action items\n\n${lines.map((l) => `- [ ] ${l}`).join('\n')}\n`;

  it('reads a team in brackets, a name before a note, lower-case teams after a dash and a role as the subject', () => {
    const text = list([
      'Move attr_v3 to a daily schedule (marketing science) due:2031-12-01',
      'Pin the libvips minor version due:2031-12-01 (Dov — merged Friday)',
      'Show a queue page instead of retrying — web & app squads, 19 Dec',
      'Every maintainer will review their personal tokens due:2031-12-01',
    ]);
    expect(items(text).map((i) => i.owner)).toEqual([
      'marketing science',
      'Dov',
      'web & app squads',
      'maintainer',
    ]);
    expect(findings(text, 'action-owner')).toEqual([]);
  });

  it('still reports items with no owner, "unassigned" and notes in brackets included', () => {
    const text = list([
      'Move attr_v3 to a daily schedule (marketing science) due:2031-12-01',
      'Auto-pause the rollout tool — unassigned, next sprint',
      'Rotate the keys (for security) due:2031-12-01',
      'All publish tokens will be revoked due:2031-12-01',
    ]);
    const owners = findings(text, 'action-owner');
    expect(owners).toHaveLength(3);
    expect(owners.join('\n')).toMatch(/Auto-pause the rollout tool/);
    expect(owners.join('\n')).toMatch(/Rotate the keys/);
    expect(owners.join('\n')).toMatch(/All publish tokens/);
  });
});

describe('import: services from labels other tools write', () => {
  const services = (text: string) =>
    importPostmortem(text, { config: defaultConfig, fileName: 'notes.md' }).inferred.services
      ?.value;

  it("reads Jira's *Components:*, a mobile team's **App:** and a setext Affected services list", () => {
    expect(
      services(
        `h1. [OPS-1] Invoices sent twice\n\n*Components:* billing-scheduler, invoice-service\n\nh2. Description\n\nTwice.\n`,
      ),
    ).toEqual(['billing-scheduler', 'invoice-service']);
    expect(
      services(
        `# Release retro\n\n**App:** Parcelpoint for Android\n\n## What users hit\n\nCrashes.\n`,
      ),
    ).toEqual(['Parcelpoint for Android']);
    expect(
      services(
        `# Network outage notice\n\nAffected services\n-----------------\n\n- Residential broadband\n- Business Ethernet\n\nOther regions were fine.\n`,
      ),
    ).toEqual(['Residential broadband', 'Business Ethernet']);
  });

  it('does not take services from a heading or label that names something else', () => {
    expect(
      services(
        `# Network outage notice\n\nAffected customers\n------------------\n\n- Bristol\n- Bath\n`,
      ),
    ).toBeUndefined();
  });
});

describe('import: the cause of a leaked publishing credential', () => {
  const cause = (text: string) =>
    importPostmortem(text, { config: defaultConfig, fileName: 'notes.md' }).inferred.root_cause
      ?.value;

  it('suggests security when the cause section tells how a long-lived token leaked', () => {
    const text = `# Bad 2.1.0 release of ferry-cli\n\n## How did this happen?\n\nA long-lived publish token was stored in plain text in a personal dotfiles repository\nthat was made public by mistake. Someone found it and published 2.1.0.\n\n## What we are changing\n\n- Revoke every token.\n`;
    expect(cause(text)).toBe('security');
  });

  it('does not suggest security for a release broken by a code change', () => {
    const text = `# Bad 2.1.0 release of ferry-cli\n\n## How did this happen?\n\nA refactor in 2.1.0 dropped the null check on the booking date, so every\nbooking without a return date crashed the CLI.\n\n## What we are changing\n\n- Add a test for one-way bookings.\n`;
    expect(cause(text)).not.toBe('security');
  });
});
