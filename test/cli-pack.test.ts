import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
let dir: string;
let tarball: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hindsight-pack-'));
  // npm pack runs the package's prepack (a fresh bundle), as `npm publish` would.
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], {
    cwd: path.join(ROOT, 'cli'),
    encoding: 'utf8',
  });
  tarball = path.join(dir, (JSON.parse(out) as { filename: string }[])[0]!.filename);
  execFileSync('npm', ['init', '--yes'], { cwd: dir, stdio: 'ignore' });
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], {
    cwd: dir,
    stdio: 'ignore',
  });
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const npx = (...args: string[]) =>
  spawnSync('npx', ['--no-install', 'hindsight', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_ACTIONS: '' },
  });

describe('the packed CLI', () => {
  it('installs offline into an empty folder with no dependency to fetch, core bundled', () => {
    const manifest = JSON.parse(
      readFileSync(path.join(dir, 'node_modules/@hindsight/cli/package.json'), 'utf8'),
    );
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(readdirSync(path.join(dir, 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual([
      '@hindsight',
    ]);
    expect(readdirSync(path.join(dir, 'node_modules/@hindsight'))).toEqual(['cli']);
    expect(readdirSync(path.join(dir, 'node_modules/@hindsight/cli')).sort()).toEqual([
      'bin',
      'dist',
      'hindsight.schema.json',
      'package.json',
      'postmortem.schema.json',
    ]);
  });

  it('runs npx hindsight --help and lint there', () => {
    const help = npx('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: hindsight <command> [options]');
    copyFileSync(path.join(ROOT, 'test/fixtures/valid/complete.md'), path.join(dir, 'ok.md'));
    copyFileSync(
      path.join(ROOT, 'test/fixtures/rules/severity-level/bad-typo.md'),
      path.join(dir, 'bad.md'),
    );
    const ok = npx('lint', 'ok.md', '--today', '2026-11-24');
    expect(ok).toMatchObject({ status: 0, stdout: '0 errors, 0 warnings in 1 file\n' });
    const bad = npx('lint', 'bad.md', '--format', 'github');
    expect(bad.stdout).toMatch(/^::error file=bad\.md,line=5,col=11,.*title=severity-level::/);
    expect(bad.status).toBe(1);
    expect(npx('fix', 'bad.md', '--dry-run').stdout).toContain('+severity: SEV3');
  });
});
