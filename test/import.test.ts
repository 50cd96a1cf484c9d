import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../cli/src/main';
import {
  defaultConfig,
  importPostmortem,
  lintText,
  mapSeverity,
  parsePostmortem,
} from '../core/src/index';

const imported = (text: string, fileName = 'incident.md') =>
  importPostmortem(text, { config: defaultConfig, fileName });
/** The front matter an import wrote, as a map. */
const frontMatter = (text: string) => parsePostmortem(text).frontMatter?.data ?? {};

const PLAIN = [
  '# Checkout outage on 2024-03-13',
  '',
  'Severity: SEV-2',
  'Authors: Ana Lima, Ben Okafor',
  '',
  '## Summary',
  '',
  'Card payments failed for 47 minutes after the payment pool ran out of connections during the peak.',
  '',
  '## Root Cause',
  '',
  "The connection pool was sized for last year's traffic; it was exhausted and ran out of connections at peak load.",
  '',
].join('\n');

describe('importPostmortem', () => {
  it('adds front matter inferred from the text, each field with where it came from', () => {
    const r = imported(PLAIN);
    expect(r.changed).toBe(true);
    expect(r.text.endsWith(PLAIN)).toBe(true);
    expect(frontMatter(r.text)).toMatchObject({
      title: 'Checkout outage on 2024-03-13',
      date: '2024-03-13',
      status: 'published',
      severity: 'SEV2',
      root_cause: 'capacity',
      authors: ['Ana Lima', 'Ben Okafor'],
    });
    expect(r.inferred.title).toMatchObject({ from: 'line 1', confidence: 0.9 });
    expect(r.inferred.severity).toMatchObject({ value: 'SEV2', from: 'line 3' });
    expect(r.inferred.status).toMatchObject({ value: 'published', from: 'default' });
    expect(r.inferred.root_cause!.from).toMatch(/^lines? \d+/);
  });

  it('keeps the body character for character, with CRLF line endings', () => {
    const crlf = PLAIN.replace(/\n/g, '\r\n');
    const r = imported(crlf);
    expect(r.text.endsWith(crlf)).toBe(true);
    expect(r.text.slice(0, r.text.length - crlf.length)).toMatch(
      /^---\r\n(?:[^\r\n]+\r\n)+---\r\n$/,
    );
  });

  it('leaves a conforming postmortem unchanged, so importing twice changes nothing', () => {
    const once = imported(PLAIN).text;
    const twice = imported(once);
    expect(twice.changed).toBe(false);
    expect(twice.text).toBe(once);
  });

  it('replaces a value Hindsight cannot read on its line and keeps the original as a comment', () => {
    const text =
      '---\ntitle: Checkout outage\ndate: 2023-04-02 10:00:00 +0000\nseverity: Sev 1\nstatus: complete\nroot_cause: Capacity\nservices: [checkout]\n---\n\nBody.\n';
    const r = imported(text);
    expect(r.text).toContain('# before import: severity: Sev 1\nseverity: SEV1\n');
    expect(r.text).toContain('# before import: status: complete\nstatus: published\n');
    expect(r.text).toContain('# before import: root_cause: Capacity\nroot_cause: capacity\n');
    expect(r.text).toContain(
      '# before import: date: 2023-04-02 10:00:00 +0000\ndate: 2023-04-02\n',
    );
    expect(r.text).toContain('started: 2023-04-02T10:00:00+00:00\n');
    expect(r.text.endsWith('---\n\nBody.\n')).toBe(true);
    expect(
      lintText(r.text).findings.filter(
        (f) => f.severity === 'error' && f.rule !== 'required-section',
      ),
    ).toEqual([]);
  });

  it("maps other tools' front matter to Hindsight fields and tags, keeping every key", () => {
    const text =
      '---\nlayout: post\ntitle: "API errors"\ndate: 2022-12-01\ncategories: [postmortems]\nkeywords: [cache key, vary]\nauthor: Lior Ben-David\ncompany: Pixelnest\nproduct: Asset CDN\nsummary: A rule push broke the CDN.\n---\n\nText.\n';
    const r = imported(text);
    const data = frontMatter(r.text);
    expect(data).toMatchObject({
      layout: 'post',
      author: 'Lior Ben-David',
      summary: 'A rule push broke the CDN.',
      authors: ['Lior Ben-David'],
      services: ['Asset CDN'],
    });
    expect(data.tags).toEqual(
      expect.arrayContaining(['postmortems', 'cache-key', 'vary', 'pixelnest']),
    );
    expect(r.inferred.authors!.from).toBe('front matter line 7');
  });

  it('writes root_cause unknown and a needs-triage tag when the evidence is weak', () => {
    const r = imported('# Slow pages\n\nPages were slow on Tuesday.\n');
    expect(frontMatter(r.text)).toMatchObject({ root_cause: 'unknown', tags: ['needs-triage'] });
    expect(
      r.findings.some((f) => f.field === 'root_cause' && /tagged needs-triage/.test(f.message)),
    ).toBe(true);
  });

  it('lists what a person must still supply', () => {
    const r = imported('# Slow pages\n\nPages were slow on Tuesday.\n');
    const fields = r.findings.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['severity', 'services', 'date']));
  });

  it('reads the date from the file name, falling through names without one', () => {
    expect(
      imported('# Outage\n\nText.\n', '2024-03-13-checkout-outage.md').inferred.date,
    ).toMatchObject({ value: '2024-03-13', from: 'file name' });
    const pm = imported(
      '# PM2021-011 - Search latency\n\nOn June 13, 2023, search was slow.\n',
      'PM2021-011 - Search latency.md',
    );
    expect(pm.inferred.date).toMatchObject({ value: '2023-06-13', from: 'line 3' });
  });

  it('reads the first timeline date when nothing else dates the incident', () => {
    const r = imported(
      '# Outage\n\n## Timeline\n\n- 2022-11-08 16:20 UTC API starts failing\n- 16:48 alert\n',
    );
    expect(r.inferred.date).toMatchObject({ value: '2022-11-08', confidence: 0.7 });
  });

  it('reads severity stated in a labelled line or in a sentence', () => {
    expect(imported('# Outage\n\nPriority: P2\n').inferred.severity).toMatchObject({
      value: 'SEV2',
      from: 'line 3',
    });
    expect(
      imported('# Outage\n\nSlow tracking page. Severity: Major.\n').inferred.severity,
    ).toMatchObject({ value: 'SEV2', from: 'line 3' });
    expect(imported('# Outage\n\nNo severity was assigned.\n').inferred.severity).toBeUndefined();
  });

  it('takes the title from the file name when the text has no title and no prose', () => {
    expect(
      imported('## Timeline\n\n- 10:02 Alert fired.\n', 'rca-eu-west-storage.md').inferred.title,
    ).toMatchObject({ value: 'rca-eu-west-storage', from: 'file name' });
  });

  it('refuses front matter that is not valid YAML, naming the line', () => {
    const r = imported('---\ntitle: [unclosed\n---\n\nBody\n');
    expect(r.refusal?.message).toMatch(/not valid YAML/);
    expect(r.refusal?.line).toBeGreaterThan(1);
    expect(r.text).toBe('---\ntitle: [unclosed\n---\n\nBody\n');
  });
});

describe('titles on import', () => {
  const title = (text: string, fileName = 'notes.md') => imported(text, fileName).inferred.title;

  it.each([
    ['# Postmortem: stale prices in the cart', 'Stale prices in the cart'],
    [
      '# Incident Review: Tiles service release 2.3 dropped map layers',
      'Tiles service release 2.3 dropped map layers',
    ],
    ['# [RESOLVED] Search results empty for EU shoppers', 'Search results empty for EU shoppers'],
    ['# Incident report — Webhooks delayed by a full queue', 'Webhooks delayed by a full queue'],
    ['# RCA: Invoice PDFs rendered blank', 'Invoice PDFs rendered blank'],
    ['# Post-mortem - Nightly export stuck for six hours', 'Nightly export stuck for six hours'],
    ['# Map tiles missing in the mobile app – Postmortem', 'Map tiles missing in the mobile app'],
    ['# Postmortem for the March 3 login outage', 'March 3 login outage'],
    ['# Incident 2025-03-03: Queue backlog in the mailer', 'Queue backlog in the mailer'],
    ['Post-incident review: iOS badge counts wrong\n===', 'iOS badge counts wrong'],
  ])('drops the house prefix or suffix of the heading %j', (heading, expected) => {
    expect(title(`${heading}\n\nThe mailer stopped.\n`)).toMatchObject({
      value: expected,
      from: 'line 1',
    });
  });

  it('keeps identifiers, dates and ordinary words that belong to the title', () => {
    expect(title('# INC-381: Map tiles missing\n')?.value).toBe('INC-381: Map tiles missing');
    expect(title('# Map tiles missing - March 3, 2025\n')?.value).toBe(
      'Map tiles missing - March 3, 2025',
    );
    expect(title('# Outage of the payments API\n')?.value).toBe('Outage of the payments API');
    expect(title('# Incident response pager silent\n')?.value).toBe(
      'Incident response pager silent',
    );
  });

  it('keeps a front-matter title exactly as written, prefix included', () => {
    expect(title('---\ntitle: "Postmortem: cart prices"\n---\n\n# Other\n')).toMatchObject({
      value: 'Postmortem: cart prices',
      confidence: 1,
    });
  });

  it('looks past a heading that only names the kind of document or a date', () => {
    expect(
      title('# Incident report — 2025-03-03\n\n**Map tiles missing in the mobile app**\n\nText.\n'),
    ).toMatchObject({ value: 'Map tiles missing in the mobile app', from: 'line 3' });
    expect(
      title('# Postmortem\n\n## Stale prices shown in the cart\n\n## Summary\n\nText.\n'),
    ).toMatchObject({ value: 'Stale prices shown in the cart', from: 'line 3' });
  });

  it("reads another tool's title key before the text", () => {
    expect(
      title('---\nheadline: Badge counts wrong on iOS\n---\n\nSome text here.\n'),
    ).toMatchObject({
      value: 'Badge counts wrong on iOS',
      from: 'front matter line 2',
    });
  });

  it('takes a first heading that is not a known section, and never a known one', () => {
    expect(title('Payroll export duplicated rows\n---\n\n## Impact\n\nText.\n')).toMatchObject({
      value: 'Payroll export duplicated rows',
      from: 'line 1',
    });
    const fromSection = title('## Impact\n\n- 40 payroll files had duplicate rows.\n', 'pay.md');
    expect(fromSection).toMatchObject({ value: 'pay', from: 'file name' });
  });

  it('makes a title of the first sentence of the opening prose, shortened, and asks for a check', () => {
    const text = [
      'Prepared by the Payroll team.',
      '',
      'On 3 March 2025, between 09:10 and 09:55 UTC, map tiles failed to load for most mobile users after a cache purge removed the base layer. Web users were not affected.',
      '',
      '## Timeline',
      '',
      '- 09:10 Purge started.',
      '',
    ].join('\n');
    const r = imported(text, 'tiles.md');
    expect(r.inferred.title).toMatchObject({
      value: 'Map tiles failed to load for most mobile users',
      from: 'line 3',
    });
    expect(r.findings.some((f) => f.field === 'title' && /^Check title/.test(f.message))).toBe(
      true,
    );
  });

  it('uses the Summary section when the document opens with a heading', () => {
    const text =
      '## Summary\n\nFor about 25 minutes, the mailer sent every receipt twice. Nobody was charged twice.\n';
    expect(title(text)).toMatchObject({
      value: 'The mailer sent every receipt twice',
      from: 'line 3',
    });
  });

  it('drops the separator left once a suffix is gone', () => {
    expect(title('# Badge counts wrong after a cache flush: Postmortem\n')?.value).toBe(
      'Badge counts wrong after a cache flush',
    );
  });

  it("takes a wiki page's name for its title when its sections are H1s", () => {
    const wiki = '# Description\n\nPayments stalled for an hour.\n\n# Impact\n\nText.\n';
    expect(title(wiki, 'Invoice-emails-sent-twice-after-retry.md')).toMatchObject({
      value: 'Invoice emails sent twice after retry',
      from: 'file name',
    });
    // A dated slug is not a page name: the opening prose gives the title.
    expect(title(wiki, '2025-07-01-invoices.md')?.value).toBe('Payments stalled for an hour');
  });

  it('stops a title line at the metadata lines under it', () => {
    expect(
      title('Lumen Freight — Interim report\nStatus: open\nSeverity: SEV-3\n\n## Impact\n\nText.\n')
        ?.value,
    ).toBe('Lumen Freight — Interim report');
  });
});

describe('mapSeverity', () => {
  const levels = ['SEV1', 'SEV2', 'SEV3', 'SEV4'];
  it.each([
    ['Sev 1', 'SEV1'],
    ['SEV-2', 'SEV2'],
    ['sev0', 'SEV1'],
    ['P0', 'SEV1'],
    ['P1', 'SEV1'],
    ['P2', 'SEV2'],
    ['Critical', 'SEV1'],
    ['Major', 'SEV2'],
    ['Minor', 'SEV3'],
    ['high', 'SEV2'],
    ['low', 'SEV4'],
    ['3', 'SEV3'],
    ['Sev 9', 'SEV4'],
  ])('maps %s to %s', (raw, want) => {
    expect(mapSeverity(raw, levels)).toBe(want);
  });

  it('maps to configured levels named by words', () => {
    expect(mapSeverity('SEV-1', ['critical', 'major', 'minor'])).toBe('critical');
    expect(mapSeverity('Minor', ['critical', 'major', 'minor'])).toBe('minor');
  });
});

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: string, done: () => void) {
    this.text += chunk.toString();
    done();
  }
}

describe('hindsight import', () => {
  let repo: string;
  const hindsight = async (...argv: string[]) => {
    const stdout = new Capture();
    const stderr = new Capture();
    const code = await run(argv, { stdout, stderr, cwd: repo });
    return { code, stdout: stdout.text, stderr: stderr.text };
  };

  beforeEach(() => {
    repo = mkdtempSync(path.join(tmpdir(), 'hindsight-import-'));
    mkdirSync(path.join(repo, '.git'));
    mkdirSync(path.join(repo, 'old'));
    writeFileSync(path.join(repo, 'old/2024-03-13-checkout.md'), PLAIN);
    // A BOM and CRLF line endings, which must survive byte for byte.
    writeFileSync(
      path.join(repo, 'old/windows.md'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PLAIN.replace(/\n/g, '\r\n'))]),
    );
  });
  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  it('writes each file into the postmortems folder with the body byte for byte', async () => {
    const r = await hindsight('import', 'old');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'old/2024-03-13-checkout.md -> postmortems/2024-03-13-checkout.md: written',
    );
    expect(r.stdout).toMatch(/root_cause +capacity +\(lines? \d+/);
    expect(r.stdout).toMatch(/2 written, 0 unchanged, 0 refused of 2 files/);
    const out = readFileSync(path.join(repo, 'postmortems/windows.md'));
    expect([...out.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(out.subarray(3).toString().startsWith('---\r\ntitle:')).toBe(true);
    expect(out.toString().endsWith(PLAIN.replace(/\n/g, '\r\n'))).toBe(true);
  });

  it('changes nothing when run twice', async () => {
    await hindsight('import', 'old');
    const before = readFileSync(path.join(repo, 'postmortems/2024-03-13-checkout.md'));
    const again = await hindsight('import', 'old');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/0 written, 2 unchanged, 0 refused/);
    expect(readFileSync(path.join(repo, 'postmortems/2024-03-13-checkout.md')).equals(before)).toBe(
      true,
    );
  });

  it('never overwrites: a target with other content is refused with the reason and exit code 1', async () => {
    mkdirSync(path.join(repo, 'postmortems'));
    writeFileSync(path.join(repo, 'postmortems/2024-03-13-checkout.md'), 'mine\n');
    const r = await hindsight('import', 'old');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /REFUSED\n {2}reason: .*already exists with other content; nothing was written/,
    );
    expect(readFileSync(path.join(repo, 'postmortems/2024-03-13-checkout.md'), 'utf8')).toBe(
      'mine\n',
    );
  });

  it('writes nothing with --dry-run and prints the JSON report', async () => {
    const r = await hindsight('import', 'old', '--dry-run', '--format', 'json', '--out', 'lib');
    expect(r.code).toBe(0);
    expect(existsSync(path.join(repo, 'lib'))).toBe(false);
    const reports = JSON.parse(r.stdout);
    expect(reports).toHaveLength(2);
    expect(reports[0]).toMatchObject({
      source: 'old/2024-03-13-checkout.md',
      target: 'lib/2024-03-13-checkout.md',
      status: 'would-write',
    });
    expect(reports[0].inferred.severity).toEqual({
      value: 'SEV2',
      from: 'line 3',
      confidence: 0.9,
    });
    expect(Array.isArray(reports[0].findings)).toBe(true);
  });

  it('refuses a file it cannot keep byte for byte and goes on with the others', async () => {
    writeFileSync(
      path.join(repo, 'old/latin1.md'),
      Buffer.from([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a]),
    );
    const r = await hindsight('import', 'old', '--format', 'json');
    expect(r.code).toBe(1);
    const reports = JSON.parse(r.stdout);
    expect(reports.find((x: { source: string }) => x.source === 'old/latin1.md')).toMatchObject({
      status: 'refused',
      reason: expect.stringMatching(/not valid UTF-8/),
    });
    expect(readdirSync(path.join(repo, 'postmortems')).sort()).toEqual([
      '2024-03-13-checkout.md',
      'windows.md',
    ]);
  });

  it('is a usage error without a source or with a bad option', async () => {
    expect((await hindsight('import')).code).toBe(2);
    expect((await hindsight('import', 'old', '--format', 'xml')).code).toBe(2);
    expect((await hindsight('import', 'missing-folder')).code).toBe(2);
  });
});

describe('import then lint (property)', () => {
  const line = fc.oneof(
    fc.constantFrom(
      '# Title',
      '## Root Cause',
      '## Timeline',
      '- 10:00 alert fired',
      '- [x] Fix it @ana',
      'Severity: Sev 2',
      'Date: 2024-01-02',
      '---',
      '',
      '```',
      '> quote',
      '| a | b |',
    ),
    fc.string({ maxLength: 40 }).map((s) => s.replace(/[\r\n]/g, ' ')),
  );
  const body = fc
    .tuple(fc.array(line, { maxLength: 25 }), fc.constantFrom('\n', '\r\n'))
    .map(([lines, eol]) => lines.join(eol) + eol);

  it('never loses a line of the body', () => {
    fc.assert(
      fc.property(body, fc.boolean(), (text, withFrontMatter) => {
        const input = withFrontMatter ? `---\ntitle: Kept\nseverity: Sev 2\n---\n${text}` : text;
        const r = imported(input);
        if (r.refusal) {
          expect(r.text).toBe(input);
          return;
        }
        // The body is what follows the front matter: the one added here, or one the text opens with itself ('---\n---\n').
        const own = /^---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/.exec(input);
        const kept = withFrontMatter ? text : own ? input.slice(own[0].length) : input;
        expect(r.text.endsWith(kept)).toBe(true);
        const pm = lintText(r.text).postmortem!;
        const lines = pm.text.split(/\r\n|\n|\r/);
        for (const original of kept.split(/\r\n|\n/)) expect(lines).toContain(original);
        // Importing the result again changes nothing.
        expect(imported(r.text).text).toBe(r.text);
      }),
      { numRuns: Number(process.env.HINDSIGHT_PROPERTY_RUNS ?? 150) },
    );
  });
});
