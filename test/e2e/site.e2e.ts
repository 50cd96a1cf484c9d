import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser';

const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
const url = inject('siteUrl');
let browser: Browser;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

const shot = (name: string) =>
  page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
const resultTitles = () => page.locator('#search-results a.result').allTextContents();

describe('search', () => {
  it('finds a postmortem by words from its root cause and says where they matched', async () => {
    await page.goto(`${url}/search/`);
    await page.fill('#search-q', 'global lock');
    // The page lists every postmortem before a query; results of a query say where they matched.
    await page.waitForFunction(() => document.querySelector('#search-results li .why') !== null);
    const titles = await resultTitles();
    expect(titles[0]).toBe('Eight hours of high latency when a million cache keys expired at once');
    const why = await page.locator('#search-results li').first().locator('.why').textContent();
    expect(why).toMatch(/^Matched in .*root cause/);
    expect(
      await page.locator('#search-results li').first().locator('mark').count(),
    ).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('q')).toBe('global lock');
    await shot('search');
  });

  it('narrows results with a root-cause filter and keeps the filter in the address', async () => {
    await page.goto(`${url}/search/?q=database`);
    await page.waitForFunction(() => document.querySelectorAll('#search-results li').length > 0);
    const all = await resultTitles();
    await page.selectOption('#f-category', 'code-defect');
    await page.waitForFunction(
      (n) => document.querySelectorAll('#search-results li').length < n,
      all.length,
    );
    const narrowed = await resultTitles();
    expect(all.length).toBeGreaterThan(narrowed.length);
    expect(narrowed).toEqual([
      'Orders rejected for 3 hours when the order ID column reached the INT32 limit',
    ]);
    expect(new URL(page.url()).searchParams.get('category')).toBe('code-defect');
  });

  it('restores a shared search from its address, filters included', async () => {
    await page.goto(`${url}/search/?severity=SEV1&year=2025`);
    await page.waitForFunction(() => document.querySelectorAll('#search-results li').length > 0);
    expect(await page.inputValue('#f-severity')).toBe('SEV1');
    expect(await resultTitles()).toEqual([
      'Sites of 400 customers deleted by a maintenance script, restored over two weeks',
    ]);
  });

  it('shows results ten at a time, and more on request with focus on the first new one', async () => {
    await page.goto(`${url}/search/`);
    await page.click('#search-form button[type=submit]');
    await page.waitForFunction(() => document.querySelectorAll('#search-results li').length > 0);
    const status = await page.locator('#search-status').textContent();
    const total = Number(/^(\d+) postmortems found, 10 shown\.$/.exec(status ?? '')?.[1]);
    expect(total).toBeGreaterThan(10);
    expect(await page.locator('#search-results li').count()).toBe(10);
    const more = page.locator('#search-more');
    expect(await more.textContent()).toBe(`Show ${Math.min(10, total - 10)} more`);
    await more.click();
    // The next ten are fetched on demand: wait for them rather than counting at once.
    await page.waitForFunction(
      (n) => document.querySelectorAll('#search-results li').length >= n,
      Math.min(20, total),
    );
    expect(await page.locator('#search-results li').count()).toBe(Math.min(20, total));
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      (await resultTitles())[10],
    );
    if (total <= 20) expect(await more.isHidden()).toBe(true);
  });

  it('is driven from the keyboard: / focuses the box, arrows move, Enter opens', async () => {
    await page.goto(`${url}/`);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.type('certificate');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=certificate/);
    await page.waitForFunction(
      () => document.querySelectorAll('#search-results a.result').length > 0,
    );
    await page.locator('#search-q').focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'API unreachable for 47 minutes after its TLS certificate expired',
    );
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/postmortems\/2025-02-03-expired-tls-certificate-on-api\/$/);
  });
});

describe('browsing', () => {
  it('lists exactly the postmortems of a root-cause category on its page', async () => {
    await page.goto(`${url}/categories/network/`);
    const titles = await page
      .locator('main ul.entries')
      .first()
      .locator('li > a')
      .allTextContents();
    expect(titles.sort()).toEqual([
      'Internal service discovery failed for 35 minutes when resolvers cached empty answers',
      'Split brain in the job scheduler during a 4-minute partition between zones',
    ]);
    expect(await page.locator('h1').textContent()).toBe('Network');
    await shot('category-network');
  });

  it('shows a postmortem with its metrics, timeline and action items', async () => {
    await page.goto(`${url}/postmortems/2024-08-22-orders-id-int32-overflow/`);
    expect(await page.locator('[data-metric="ttd"]').textContent()).toBe('7 min');
    expect(await page.locator('[data-metric="ttm"]').textContent()).toBe('2 h 53 min');
    expect(await page.locator('[data-metric="duration"]').textContent()).toBe('21 h 18 min');
    expect(await page.locator('ol.timeline li .when').first().textContent()).toBe('13:12 UTC');
    const rows = page.locator('table.actions tbody tr');
    expect(await rows.count()).toBe(6);
    expect(await rows.nth(3).locator('td').nth(1).textContent()).toBe(
      'Migrate the eleven remaining INT32 key columns to BIGINT',
    );
    expect(await rows.nth(3).getAttribute('data-state')).toBe('overdue');
    expect(await rows.nth(0).getAttribute('data-state')).toBe('done');
    expect(await page.locator('nav[aria-labelledby="related-h"] li').count()).toBeGreaterThan(0);
    await shot('postmortem');
  });

  it('filters the action-item dashboard by owner', async () => {
    await page.goto(`${url}/actions/`);
    const total = await page.locator('table.actions tbody tr').count();
    await page.selectOption('#owner', 'kim');
    const visible = page.locator('table.actions tbody tr:not([hidden])');
    expect(await visible.count()).toBeLessThan(total);
    for (const owner of await visible.locator('td:nth-child(3)').allTextContents())
      expect(owner).toBe('@kim');
    expect(new URL(page.url()).searchParams.get('owner')).toBe('kim');
    await shot('actions');
  });

  it('draws statistics as SVG charts readable without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await context.newPage();
    await noJs.goto(`${url}/stats/`);
    expect(await noJs.locator('svg.chart').count()).toBeGreaterThanOrEqual(4);
    expect(
      await noJs
        .locator('figure', { hasText: 'Incidents by root cause' })
        .locator('text', { hasText: 'Network' })
        .count(),
    ).toBe(1);
    await noJs.screenshot({ path: path.join(SHOTS, 'stats.png'), fullPage: true });
    await context.close();
  });

  it('shows the home page with counts and the postmortems published marked incomplete', async () => {
    await page.goto(`${url}/`);
    expect(await page.locator('.notice').textContent()).toContain(
      '1 postmortem is published marked incomplete',
    );
    expect(await page.locator('.notice a').allTextContents()).toEqual([
      'Broken postmortem published marked incomplete',
    ]);
    expect(await page.locator('.stat').first().textContent()).toBe('17');
    await page.locator('.notice a').click();
    await page.waitForURL(/\/postmortems\/broken\/$/);
    expect(await page.locator('.badge-incomplete').first().textContent()).toBe('incomplete');
    expect(await page.locator('.findings').textContent()).toContain(
      "broken.md:6:13 error Root cause 'cosmic-rays' is not in the taxonomy",
    );
    await page.goto(`${url}/`);
    await shot('home');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot('home-dark');
  });

  it('answers an unknown address with the 404 page', async () => {
    const response = await page.goto(`${url}/postmortems/no-such-incident/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
  });
});

describe('safety', () => {
  it('never runs script from a postmortem: tags, handlers, javascript: links, iframes, SVG', async () => {
    await page.goto(`${url}/postmortems/hostile/`);
    await page
      .locator('a', { hasText: 'a javascript link' })
      .click({ noWaitAfter: true })
      .catch(() => undefined);
    await page
      .locator('text=Overlay attempt.')
      .hover()
      .catch(() => undefined);
    await page
      .locator('text=Entry')
      .hover()
      .catch(() => undefined);
    await page.waitForTimeout(300);
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned),
    ).toBeUndefined();
    expect(await page.locator('h1').textContent()).toBe(
      "Hostile <script>window.__pwned = 'title'</script> rendering test",
    );
    expect(
      await page.locator('main iframe, main script, main [onerror], main [onclick]').count(),
    ).toBe(0);
    expect(await page.locator('details summary').textContent()).toBe('Safe HTML stays');
    expect(pageErrors).toEqual([]);
    await shot('hostile');
  });

  it('shows hostile text in search results as text', async () => {
    await page.goto(`${url}/search/?q=hostile`);
    await page.waitForFunction(() => document.querySelectorAll('#search-results li').length > 0);
    expect(await page.locator('#search-results a.result').first().textContent()).toContain(
      '<script>',
    );
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned),
    ).toBeUndefined();
  });

  it('names the incomplete file in the build output with the linter message', () => {
    expect(inject('buildLog')).toContain(
      "broken.md:6:13 error root-cause-category Root cause 'cosmic-rays' is not in the taxonomy",
    );
  });
});

describe('feeds and exports', () => {
  it('serves RSS, the JSON export, the search index and a sitemap', async () => {
    const rss = await (await fetch(`${url}/rss.xml`)).text();
    expect(rss).toContain(
      '<title>Split brain in the job scheduler during a 4-minute partition between zones</title>',
    );
    const json = (await (await fetch(`${url}/postmortems.json`)).json()) as {
      slug: string;
      root_cause: string;
      metrics: object;
    }[];
    expect(json.length).toBe(17);
    expect(json.find((p) => p.slug === '2024-08-22-orders-id-int32-overflow')).toMatchObject({
      root_cause: 'code-defect',
      metrics: { timeToDetect: 7 },
    });
    expect((await fetch(`${url}/search-index.json`)).ok).toBe(true);
    expect(await (await fetch(`${url}/sitemap-index.xml`)).text()).toContain('sitemap-0.xml');
  });
});

describe('a broken postmortem with site.onInvalid = fail', () => {
  it('fails the build and names the file, line and message', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'hindsight-fail-'));
    writeFileSync(
      path.join(work, 'hindsight.json'),
      JSON.stringify({ site: { onInvalid: 'fail' } }),
    );
    const build = spawnSync(
      'npx',
      ['--no-install', 'astro', 'build', '--root', 'site', '--outDir', path.join(work, 'dist')],
      {
        cwd: fileURLToPath(new URL('../..', import.meta.url)),
        env: {
          ...process.env,
          HINDSIGHT_CONFIG: path.join(work, 'hindsight.json'),
          HINDSIGHT_POSTMORTEMS: inject('libraryDir'),
          ASTRO_TELEMETRY_DISABLED: '1',
        },
        encoding: 'utf8',
      },
    );
    const output = `${build.stdout}\n${build.stderr}`;
    rmSync(work, { recursive: true, force: true });
    expect(build.status).not.toBe(0);
    expect(output).toContain(
      "broken.md:6:13 error root-cause-category Root cause 'cosmic-rays' is not in the taxonomy",
    );
    expect(output).toContain('1 postmortem(s) have errors');
  });
});
