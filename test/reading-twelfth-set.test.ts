import { describe, expect, it } from 'vitest';
import { defaultConfig, parsePostmortem, readTokens } from '@hindsight/core';
import { parseEntryTime } from '../core/src/timeline';
import { inferFields } from '../core/src/infer/fields';
import { headingIds } from '../core/src/read/heading-meaning';
import { findingsOf } from './held-out';

// Forms found on the twelfth held-out set (now development data), written here in other words.

describe('dates with dots in a timeline', () => {
  it.each([
    ['12.05.2025 08:40 CEST — Alerts fire', '2025-05-12'],
    ['03.11.2024 — Weekend, nothing new', '2024-11-03'],
  ])('%j', (text, date) => {
    expect(parseEntryTime(text)?.date).toBe(date);
  });

  it('are not read in a version number or a decimal', () => {
    expect(parseEntryTime('2.4.10 rolled out to the canary')?.date).toBeUndefined();
    expect(parseEntryTime('31.13.2025 is no day')?.date).toBeUndefined();
  });

  it('are readable times in a timeline list and in a table with a time column', () => {
    const list = `---\ntitle: T\ndate: 2025-05-12\n---\n\n# T\n\n## Timeline\n\n- 12.05.2025 08:40 CEST — Alerts fire\n- 12.05.2025 09:15 CEST — Rollback\n- 13.05.2025 07:00 CEST — Closed\n`;
    expect(findingsOf(list, 'timeline-time')).toEqual([]);
    expect(parsePostmortem(list).timeline.map((e) => e.time?.text)).toEqual([
      '12.05.2025 08:40 CEST',
      '12.05.2025 09:15 CEST',
      '13.05.2025 07:00 CEST',
    ]);
    const table = `---\ntitle: T\ndate: 2025-05-12\n---\n\n# T\n\n## Timeline\n\n| Date | Time (CET) | What |\n| --- | --- | --- |\n| 12.05.2025 | 22:00 | Export job starts |\n| 12.05.2025 | 23:10 | Export stalls |\n| 13.05.2025 | 06:30 | Restarted |\n`;
    expect(findingsOf(table, 'timeline-time')).toEqual([]);
    expect(parsePostmortem(table).timeline).toHaveLength(3);
  });
});

describe('headings asked as questions', () => {
  it.each([
    ['What happened to customers', 'impact'],
    ['What are we changing?', 'action-items'],
    ['What are we fixing', 'action-items'],
    ['What helped', 'lessons-learned'],
    ["What didn't help", 'lessons-learned'],
    ['How the failure spread', 'root-cause'],
  ])('%j', (heading, id) => {
    expect(headingIds(heading, defaultConfig)).toContain(id);
  });
});

describe('an owner followed by a state after a dash', () => {
  it.each([
    [
      'Add clean-optic checks to the contract — Procurement — Cancelled (covered already)',
      'Procurement',
    ],
    ['Move the reindex after the archive job — Ji-woo — open', 'Ji-woo'],
    ['Rotate the keys yearly — Security Ops — deferred', 'Security Ops'],
  ])('%j', (text, owner) => {
    const t = readTokens(text);
    expect(t.owner).toBe(owner);
    expect(t.title).not.toMatch(/cancelled|open$|deferred/i);
  });

  it('does not make a cancelled item done', () => {
    const pm = parsePostmortem(
      '# T\n\n## Action items\n\n- Add clean-optic checks — Procurement — Cancelled (covered already)\n',
    );
    expect(pm.actions[0]?.done).toBe(false);
  });
});

describe('fields stated outside front matter', () => {
  it('reads the severity and the author of a byline of several parts', () => {
    const pm = parsePostmortem(
      '# Portal outage\n\nSeverity level 2 (on our 1–4 scale, 1 the worst) · Author: Dana Whit · Reviewed 28 March 2025\n\n## What happened?\n\nThe portal was down.\n',
    );
    const { fields } = inferFields(pm, { config: defaultConfig });
    expect(fields.severity?.value).toBe('SEV2');
    expect(fields.authors?.value).toEqual(['Dana Whit']);
  });

  it('reads the rows of an HTML metadata table', () => {
    const pm = parsePostmortem(
      [
        '# Post-Incident Review - OTP delivery failure',
        '',
        '<table>',
        '<tbody>',
        '<tr><th>Incident date</th><td>04 Nov 2025</td></tr>',
        '<tr><th>Priority</th><td>P2</td></tr>',
        '<tr><th>Affected service(s)</th><td>otp-gateway, customer login</td></tr>',
        '</tbody>',
        '</table>',
        '',
        '## Summary',
        '',
        'Codes were not delivered.',
        '',
      ].join('\n'),
    );
    const { fields } = inferFields(pm, { config: defaultConfig });
    expect(fields.severity?.value).toBe('SEV2');
    expect(fields.services?.value).toEqual(['otp-gateway', 'customer login']);
    expect(fields.date?.value).toBe('2025-11-04');
  });
});
