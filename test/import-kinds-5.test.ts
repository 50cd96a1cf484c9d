import { describe, expect, it } from 'vitest';
import { defaultConfig, importPostmortem } from '../core/src/index';

// Kinds of misreading `hindsight import` had after the fifth set, one invented example each.
const inferred = (text: string, fileName = 'notes.md') =>
  importPostmortem(text, { config: defaultConfig, fileName }).inferred;

describe('import: titles after the fifth set', () => {
  it("reads an incident record's Short description row as the title", () => {
    const text = `| Field | Value |\n|---|---|\n| Number | MI0000123 |\n| Short description | Payroll batch stuck after a storage failover in DC1 |\n| Priority | 2 - High |\n\n## Description\n\nStaff in the north office reported that the payroll screens hung.\n`;
    expect(inferred(text).title?.value).toBe('Payroll batch stuck after a storage failover in DC1');
  });

  it('reads a Jira wiki h1. heading without its markup', () => {
    const text = `h1. [FIN-88] Statements mailed twice after a queue replay\n\n*Type:* Incident   *Priority:* Medium\n\nh2. Description\n\nStatements went out twice.\n`;
    // The tracker key in brackets is dropped, as from a Markdown H1.
    expect(inferred(text).title?.value).toBe('Statements mailed twice after a queue replay');
  });

  it("takes the line below a chat export's channel line, not the channel line", () => {
    const text = `**#inc-payments-api — exported thread**\n\nCard refunds failed for an hour after a certificate rotation\n\n> exported on Fri 3 May 2030\n\n**Thu 2 May**\n\n\`09:00\` **ana**: refunds failing\n`;
    expect(inferred(text).title?.value).toBe(
      'Card refunds failed for an hour after a certificate rotation',
    );
  });

  it("takes the incident agenda item of a meeting's minutes, not the meeting", () => {
    const text = `# Platform weekly review — week 12\n\nAttendees: Ana, Bo\n\n## 1. Budgets\n\nFine.\n\n## 2. Incident of the week: search index rebuild starved the API pods\n\nSeverity: SEV-3\n\n## 3. AOB\n\nNone.\n`;
    expect(inferred(text).title?.value).toBe('search index rebuild starved the API pods');
    // Two incidents in one meeting: neither is the title of the minutes.
    const two = text.replace('## 3. AOB', '## 3. Incident: mail relay queue backed up overnight');
    expect(inferred(two).title?.value).not.toBe('search index rebuild starved the API pods');
  });

  it('takes a bold line under an organisation line and an H1 that only names a write-up', () => {
    const text = `Eastfield College — IT Services\n\n# Incident write-up\n\n**Library catalogue offline after a DNS record was removed**\n\nWritten by: Sam Ode\n\n### What happened\n\nThe catalogue went offline.\n`;
    expect(inferred(text).title?.value).toBe(
      'Library catalogue offline after a DNS record was removed',
    );
  });

  it('takes the setext title under a notice heading and its reference line', () => {
    const text = `Service Outage Notice\n=====================\n\nRef: NOC-2030-0101 · Example Telecom\n\nPhone lines down for customers in the north after a switch upgrade\n--------------------------------------------------------------------\n\nDear customer,\n`;
    expect(inferred(text).title?.value).toBe(
      'Phone lines down for customers in the north after a switch upgrade',
    );
  });

  it('passes over a front-matter title that only names the kind of document', () => {
    const text = `---\ntitle: Service incident review\n---\n\n# Service incident review\n\n## Renew your permit: service unavailable for two hours\n\nText.\n`;
    expect(inferred(text).title?.value).toBe(
      'Renew your permit: service unavailable for two hours',
    );
    // Nothing else in the document: the front-matter title is kept.
    expect(inferred(`---\ntitle: Incident review\n---\n\nShort.\n`).title?.value).toBe(
      'Incident review',
    );
  });
});

describe('import: severities after the fifth set', () => {
  it('reads a rating on a stated scale', () => {
    const text = `# Ledger mismatch\n\n**Incident rating:** Significant (rating 2 on the 1–4 operational risk scale)\n`;
    expect(inferred(text).severity?.value).toBe('SEV2');
  });

  it('reads impact and urgency through the ITIL priority matrix', () => {
    const high = `# Filter blocked exams\n\nImpact: High | Urgency: High | Category: Network\n`;
    expect(inferred(high).severity?.value).toBe('SEV1');
    const mixed = `# Filter blocked exams\n\nImpact: High\nUrgency: Medium\n`;
    expect(inferred(mixed).severity?.value).toBe('SEV2');
    // An impact that is only a level gives way to a severity the text states.
    const declared = `# Filter blocked exams\n\nImpact: High\n\nWe declared Sev 1 at 09:10.\n`;
    expect(inferred(declared).severity?.value).toBe('SEV1');
    expect(inferred(`# Filter blocked exams\n\nImpact: High\n`).severity?.value).toBe('SEV2');
    // An impact written as prose states no severity.
    const prose = `# Filter blocked exams\n\nImpact: high error rates for students in two schools\n`;
    expect(inferred(prose).severity).toBeUndefined();
  });

  it("reads a status page's component status as the impact", () => {
    expect(inferred(`# Login down\n\n**Impact:** 🔴 Major outage\n`).severity?.value).toBe('SEV1');
    expect(inferred(`# Login slow\n\n**Impact:** 🟠 Partial outage\n`).severity?.value).toBe(
      'SEV2',
    );
  });

  it('reads a badge line and a level in brackets on the opening bold line', () => {
    const badge = `# Release rolled back\n\n> 🔴 **S1** · Platform: iOS · Halted at 10%\n\nText.\n`;
    expect(inferred(badge).severity?.value).toBe('SEV1');
    const bold = `**2030-01-02 — mail queue stalled for 10 min (P3)**\n\nNo cause found.\n`;
    expect(inferred(bold).severity?.value).toBe('SEV3');
  });

  it('takes the peak of a severity that changed during the incident', () => {
    const text = `# Packet loss\n\n| Severity | SEV-3 at open → SEV-1 on day 2 → SEV-2 until close |\n|---|---|\n`;
    expect(inferred(text).severity?.value).toBe('SEV1');
    expect(
      inferred(`# X happened\n\nSeverity: SEV3, upgraded to SEV1 at 10:00\n`).severity?.value,
    ).toBe('SEV1');
  });

  it("does not read a vendor ticket's priority as the incident's", () => {
    const text = `# Check-in slow\n\nWe raised a priority-1 ticket with the vendor at 09:10.\n`;
    expect(inferred(text).severity).toBeUndefined();
  });
});

describe('import: dates after the fifth set', () => {
  it('reads dates written day-month-year with a month name and dashes', () => {
    const text = `CITY CLINIC — IT REPORT\n\nDate of event: 07-Jan-2030\nReport approved: 30-Jan-2030\n\n07-Jan-2030 09:12  Server restarted.\n`;
    expect(inferred(text).date?.value).toBe('2030-01-07');
  });

  it('takes the start of an incident date range and of the affected business days', () => {
    const range = `# COE — Discounts lost\n\n| | |\n|---|---|\n| Incident date(s) | 2030-03-02 to 2030-03-06 |\n| Detected | 2030-03-06 |\n`;
    expect(inferred(range).date?.value).toBe('2030-03-02');
    const days = `Subject: Reconciliation break\n\nReport date: 20 March 2030\n\n**Period affected:** business dates 12 March 2030 and 13 March 2030\n\nOn the morning of 13 March 2030 the totals differed.\n`;
    expect(inferred(days).date?.value).toBe('2030-03-12');
  });

  it("dates a meeting's minutes by the incident's agenda item, not the week", () => {
    const text = `# Platform weekly review — week 12 (16–22 March 2030)\n\nDate of meeting: Monday 23 March 2030\n\n## 1. Budgets\n\nFine.\n\n## 2. Incident of the week: search index rebuild starved the API pods\n\nTimes are UTC, Wednesday 18 March:\n\n- 10:00 rebuild started\n`;
    expect(inferred(text).date?.value).toBe('2030-03-18');
  });

  it("reads a chat export's yearless day heading in the year of the export line", () => {
    const text = `**#inc-payments-api — exported thread**\n\nCard refunds failed for an hour after a certificate rotation\n\n> exported from Slack on Fri 3 May 2030\n> review held Tue 7 May\n\n**Thu 2 May**\n\n\`09:00\` **ana**: refunds failing\n`;
    expect(inferred(text).date?.value).toBe('2030-05-02');
  });

  it("takes a post's yearless incident day over the date of a reply", () => {
    const text = `[Resolved] Wiki down for 3 hours on 2 Mar — what happened\n\n*Posted by **admin** · Mar 4, 2030*\n\nThe wiki was down on Monday 2 March.\n\n> **reader** · Mar 5, 2030\n> Thanks!\n`;
    expect(inferred(text).date?.value).toBe('2030-03-02');
  });
});
