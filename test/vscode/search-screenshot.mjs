// "Hindsight: Search Past Postmortems" as a person uses it: the workbench in Chromium with the
// extension loaded from extension/, the command run from the Command Palette, a query with a typo
// typed into the Quick Pick. Checks what the list shows, writes
// test-results/screenshots/vscode-search.png and ends with "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { assertInstalled, CHROMIUM_ARGS, startServer } from './tools.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const shots = path.join(root, 'test-results/screenshots');
const scratch = mkdtempSync(path.join(tmpdir(), 'hindsight-search-shot-'));
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
  const built = spawnSync(process.execPath, [path.join(root, 'extension/build.mjs')], { stdio: 'inherit' });
  check('the extension builds', built.status === 0);

  const userDataDir = path.join(scratch, 'user-data');
  const extensionsDir = path.join(scratch, 'extensions');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ 'workbench.startupEditor': 'none', 'chat.disableAIFeatures': true, 'extensions.autoCheckUpdates': false, 'workbench.colorTheme': 'Default Light Modern', 'workbench.tips.enabled': false }),
  );
  // The fixture workspace with the search suite's extra postmortems in its library.
  const workspace = path.join(scratch, 'workspace');
  cpSync(path.join(root, 'test/fixtures/vscode-workspace'), workspace, { recursive: true });
  for (const f of readdirSync(path.join(workspace, 'search-library')).filter((f) => /^\d.*\.md$/.test(f))) {
    cpSync(path.join(workspace, 'search-library', f), path.join(workspace, 'postmortems', f));
  }

  server = await startServer({ userDataDir, extensionsDir });
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const query = new URLSearchParams({ folder: workspace, payload: JSON.stringify([['extensionDevelopmentPath', remote(path.join(root, 'extension'))], ['skipWelcome', 'true']]) });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${server.url}/?${query}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.statusbar').waitFor({ timeout: 60_000 });
  // The extension is active once its status bar item shows (it reads the library on activation).
  await page.locator('.statusbar-item', { hasText: /\d+ open/ }).first().waitFor({ timeout: 60_000 });

  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 450 } });
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor({ timeout: 20_000 });
  await page.keyboard.type('Hindsight: Search Past Postmortems');
  const command = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Search Past Postmortems' }).first();
  check('the Command Palette offers "Hindsight: Search Past Postmortems"', await command.waitFor({ timeout: 20_000 }).then(() => true, () => false));
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Search Past Postmortems' }).waitFor({ timeout: 20_000 });
  // Every postmortem, newest first, before a word is typed.
  const all = await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Order history unavailable' }).first().waitFor({ timeout: 30_000 }).then(() => true, () => false);
  check('with no words it lists the library', all);
  await page.keyboard.type('certficate expird', { delay: 40 });
  const first = page.locator('.quick-input-list .monaco-list-row').first();
  const ranked = await page
    .locator('.quick-input-list .monaco-list-row', { hasText: 'Payments API down after the TLS certificate expired' })
    .first()
    .waitFor({ timeout: 30_000 })
    .then(() => true, () => false);
  check('a query with two typos finds the expired-certificate postmortem', ranked);
  const text = ranked ? await first.innerText() : '';
  check('the best result comes first, with root cause, severity, date and services', /Payments API down/.test(text) && /Time · SEV1 · 2024-08-19 · payments-api, edge-lb/.test(text), text);
  check('its description shows where the words matched', /certificate/i.test(text) && /expired/i.test(text), text);
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(shots, 'vscode-search.png') });
} catch (e) {
  check('the run completes', false, e.message);
} finally {
  await browser?.close().catch(() => {});
  server?.stop();
  rmSync(scratch, { recursive: true, force: true });
}
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exitCode = failed ? 1 : 0;
