import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runHindsight } from './cli-run';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const COMPLETE = path.join(ROOT, 'test/fixtures/valid/complete.md');
const TODAY = '2026-11-24';

let repo: string;

const hindsight = (...argv: string[]) => runHindsight(repo, argv);

beforeEach(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'hindsight-cli-'));
  mkdirSync(path.join(repo, '.git'));
  mkdirSync(path.join(repo, 'postmortems'));
  cpSync(COMPLETE, path.join(repo, 'postmortems/2024-03-05-checkout.md'));
  writeFileSync(path.join(repo, 'postmortems/README.md'), '# About this folder\n');
});

afterEach(() => rmSync(repo, { recursive: true, force: true }));

describe('hindsight lint', () => {
  it('passes a clean library with exit code 0 and a summary line', async () => {
    const r = await hindsight('lint', '--today', TODAY);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('0 errors, 0 warnings in 1 file\n');
  });

  it('prints findings like a compiler and exits 1 on errors', async () => {
    writeFileSync(
      path.join(repo, 'postmortems/bad.md'),
      '---\ntitle: Bad\ndate: 2024-01-01\nstatus: draft\nseverity: SEV9\nroot_cause: netwrok\nservices: [dns]\n---\n## Summary\n\nx\n',
    );
    const r = await hindsight('lint', '--today', TODAY);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toContain(
      "postmortems/bad.md:5:11 error severity-level Severity 'SEV9' is not a configured level; expected SEV1, SEV2, SEV3 or SEV4.",
    );
    expect(lines).toContain(
      "postmortems/bad.md:6:13 error root-cause-category Root cause 'netwrok' is not in the taxonomy; did you mean 'network'?",
    );
    expect(lines).toContain(
      "postmortems/bad.md:11:1 error required-section Section 'Impact' is missing; expected it after 'Summary'.",
    );
    expect(lines.at(-1)).toMatch(/^\d+ errors, 0 warnings in 2 files \(1 with findings\)$/);
  });

  it('writes JSON diagnostics with file, positions, severity, rule and message', async () => {
    writeFileSync(path.join(repo, 'x.md'), '# No front matter\n');
    const r = await hindsight('lint', 'x.md', '--format', 'json');
    const json = JSON.parse(r.stdout);
    expect(json[0]).toEqual({
      file: 'x.md',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 18,
      severity: 'error',
      rule: 'front-matter-missing',
      message: expect.stringContaining('Front matter is missing'),
    });
    expect(r.code).toBe(1);
  });

  it('gives the same findings for LF, CRLF and BOM files', async () => {
    const text = readFileSync(COMPLETE, 'utf8')
      .replace('status: published', 'status: done')
      .replace('- 14:09 UTC', '- 14:90 UTC');
    writeFileSync(path.join(repo, 'lf.md'), text);
    writeFileSync(path.join(repo, 'crlf.md'), text.replace(/\n/g, '\r\n'));
    writeFileSync(path.join(repo, 'bom.md'), `\ufeff${text}`);
    const out = await Promise.all(
      ['lf.md', 'crlf.md', 'bom.md'].map(async (f) =>
        JSON.parse((await hindsight('lint', f, '--format', 'json')).stdout).map(
          (d: { file: string }) => ({ ...d, file: '' }),
        ),
      ),
    );
    expect(out[0].length).toBe(2);
    expect(out[1]).toEqual(out[0]);
    expect(out[2]).toEqual(out[0]);
  });

  it('reports a binary file with a clear message, not a stack trace', async () => {
    writeFileSync(
      path.join(repo, 'postmortems/image.md'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    );
    const r = await hindsight('lint');
    expect(r.stdout).toContain(
      'postmortems/image.md:3:1 error file-readable File looks binary (a NUL byte at line 3); expected a Markdown text file.',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
  });

  it('skips README.md, dot folders and _drafts in folders but lints them when named', async () => {
    mkdirSync(path.join(repo, 'postmortems/_drafts'));
    writeFileSync(path.join(repo, 'postmortems/_drafts/wip.md'), 'wip');
    const r = await hindsight('lint');
    expect(r.stdout).toContain('in 1 file');
    const named = await hindsight('lint', 'postmortems/README.md');
    expect(named.stdout).toContain('postmortems/README.md:1:1 error front-matter-missing');
  });

  it('survives a symbolic-link loop', async () => {
    symlinkSync(path.join(repo, 'postmortems'), path.join(repo, 'postmortems/loop'));
    const r = await hindsight('lint', '--today', TODAY);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('in 1 file');
  });

  it('exits 2 with a message for a missing path, a bad option or a bad format', async () => {
    expect(await hindsight('lint', 'nope.md')).toMatchObject({
      code: 2,
      stderr: 'hindsight lint: No such file or folder: nope.md\n',
    });
    expect((await hindsight('lint', '--colour')).code).toBe(2);
    expect(await hindsight('lint', '--format', 'xml')).toMatchObject({
      code: 2,
      stderr: "hindsight lint: --format is 'xml'; expected text, json, github, sarif, junit.\n",
    });
    expect((await hindsight('frobnicate')).stderr).toContain("unknown command 'frobnicate'");
  });

  it('exits 2 with one friendly message for an invalid hindsight.json', async () => {
    writeFileSync(path.join(repo, 'hindsight.json'), '{"severities": "SEV1"}');
    const r = await hindsight('lint');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^hindsight lint: hindsight.json has a problem:\n {2}severities: .*\nHint: /,
    );
  });

  it('uses the folder and rule levels of hindsight.json', async () => {
    mkdirSync(path.join(repo, 'docs/incidents'), { recursive: true });
    writeFileSync(
      path.join(repo, 'docs/incidents/a.md'),
      readFileSync(COMPLETE, 'utf8').replace(/## Impact\n\n.*\n/, ''),
    );
    writeFileSync(
      path.join(repo, 'hindsight.json'),
      JSON.stringify({ postmortems: 'docs/incidents', rules: { 'required-section': 'warning' } }),
    );
    const r = await hindsight('lint', '--today', TODAY);
    expect(r.stdout).toContain(
      "docs/incidents/a.md:28:1 warning required-section Section 'Impact' is missing",
    );
    expect(r.code).toBe(0);
  });

  it('documents its exit codes in --help', async () => {
    const r = await hindsight('lint', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Exit codes:');
    expect(r.stdout).toContain('2  usage or configuration problem');
  });
});

describe('hindsight actions', () => {
  beforeEach(() => {
    writeFileSync(
      path.join(repo, 'postmortems/2025-dns.md'),
      '---\ntitle: DNS outage\ndate: 2025-01-10\n---\n## Action Items\n\n- [ ] Lower TTLs @kim due:2025-02-01 #prevent NET-7\n- [ ] Add "resolver, health" check @dana due:2099-01-01 #detect\n',
    );
  });

  it('lists every item across the library, open ones by due date, done ones last', async () => {
    const r = await hindsight('actions', '--today', TODAY, '--format', 'json');
    const items = JSON.parse(r.stdout) as {
      title: string;
      due: string;
      done: boolean;
      overdue: boolean;
      file: string;
      line: number;
    }[];
    expect(items.map((i) => [i.due, i.done, i.overdue])).toEqual([
      ['2025-02-01', false, true],
      ['2099-01-01', false, false],
      ['2099-03-20', false, false],
      ['2099-04-30', false, false],
      ['2024-03-06', true, false],
      ['2024-03-15', true, false],
    ]);
    expect(items[0]).toMatchObject({
      title: 'Lower TTLs',
      file: 'postmortems/2025-dns.md',
      line: 7,
    });
  });

  it('filters by --overdue, --open and --owner', async () => {
    const overdue = JSON.parse(
      (await hindsight('actions', '--overdue', '--today', TODAY, '--format', 'json')).stdout,
    );
    expect(overdue.map((i: { owner: string }) => i.owner)).toEqual(['kim']);
    const dana = JSON.parse(
      (
        await hindsight(
          'actions',
          '--owner',
          '@dana',
          '--open',
          '--today',
          TODAY,
          '--format',
          'json',
        )
      ).stdout,
    );
    expect(dana.map((i: { due: string }) => i.due)).toEqual(['2099-01-01', '2099-03-20']);
  });

  it('writes CSV with quoting and a Markdown table with escaped pipes', async () => {
    const csv = (await hindsight('actions', '--open', '--format', 'csv', '--today', TODAY)).stdout;
    expect(csv.split('\r\n')[0]).toBe('Due,State,Owner,Kind,Action,Tracker,Postmortem,Where');
    expect(csv).toContain(
      `2099-01-01,open,'@dana,detect,"Add ""resolver, health"" check",,DNS outage,postmortems/2025-dns.md:8`,
    );
    const md = (await hindsight('actions', '--format', 'markdown', '--today', TODAY)).stdout;
    expect(md.split('\n')[1]).toBe('| --- | --- | --- | --- | --- | --- | --- | --- |');
    expect(md).toContain(
      '| 2025-02-01 | OVERDUE | @kim | prevent | Lower TTLs | NET-7 | DNS outage | postmortems/2025-dns.md:7 |',
    );
  });

  it('prints a readable table with a count line', async () => {
    const r = await hindsight('actions', '--today', TODAY);
    expect(r.stdout).toMatch(/^Due +State +Owner/);
    expect(r.stdout).toContain('6 action items: 4 open, 1 overdue, 2 done');
  });
});

describe('hindsight new', () => {
  it('writes a dated, slugged postmortem from the template into the configured folder', async () => {
    const r = await hindsight(
      'new',
      'Login failures after cert rotation',
      '--severity',
      'SEV2',
      '--root-cause',
      'time',
      '--date',
      '2026-11-20',
      '--author',
      'Ana',
    );
    expect(r).toMatchObject({
      code: 0,
      stdout: 'postmortems/2026-11-20-login-failures-after-cert-rotation.md\n',
    });
    const text = readFileSync(
      path.join(repo, 'postmortems/2026-11-20-login-failures-after-cert-rotation.md'),
      'utf8',
    );
    expect(text).toMatch(
      /^---\ntitle: Login failures after cert rotation\ndate: 2026-11-20\nstatus: draft\nseverity: SEV2\nroot_cause: time\n/,
    );
    expect(text).toContain('authors: [Ana]');
    expect(text).toContain('## Lessons Learned');
    const lint = await hindsight(
      'lint',
      'postmortems/2026-11-20-login-failures-after-cert-rotation.md',
    );
    // The one error of a fresh template: the empty services list, for the writer to fill in.
    expect(lint.stdout).toContain(":9:1 error required-field Field 'services' is empty");
    expect(lint.stdout.split('\n').filter((l) => / error /.test(l))).toHaveLength(1);
  });

  it('never overwrites an existing file', async () => {
    await hindsight('new', 'Same title', '--date', '2026-11-20');
    const file = path.join(repo, 'postmortems/2026-11-20-same-title.md');
    writeFileSync(file, 'my words');
    const r = await hindsight('new', 'Same title', '--date', '2026-11-20');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('already exists; nothing was written');
    expect(readFileSync(file, 'utf8')).toBe('my words');
  });

  it('rejects unknown severities and categories with a suggestion', async () => {
    expect(await hindsight('new', 'X', '--root-cause', 'dns')).toMatchObject({ code: 2 });
    expect((await hindsight('new', 'X', '--root-cause', 'netwrk')).stderr).toContain(
      "did you mean 'network'?",
    );
    expect((await hindsight('new', 'X', '--severity', 'sev1')).stderr).toContain(
      "did you mean 'SEV1'?",
    );
    expect((await hindsight('new')).stderr).toContain('a title is required');
    expect(readdirSync(path.join(repo, 'postmortems')).length).toBe(2);
  });
});

describe('hindsight stats', () => {
  it('counts by category, severity and year with median times, as text and JSON', async () => {
    const text = (await hindsight('stats', '--today', TODAY)).stdout;
    expect(text).toMatch(/^1 postmortems, 2024 to 2024/);
    expect(text).toMatch(/capacity +1 +0 +7 min +49 min/);
    expect(text).toContain('Action items: 4 in all, 2 open, 0 overdue, 2 done');
    const json = JSON.parse((await hindsight('stats', '--format', 'json')).stdout);
    expect(json.bySeverity).toContainEqual({ id: 'SEV2', count: 1 });
    expect(json.byCategory.find((c: { id: string }) => c.id === 'config-change')).toMatchObject({
      count: 0,
      contributing: 1,
    });
  });
});

describe('the installed bin', () => {
  it('runs as npx hindsight from the repository root', () => {
    const r = spawnSync(
      'npx',
      ['--no-install', 'hindsight', 'lint', 'test/fixtures/valid/complete.md', '--today', TODAY],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(r.stdout).toBe('0 errors, 0 warnings in 1 file\n');
    expect(r.status).toBe(0);
    const bad = spawnSync(
      'npx',
      ['--no-install', 'hindsight', 'lint', 'test/fixtures/rules/front-matter-missing/bad-none.md'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(bad.status).toBe(1);
    const usage = spawnSync('npx', ['--no-install', 'hindsight', 'lint', '--nope'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(usage.status).toBe(2);
  });
});

describe('the installed bin and its pipes', () => {
  it('ends quietly when the reader closes the pipe early', () => {
    const r = spawnSync(
      'bash',
      ['-c', 'node cli/bin/hindsight.mjs lint test/fixtures/rules --today 2026-11-24 | head -1'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).not.toMatch(/EPIPE|at .*\.mjs/);
  });

  it('lints a file outside the repository by its path', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hindsight-outside-'));
    cpSync(COMPLETE, path.join(dir, 'elsewhere.md'));
    const r = spawnSync(
      process.execPath,
      [
        path.join(ROOT, 'cli/bin/hindsight.mjs'),
        'lint',
        path.join(dir, 'elsewhere.md'),
        '--today',
        TODAY,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(r.stdout).toBe('0 errors, 0 warnings in 1 file\n');
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports the same findings, in the same order, when worker threads share the work', () => {
    // Every rule's bad fixtures, copied many times: enough batches for the workers to take some.
    const dir = mkdtempSync(path.join(tmpdir(), 'hindsight-threads-'));
    const rules = path.join(ROOT, 'test/fixtures/rules');
    const bad = readdirSync(rules).flatMap((rule) =>
      readdirSync(path.join(rules, rule))
        .filter((f) => f.startsWith('bad'))
        .map((f) => path.join(rules, rule, f)),
    );
    for (let i = 0; i < 400; i++)
      cpSync(
        bad[i % bad.length]!,
        path.join(dir, `${String(i).padStart(3, '0')}-${path.basename(bad[i % bad.length]!)}`),
      );
    const lint = (env: Record<string, string>) =>
      spawnSync(
        process.execPath,
        [
          path.join(ROOT, 'cli/bin/hindsight.mjs'),
          'lint',
          dir,
          '--format',
          'json',
          '--today',
          TODAY,
        ],
        { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } },
      );
    const one = lint({ HINDSIGHT_THREADS: '1' });
    const shared = lint({ HINDSIGHT_THREADS: '3', HINDSIGHT_PARALLEL_AFTER_MS: '0' });
    expect(one.status).toBe(1);
    expect(JSON.parse(one.stdout).length).toBeGreaterThan(400);
    expect(shared.stdout).toBe(one.stdout);
    expect(shared.status).toBe(1);
    rmSync(dir, { recursive: true, force: true });
  });
});
