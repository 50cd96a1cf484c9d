import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { visible } from '@hindsight/core';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const GOLDEN = path.join(ROOT, 'test/fixtures/cli-golden');

/**
 * Output first recorded with the CLI of main at 908bab0, before the node-side package and the new
 * formats existed (the move changed no byte), and recorded again when issue 14's readers changed
 * what the fixtures give, as `node cli/bin/hindsight.mjs <args> --today 2026-11-24 > test/fixtures/cli-golden/<file>`.
 * A later change of a rule, a message or the fixtures changes
 * this output on purpose: record the files again with the same command, in the same commit.
 */
const CASES: [string, string[]][] = [
  ['lint-postmortems.json', ['lint', 'postmortems', '--format', 'json']],
  ['lint-test-fixtures.json', ['lint', 'test/fixtures', '--format', 'json']],
  ['actions-postmortems.json', ['actions', 'postmortems', '--format', 'json']],
  ['stats-postmortems.json', ['stats', 'postmortems', '--format', 'json']],
];

describe('the CLI on the library and the fixtures', () => {
  it.each(CASES)(
    'prints byte for byte what it printed before (%s)',
    (golden, args) => {
      const r = spawnSync(
        process.execPath,
        ['cli/bin/hindsight.mjs', ...args, '--today', '2026-11-24'],
        {
          cwd: ROOT,
          encoding: 'utf8',
          env: { ...process.env, GITHUB_ACTIONS: '' },
        },
      );
      expect(r.stdout).toBe(readFileSync(path.join(GOLDEN, golden), 'utf8'));
    },
    60_000,
  );

  it('prints one text line per finding, a message that spans lines shown on one', () => {
    const r = spawnSync(
      process.execPath,
      ['cli/bin/hindsight.mjs', 'lint', 'test/fixtures', '--today', '2026-11-24'],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '' } },
    );
    const json = JSON.parse(readFileSync(path.join(GOLDEN, 'lint-test-fixtures.json'), 'utf8')) as {
      file: string;
      line: number;
      column: number;
      severity: string;
      rule: string;
      message: string;
    }[];
    const lines = json.map(
      (d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule} ${visible(d.message)}`,
    );
    const printed = r.stdout.split('\n');
    expect(printed.slice(0, lines.length)).toEqual(lines);
    // The corpus holds a message with a line break (from a hostile file): it is escaped, not printed raw.
    const multiLine = json.filter((d) => d.message.includes('\n'));
    expect(multiLine.length).toBeGreaterThan(0);
    for (const d of multiLine)
      expect(printed).toContain(
        `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule} ${visible(d.message)}`,
      );
  }, 60_000);
});
