// Runs every test suite in order and ends with one line CI reads: "N passed, N failed".
// Suites: type checks (tsc, astro check), generated-file freshness, ESLint, the Prettier check,
// vitest (core, CLI, library, site data), the site end to end in headless Chromium, the
// extension's integration tests in a real VS Code, and the packaged .vsix installed and used in it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const results = [];

function step(name, command, args, env = {}) {
  process.stdout.write(`\n== ${name} ==\n`);
  const r = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return r.status === 0;
}

function check(name, command, args) {
  const ok = step(name, command, args);
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
}

/** Runs vitest with a JSON report beside the usual output and counts its tests. */
function vitest(name, args) {
  const dir = mkdtempSync(path.join(tmpdir(), 'hindsight-vitest-'));
  const report = path.join(dir, 'report.json');
  const ok = step(name, 'npx', [
    '--no-install',
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...args,
  ]);
  let passed = 0;
  let failed = ok ? 0 : 1;
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    passed = json.numPassedTests;
    failed = json.numFailedTests + (ok || json.numFailedTests ? 0 : 1);
    if (json.numTotalTests === 0) failed += 1; // a suite that ran nothing is a failure, not a pass
  } catch {
    failed = Math.max(failed, 1);
  }
  rmSync(dir, { recursive: true, force: true });
  results.push({ name, passed, failed });
}

process.env.ASTRO_TELEMETRY_DISABLED = '1';
check('Install test tools (Chromium)', 'bash', ['scripts/setup-test-env.sh']);
check('Install the VS Code runtime (code-server, Node 24)', 'bash', ['scripts/setup-vscode.sh']);
check('Type check (tsc)', 'npx', ['--no-install', 'tsc', '-p', 'tsconfig.json']);
check('Type check the site (astro check)', 'npx', [
  '--no-install',
  'astro',
  'check',
  '--root',
  'site',
]);
check('Generated files are up to date', process.execPath, ['scripts/generate.mjs', '--check']);
check('Lint: import boundaries, no cycles, recommended rules (eslint)', 'npx', [
  '--no-install',
  'eslint',
  '.',
]);
check('Formatted (prettier --check)', 'npx', ['--no-install', 'prettier', '--check', '.']);
vitest('Unit, CLI and site data tests (vitest)', []);
vitest('Site end to end in Chromium (vitest + playwright-core)', [
  '--config',
  'vitest.e2e.config.ts',
]);
counted('Extension in a real VS Code (@vscode/test-electron + mocha)', process.execPath, [
  'test/vscode/run.mjs',
]);
counted('Extension in VS Code for the Web (web worker extension host)', process.execPath, [
  'test/vscode/web/run.mjs',
]);
counted('Packaged .vsix installed and used in VS Code', process.execPath, [
  'test/vscode/vsix-e2e.mjs',
]);

/** Runs a suite that writes {passed, failed} to $HINDSIGHT_RESULT_FILE. */
function counted(name, command, args) {
  const dir = mkdtempSync(path.join(tmpdir(), 'hindsight-suite-'));
  const file = path.join(dir, 'result.json');
  const ok = step(name, command, args, { HINDSIGHT_RESULT_FILE: file });
  let passed = 0;
  let failed = 1;
  try {
    ({ passed, failed } = JSON.parse(readFileSync(file, 'utf8')));
    if (!ok && failed === 0) failed = 1;
    if (passed + failed === 0) failed = 1;
  } catch {
    // no result: the suite did not run
  }
  rmSync(dir, { recursive: true, force: true });
  results.push({ name, passed, failed });
}

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
process.stdout.write('\n');
for (const r of results)
  process.stdout.write(
    `${r.failed ? 'FAIL' : 'ok  '} ${r.name}: ${r.passed} passed, ${r.failed} failed\n`,
  );
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exitCode = failed ? 1 : 0;
