import { execFileSync } from 'node:child_process';
import {
  cpSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  chmodSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyPatch } from 'diff';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  decode,
  defaultConfig,
  isPostmortemFile,
  lintText,
  type LintOptions,
} from '@hindsight/core';
import { fixText } from '../cli/src/fix';
import { runHindsight } from './cli-run';
import { applyEdits, readMarkdown } from './edits';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TODAY = '2026-11-24';
const OPTIONS: LintOptions = { today: TODAY };

let repo: string;

const hindsight = (...argv: string[]) => runHindsight(repo, argv);

/** Every file under a folder, by path relative to it, as bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile()) out.set(path.relative(dir, full), readFileSync(full));
    }
  };
  walk(dir);
  return out;
}

/** Findings with a fix, in a file fix may change (UTF-8 that decodes without a note). */
function fixableFindings(bytes: Buffer) {
  const decoded = decode(bytes);
  if (!decoded.ok || decoded.encoding !== 'utf-8' || decoded.note) return [];
  const findings = lintText(decoded.text, OPTIONS).findings;
  // A text the reader read only in part (a block over the parse budget) is left alone, like a refused one.
  if (findings.some((f) => f.rule === 'file-readable')) return [];
  return findings.filter((f) => f.fix);
}

beforeEach(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'hindsight-fix-'));
  mkdirSync(path.join(repo, '.git'));
  cpSync(path.join(ROOT, 'test/fixtures'), path.join(repo, 'fixtures'), {
    recursive: true,
    filter: (src) => !src.includes('cli-golden') && !src.endsWith('.json'),
  });
});

afterEach(() => rmSync(repo, { recursive: true, force: true }));

describe('hindsight fix on the fixture corpus', () => {
  it('fixes every fixable finding, leaves every other file byte for byte, and a second run changes nothing', async () => {
    const before = snapshot(path.join(repo, 'fixtures'));
    const first = await hindsight('fix', 'fixtures', '--today', TODAY);
    expect(first.stdout).toMatch(
      /Applied [1-9]\d* fixes in [1-9]\d* files of \d+; \d+ errors? left without an automatic fix\.\n$/,
    );
    const after = snapshot(path.join(repo, 'fixtures'));
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort()); // no temporary file left behind
    let changed = 0;
    for (const [file, bytes] of before) {
      const now = after.get(file)!;
      if (!isPostmortemFile(file, defaultConfig)) continue; // README.md and the like are not searched
      expect(fixableFindings(now), file).toEqual([]);
      if (fixableFindings(bytes).length === 0)
        expect(now.equals(bytes), `${file} has nothing to fix and must be untouched`).toBe(true);
      else changed++;
    }
    expect(changed).toBeGreaterThan(10);
    // Files the reader refuses or cannot decode as UTF-8 are named and never touched.
    for (const refused of [
      'hostile/binary-png.md',
      'hostile/latin1.md',
      'hostile/utf16le-bom.md',
      'rules/file-readable/bad-binary.md',
      'hostile/deep-nesting.md',
      'hostile/huge-table.md',
    ]) {
      expect(after.get(refused)!.equals(before.get(refused)!), refused).toBe(true);
    }
    expect(first.stderr).toContain('left fixtures/hostile/binary-png.md alone: File looks binary');
    const second = await hindsight('fix', 'fixtures', '--today', TODAY);
    expect(second.stdout).toMatch(/^Applied 0 fixes in 0 files of \d+;/);
    expect(snapshot(path.join(repo, 'fixtures'))).toEqual(after);
  }, 600_000); // hostile/huge-table.md takes seconds of CPU per lint, and the machine may be busy

  it('keeps CRLF line endings and a BOM', async () => {
    const source = readFileSync(
      path.join(ROOT, 'test/fixtures/rules/required-section/bad-missing-middle.md'),
      'utf8',
    ).replace('status: draft', 'status: drafft');
    const file = path.join(repo, 'crlf.md');
    writeFileSync(file, `\ufeff${source.replace(/\n/g, '\r\n')}`);
    const r = await hindsight('fix', 'crlf.md', '--today', TODAY);
    expect(r.stdout).toContain("crlf.md: Change status to 'draft'; Add section 'Impact'");
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text).not.toMatch(/[^\r]\n/);
    expect(text).toContain('## Impact\r\n');
    expect(text).toContain('status: draft\r\n');
  });

  it('prints a unified diff with --dry-run that turns the file into the fixed one, and writes nothing', async () => {
    const file = path.join(repo, 'fixtures/rules/severity-level/bad-typo.md');
    const before = readFileSync(file, 'utf8');
    const r = await hindsight(
      'fix',
      'fixtures/rules/severity-level/bad-typo.md',
      '--dry-run',
      '--today',
      TODAY,
    );
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(r.stdout).toContain(
      '--- a/fixtures/rules/severity-level/bad-typo.md\n+++ b/fixtures/rules/severity-level/bad-typo.md\n',
    );
    expect(r.stdout).toMatch(/^-severity: .*\n\+severity: SEV3$/m);
    const patch = r.stdout.slice(0, r.stdout.lastIndexOf('\n\nWould apply'));
    expect(applyPatch(before, patch)).toBe(fixText(before, OPTIONS).text);
    expect(r.stdout).toMatch(/Would apply 1 fix in 1 file of 1;/);
  });

  it('applies only the rules named with --rule, and refuses an unknown rule', async () => {
    const dir = path.join(repo, 'fixtures/rules/required-section');
    const r = await hindsight(
      'fix',
      'fixtures/rules',
      '--rule',
      'severity-level',
      '--rule',
      'root-cause-category',
      '--today',
      TODAY,
    );
    expect(
      r.stdout
        .split('\n')
        .filter((l) => l.includes(': '))
        .map((l) => l.split(':')[0])
        .sort(),
    ).toEqual([
      'fixtures/rules/root-cause-category/bad-typo.md',
      'fixtures/rules/root-cause-category/bad-unknown.md',
      'fixtures/rules/severity-level/bad-typo.md',
    ]);
    expect(readdirSync(dir).map((f) => readFileSync(path.join(dir, f), 'utf8'))).toEqual(
      readdirSync(dir).map((f) =>
        readFileSync(path.join(ROOT, 'test/fixtures/rules/required-section', f), 'utf8'),
      ),
    );
    expect(await hindsight('fix', '--rule', 'nope')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(
        "--rule 'nope' is not a rule; expected one of file-readable,",
      ),
    });
  });

  it('leaves a FIFO, a binary file and a Latin-1 file alone, saying why, and fails on their errors', async () => {
    execFileSync('mkfifo', [path.join(repo, 'pipe.md')]);
    const r = await hindsight(
      'fix',
      'pipe.md',
      'fixtures/hostile/binary-png.md',
      'fixtures/hostile/latin1.md',
      '--today',
      TODAY,
    );
    expect(r.stderr).toContain(
      'hindsight fix: left pipe.md alone: File is a named pipe (FIFO), not a regular file, so it was not read; expected a Markdown file.\n',
    );
    expect(r.stderr).toContain(
      'hindsight fix: left fixtures/hostile/binary-png.md alone: File looks binary',
    );
    expect(r.stderr).toContain(
      'hindsight fix: left fixtures/hostile/latin1.md alone: File is not valid UTF-8',
    );
    expect(
      readFileSync(path.join(repo, 'fixtures/hostile/latin1.md')).equals(
        readFileSync(path.join(ROOT, 'test/fixtures/hostile/latin1.md')),
      ),
    ).toBe(true);
    expect(r.stdout).toMatch(
      /^Applied 0 fixes in 0 files of 3; [1-9]\d* errors? left without an automatic fix\.\n$/,
    );
    expect(r.code).toBe(1);
  });

  it('writes through a symbolic link and keeps the file mode', async () => {
    const real = path.join(repo, 'fixtures/rules/severity-level/bad-typo.md');
    chmodSync(real, 0o640);
    symlinkSync(real, path.join(repo, 'link.md'));
    await hindsight('fix', 'link.md', '--today', TODAY);
    expect(lstatSync(path.join(repo, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path.join(repo, 'link.md'))).toBe(real);
    expect(readFileSync(real, 'utf8')).toMatch(/^severity: SEV3$/m);
    expect(statSync(real).mode & 0o777).toBe(0o640);
  });
});

describe('fixing is idempotent', () => {
  const corpus = [
    ...readMarkdown([
      './fixtures/valid/',
      './fixtures/rules/required-section/',
      './fixtures/rules/required-field/',
      './fixtures/rules/severity-level/',
      './fixtures/rules/field-value/',
      './fixtures/rules/front-matter-missing/',
    ]),
    ...readMarkdown(['../postmortems/'], (f) => f === 'README.md').slice(0, 3),
  ];

  it('changes nothing on a second run, after random edits of the corpus', () => {
    const edit = fc.record({
      at: fc.nat(),
      cut: fc.nat({ max: 40 }),
      insert: fc.oneof(
        fc.string({ maxLength: 6 }),
        fc.constantFrom(
          '\n',
          '\r\n',
          '## Impact\n',
          '## Timeline\n\n- 10:00 x\n',
          '---\n',
          'severity: SEV9\n',
          'status: publshed\n',
          'root_cause: netwrk\n',
          'root-cause: x\n',
          '\n\n',
          '# T\n',
          '<!--',
          '```\n',
        ),
      ),
    });
    fc.assert(
      fc.property(fc.constantFrom(...corpus), fc.array(edit, { maxLength: 6 }), (source, edits) => {
        const text = applyEdits(source, edits);
        const once = fixText(text, OPTIONS);
        if (once.unsettled) return; // bounded passes ran out: reported to the user, not claimed idempotent
        const twice = fixText(once.text, OPTIONS);
        expect(twice.text).toBe(once.text);
        expect(twice.applied).toEqual([]);
      }),
      { numRuns: 60 },
    );
  }, 180_000);
});
