// End to end as a user would: package the extension, install the .vsix into the VS Code server,
// open the fixture workspace in Chromium, open a defective postmortem with Quick Open, show the
// Problems panel, and check what a person would see. Writes a screenshot to
// test-results/screenshots/vscode-problems.png and ends with "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { assertInstalled, CHROMIUM_ARGS, CODE_SERVER, NODE24, startServer } from './tools.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const shots = path.join(root, 'test-results/screenshots');
const vsix = path.join(root, 'dist/hindsight.vsix');
const scratch = mkdtempSync(path.join(tmpdir(), 'hindsight-vsix-'));
const results = [];
const check = (name, ok, detail = '') => {
  results.push({ name, ok });
  process.stdout.write(`${ok ? '  ✔' : '  ✘'} ${name}${ok || !detail ? '' : `: ${detail}`}\n`);
};

let server;
let browser;
try {
  assertInstalled();
  mkdirSync(shots, { recursive: true });
  const pack = spawnSync('npm', ['run', '--silent', 'package', '--workspace', 'extension'], {
    cwd: root,
    encoding: 'utf8',
  });
  check('the extension packages into a .vsix', pack.status === 0, pack.stderr);

  const userDataDir = path.join(scratch, 'user-data');
  const extensionsDir = path.join(scratch, 'extensions');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'chat.disableAIFeatures': true,
      'extensions.autoCheckUpdates': false,
      'workbench.colorTheme': 'Default Light Modern',
    }),
  );
  const install = spawnSync(
    NODE24,
    [
      path.join(CODE_SERVER, 'out/node/entry.js'),
      '--install-extension',
      vsix,
      '--extensions-dir',
      extensionsDir,
      '--user-data-dir',
      userDataDir,
    ],
    { encoding: 'utf8' },
  );
  check(
    'code-server installs the .vsix',
    install.status === 0 && /hindsight/i.test(install.stdout + install.stderr),
    install.stdout + install.stderr,
  );

  const workspace = path.join(scratch, 'workspace');
  cpSync(path.join(root, 'test/fixtures/vscode-workspace'), workspace, { recursive: true });
  server = await startServer({ userDataDir, extensionsDir });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.statusbar').waitFor({ timeout: 60_000 });

  // Quick Open the defective postmortem, as a person would.
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 450 } });
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').waitFor({ timeout: 20_000 });
  await page.keyboard.type('2024-05-02-search-latency.md');
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 20_000 });
  await page.keyboard.press('Enter');
  await page
    .locator('.monaco-editor .view-lines', { hasText: 'severity: sev-3' })
    .waitFor({ timeout: 20_000 });
  await page.keyboard.press('Control+Shift+M');
  const problem = page.locator('.markers-panel', {
    hasText: "Severity 'sev-3' is not a configured level; did you mean 'SEV3'?",
  });
  const shown = await problem.waitFor({ timeout: 60_000 }).then(
    () => true,
    () => false,
  );
  check("the Problems panel shows Hindsight's findings for the open postmortem", shown);
  const missing = await page
    .locator('.markers-panel', { hasText: "Section 'Impact' is missing" })
    .count();
  check('the missing section is reported too', missing > 0);
  const activity = await page.locator('.activitybar [aria-label^="Hindsight"]').count();
  check('the Hindsight view container is in the activity bar', activity > 0);
  const status = await page
    // The fixture postmortems are from 2024: overdue counts only postmortems of the last six months by default.
    .locator('.statusbar-item', { hasText: /^\D*\d+ open$/ })
    .first()
    .waitFor({ timeout: 30_000 })
    .then(
      () => true,
      () => false,
    );
  check(
    'the status bar shows the open action items, quiet about overdue ones of old postmortems',
    status,
  );
  await page.screenshot({ path: path.join(shots, 'vscode-problems.png') });
} catch (e) {
  check('the end-to-end run completes', false, e.message);
} finally {
  await browser?.close().catch(() => {});
  server?.stop();
  rmSync(scratch, { recursive: true, force: true });
}
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
process.stdout.write(`${passed} passed, ${failed} failed\n`);
if (process.env.HINDSIGHT_RESULT_FILE)
  writeFileSync(process.env.HINDSIGHT_RESULT_FILE, JSON.stringify({ passed, failed }));
process.exitCode = failed ? 1 : 0;
