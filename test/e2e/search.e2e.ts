import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import {
  buildSearchIndex,
  createSearchEngine,
  defaultConfig,
  lintBytes,
  searchDocument,
} from '@hindsight/core';
import { launchChromium } from './browser';

const SHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));
const url = inject('siteUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});

const titles = () => page.locator('#search-results a.result').allTextContents();
const settled = () =>
  page.waitForFunction(() =>
    /found|match/.test(document.getElementById('search-status')?.textContent ?? ''),
  );
async function open(query = '') {
  await page.goto(`${url}/search/${query}`);
  await settled();
}

/** The library the e2e site is built from, searched by the core engine in node, as the editor does. */
function coreEngine() {
  const dir = inject('libraryDir');
  const docs = readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .flatMap((f) => {
      const result = lintBytes(readFileSync(path.join(dir, f)), {
        config: defaultConfig,
        today: '2026-11-24',
      });
      // The site publishes every postmortem it can read, those with errors marked incomplete (site.onInvalid: badge).
      if (!result.postmortem) return [];
      return [searchDocument(result.postmortem, f, defaultConfig)];
    });
  return createSearchEngine(buildSearchIndex(docs, { config: defaultConfig }));
}

/** WCAG contrast ratio of two computed rgb() colours. */
function contrast(fg: string, bg: string): number {
  const lum = (c: string) => {
    const [r, g, b] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((x) => {
      const v = Number(x) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
  return (a! + 0.05) / (b! + 0.05);
}

describe('the search page', () => {
  it('ranks results as you type, marks the matched words and says once where they matched', async () => {
    await open();
    await page.locator('#search-q').pressSequentially('restored from backu', { delay: 20 });
    await page.waitForFunction(
      () => new URL(location.href).searchParams.get('q') === 'restored from backu',
    );
    await page.waitForFunction(() => document.querySelector('#search-results mark') !== null);
    expect((await titles())[0]).toBe(
      'Sites of 400 customers deleted by a maintenance script, restored over two weeks',
    );
    const why = (await page.locator('#search-results li .why').first().textContent())!;
    const labels = /^Matched in ([^:]*)/.exec(why)![1]!.split(', ');
    expect(labels.length).toBe(new Set(labels).size);
    expect(labels).not.toContain('root-cause');
    const marks = await page
      .locator('#search-results li')
      .first()
      .locator('mark')
      .allTextContents();
    expect(marks.map((m) => m.toLowerCase())).toEqual(
      expect.arrayContaining([expect.stringMatching(/^restor/)]),
    );
    await page.screenshot({ path: path.join(SHOTS, 'search-typing.png'), fullPage: true });
  });

  it('does not match words inside unrelated words', async () => {
    await open('?q=cache');
    expect(await titles()).not.toContain(
      'Build artefacts unavailable for 3 hours after a storage array lost both power supplies',
    );
  });

  it('narrows results with a facet without loading a new page, with counts on every option', async () => {
    await open('?q=database');
    const before = await titles();
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    const option = page.locator('#f-category option[value="code-defect"]');
    expect(await option.textContent()).toMatch(/^Code defect \(\d+\)$/);
    await page.selectOption('#f-category', 'code-defect');
    await page.waitForFunction(
      (n) => document.querySelectorAll('#search-results a.result').length < n,
      before.length,
    );
    expect(await titles()).toEqual([
      'Orders rejected for 3 hours when the order ID column reached the INT32 limit',
    ]);
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(
      true,
    );
    expect(new URL(page.url()).searchParams.get('category')).toBe('code-defect');
  });

  it('lists every postmortem, newest first, ten at a time, when there is no query', async () => {
    await open();
    const status = (await page.locator('#search-status').textContent())!;
    const total = Number(/^(\d+) postmortems found, 10 shown\.$/.exec(status)?.[1]);
    expect(total).toBe(coreEngine().manifest.count);
    expect(await page.locator('#search-results a.result').count()).toBe(10);
    const dates = (await page.locator('#search-results .meta').allTextContents()).map((m) =>
      m.slice(0, 10),
    );
    expect(dates).toEqual([...dates].sort().reverse());
    expect(await page.locator('#f-year option').nth(1).textContent()).toMatch(/^\d{4} \(\d+\)$/);
    await page.click('#search-more');
    // The next ten are fetched on demand: wait for them rather than counting at once.
    await page.waitForFunction(
      (n) => document.querySelectorAll('#search-results a.result').length >= n,
      Math.min(20, total),
    );
    expect(await page.locator('#search-results a.result').count()).toBe(Math.min(20, total));
  });

  it('suggests a spelling, a category or removing a filter when nothing matches', async () => {
    await open('?q=certfkate');
    expect(await page.locator('#search-status').textContent()).toBe('No postmortems match.');
    await page.getByRole('button', { name: 'Search for “certificate”' }).click();
    await page.waitForFunction(
      () => document.querySelectorAll('#search-results a.result').length > 0,
    );
    expect((await titles())[0]).toBe(
      'API unreachable for 47 minutes after its TLS certificate expired',
    );

    await open('?q=misconfigurashun');
    await page.getByRole('button', { name: 'Every Configuration change postmortem' }).click();
    await page.waitForFunction(
      () => document.querySelectorAll('#search-results a.result').length > 0,
    );
    expect(await page.inputValue('#f-category')).toBe('config-change');

    await open('?q=dns&severity=SEV4');
    await page
      .getByRole('button', { name: /^Remove the severity filter “SEV4” \(\d+ found\)$/ })
      .click();
    await page.waitForFunction(
      () => document.querySelectorAll('#search-results a.result').length > 0,
    );
    expect(await page.inputValue('#f-severity')).toBe('');
  });

  it('keeps the arrow keys working after opening a result and going Back', async () => {
    await open('?q=cache');
    await page.locator('#search-q').focus();
    await page.keyboard.press('ArrowDown');
    const first = await page.evaluate(() => document.activeElement?.textContent);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/postmortems\//);
    await page.goBack({ waitUntil: 'commit' });
    await page.waitForFunction(
      () => document.querySelectorAll('#search-results a.result').length > 1,
    );
    await page.keyboard.press('ArrowDown');
    const active = await page.evaluate(() => ({
      cls: document.activeElement?.className,
      text: document.activeElement?.textContent,
    }));
    expect(active.cls).toBe('result');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(first);
  });

  it('highlights with at least 4.5:1 contrast in light and dark themes', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await open('?q=certificate');
      const { fg, bg } = await page
        .locator('#search-results mark')
        .first()
        .evaluate((m) => ({
          fg: getComputedStyle(m).color,
          bg: getComputedStyle(m).backgroundColor,
        }));
      expect(contrast(fg, bg), `${scheme}: ${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('names its search form apart from the search box in the header', async () => {
    await open();
    const names = await page
      .locator('form[role=search]')
      .evaluateAll((forms) =>
        forms.map(
          (f) =>
            f.getAttribute('aria-label') ?? f.querySelector('label')?.textContent?.trim() ?? '',
        ),
      );
    expect(names).toContain('Search and filter postmortems');
    expect(new Set(names).size).toBe(names.length);
  });

  it('gives the same top 5 as the core engine in node for the same queries', async () => {
    const core = coreEngine();
    for (const query of [
      'certificate expired',
      'retry storm cache',
      'disk full',
      'human error',
      'schema migration lock',
      'dns',
      'SEV1',
      'payment provider timeout',
      'restor',
    ]) {
      const r = core.searchSync(query);
      const expected = core.documentsSync(r.hits.slice(0, 5).map((h) => h.doc)).map((d) => d.title);
      await open(`?q=${encodeURIComponent(query)}`);
      expect((await titles()).slice(0, 5), query).toEqual(expected);
    }
  });
});
