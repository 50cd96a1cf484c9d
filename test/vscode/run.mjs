// Runs the extension's integration tests in a real VS Code through @vscode/test-electron's
// runTests(). Here that VS Code is the server of the code-server package, reached through
// code-shim.mjs; set HINDSIGHT_VSCODE=download to let runTests download a desktop VS Code instead
// where that is possible. Writes {passed, failed} to $HINDSIGHT_RESULT_FILE when set.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));
const dist = path.join(here, 'dist');

if (
  spawnSync(process.execPath, [path.join(root, 'extension/build.mjs'), '--sourcemap'], {
    stdio: 'inherit',
  }).status !== 0
)
  process.exit(1);
rmSync(dist, { recursive: true, force: true });
await build({
  entryPoints: readdirSync(path.join(here, 'suite'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(here, 'suite', f)),
  outdir: dist,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
// The repository is "type": "module"; the extension host loads the suite with require().
writeFileSync(path.join(dist, 'package.json'), '{ "type": "commonjs" }\n');

const workspace = mkdtempSync(path.join(tmpdir(), 'hindsight-ws-'));
cpSync(path.join(root, 'test/fixtures/vscode-workspace'), workspace, { recursive: true });

let tail = '';
const tee = (stream) =>
  new Writable({
    write(chunk, _enc, done) {
      tail = (tail + chunk.toString()).slice(-4000);
      stream.write(chunk, done);
    },
  });

// The extension host runs in a time zone that is not UTC, so tests prove times are written in UTC.
process.env.TZ = process.env.HINDSIGHT_VSCODE_TZ ?? 'America/Los_Angeles';

let exitCode = 0;
try {
  await runTests({
    vscodeExecutablePath:
      process.env.HINDSIGHT_VSCODE === 'download' ? undefined : path.join(here, 'code-shim.mjs'),
    extensionDevelopmentPath: path.join(root, 'extension'),
    extensionTestsPath: path.join(dist, 'index.js'),
    launchArgs: [workspace, '--disable-extensions'],
    stdout: tee(process.stdout),
    stderr: tee(process.stderr),
  });
} catch (e) {
  exitCode = 1;
  process.stderr.write(`Extension tests failed: ${e.message}\n`);
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
const m = [...tail.matchAll(/(\d+) passed, (\d+) failed/g)].pop();
const passed = m ? Number(m[1]) : 0;
const failed = m ? Number(m[2]) + (exitCode && Number(m[2]) === 0 ? 1 : 0) : 1;
if (process.env.HINDSIGHT_RESULT_FILE)
  writeFileSync(process.env.HINDSIGHT_RESULT_FILE, JSON.stringify({ passed, failed }));
process.exitCode = exitCode || (failed ? 1 : 0);
