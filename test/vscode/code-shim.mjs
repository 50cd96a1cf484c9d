#!/usr/bin/env node
// Stands in for the `code` executable that @vscode/test-electron's runTests() launches, where no
// desktop VS Code can be downloaded: it starts the VS Code server of the code-server package, opens
// its workbench in Debian's headless Chromium with the extension-test payload, relays the test
// runner's output and exits with its result. With a downloaded VS Code the same tests run unchanged.
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { assertInstalled, CHROMIUM_ARGS, startServer } from './tools.mjs';

const args = process.argv.slice(2);
const option = (name) => {
  const eq = args.find((a) => a.startsWith(`--${name}=`));
  if (eq) return eq.slice(name.length + 3);
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const positional = args.filter(
  (a, i) =>
    !a.startsWith('--') && !(i > 0 && /^--(user-data-dir|extensions-dir)$/.test(args[i - 1])),
);
const extensionDevelopmentPath = path.resolve(option('extensionDevelopmentPath'));
const extensionTestsPath = path.resolve(option('extensionTestsPath'));
const workspace = positional[0] ? path.resolve(positional[0]) : undefined;
const scratch = mkdtempSync(path.join(tmpdir(), 'hindsight-vscode-'));
const userDataDir = option('user-data-dir') ?? path.join(scratch, 'user-data');
const extensionsDir = option('extensions-dir') ?? path.join(scratch, 'extensions');
mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
mkdirSync(extensionsDir, { recursive: true });
// No gallery, no updates, no AI or sign-in prompts: this machine reaches no such service. No
// auto-save either: the web workbench saves after a second by default, which would write a test's
// unsaved edits into the fixture files (a desktop VS Code does not). Merged into the settings of a
// user-data folder kept from an earlier run.
const userSettings = path.join(userDataDir, 'User', 'settings.json');
let kept = {};
try {
  kept = JSON.parse(readFileSync(userSettings, 'utf8'));
} catch {
  kept = {};
}
writeFileSync(
  userSettings,
  JSON.stringify({
    ...kept,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'telemetry.telemetryLevel': 'off',
    'chat.disableAIFeatures': true,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'files.autoSave': 'off',
  }),
);
const verbose = process.env.HINDSIGHT_VSCODE_VERBOSE === '1';
// Where the driver answers the tests' requests (see drive() below); the server and its extension
// host inherit the variable, so the tests know where to read the answers.
const driverDir = path.join(scratch, 'driver');
mkdirSync(driverDir, { recursive: true });
process.env.HINDSIGHT_DRIVER_DIR = driverDir;

/**
 * What a test can ask the driver to do as a person would, in the workbench page: type text or
 * press a key into whatever has the focus, click an element, or read the text of the visible
 * elements that match a selector (menus, the suggest widget, the quick input and its message).
 */
async function drive(page, request) {
  const timeout = 30_000;
  switch (request.op) {
    case 'type':
      return page.keyboard.type(request.text, { delay: 40 });
    case 'press':
      return page.keyboard.press(request.key);
    case 'click': {
      let target = page.locator(request.selector);
      if (request.text) target = target.filter({ hasText: request.text });
      await target.first().click({ timeout });
      return true;
    }
    case 'texts': {
      const all = page.locator(request.selector);
      const texts = [];
      for (let i = 0; i < (await all.count()); i++) {
        const el = all.nth(i);
        if (await el.isVisible().catch(() => false))
          texts.push(((await el.textContent().catch(() => '')) ?? '').trim());
      }
      return texts;
    }
    default:
      throw new Error(`unknown driver request ${request.op}`);
  }
}

let server;
let browser;
let code = 1;
try {
  assertInstalled();
  server = await startServer({
    userDataDir,
    extensionsDir,
    log: (s) => verbose && process.stderr.write(s),
  });
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extensionDevelopmentPath)],
    ['extensionTestsPath', remote(extensionTestsPath)],
    ['skipWelcome', 'true'],
  ];
  const query = new URLSearchParams();
  if (workspace) query.set('folder', workspace);
  query.set('payload', JSON.stringify(payload));

  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const result = new Promise((resolve) => {
    void page.exposeFunction('codeAutomationExit', (exitCode) => resolve(Number(exitCode)));
  });
  // Known noise of a workbench without network: gallery look-ups and sign-in probes.
  const noise = /No signed-in session|ENOTFOUND|queryGalleryExtensions|Failed to fetch/;
  await page.exposeFunction('codeAutomationLog', async (type, logArgs) => {
    const text = format(...(Array.isArray(logArgs) ? logArgs : [logArgs]));
    // A test asks for a picture of the workbench: "SCREENSHOT name" saves test-results/screenshots/name.png.
    const shot = /^SCREENSHOT ([\w-]+)$/.exec(text.trim());
    if (shot) {
      const dir = path.join(
        fileURLToPath(new URL('../..', import.meta.url)),
        'test-results/screenshots',
      );
      mkdirSync(dir, { recursive: true });
      await page
        .screenshot({ path: path.join(dir, `${shot[1]}.png`) })
        .catch((e) => process.stderr.write(`screenshot ${shot[1]}: ${e.message}\n`));
      return;
    }
    // A test asks the driver to act: "DRIVER {id, op, ...}"; the answer goes to driverDir/id.json.
    const request = /^DRIVER (\{.*\})$/s.exec(text.trim());
    if (request) {
      const { id, ...rest } = JSON.parse(request[1]);
      let answer;
      try {
        answer = { result: (await drive(page, rest)) ?? null };
      } catch (e) {
        answer = { error: e.message };
      }
      writeFileSync(path.join(driverDir, `${id}.tmp`), JSON.stringify(answer));
      renameSync(path.join(driverDir, `${id}.tmp`), path.join(driverDir, `${id}.json`));
      return;
    }
    if (!verbose && noise.test(text)) return;
    (type === 'error' ? process.stderr : process.stdout).write(`${text}\n`);
  });
  if (verbose) page.on('console', (m) => process.stderr.write(`[page] ${m.text()}\n`));
  await page.goto(`${server.url}/?${query}`);
  const limit = Number(process.env.HINDSIGHT_VSCODE_TIMEOUT ?? 600) * 1000;
  code = await Promise.race([
    result,
    new Promise((resolve) => setTimeout(() => resolve(-1), limit)),
  ]);
  if (code === -1) {
    process.stderr.write(`The extension tests did not finish within ${limit / 1000} s.\n`);
    code = 1;
  }
} catch (e) {
  process.stderr.write(`code-shim: ${e.message}\n`);
  code = 1;
} finally {
  await browser?.close().catch(() => {});
  server?.stop();
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(code);
