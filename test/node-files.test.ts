import { execFileSync } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  ftruncateSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultConfig, isPostmortemFile } from '@hindsight/core';
import {
  collectFiles,
  lintBatch,
  loadWorkspace,
  readRegularFile,
  UsageError,
} from '@hindsight/node';
import { runHindsight } from './cli-run';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const COMPLETE = readFileSync(path.join(ROOT, 'test/fixtures/valid/complete.md'), 'utf8');
const TODAY = '2026-11-24';

let repo: string;

const hindsight = (...argv: string[]) => runHindsight(repo, argv);

function mkfifo(file: string) {
  execFileSync('mkfifo', [file]);
}

beforeEach(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'hindsight-node-'));
  mkdirSync(path.join(repo, '.git'));
  mkdirSync(path.join(repo, 'postmortems'));
  writeFileSync(path.join(repo, 'postmortems/2024-03-05-checkout.md'), COMPLETE);
});

afterEach(() => rmSync(repo, { recursive: true, force: true }));

describe('isPostmortemFile', () => {
  it('accepts Markdown files in the folder searched and its subfolders', () => {
    expect(isPostmortemFile('2024-03-05-checkout.md', defaultConfig)).toBe(true);
    expect(isPostmortemFile('2024/q1/outage.markdown', defaultConfig)).toBe(true);
    expect(isPostmortemFile('2024\\outage.MD', defaultConfig)).toBe(true);
  });

  it('rejects templates, README and CONTRIBUTING in any case, and names starting with _ or .', () => {
    for (const name of [
      'template.md',
      'Template.md',
      'postmortem-template.md',
      'PM-yyyy-nnn Postmortem Template.md',
      'README.md',
      'readme.md',
      'Contributing.md',
      '_draft.md',
      '.hidden.md',
    ]) {
      expect(isPostmortemFile(name, defaultConfig), name).toBe(false);
    }
  });

  it('rejects files in hidden, underscore and node_modules folders, outside the folder, or not Markdown', () => {
    for (const p of [
      '_drafts/a.md',
      '.git/a.md',
      'node_modules/x/a.md',
      '../a.md',
      'notes.txt',
      'a.md.bak',
    ]) {
      expect(isPostmortemFile(p, defaultConfig), p).toBe(false);
    }
  });

  it('ignores the names configured, whatever their case', () => {
    expect(isPostmortemFile('index.md', { ignore: ['INDEX.md'] })).toBe(false);
    expect(isPostmortemFile('README.md', { ignore: [] })).toBe(true);
  });
});

describe('reading files from disk', () => {
  it('lints a FIFO named on the command line to a clear finding, without waiting for a writer', async () => {
    mkfifo(path.join(repo, 'postmortems/pipe.md'));
    const r = await hindsight(
      'lint',
      'postmortems/pipe.md',
      'postmortems/2024-03-05-checkout.md',
      '--today',
      TODAY,
    );
    expect(r.stdout).toContain(
      'postmortems/pipe.md:1:1 error file-readable File is a named pipe (FIFO), not a regular file, so it was not read; expected a Markdown file.',
    );
    expect(r.stdout).toContain('1 error, 0 warnings in 2 files (1 with findings)');
    expect(r.code).toBe(1);
  });

  it('skips a FIFO met while searching a folder', async () => {
    mkfifo(path.join(repo, 'postmortems/pipe.md'));
    const r = await hindsight('lint', '--today', TODAY);
    expect(r.stdout).toBe('0 errors, 0 warnings in 1 file\n');
  });

  it('refuses a symbolic link to /dev/zero, named or found, without reading it', async () => {
    symlinkSync('/dev/zero', path.join(repo, 'postmortems/zero.md'));
    const named = await hindsight('lint', 'postmortems/zero.md');
    expect(named.stdout).toContain(
      'postmortems/zero.md:1:1 error file-readable File is a character device, not a regular file',
    );
    expect((await hindsight('lint', '--today', TODAY)).stdout).toBe(
      '0 errors, 0 warnings in 1 file\n',
    );
  });

  it('says a sparse file is too large from its size alone, for ten of them at once', async () => {
    const files = Array.from({ length: 10 }, (_, i) =>
      path.join(repo, `postmortems/sparse-${i}.md`),
    );
    for (const f of files) {
      const fd = openSync(f, 'w');
      ftruncateSync(fd, 1900 * 1024 * 1024);
      closeSync(fd);
    }
    const before = process.memoryUsage().rss;
    const results = await lintBatch(files, { config: defaultConfig, today: TODAY }, false);
    // Reading any of them would add 1.9 GB; the bound is the size limit, 5 MB, per file at most.
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
    for (const r of results) {
      expect(r.findings).toEqual([
        expect.objectContaining({
          rule: 'file-readable',
          message: 'File is 1900.0 MB; expected a postmortem under 5.0 MB, so it was not read.',
        }),
      ]);
    }
  });

  it('stops reading one byte past the limit whatever the size says', async () => {
    const file = path.join(repo, 'big.md');
    writeFileSync(file, 'x'.repeat(2000));
    expect(await readRegularFile(file, 1000)).toEqual({
      ok: false,
      reason: 'too-large',
      size: 2000,
    });
    const small = await readRegularFile(file, 5000);
    expect(small.ok && small.bytes.length).toBe(2000);
  });

  it('walks only regular Markdown files that are postmortems', async () => {
    writeFileSync(path.join(repo, 'postmortems/Postmortem Template.md'), '# template');
    writeFileSync(path.join(repo, 'postmortems/readme.md'), '# about');
    const ws = loadWorkspace(repo);
    const files = await collectFiles([], ws, repo);
    expect(files.map((f) => path.relative(repo, f))).toEqual([
      'postmortems/2024-03-05-checkout.md',
    ]);
  });

  it('lists the regular files a folder held, and reads them with the same findings', async () => {
    writeFileSync(path.join(repo, 'postmortems/broken.md'), '---\ntitle: [\n---\n# x\n');
    symlinkSync(path.join(repo, 'postmortems/broken.md'), path.join(repo, 'postmortems/link.md'));
    writeFileSync(path.join(repo, 'postmortems/large.md'), 'x'.repeat(5 * 1024 * 1024 + 1));
    const ws = loadWorkspace(repo);
    const listed = new Set<string>();
    const named = path.join(repo, 'postmortems/2024-03-05-checkout.md');
    const files = await collectFiles(['postmortems', named], ws, repo, { listed });
    // Found by the walk and listed as regular files: not the symbolic link (its target may change).
    expect([...listed].map((f) => path.relative(repo, f)).sort()).toEqual([
      'postmortems/2024-03-05-checkout.md',
      'postmortems/broken.md',
      'postmortems/large.md',
    ]);
    const options = { config: defaultConfig, today: TODAY };
    const results = await lintBatch(files, options, false, listed);
    expect(results).toEqual(await lintBatch(files, options, false));
    expect(results.map((r) => r.findings[0]?.rule)).toEqual([
      undefined,
      'front-matter-yaml',
      'file-readable',
      'front-matter-yaml',
    ]);
  });
});

describe('--config that is not a regular file', () => {
  it('refuses a folder with one usage message, exit 2', async () => {
    mkdirSync(path.join(repo, 'conf'));
    const r = await hindsight('lint', '--config', 'conf');
    expect(r).toMatchObject({
      code: 2,
      stderr:
        'hindsight lint: Config file conf is a folder; expected a JSON file such as hindsight.json.\n',
    });
  });

  it('refuses a FIFO and /dev/zero without waiting or reading', async () => {
    mkfifo(path.join(repo, 'fifo.json'));
    expect(await hindsight('lint', '--config', 'fifo.json')).toMatchObject({
      code: 2,
      stderr:
        'hindsight lint: Config file fifo.json is a named pipe (FIFO); expected a JSON file such as hindsight.json.\n',
    });
    expect(await hindsight('new', 'X', '--config', '/dev/zero')).toMatchObject({
      code: 2,
      stderr:
        'hindsight new: Config file /dev/zero is a character device; expected a JSON file such as hindsight.json.\n',
    });
  });

  it('refuses a hindsight.json found upward that is a folder', async () => {
    mkdirSync(path.join(repo, 'hindsight.json'));
    const r = await hindsight('stats');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'hindsight stats: Config file hindsight.json is a folder; expected a JSON file such as hindsight.json.\n',
    );
  });

  it('refuses a huge config from its size alone', () => {
    const file = path.join(repo, 'huge.json');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, 1024 * 1024 * 1024);
    closeSync(fd);
    expect(() => loadWorkspace(repo, 'huge.json')).toThrow(UsageError);
    expect(() => loadWorkspace(repo, 'huge.json')).toThrow(
      'Config file huge.json is over 1 MB; expected a small JSON file such as hindsight.json.',
    );
  });
});
