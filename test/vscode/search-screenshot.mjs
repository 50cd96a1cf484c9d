// "Hindsight: Search Past Postmortems" as a person uses it: the workbench in Chromium with the
// extension loaded from extension/, the command run from the Command Palette, a query with a typo
// typed into the Quick Pick. Checks what the list shows, writes
// test-results/screenshots/vscode-search.png and ends with "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
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
  const built = spawnSync(process.execPath, [path.join(root, 'extension/build.mjs')], {
    stdio: 'inherit',
  });
  check('the extension builds', built.status === 0);

  const userDataDir = path.join(scratch, 'user-data');
  const extensionsDir = path.join(scratch, 'extensions');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'chat.disableAIFeatures': true,
      'extensions.autoCheckUpdates': false,
      'workbench.colorTheme': 'Default Light Modern',
      'workbench.tips.enabled': false,
    }),
  );
  // The fixture workspace with the search suite's extra postmortems in its library.
  const workspace = path.join(scratch, 'workspace');
  cpSync(path.join(root, 'test/fixtures/vscode-workspace'), workspace, { recursive: true });
  for (const f of readdirSync(path.join(workspace, 'search-library')).filter((f) =>
    /^\d.*\.md$/.test(f),
  )) {
    cpSync(path.join(workspace, 'search-library', f), path.join(workspace, 'postmortems', f));
  }

  // What the core engine ranks for the same files, as the site computes it: the list on screen must
  // keep that order (the Quick Pick must not re-sort by label).
  const ranker = path.join(scratch, 'rank.cjs');
  await build({
    stdin: {
      contents: `import { readdirSync, readFileSync } from 'node:fs';
import { buildSearchIndex, createSearchEngine, lintBytes, parseConfig, searchDocument } from '@hindsight/core';
export function rank(dir, query) {
  const parsed = parseConfig(readFileSync(dir + '/hindsight.json', 'utf8'), 'hindsight.json');
  const config = parsed.config;
  const docs = readdirSync(dir + '/postmortems').filter((f) => f.endsWith('.md') && !config.ignore.includes(f))
    .map((f) => searchDocument(lintBytes(readFileSync(dir + '/postmortems/' + f), { config }).postmortem, f.replace(/\\.md$/, ''), config));
  const engine = createSearchEngine(buildSearchIndex(docs, { config }));
  return engine.documentsSync(engine.searchSync(query).hits.slice(0, 5).map((h) => h.doc)).map((d) => d.title);
}`,
      resolveDir: root,
      loader: 'ts',
    },
    outfile: ranker,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'warning',
  });
  const { rank } = createRequire(import.meta.url)(ranker);
  const shownTitles = async (n) =>
    (await page.locator('.quick-input-list .monaco-list-row').allInnerTexts())
      .slice(0, n)
      .map((t) => t.split('\n')[0]);

  server = await startServer({ userDataDir, extensionsDir });
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const query = new URLSearchParams({
    folder: workspace,
    payload: JSON.stringify([
      ['extensionDevelopmentPath', remote(path.join(root, 'extension'))],
      ['skipWelcome', 'true'],
    ]),
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${server.url}/?${query}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.statusbar').waitFor({ timeout: 60_000 });
  // The extension is active once its status bar item shows (it reads the library on activation).
  await page
    .locator('.statusbar-item', { hasText: /\d+ open/ })
    .first()
    .waitFor({ timeout: 60_000 });

  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 450 } });
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor({ timeout: 20_000 });
  await page.keyboard.type('Hindsight: Search Past Postmortems');
  const command = page
    .locator('.quick-input-list .monaco-list-row', { hasText: 'Search Past Postmortems' })
    .first();
  check(
    'the Command Palette offers "Hindsight: Search Past Postmortems"',
    await command.waitFor({ timeout: 20_000 }).then(
      () => true,
      () => false,
    ),
  );
  await page.keyboard.press('Enter');
  await page
    .locator('.quick-input-widget .quick-input-title', { hasText: 'Search Past Postmortems' })
    .waitFor({ timeout: 20_000 });
  // Every postmortem, newest first, before a word is typed.
  const all = await page
    .locator('.quick-input-list .monaco-list-row', { hasText: 'Order history unavailable' })
    .first()
    .waitFor({ timeout: 30_000 })
    .then(
      () => true,
      () => false,
    );
  check('with no words it lists the library', all);
  await page.keyboard.type('certficate expird', { delay: 40 });
  const first = page.locator('.quick-input-list .monaco-list-row').first();
  const ranked = await page
    .locator('.quick-input-widget .quick-input-title', { hasText: ': 1 found' })
    .waitFor({ timeout: 30_000 })
    .then(
      async () =>
        /Payments API down after the TLS certificate expired/.test(await first.innerText()),
      () => false,
    );
  check('a query with two typos finds the expired-certificate postmortem', ranked);
  const text = ranked ? await first.innerText() : '';
  check(
    'the best result comes first, with root cause, severity, date and services',
    /Payments API down/.test(text) && /Time · SEV1 · 2024-08-19 · payments-api, edge-lb/.test(text),
    text,
  );
  check(
    'its description shows where the words matched',
    /certificate/i.test(text) && /expired/i.test(text),
    text,
  );
  // A broader query: several results, each with its facts and where it matched.
  await page.locator('.quick-input-widget input').fill('orders');
  const several = await page
    .locator('.quick-input-widget .quick-input-title', { hasText: ': 3 found' })
    .waitFor({ timeout: 30_000 })
    .then(
      () => true,
      () => false,
    );
  check(
    '"orders" lists the three postmortems about orders',
    several,
    await page.locator('.quick-input-widget .quick-input-title').innerText(),
  );
  // "alert" matches all five, in an order neither alphabetical nor by date: the list must keep it.
  await page.locator('.quick-input-widget input').fill('alert');
  await page
    .locator('.quick-input-widget .quick-input-title', { hasText: ': 5 found' })
    .waitFor({ timeout: 30_000 });
  const want = rank(workspace, 'alert');
  const got = await shownTitles(want.length);
  check(
    "the list on screen is in the core engine's order",
    want.length === 5 && got.every((t, i) => t.startsWith(want[i])),
    `${JSON.stringify(got)} vs ${JSON.stringify(want)}`,
  );
  await page.locator('.quick-input-widget input').fill('orders');
  await page
    .locator('.quick-input-widget .quick-input-title', { hasText: ': 3 found' })
    .waitFor({ timeout: 30_000 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(shots, 'vscode-search.png') });
  // The root-cause button: a list of causes with counts; choosing one adds cause:… to the query.
  await page.locator('.quick-input-titlebar [aria-label="Filter by root cause"]').first().click();
  await page
    .locator('.quick-input-widget .quick-input-title', { hasText: 'Filter by root cause' })
    .waitFor({ timeout: 20_000 });
  const capacity = page
    .locator('.quick-input-list .monaco-list-row', { hasText: 'Capacity' })
    .first();
  const causes = await capacity.waitFor({ timeout: 20_000 }).then(
    () => page.locator('.quick-input-list .monaco-list-row').allInnerTexts(),
    () => [],
  );
  process.stdout.write(`    causes listed: ${JSON.stringify(causes)}\n`);
  check(
    'the root-cause button lists the causes of the results with counts',
    causes.some((t) => /^Any/.test(t)) && causes.some((t) => /^Capacity\s*2$/.test(t.trim())),
    JSON.stringify(causes),
  );
  await page.keyboard.type('Capacity');
  await page
    .locator('.quick-input-list .monaco-list-row')
    .nth(1)
    .waitFor({ state: 'detached', timeout: 20_000 })
    .catch(() => {});
  await page.keyboard.press('Enter');
  const narrowed = await page
    .locator('.quick-input-widget .quick-input-title', {
      hasText: 'Search Past Postmortems: 2 found',
    })
    .waitFor({ timeout: 30_000 })
    .then(
      () => true,
      () => false,
    );
  const value = await page.locator('.quick-input-widget input').inputValue();
  check(
    'choosing Capacity narrows the results with cause:capacity',
    narrowed && value === 'orders cause:capacity',
    value,
  );
  await page.screenshot({ path: path.join(shots, 'vscode-search-filtered.png') });
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
