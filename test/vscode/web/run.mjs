// Runs the extension's tests in VS Code for the Web: the VS Code server's web worker extension
// host (see shared VSCODE-TESTS.md), opened in headless Chromium. The workspace setting
// remote.extensionKind moves the extension (which has both `main` and `browser`) to the web
// worker; its browser build and a browser build of the tests (inside the extension folder, as the
// host requires) run there. The result is read from the "N passed, N failed" line the tests print
// (the worker host does not report its exit here). Exit code 0 when every test passed.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { format } from 'node:util';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { assertInstalled, CHROMIUM_ARGS, startServer } from '../tools.mjs';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const here = fileURLToPath(new URL('.', import.meta.url));
const extension = path.join(root, 'extension');
const out = path.join(extension, 'dist/web-test');
const verbose = process.env.HINDSIGHT_VSCODE_VERBOSE === '1';

if (
  spawnSync(process.execPath, [path.join(extension, 'build.mjs'), '--sourcemap'], {
    stdio: 'inherit',
  }).status !== 0
)
  process.exit(1);
rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: [path.join(here, 'index.ts')],
  outfile: path.join(out, 'index.js'),
  bundle: true,
  platform: 'browser',
  conditions: ['worker'],
  format: 'cjs',
  external: ['vscode'],
  logLevel: 'warning',
});

const scratch = mkdtempSync(path.join(tmpdir(), 'hindsight-web-'));
const workspace = path.join(scratch, 'workspace');
cpSync(path.join(root, 'test/fixtures/vscode-workspace'), workspace, { recursive: true });
mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
writeFileSync(
  path.join(workspace, '.vscode/settings.json'),
  JSON.stringify({ 'remote.extensionKind': { 'hindsight.hindsight': ['web'] } }),
);
const userDataDir = path.join(scratch, 'user-data');
mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
writeFileSync(
  path.join(userDataDir, 'User/settings.json'),
  JSON.stringify({
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'telemetry.telemetryLevel': 'off',
    'chat.disableAIFeatures': true,
    'workbench.startupEditor': 'none',
  }),
);

let server;
let browser;
let result;
try {
  assertInstalled();
  server = await startServer({
    userDataDir,
    extensionsDir: path.join(scratch, 'extensions'),
    log: (s) => verbose && process.stderr.write(s),
  });
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const query = new URLSearchParams({
    folder: workspace,
    payload: JSON.stringify([
      ['extensionDevelopmentPath', remote(extension)],
      ['extensionTestsPath', remote(path.join(out, 'index.js'))],
      ['skipWelcome', 'true'],
    ]),
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  result = await new Promise((resolve) => {
    const timer = setTimeout(
      () => resolve(undefined),
      Number(process.env.HINDSIGHT_VSCODE_TIMEOUT ?? 300) * 1000,
    );
    void page.exposeFunction('codeAutomationExit', (code) => {
      clearTimeout(timer);
      resolve({ exit: Number(code) });
    });
    void page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      if (
        !verbose &&
        /ENOTFOUND|Service Worker|signed-in|authentication provider|queryGalleryExtensions|Failed to fetch/.test(
          text,
        )
      )
        return;
      process.stdout.write(`${text}\n`);
      const m = /^(\d+) passed, (\d+) failed$/.exec(text.trim());
      if (m) {
        clearTimeout(timer);
        resolve({ passed: Number(m[1]), failed: Number(m[2]) });
      }
    });
    void page.goto(`${server.url}/?${query}`);
  });
} catch (e) {
  process.stderr.write(`web tests: ${e.message}\n`);
} finally {
  await browser?.close().catch(() => {});
  server?.stop();
  rmSync(scratch, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
}
if (!result) process.stderr.write('The web extension tests did not report a result.\n');
else if ('exit' in result)
  process.stdout.write(`The web worker extension host exited with ${result.exit}.\n`);
if (process.env.HINDSIGHT_RESULT_FILE) {
  const counts =
    result && 'passed' in result
      ? { passed: result.passed, failed: result.failed }
      : { passed: 0, failed: 1 };
  writeFileSync(process.env.HINDSIGHT_RESULT_FILE, JSON.stringify(counts));
}
process.exitCode = result && 'passed' in result && result.failed === 0 && result.passed > 0 ? 0 : 1;
