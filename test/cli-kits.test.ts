import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import Ajv2020 from 'ajv/dist/2020.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'cli/bin/hindsight.mjs');
const COMPLETE = readFileSync(path.join(ROOT, 'test/fixtures/valid/complete.md'), 'utf8');
const BAD = readFileSync(path.join(ROOT, 'test/fixtures/rules/severity-level/bad-typo.md'), 'utf8');

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}

let repo: string;

beforeEach(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'hindsight-kits-'));
  mkdirSync(path.join(repo, '.git'));
  mkdirSync(path.join(repo, 'postmortems'));
  mkdirSync(path.join(repo, 'docs'));
  writeFileSync(path.join(repo, 'postmortems/2024-03-05-checkout.md'), COMPLETE);
  writeFileSync(path.join(repo, 'postmortems/2024-05-02-search.md'), BAD);
  writeFileSync(path.join(repo, 'postmortems/README.md'), '# About this folder\n');
  writeFileSync(path.join(repo, 'docs/notes.md'), '# Notes\n');
});

afterEach(() => rmSync(repo, { recursive: true, force: true }));

/** Runs a hook's command line in the temporary repository, with the repository's hindsight for `hindsight`. */
function runCommand(command: string, files: string[], env: Record<string, string> = {}) {
  const line = command.replace(
    /^(npx --no-install )?hindsight /,
    `"${process.execPath}" "${BIN}" `,
  );
  return spawnSync('bash', ['-c', `${line} "$@"`, 'hook', ...files], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_ACTIONS: '', ...env },
  });
}

describe('action.yml', () => {
  const action = parseYaml(read('action.yml')) as {
    inputs: Record<string, { default: string }>;
    runs: { using: string; steps: Step[] };
  };
  const steps = action.runs.steps;

  it('is a composite action that sets up Node, installs and lints with GitHub annotations', () => {
    expect(action.runs.using).toBe('composite');
    expect(steps[0]!.uses).toMatch(/^actions\/setup-node@v\d+$/);
    expect(steps.map((s) => s.run)).toContain('npm ci --no-audit --no-fund');
    const lint = steps.find((s) => s.run?.includes('hindsight lint'))!;
    expect(lint.run).toBe('npx --no-install hindsight lint --format github $HINDSIGHT_PATHS');
    // The names it uses exist: its inputs, the site build script.
    for (const s of steps)
      for (const m of JSON.stringify(s).matchAll(/inputs\.([\w-]+)/g))
        expect(action.inputs).toHaveProperty(m[1]!);
    const build = steps.find((s) => s.if === "inputs.build-site == 'true'")!;
    expect(build.run).toBe('npm run build:site');
    expect(JSON.parse(read('package.json')).scripts['build:site']).toMatch(
      /^astro build --root site$/,
    );
  });

  it('runs its exact lint command line to annotations and a failing exit code on a folder with errors', () => {
    const lint = steps.find((s) => s.run?.includes('hindsight lint'))!;
    // As the runner does: the step's env (the paths input) and GITHUB_ACTIONS, from the repository root.
    const r = spawnSync('bash', ['-c', lint.run!], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, GITHUB_ACTIONS: 'true', HINDSIGHT_PATHS: `${repo}/postmortems` },
    });
    const rel = path.relative(ROOT, path.join(repo, 'postmortems/2024-05-02-search.md'));
    expect(r.stdout).toMatch(
      new RegExp(
        `^::error file=${rel.replace(/[.]/g, '\\.')},line=5,col=11,endLine=5,endColumn=16,title=severity-level::Severity 'sev-3' is not a configured level; did you mean 'SEV3'\\?`,
        'm',
      ),
    );
    expect(r.stdout.trimEnd().split('\n').at(-1)).toMatch(
      /^\d+ errors?, \d+ warnings? in 2 files \(1 with findings\)$/,
    );
    expect(r.status).toBe(1);
  });
});

describe('docs/github-workflow.yml', () => {
  const workflow = parseYaml(read('docs/github-workflow.yml')) as {
    on: Record<string, unknown>;
    jobs: Record<string, { if: string; steps: Step[]; permissions?: Record<string, string> }>;
  };
  const inputs = (parseYaml(read('action.yml')) as { inputs: Record<string, unknown> }).inputs;

  it('lints pull requests with the action and publishes the site from main to GitHub Pages', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['pull_request', 'push']));
    const { lint, site } = workflow.jobs;
    expect(lint!.if).toBe("github.event_name == 'pull_request'");
    expect(lint!.steps.find((s) => s.uses === './')?.with).toEqual({ 'build-site': 'false' });
    const build = site!.steps.find((s) => s.uses === './')!;
    expect(build.with).toEqual({ 'build-site': 'true' });
    expect(build.env).toEqual({
      HINDSIGHT_BASE: '/${{ github.event.repository.name }}/',
      HINDSIGHT_SITE_URL: '${{ steps.pages.outputs.base_url }}',
    });
    expect(site!.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
    expect(
      site!.steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))?.with,
    ).toEqual({ path: 'site/dist' });
    expect(read('site/astro.config.mjs')).not.toMatch(/outDir/); // Astro's default: site/dist
  });

  it('passes only inputs the action has, and reads outputs of steps that exist', () => {
    for (const job of Object.values(workflow.jobs)) {
      const ids = new Set(job.steps.map((s) => s.id).filter(Boolean));
      for (const s of job.steps) {
        if (s.uses === './')
          for (const key of Object.keys(s.with ?? {})) expect(inputs).toHaveProperty(key);
        for (const m of JSON.stringify(s).matchAll(/steps\.([\w-]+)\./g))
          expect(ids.has(m[1]!), m[1]).toBe(true);
      }
    }
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const [hook] = parseYaml(read('.pre-commit-hooks.yaml')) as {
    id: string;
    entry: string;
    language: string;
    files: string;
    pass_filenames: boolean;
  }[];

  it('lints the staged postmortems and passes over other Markdown', () => {
    expect(hook).toMatchObject({ id: 'hindsight-lint', language: 'system', pass_filenames: true });
    const staged = [
      'postmortems/2024-03-05-checkout.md',
      'postmortems/2024-05-02-search.md',
      'postmortems/README.md',
      'docs/notes.md',
      'package.json',
    ];
    // pre-commit passes the staged files its `files` pattern matches (Python re.search).
    const matched = staged.filter((f) => new RegExp(hook!.files).test(f));
    expect(matched).toEqual(staged.slice(0, 4));
    const r = runCommand(hook!.entry, matched);
    expect(r.stdout).toContain(
      "postmortems/2024-05-02-search.md:5:11 error severity-level Severity 'sev-3' is not a configured level",
    );
    expect(r.stdout).not.toContain('README.md');
    expect(r.stdout).not.toContain('notes.md');
    expect(r.stdout).toMatch(/in 2 files \(1 with findings\)\n$/);
    expect(r.status).toBe(1);
    expect(
      runCommand(hook!.entry, ['postmortems/2024-03-05-checkout.md', 'docs/notes.md'], {}).status,
    ).toBe(0);
  });

  it('calls a command that runs from the repository root as written', () => {
    const r = spawnSync(
      'bash',
      ['-c', `${hook!.entry} test/fixtures/valid/complete.md --today 2026-11-24`],
      { cwd: ROOT, encoding: 'utf8' },
    );
    // Not in the postmortems folder of this repository: passed over, so nothing fails.
    expect(r.stdout).toBe('0 errors, 0 warnings in 0 files\n');
    expect(r.status).toBe(0);
  });
});

describe('docs/lint-staged.md', () => {
  const blocks = [...read('docs/lint-staged.md').matchAll(/```json\n([\s\S]*?)```/g)].map(
    (m) => JSON.parse(m[1]!) as { 'lint-staged': Record<string, string | string[]> },
  );

  it('has configurations whose commands lint, and fix then lint, the staged postmortems', () => {
    expect(blocks).toHaveLength(2);
    const files = ['postmortems/2024-05-02-search.md', 'postmortems/README.md', 'docs/notes.md'];
    const [lintOnly, fixThenLint] = blocks.map((b) => Object.values(b['lint-staged'])[0]!);
    const lint = runCommand(lintOnly as string, files);
    expect(lint.status).toBe(1);
    expect(lint.stdout).toMatch(/in 1 file \(1 with findings\)\n$/);
    const before = readFileSync(path.join(repo, 'postmortems/README.md'), 'utf8');
    const results = (fixThenLint as string[]).map((c) => runCommand(c, files));
    expect(results[0]!.stdout).toContain("postmortems/2024-05-02-search.md: Change to 'SEV3'");
    expect(results[1]!.stdout).toContain('0 errors');
    expect(readFileSync(path.join(repo, 'postmortems/README.md'), 'utf8')).toBe(before);
    expect(Object.keys(blocks[0]!['lint-staged'])).toEqual(['*.{md,markdown}']);
  });
});

describe('README "Use it in your repository"', () => {
  const readme = read('README.md');
  const section = readme.slice(
    readme.indexOf('## Use it in your repository'),
    readme.indexOf('\n## ', readme.indexOf('## Use it in your repository') + 5),
  );
  const blocks = [...section.matchAll(/```(yaml|json)\n([\s\S]*?)```/g)].map((m) => ({
    lang: m[1]!,
    text: m[2]!,
  }));

  it('copies its GitHub Actions and lint-staged snippets from the tested files', () => {
    expect(blocks).toHaveLength(3);
    expect(read('docs/github-workflow.yml')).toContain(blocks[0]!.text);
    expect(read('docs/lint-staged.md')).toContain(blocks[2]!.text);
  });

  it('gives a pre-commit config whose hook is the tested one', () => {
    const hook = (parseYaml(blocks[1]!.text) as { repos: { hooks: Record<string, string>[] }[] })
      .repos[0]!.hooks[0]!;
    const [published] = parseYaml(read('.pre-commit-hooks.yaml')) as Record<string, string>[];
    for (const key of ['id', 'name', 'entry', 'language', 'files'])
      expect(hook[key], key).toBe(published![key]);
  });
});

describe('postmortem.schema.json', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(read('postmortem.schema.json')));
  const frontMatter = (text: string) =>
    parseYaml(text.slice(4, text.indexOf('\n---\n')), { schema: 'core' }) as Record<
      string,
      unknown
    >;

  it('accepts the front matter of every postmortem of the library and the complete fixture', () => {
    const dir = path.join(ROOT, 'postmortems');
    const files = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md');
    expect(files.length).toBeGreaterThan(5);
    for (const f of [
      ...files.map((f) => path.join(dir, f)),
      path.join(ROOT, 'test/fixtures/valid/complete.md'),
    ]) {
      expect(
        validate(frontMatter(readFileSync(f, 'utf8'))),
        `${f}: ${JSON.stringify(validate.errors)}`,
      ).toBe(true);
    }
  });

  it('rejects what lint rejects: an unknown severity, a bad status, a missing services list', () => {
    const good = frontMatter(COMPLETE);
    for (const bad of [
      { ...good, severity: 'SEV9' },
      { ...good, status: 'done' },
      { ...good, services: undefined },
      { ...good, date: '31/01/2024' },
    ]) {
      expect(validate(JSON.parse(JSON.stringify(bad)))).toBe(false);
    }
  });
});
