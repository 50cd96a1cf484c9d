import { describe, expect, it } from 'vitest';
import { defaultConfig, importPostmortem, parsePostmortem } from '@hindsight/core';
import { findingsOf, withActionItems as items } from './held-out';

// Forms found on the seventeenth held-out set (bench/eval/holdout17, now development data), written
// here in other words.

describe('a heading over sections of its own', () => {
  const doc = (review: string) =>
    `# DNS drops\n\n${review}\n\n### Summary\n\nResolvers dropped queries.\n\n### Metrics\n\n- 61% of queries answered.\n\n## Customer Impact\n\nCI jobs failed.\n\n## Root Cause\n\nAn ACL.\n\n## Resolution\n\nThe ACL was reverted.\n`;

  it('is not empty when its content is in the sections under it', () => {
    expect(findingsOf(doc('## Incident Review'), 'empty-section')).toEqual([]);
  });

  it('is empty when nothing stands under it', () => {
    const text = `# DNS drops\n\n## Summary\n\n## Timeline\n\n- 10:00 Alert\n\n## Root Cause\n\nAn ACL.\n`;
    expect(findingsOf(text, 'empty-section').map((f) => f.message)).toEqual([
      expect.stringContaining("Section 'Summary' is empty"),
    ]);
  });
});

describe('owners and due periods around a state', () => {
  const owners = (text: string) => findingsOf(text, 'action-owner').map((f) => f.range.start.line);
  const dues = (text: string) => findingsOf(text, 'action-due-date').map((f) => f.message);

  it('reads the owner before a target or a wait after a dash', () => {
    const text = items(
      '- [ ] Route card traffic to a second acquirer — Elif Şahin — target Q3 2023',
      '- [ ] Ask the vendor for a status-page SLA — procurement — waiting on vendor',
      '- [ ] Review the contract — Legal team — blocked on the renewal',
      '- [ ] Add a fallback route — target Q4 2023',
    );
    expect(owners(text)).toEqual([12]);
  });

  it('reads a name in brackets before its due date, with the state after it', () => {
    const text = items(
      '1. Lint for probe overrides (Julia Brandt, due 2023-09-15) — in progress',
      '2. Weekly report of optional gates (Release engineering, due 2023-10-15) — not started',
      '3. Mandatory canary stage (due 2023-09-01) — in progress',
    );
    expect(owners(text)).toEqual([11]);
  });

  it('reads a quarter in the bracket of a state, or after a deferral, as the due period', () => {
    expect(
      dues(
        items(
          '5. Game day on the session store — SRE team — Planned (Q3)',
          '- [ ] Upgrade the client library — @ana — deferred to Q3 platform upgrade',
        ),
      ),
    ).toEqual([]);
    expect(
      dues(items('- [ ] Upgrade the client library — @ana — deferred to the next upgrade')),
    ).toEqual([expect.stringContaining('is not a real date')]);
  });
});

describe('a status page whose posts open with their time', () => {
  const page = [
    '# [Resolved] Connection failures in Asia-Pacific',
    '',
    '### Resolved',
    '',
    '**Mar 6, 02:15 AM PST** — Traffic has been normal for an hour. We are marking this resolved.',
    '',
    '### Monitoring',
    '',
    '**Mar 6, 12:58 AM PST** — The provider filtered the routes. We are monitoring.',
    '',
    '### Investigating',
    '',
    '**Mar 5, 11:41 PM PST** — We are investigating reports of timeouts.',
    '',
    '### What happened',
    '',
    'A route leak.',
    '',
  ].join('\n');

  it('reads the posts as the timeline, newest first without a finding', () => {
    const pm = parsePostmortem(page, { config: defaultConfig });
    expect(pm.timeline.map((e) => e.time?.text)).toEqual([
      'Mar 6, 02:15 AM PST',
      'Mar 6, 12:58 AM PST',
      'Mar 5, 11:41 PM PST',
    ]);
    expect(findingsOf(page, 'timeline-order')).toEqual([]);
    expect(
      findingsOf(page, 'required-section').filter((f) => f.message.includes("'Timeline'")),
    ).toEqual([]);
  });
});

describe('import: what a document says of its own dates and levels', () => {
  const inferred = (text: string, fileName = 'incident.md') =>
    importPostmortem(text, { config: defaultConfig, fileName }).inferred;
  const table = (date: string, priority = 'P2') =>
    `# Proxy rejected uploads\n\n| Date | Priority | Author |\n|---|---|---|\n| ${date} | ${priority} | Ana |\n\n## Summary\n\nUploads over 10 MB failed.\n`;

  it('reads a slashed date as the document says it writes them', () => {
    expect(inferred(table('10/07/2024 (US format)')).date?.value).toBe('2024-10-07');
    expect(inferred(table('10/07/2024 (DD/MM/YYYY)')).date?.value).toBe('2024-07-10');
  });

  it('reads an unsettled slashed date the way the file name has it', () => {
    const text = table('10/07/2024') + '\nWe noticed it on 7 October.\n';
    expect(inferred(text, '2024-10-07-proxy.md').date?.value).toBe('2024-10-07');
    expect(inferred(text, '2024-07-10-proxy.md').date?.value).toBe('2024-07-10');
  });

  it('reads P1 as the second level when the priorities start at P0', () => {
    const scale = '\n> Priorities: P0 = total outage, P1 = major degradation, P2 = partial.\n';
    expect(inferred(table('2024-10-07', 'P1') + scale).severity?.value).toBe('SEV2');
    expect(inferred(table('2024-10-07', 'P0') + scale).severity?.value).toBe('SEV1');
    expect(inferred(table('2024-10-07', 'P1')).severity?.value).toBe('SEV1');
  });
});
