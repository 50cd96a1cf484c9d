import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const GOLDEN = path.join(ROOT, 'test/fixtures/cli-golden');

/** Output recorded with the CLI before the node-side package and the new formats existed. */
const CASES: [string, string[]][] = [
  ['lint-postmortems.json', ['lint', 'postmortems', '--format', 'json']],
  ['lint-test-fixtures.json', ['lint', 'test/fixtures', '--format', 'json']],
  ['lint-test-fixtures.txt', ['lint', 'test/fixtures']],
  ['actions-postmortems.json', ['actions', 'postmortems', '--format', 'json']],
  ['stats-postmortems.json', ['stats', 'postmortems', '--format', 'json']],
];

describe('the CLI on the library and the fixtures', () => {
  it.each(CASES)('prints byte for byte what it printed before (%s)', (golden, args) => {
    const r = spawnSync(process.execPath, ['cli/bin/hindsight.mjs', ...args, '--today', '2026-11-24'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, GITHUB_ACTIONS: '' },
    });
    expect(r.stdout).toBe(readFileSync(path.join(GOLDEN, golden), 'utf8'));
  }, 60_000);
});
