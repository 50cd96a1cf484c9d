import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFix, lintBytes, lintText, parsePostmortem, type Finding } from '@hindsight/core';
import { applyEdits } from './edits';

const HOSTILE = fileURLToPath(new URL('./fixtures/hostile/', import.meta.url));
const LIBRARY = fileURLToPath(new URL('../postmortems/', import.meta.url));
const TODAY = '2026-11-24';

/** Every finding points inside the document: lines and columns exist, start <= end. */
function expectValidPositions(text: string, findings: Finding[]) {
  const lines = text.split(/\r\n|\r|\n/);
  for (const f of findings) {
    const { start, end } = f.range;
    expect(start.line).toBeGreaterThanOrEqual(1);
    expect(end.line).toBeLessThanOrEqual(lines.length);
    expect(start.column).toBeGreaterThanOrEqual(1);
    expect(start.column).toBeLessThanOrEqual((lines[start.line - 1]?.length ?? 0) + 1);
    expect(end.column).toBeLessThanOrEqual((lines[end.line - 1]?.length ?? 0) + 1);
    expect(start.offset).toBeLessThanOrEqual(end.offset);
    expect(end.offset).toBeLessThanOrEqual(text.length);
    expect(f.message.length).toBeGreaterThan(10);
  }
}

describe('hostile and odd files', () => {
  // What a careful reviewer expects first for each file of test/fixtures/hostile.
  const expected: Record<string, { rule: string; message: RegExp; line?: number }> = {
    'binary-png.md': { rule: 'file-readable', message: /looks binary/, line: 3 },
    'control-chars.md': { rule: 'required-section', message: /Section 'Impact' is missing/ },
    'deep-nesting.md': {
      rule: 'file-readable',
      message: /nest more than 100 levels deep on line 112/,
      line: 112,
    },
    'empty.md': { rule: 'front-matter-missing', message: /Front matter is missing/, line: 1 },
    'front-matter-only.md': { rule: 'required-section', message: /Section 'Summary' is missing/ },
    'front-matter-unclosed.md': { rule: 'front-matter-missing', message: /never closed/, line: 1 },
    'headings-in-code.md': { rule: 'required-section', message: /Section 'Impact' is missing/ },
    'html-headings.md': { rule: 'required-section', message: /Section 'Summary' is missing/ },
    'huge-table.md': {
      rule: 'required-section',
      message: /Section 'Summary' is missing; expected it before 'Action Items'/,
    },
    'latin1.md': {
      rule: 'file-readable',
      message: /not valid UTF-8 \(byte 0xe9 at line 14\); it was read as Latin-1/,
      line: 14,
    },
    'lone-cr.md': { rule: 'required-section', message: /Section 'Impact' is missing/ },
    'utf16be-bom.md': { rule: 'required-section', message: /Section 'Impact' is missing/ },
    'utf16le-bom.md': { rule: 'required-section', message: /Section 'Impact' is missing/ },
    'utf8-bom-crlf.md': { rule: 'required-section', message: /Section 'Impact' is missing/ },
    'very-long-line.md': { rule: 'required-section', message: /Section 'Impact' is missing/ },
    'whitespace-only.md': {
      rule: 'front-matter-missing',
      message: /Front matter is missing/,
      line: 1,
    },
    'yaml-alias-bomb.md': { rule: 'front-matter-yaml', message: /Excessive alias count/, line: 2 },
    'yaml-custom-tag.md': {
      rule: 'front-matter-yaml',
      message: /Unresolved tag: tag:yaml.org,2002:python\/object:os.system/,
      line: 2,
    },
    'yaml-deep-flow.md': {
      rule: 'front-matter-yaml',
      message: /nests \[ \] or \{ \} more than 50 levels deep/,
      line: 2,
    },
    'yaml-duplicate-keys.md': {
      rule: 'front-matter-yaml',
      message: /Map keys must be unique/,
      line: 3,
    },
    'yaml-not-a-map.md': {
      rule: 'front-matter-yaml',
      message: /the string 'just a string'; expected key: value pairs/,
      line: 2,
    },
    'yaml-tabs.md': { rule: 'front-matter-yaml', message: /Tabs are not allowed/, line: 3 },
  };
  const files = readdirSync(HOSTILE).sort();

  it('has an expectation for every file of the corpus', () => {
    expect(files).toEqual(Object.keys(expected).sort());
  });

  it.each(files)('%s gets a clear, positioned message and never a crash', (file) => {
    const bytes = readFileSync(HOSTILE + file);
    const { findings, postmortem } = lintBytes(bytes, { today: TODAY });
    const want = expected[file]!;
    const match = findings.find((f) => f.rule === want.rule && want.message.test(f.message));
    expect(
      match,
      findings.map((f) => `${f.range.start.line} ${f.rule} ${f.message}`).join('\n'),
    ).toBeTruthy();
    if (want.line) expect(match!.range.start.line).toBe(want.line);
    if (postmortem) expectValidPositions(postmortem.text, findings);
  });

  it('reads UTF-16 and BOM/CRLF files exactly like the UTF-8 LF file', () => {
    const summary = (file: string) =>
      lintBytes(readFileSync(HOSTILE + file), { today: TODAY }).findings.map(
        (f) => `${f.range.start.line}:${f.range.start.column} ${f.rule}`,
      );
    expect(summary('utf16le-bom.md')).toEqual(summary('utf16be-bom.md'));
    expect(summary('utf8-bom-crlf.md')).toEqual(summary('utf16le-bom.md'));
    expect(summary('lone-cr.md')).toEqual(summary('utf16le-bom.md'));
  });

  it('refuses a 10 MB file and 10,000 nested lists with a finding instead of stalling', () => {
    const big = lintText('## Summary\n\n' + 'word '.repeat(2_200_000));
    expect(big.findings.map((f) => f.rule)).toEqual(['file-readable']);
    expect(big.findings[0]!.message).toMatch(/expected at most 5,242,880/);
    const nested = lintText(
      Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(Math.min(i, 300) * 2)}- x`).join('\n'),
    );
    expect(nested.findings.map((f) => f.rule)).toEqual(['file-readable']);
    const inline = lintText(`${'- '.repeat(10_000)}x`);
    expect(inline.findings[0]!.message).toMatch(/nest more than 100 levels deep on line 1/);
    const quotes = lintText(`${'>'.repeat(10_000)} x`);
    expect(quotes.findings.map((f) => f.rule)).toEqual(['file-readable']);
  });

  it('refuses deeply nested YAML behind a quote that opens no string, with one finding', () => {
    // Left to the YAML parser, these overflow its stack, and which errors it reports then depends
    // on how deep the caller's stack already is.
    for (const line of [
      `&'title: ${'['.repeat(5000)}`,
      `title: [x '${'['.repeat(5000)}`,
      `title: 'a\\' ${'{'.repeat(5000)}`,
    ]) {
      const { findings } = lintText(`---\n${line}\n---\n\n# T\n`);
      const yaml = findings.filter((f) => f.rule === 'front-matter-yaml');
      expect(yaml.map((f) => f.message)).toEqual([
        expect.stringMatching(/nests \[ \] or \{ \} more than 50 levels deep/),
      ]);
      expect(yaml[0]!.range.start.line).toBe(2);
    }
  });
});

const vocabulary = [
  '---',
  'title: T',
  'date: 2024-01-01',
  'status: published',
  'severity: SEV9',
  'root_cause: netwrok',
  'services: [a, b]',
  'contributing:',
  '  - data',
  'started: 2024-01-01T10:00:00Z',
  'detected: 2024-01-01T09:00:00Z',
  'key: [unclosed',
  'a: &x 1',
  'b: *x',
  '\t- tab',
  '',
  '# Title',
  '## Summary',
  '## Impact',
  '## Timeline',
  '## Root Cause and Resolution',
  '## Action Items',
  '## Lessons Learned',
  '### What went well',
  '- 10:00 thing',
  '- 25:99 bad',
  '* 4 PM x',
  '1. 2024-01-02 03:04 UTC y',
  '- [ ] act @o due:2024-13-01 #prevent',
  '- [x] done',
  '  - nested',
  '> quote',
  '| Time | Event |',
  '| --- | --- |',
  '| 10:00 | x |',
  '| Action | Owner | Status |',
  '| a | @b | Done |',
  '```',
  '    code',
  '<!-- TODO -->',
  'TBD',
  '<h2>x</h2>',
  '[link](javascript:alert(1))',
  '\u0000',
  '\u202e',
  '\r',
  'é',
  '😀',
];

describe('properties of the core on random input', () => {
  it('never throws and keeps every position inside the document, for arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const { findings, postmortem } = lintText(text, { today: TODAY });
        expectValidPositions(postmortem!.text, findings);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on Markdown-like documents, and every fix applies and leaves a lintable text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...vocabulary), { maxLength: 60 }),
        fc.constantFrom('\n', '\r\n'),
        (lines, eol) => {
          const text = lines.join(eol);
          const { findings, postmortem } = lintText(text, { today: TODAY });
          expectValidPositions(postmortem!.text, findings);
          for (const f of findings.filter((x) => x.fix)) {
            const fixed = applyFix(postmortem!.text, f.fix!);
            expect(() => lintText(fixed, { today: TODAY })).not.toThrow();
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never throws on mutations of real postmortems (inserted, deleted and replaced characters)', () => {
    const library = readdirSync(LIBRARY)
      .filter((f) => f !== 'README.md')
      .map((f) => readFileSync(LIBRARY + f, 'utf8'));
    const mutation = fc.record({
      at: fc.nat(),
      cut: fc.nat({ max: 40 }),
      insert: fc.string({ maxLength: 12 }),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...library),
        fc.array(mutation, { minLength: 1, maxLength: 8 }),
        (source, mutations) => {
          const text = applyEdits(source, mutations);
          const { findings, postmortem } = lintText(text, { today: TODAY });
          expectValidPositions(postmortem!.text, findings);
          expect(parsePostmortem(text).sections.every((s) => s.start <= s.end)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on random bytes, whatever the encoding they look like', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const { findings } = lintBytes(bytes, { today: TODAY });
        expect(findings.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
