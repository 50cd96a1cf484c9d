import { describe, expect, it } from 'vitest';
import {
  defaultConfig,
  importPostmortem,
  parsePostmortem,
  suggestRootCause,
} from '../core/src/index';

// Field inference of `hindsight import` on invented documents in other teams' formats.
const inferred = (text: string, fileName = 'incident.md') =>
  importPostmortem(text, { config: defaultConfig, fileName }).inferred;

describe('import: the incident date, not the document date', () => {
  it("skips an issue's opened date for the date the text gives the incident", () => {
    const text = [
      '# Postmortem: search index lost its synonyms',
      '',
      '**Closed** · opened by @dana-ito on Mar 9, 2026 · 3 comments',
      '',
      '### Summary',
      '',
      'On **Mar 6, 2026**, a reindex dropped the synonym table and searches for "sofa" found no couches.',
    ].join('\n');
    expect(inferred(text).date).toMatchObject({ value: '2026-03-06', line: 7 });
  });

  it('skips an approval date in a report header for the incident date in the summary', () => {
    const text = [
      'Quarterly Review Board',
      '',
      'Revision 3, approved by the Change Advisory Board on 02/04/2026',
      '',
      '## 1. Overview',
      '',
      'On Friday 13 March 2026, between 09:10 and 10:02, the payroll export wrote empty files.',
    ].join('\n');
    expect(inferred(text).date?.value).toBe('2026-03-13');
  });

  it("skips an e-mail's Date: header for an outage-start label below it", () => {
    const text = [
      'From: Network Operations <noc@example.test>',
      'To: Customers',
      'Date: Fri, 20 Feb 2026 11:00:00 +0000',
      'Subject: Reason for outage, Bristol ring',
      '',
      'Dear Customer,',
      '',
      'START OF OUTAGE: 17/02/2026 07:12 GMT',
      'SERVICE RESTORED: 17/02/2026 09:40 GMT',
    ].join('\n');
    expect(inferred(text).date).toMatchObject({ value: '2026-02-17', line: 8 });
  });

  it('reads an incident-date label before a plain Date: label', () => {
    const text = [
      '# Report',
      '',
      'Date: 2026-04-20',
      'Incident date: 2026-04-14',
      '',
      '## Summary',
      '',
      'Exports failed.',
    ].join('\n');
    expect(inferred(text).date).toMatchObject({ value: '2026-04-14', line: 4 });
  });

  it("reads a post's weekday-and-month date before its posted date, in the post's year", () => {
    const text = [
      'Subject: Why the invoices went out twice',
      'Posted by Lee Park · Accounts board · Friday, January 16, 2026',
      '',
      'Hi all, here is what happened.',
      '',
      'On Wednesday, January 14 around 4pm the billing run started again after a restart.',
    ].join('\n');
    const r = importPostmortem(text, { config: defaultConfig, fileName: 'invoices.md' });
    expect(r.inferred.date).toMatchObject({ value: '2026-01-14', line: 6 });
    expect(r.findings.map((f) => f.message).join('\n')).toContain(
      'Line 2 dates the document 2026-01-16',
    );
  });

  it("prefers a note's dated heading to its `created` key, and incident_start to the timeline", () => {
    const note = [
      '---',
      'created: 2026-05-12',
      '---',
      '',
      '# 2026-05-08 Map tiles missing',
      '',
      'Tiles were blank.',
    ].join('\n');
    expect(inferred(note).date).toMatchObject({ value: '2026-05-08', line: 5 });
    const started = [
      '---',
      'name: Gateway restarts',
      'incident_start: 2026-06-03T02:15:00Z',
      '---',
      '',
      '## Sequence',
      '',
      '* 2026-05-30 10:00 — release 2.1 deployed.',
      '* 2026-06-03 02:15 — first restart.',
    ].join('\n');
    const r = inferred(started);
    expect(r.date).toMatchObject({ value: '2026-06-03', from: 'front matter line 3' });
    expect(r.started?.value).toBe('2026-06-03T02:15:00Z');
  });

  it('reads a date among several fields on one indented line', () => {
    const text = [
      '# Slow checkouts after the proxy swap',
      '',
      '!!! info "Review"',
      '    **Ticket:** OPS-12 · **Date:** 21 April 2026 · **Severity:** SEV3',
      '',
      '## Timeline',
      '',
      '| When | What |',
      '|---|---|',
      '| 2026-04-24 09:00 | Timeout raised |',
    ].join('\n');
    const r = inferred(text);
    expect(r.date).toMatchObject({ value: '2026-04-21', line: 4 });
    expect(r.severity?.value).toBe('SEV3');
  });
});

describe('import: severity as stated', () => {
  it('reads "Priority 1" over the words "Major Incident" beside it', () => {
    const text =
      '# Notice\n\n**Reference:** MI-7 (Major Incident, Priority 1)\n\nEmail was down.\n';
    expect(inferred(text).severity?.value).toBe('SEV1');
  });

  it('reads "Severity 1" in a section over a later "major incident declared" timeline row', () => {
    const text = [
      '# Card outage',
      '',
      '## Severity',
      '',
      'The incident was classified as Severity 1 (Critical).',
      '',
      '## Timeline',
      '',
      '| Time | Event |',
      '|---|---|',
      '| 10:02 | Major incident declared |',
    ].join('\n');
    expect(inferred(text).severity).toMatchObject({ value: 'SEV1', line: 5 });
  });

  it('maps a labelled value with a numbered level after a word to the number', () => {
    const text = '# Outage\n\nSeverity: Major (Sev 3)\n\nText.\n';
    expect(inferred(text).severity?.value).toBe('SEV3');
  });
});

describe('import: services and authors from labelled fields', () => {
  it.each([
    ['Component/s:\tbilling-api, invoice-worker', ['billing-api', 'invoice-worker']],
    [
      '**Service(s) affected:** Staff Portal (SSO), timesheets',
      ['Staff Portal (SSO)', 'timesheets'],
    ],
    [
      'This incident affected: Webhooks (US), Public API, and Dashboard.',
      ['Webhooks (US)', 'Public API', 'Dashboard'],
    ],
    ['| 対象 / Services | web-shop (EU), CDN |', ['web-shop (EU)', 'CDN']],
    ['services:: [[geo-proxy]], [[quote-api]]', ['geo-proxy', 'quote-api']],
    ['**Services:** cart-api, edge-waf · **Teams:** Web', ['cart-api', 'edge-waf']],
    ['Systems impacted: ledger (all regions on the old cluster), reports', ['ledger', 'reports']],
  ])('reads %j', (line, services) => {
    const text = `# Outage\n\n${line}\n\n## Summary\n\nThings broke.\n`;
    expect(inferred(text).services?.value).toEqual(services);
  });

  it('reads the list under a "Systems in scope" heading, leaving out what was not affected', () => {
    const text = [
      '# Report',
      '',
      '## Summary',
      '',
      'Transfers failed.',
      '',
      '### Appendix A — Systems in scope',
      '',
      '- Transfer Engine (three nodes, both data centres)',
      '- Rates cache: two replicas',
      '- Statement printer (not affected)',
    ].join('\n');
    expect(inferred(text).services).toMatchObject({
      value: ['Transfer Engine', 'Rates cache'],
      line: 7,
    });
  });

  it('takes an author from the second cell of a wider table row and drops the job title', () => {
    const text = [
      '# Report',
      '',
      '| Role | Name | Date |',
      '|---|---|---|',
      '| Author | Rosa Delgado, Incident Manager | 27/05/2026 |',
    ].join('\n');
    expect(inferred(text).authors?.value).toEqual(['Rosa Delgado']);
  });

  it('stops an author at the next field on the line', () => {
    const text = '# RCA\n\nAuthor: Omar Haddad · Reviewers: Ines Vidal, Tom Weir\n';
    expect(inferred(text).authors?.value).toEqual(['Omar Haddad']);
  });

  it('does not take the docs site a page lives in for a service', () => {
    const text = [
      '# Errors after the migration',
      '',
      'This page lives in the `team-handbook` docs site; edit it through a pull request.',
      '',
      '## Summary',
      '',
      'The `order-router` dropped requests.',
    ].join('\n');
    expect(inferred(text).services?.value).toEqual(['order-router']);
  });
});

describe("import: root-cause signals in any team's words", () => {
  const suggestFor = (text: string) =>
    suggestRootCause(parsePostmortem(text, { config: defaultConfig }), defaultConfig);

  it('reads a category the writer states in a sentence: "This was a code defect"', () => {
    const got = suggestFor(
      '# Invoices stuck\n\n## Root cause\n\nOne order had a quantity of zero and the invoice job stopped on it. This was a code defect, made worse by the retry policy.\n',
    );
    expect(got.id).toBe('code-defect');
    expect(got.explanation).toContain("'code defect'");
  });

  it('does not read "it was a data center" as a stated Data cause', () => {
    const got = suggestFor(
      '# Outage\n\n## Root cause\n\nIt was a data center in Leeds that lost both power feeds; the UPS failed over late.\n',
    );
    expect(got.ranking.find((r) => r.id === 'data')?.evidence ?? []).not.toContainEqual(
      expect.objectContaining({ phrase: 'data' }),
    );
  });

  it('discounts what a sentence says was not the problem, and reads load it fell over under', () => {
    const got = suggestFor(
      "# Launch weekend\n\n## What went wrong\n\nOur hosting provider lets us add servers in minutes, so those weren't the problem. The account database was sized for our usual traffic and fell over under the load.\n",
    );
    expect(got.id).toBe('capacity');
    expect(got.ranking.find((r) => r.id === 'dependency')).toBeUndefined();
  });

  it('reads a new firewall rule that was deployed as a configuration change', () => {
    const got = suggestFor(
      '# Checkout blocked\n\n## Description\n\nA new firewall rule meant to stop scraping blocked real customers behind shared addresses. The rule was deployed straight to block mode.\n',
    );
    expect(got.id).toBe('config-change');
  });

  it('reads an unhandled exception named in code as a code defect', () => {
    const got = suggestFor(
      '# Payments queue stalled\n\n## Root cause\n\nThe validator threw an unhandled `ParseException` on a trailing space and the worker kept retrying the same message.\n',
    );
    expect(got.ranking[0]!.id).toBe('code-defect');
    expect(got.explanation).toContain('unhandled `ParseException`');
  });
});

describe('import: a post dated when it went out', () => {
  const post = [
    '---',
    'layout: post',
    'title: "What happened during our flash sale"',
    'date: 2020-07-08',
    'author: Marguerite',
    '---',
    '',
    'On Tuesday, June 30, 2020, our connection pools ran dry during the flash sale.',
    '',
  ].join('\n');

  it('writes the incident date the text names, the publish date kept as a comment above it', () => {
    const result = importPostmortem(post, { config: defaultConfig, fileName: 'flash-sale.md' });
    expect(result.inferred.date?.value).toBe('2020-06-30');
    expect(result.text).toContain('# before import: date: 2020-07-08\ndate: 2020-06-30\n');
    expect(result.text.endsWith(post.slice(post.indexOf('\n---\n') + 5))).toBe(true);
    const again = importPostmortem(result.text, {
      config: defaultConfig,
      fileName: 'flash-sale.md',
    });
    expect(again.changed).toBe(false);
  });

  it('leaves a date that is the incident date as written', () => {
    const result = importPostmortem(post.replace('date: 2020-07-08', 'date: 2020-06-30'), {
      config: defaultConfig,
      fileName: 'flash-sale.md',
    });
    expect(result.text).toContain('\ndate: 2020-06-30\n');
    expect(result.text).not.toContain('before import: date');
  });
});
