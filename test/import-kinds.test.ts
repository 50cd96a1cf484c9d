import fc from 'fast-check';
import { stringify as tomlString } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
  defaultConfig,
  findDates,
  importPostmortem,
  lintText,
  readTomlFrontMatter,
} from '../core/src/index';

// Kinds of misreading `hindsight import` had on documents in other formats, one invented example
// each: TOML front matter, document dates taken for the incident's, severity and services forms,
// titles outside the H1.
const run = (text: string, fileName = 'notes.md') =>
  importPostmortem(text, { config: defaultConfig, fileName });
const inferred = (text: string, fileName?: string) => run(text, fileName).inferred;

const hugo = [
  '+++',
  'title = "Why the search box went blank for an hour"',
  'date = 2026-05-12T08:30:00+02:00',
  'draft = false',
  'slug = "search-box-blank"',
  '# the theme wants a list here',
  'tags = ["search", "postmortem"]',
  '',
  '[params]',
  'hero = "blank.png"',
  '+++',
  '',
  'On Wednesday 6 May 2026 our search box returned nothing between 14:10 and 15:05.',
  '',
  '## What broke',
  '',
  'The suggestion index was rebuilt with an empty synonyms file.',
  '',
].join('\n');

describe('import: Hugo TOML front matter', () => {
  it('reads the title and tags from TOML and dates the incident before the post', () => {
    const result = run(hugo);
    expect(result.refusal).toBeUndefined();
    expect(result.inferred.title).toMatchObject({
      value: 'Why the search box went blank for an hour',
      from: 'front matter line 2',
    });
    expect(result.inferred.date?.value).toBe('2026-05-06');
    expect(result.inferred.tags?.value).toEqual(expect.arrayContaining(['search', 'postmortem']));
  });

  it('writes YAML front matter with every TOML key and keeps the body byte for byte', () => {
    const { text } = run(hugo);
    expect(text.startsWith('---\n')).toBe(true);
    expect(text).not.toContain('+++');
    const body = hugo.slice(hugo.indexOf('+++\n', 4) + 4);
    expect(text.endsWith(body)).toBe(true);
    expect(text).toContain('slug: search-box-blank');
    expect(text).toContain('hero: blank.png');
    expect(text).toContain('# before import: date: 2026-05-12T08:30:00+02:00');
    expect(run(hugo).findings.some((f) => /TOML front matter .* YAML/.test(f.message))).toBe(true);
  });

  it('gives lint a file it reads, and a second import changes nothing', () => {
    const { text } = run(hugo);
    const lint = lintText(text, { config: defaultConfig, today: '2026-11-30' });
    expect(lint.postmortem?.frontMatter?.data?.title).toBe(
      'Why the search box went blank for an hour',
    );
    expect(lint.findings.some((f) => f.rule === 'front-matter-missing')).toBe(false);
    expect(run(text).changed).toBe(false);
  });

  it('keeps CRLF line endings when it converts', () => {
    const crlf = hugo.replace(/\n/g, '\r\n');
    const { text } = run(crlf);
    expect(text.startsWith('---\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });

  it('refuses TOML it cannot read, with the line of the mistake', () => {
    const bad = ['+++', 'title = "ok"', 'date = = 2026', '+++', '', 'Body.'].join('\n');
    const result = run(bad);
    expect(result.refusal?.message).toMatch(/not valid TOML/);
    expect(result.refusal?.line).toBe(3);
    expect(result.text).toBe(bad);
  });

  it('refuses a TOML block that is never closed', () => {
    const result = run(['+++', 'title = "x"', '', '# Heading'].join('\n'));
    expect(result.refusal?.message).toMatch(/never closed/);
  });

  it('reads arrays, booleans, numbers and dates as plain values', () => {
    const toml = readTomlFrontMatter(
      '+++\nweight = 3\ndraft = true\nday = 2026-01-02\nlist = ["a", "b"]\n+++\nBody\n',
    );
    expect(toml?.data).toEqual({ weight: 3, draft: true, day: '2026-01-02', list: ['a', 'b'] });
    expect(toml?.end).toBe(
      '+++\nweight = 3\ndraft = true\nday = 2026-01-02\nlist = ["a", "b"]\n+++\n'.length,
    );
    expect(readTomlFrontMatter('---\ntitle: x\n---\n')).toBeUndefined();
  });
});

describe('import of TOML front matter (property)', () => {
  const value = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.integer({ min: -1000, max: 100000 }),
    fc.boolean(),
    fc.array(fc.string({ maxLength: 12 }), { maxLength: 4 }),
  );
  const table = fc.dictionary(
    fc.stringMatching(/^[a-z][a-z0-9 _-]{0,12}$/).map((k) => `x_${k}`),
    value,
    { maxKeys: 6 },
  );
  const line = fc.oneof(
    fc.constantFrom('# Title', '## Timeline', '- 10:00 alert', '+++', '---', '', '| a | b |'),
    fc.string({ maxLength: 40 }).map((s) => s.replace(/[\r\n]/g, ' ')),
  );
  const body = fc
    .tuple(fc.array(line, { maxLength: 15 }), fc.constantFrom('\n', '\r\n'))
    .map(([lines, eol]) => ({ text: lines.join(eol) + eol, eol }));

  it('keeps every key and value, and the body byte for byte', () => {
    fc.assert(
      fc.property(table, fc.string({ minLength: 1, maxLength: 30 }), body, (data, title, b) => {
        const toml = tomlString({ title, ...data }).replace(/\n/g, b.eol);
        const input = `+++${b.eol}${toml}+++${b.eol}${b.text}`;
        const r = run(input);
        expect(r.refusal).toBeUndefined();
        expect(r.text.endsWith(b.text)).toBe(true);
        const yaml = r.text.slice(0, r.text.length - b.text.length);
        const fm = parseYaml(yaml.replace(/^---\r?\n/, '').replace(/---\r?\n$/, '')) as Record<
          string,
          unknown
        >;
        for (const [k, v] of Object.entries(data)) expect(fm[k]).toEqual(v);
        expect(run(r.text).text).toBe(r.text);
      }),
      { numRuns: Number(process.env.HINDSIGHT_PROPERTY_RUNS ?? 100) },
    );
  });
});

describe('import: the incident date before document dates', () => {
  it("prefers an 'Impact started' label to a tracker's created_at and an export line", () => {
    const text = [
      '---',
      'name: "INC-77: Webhooks delayed"',
      'created_at: 2026-02-03T10:00:00Z',
      '---',
      '',
      '> Exported from the incident tool on 2026-02-09',
      '',
      '## Key times',
      '',
      '- **Impact started:** 2026-02-02 22:40 UTC',
    ].join('\n');
    expect(inferred(text).date).toMatchObject({ value: '2026-02-02', line: 10 });
  });

  it("reads an 'Incident window' label rather than an earlier release in the timeline", () => {
    const text = [
      '# Five whys: worker restarts',
      '',
      'Incident window: 2026-03-10 → 2026-03-12',
      '',
      '## Timeline',
      '',
      '| Date | Time | Event |',
      '|---|---|---|',
      '| 2026-03-01 | 10:00 | Release with the leak |',
      '| 2026-03-10 | 06:00 | First restarts |',
    ].join('\n');
    expect(inferred(text).date?.value).toBe('2026-03-10');
  });

  it('skips a last-edited line for the date in the text', () => {
    const text = [
      '# Login page slow',
      '',
      'Last edited: 2026-07-30',
      '',
      'Logins took 20 seconds on 2026-07-21 while the session store compacted.',
    ].join('\n');
    expect(inferred(text).date?.value).toBe('2026-07-21');
  });

  it("reads Jira's 14/Mar/25 dates", () => {
    expect(findDates('|09/Apr/26 09:31|Vendor 503s begin|').map((d) => d.iso)).toEqual([
      '2026-04-09',
    ]);
    expect(findDates('Resolved: 3/Jan/2026').map((d) => d.iso)).toEqual(['2026-01-03']);
  });

  it('takes the first day of a range whose year is written once', () => {
    const text = [
      '# Absence records missing',
      '',
      '*Published 2026-03-02.*',
      '',
      'Between Monday 9 February and Thursday 12 February 2026 the records were read-only.',
    ].join('\n');
    expect(inferred(text).date?.value).toBe('2026-02-09');
    expect(findDates('from 30 December to 2 January 2026').map((d) => d.iso)).toEqual([
      '2025-12-30',
      '2026-01-02',
    ]);
  });

  it('reads slashed dates day first when another date of the document has a day above 12', () => {
    const text = [
      '# Batch ran twice',
      '',
      '| # | Date | Time | Event |',
      '|---|---|---|---|',
      '| 1 | 04/03/2026 | 01:00 | Batch starts |',
      '| 2 | 25/03/2026 | 09:00 | Refunds complete |',
    ].join('\n');
    expect(inferred(text).date?.value).toBe('2026-03-04');
  });

  it('reads them month first when a month-first date settles it', () => {
    const text = [
      '# Batch ran twice',
      '',
      'It started on 04/03/2026 and was fixed on 04/15/2026.',
    ].join('\n');
    expect(inferred(text).date?.value).toBe('2026-04-03');
  });

  it('reads a detection label when no start is written, before a deploy in the timeline', () => {
    const text = [
      '# Stale prices on the shop',
      '',
      '**Detected at:** 2026-08-11 07:40 UTC',
      '',
      '## Timeline',
      '',
      '- 2026-08-09 16:00 Cache TTL change deployed',
      '- 2026-08-11 07:40 Customer reports stale prices',
    ].join('\n');
    expect(inferred(text).date).toMatchObject({ value: '2026-08-11', line: 3 });
  });

  it('reads dashed day-first dates the same way', () => {
    const text = ['# Batch ran twice', '', 'Started 04-03-2026, closed 19-03-2026.'].join('\n');
    expect(inferred(text).date?.value).toBe('2026-03-04');
  });

  it("skips a report's own date line for the incident date below it", () => {
    const text = [
      '# Tills offline',
      '',
      'Report date: 2026-06-20',
      '',
      'The tills in every shop went offline at 09:00 on Saturday; card payments failed until 10:30.',
      '',
      'Our records show the failure began 2026-06-13 when the certificate rotated.',
    ].join('\n');
    expect(inferred(text).date?.value).toBe('2026-06-13');
  });

  it('says to check a slashed date nothing in the document settles', () => {
    const result = run(['# Batch ran twice', '', 'It started on 04/03/2026 at night.'].join('\n'));
    expect(result.inferred.date?.confidence).toBeLessThanOrEqual(0.5);
    expect(result.findings.some((f) => /day or the month comes first/.test(f.message))).toBe(true);
  });
});

describe('import: severity as teams write it', () => {
  const severityOf = (line: string) =>
    inferred(`# Cache outage\n\n${line}\n\nText.\n`).severity?.value;

  it('reads a level behind an emoji', () => {
    expect(severityOf('Severity: 🟠 High')).toBe('SEV2');
  });

  it('reads GitHub and GitLab scoped labels', () => {
    expect(severityOf('Labels: `bug` `sev/3` `area/api`')).toBe('SEV3');
    expect(severityOf('- **Severity:** ~"severity::1"')).toBe('SEV1');
    const fm = [
      '---',
      'title: Cache outage',
      'labels: [incident, "severity::2"]',
      '---',
      '',
      'Text.',
    ];
    expect(inferred(fm.join('\n')).severity?.value).toBe('SEV2');
  });

  it('reads a classification row that opens with a level, and not one that does not', () => {
    expect(severityOf('| Classification | S3 — degraded search |')).toBe('SEV3');
    expect(severityOf('| Classification | Internal use only |')).toBeUndefined();
  });

  it('reads impact level, priority and level lines', () => {
    expect(severityOf('| Impact level | 2 - High |')).toBe('SEV2');
    expect(severityOf('Priority: High')).toBe('SEV2');
    expect(severityOf('Level: 3')).toBe('SEV3');
    expect(severityOf('| Priority | 1 - Critical |')).toBe('SEV1');
    expect(severityOf('Severity 2 – Major')).toBe('SEV2');
  });

  it('reads a severity stated inside a numbered paragraph or a sentence', () => {
    expect(severityOf('1.3 The incident was declared **Severity 1** at 02:10.')).toBe('SEV1');
    expect(severityOf('No money moved; twelve customers re-imported. Sev: S2.')).toBe('SEV2');
  });

  it("reads 'none assigned' as no severity, even beside a level it would have had", () => {
    const result = run('# Near miss\n\n**Severity:** none assigned (would have been SEV1)\n');
    expect(result.inferred.severity).toBeUndefined();
    expect(result.findings.some((f) => /no severity was assigned/.test(f.message))).toBe(true);
  });
});

describe('import: services from labelled fields', () => {
  const servicesOf = (text: string) => inferred(text).services?.value;

  it('reads table rows of other templates', () => {
    expect(
      servicesOf('# Outage\n\n| | |\n|---|---|\n| Business services | Billing, Card payments |\n'),
    ).toEqual(['Billing', 'Card payments']);
    expect(
      servicesOf(
        '# Problem\n\n| Field | Value |\n|---|---|\n| Configuration items | idp-01, mail relay |\n',
      ),
    ).toEqual(['idp-01', 'mail relay']);
  });

  it('reads label lines such as services touched, affected systems and Component/s', () => {
    expect(servicesOf('# outage\n\nservices touched: cart-api, stock worker\n')).toEqual([
      'cart-api',
      'stock worker',
    ]);
    expect(servicesOf('# Outage\n\nAffected systems: VPN, payroll\n')).toEqual(['VPN', 'payroll']);
    expect(servicesOf('# Outage\n\nComponent/s:\tsearch-api, indexer\n')).toEqual([
      'search-api',
      'indexer',
    ]);
  });

  it('reads an upper-case label line over a sentence that lists the systems', () => {
    const text = [
      'Dear all,',
      '',
      'SYSTEMS AFFECTED',
      '',
      'The ticket portal, the staff intranet and shared drives. Email was not affected.',
    ].join('\n');
    expect(servicesOf(text)).toEqual(['ticket portal', 'staff intranet', 'shared drives']);
  });

  it('drops a qualifier that every service shares', () => {
    expect(servicesOf('# Outage\n\n**Affected:** queue (FRA-1), api (FRA-1)\n')).toEqual([
      'queue',
      'api',
    ]);
    expect(servicesOf('# Outage\n\n**Affected:** queue (Kafka), api\n')).toEqual([
      'queue (Kafka)',
      'api',
    ]);
  });

  it('reads scoped service labels', () => {
    expect(servicesOf('# Outage\n\nLabels: ~incident ~"service::checkout"\n')).toEqual([
      'checkout',
    ]);
  });

  it('does not take services from prose', () => {
    expect(
      servicesOf('# Outage\n\nThe billing service and the card gateway were down.\n'),
    ).toBeUndefined();
  });
});

describe('import: titles outside a plain H1', () => {
  const titleOf = (text: string) => inferred(text).title?.value;

  it('takes the H2 under a house header H1', () => {
    const text = [
      '# Northwind Hosting — Incident Retrospective',
      '',
      '## Object storage rejected uploads in region B',
      '',
      '### Summary',
      '',
      'Uploads failed.',
    ].join('\n');
    expect(titleOf(text)).toBe('Object storage rejected uploads in region B');
  });

  it('keeps the H1 when the H2 below it is a house section, not a title', () => {
    for (const h2 of ['Key information', 'Revision history', 'Context'])
      expect(titleOf(`# Payments Outage — Postmortem\n\n## ${h2}\n\nText.\n`)).toBe(
        'Payments Outage',
      );
  });

  it('keeps an H1 that describes the incident even when an H2 follows', () => {
    const text = ['# Checkout outage — Postmortem', '', '## Summary', '', 'Checkout failed.'].join(
      '\n',
    );
    expect(titleOf(text)).toBe('Checkout outage');
  });

  it('takes the setext H2 under a generic setext H1', () => {
    const text = [
      'Acme Ltd — Platform team',
      '',
      'Incident Review',
      '===============',
      '',
      'Queue stalled after a broker upgrade',
      '------------------------------------',
      '',
      'Incident date: 2026-01-05',
    ].join('\n');
    expect(titleOf(text)).toBe('Queue stalled after a broker upgrade');
  });

  it("takes the line after a letterhead's kind-of-document line", () => {
    const text = [
      'NORTHGATE BUILDING SOCIETY',
      '',
      'ROOT CAUSE ANALYSIS REPORT',
      '',
      'Mortgage Portal Outage, 3 March 2026',
      '',
      'Document reference: RCA-2026-004',
      '',
      '## 1. Summary',
    ].join('\n');
    expect(titleOf(text)).toBe('Mortgage Portal Outage, 3 March 2026');
  });

  it('takes the Document row of a headerless metadata table', () => {
    const text = [
      '| | |',
      '|---|---|',
      '| **Document** | Postmortem: Avatars missing on profile pages |',
      '| **Authors** | Ana, Ben |',
      '',
      '**Summary**',
      '',
      'For an hour every avatar on every profile page was a grey square.',
    ].join('\n');
    expect(titleOf(text)).toBe('Avatars missing on profile pages');
  });

  it('takes the Subject line of an e-mail', () => {
    const text = [
      'From: Ops <ops@example.test>',
      'To: all@example.test',
      'Subject: [Post-Incident Report] Print servers offline in building 4',
      '',
      'Dear colleagues,',
    ].join('\n');
    expect(titleOf(text)).toBe('Print servers offline in building 4');
  });

  it("reads the title of Jira's text export without its key and fields", () => {
    const text = [
      '[PAY-812] Refunds stuck in pending after queue upgrade Created: 02/Feb/26  Updated: 09/Feb/26',
      '',
      'Status:\tClosed',
      'Priority:\tHigh',
    ].join('\n');
    expect(titleOf(text)).toBe('Refunds stuck in pending after queue upgrade');
    expect(titleOf('# [OPS-77] Search index stale\n\nText.\n')).toBe('Search index stale');
  });

  it('drops the section number a numbered export gives its title', () => {
    expect(titleOf('# 1. Incident: Payment page timeouts\n\nText.\n')).toBe(
      'Payment page timeouts',
    );
    expect(titleOf('# 3.5 hours of degraded search\n\nText.\n')).toBe(
      '3.5 hours of degraded search',
    );
  });

  it("drops an issue's number after the title", () => {
    expect(titleOf('# Incident: sign-ups failed after the captcha change #4821\n\nText.\n')).toBe(
      'Sign-ups failed after the captcha change',
    );
    expect(titleOf('# Search brownout (INC #18842)\n\nText.\n')).toBe(
      'Search brownout (INC #18842)',
    );
  });
});
