import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatMinutes, type LibraryStats } from '@hindsight/core';
import { launchChromium } from './browser';
import { ROOT } from './publish-helpers';

const url = inject('siteUrl');
let browser: Browser;
let page: Page;
let cli: LibraryStats;

beforeAll(async () => {
  const run = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'cli/bin/hindsight.mjs'),
      'stats',
      inject('libraryDir'),
      '--format',
      'json',
      '--today',
      '2026-11-24',
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`hindsight stats failed: ${run.stderr}`);
  cli = JSON.parse(run.stdout) as LibraryStats;
  browser = await launchChromium();
  page = await browser.newPage();
  await page.goto(`${url}/stats/`);
});
afterAll(async () => {
  await browser?.close();
});

/** The rows of a table on the page, as text cells. */
const rows = (selector: string) =>
  page
    .locator(`${selector} tbody tr`)
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].map((c) => c.textContent?.trim() ?? '')),
    );
const fmt = (m: number | undefined) => (m === undefined ? '—' : formatMinutes(m));

describe('the statistics page', () => {
  it('gives the same counts and medians per root cause as hindsight stats', async () => {
    expect(await rows('#by-category')).toEqual(
      cli.byCategory.map((c) => [
        c.label,
        String(c.count),
        String(c.contributing),
        fmt(c.medianTimeToDetect),
        fmt(c.medianTimeToMitigate),
      ]),
    );
  });

  it('gives the same overall medians of time to detect and to mitigate', async () => {
    expect(await page.locator('[data-stat="ttd"]').textContent()).toBe(fmt(cli.medianTimeToDetect));
    expect(await page.locator('[data-stat="ttm"]').textContent()).toBe(
      fmt(cli.medianTimeToMitigate),
    );
    expect(await page.locator('main > p.muted').first().textContent()).toContain(
      `${cli.total} postmortems`,
    );
  });

  it('gives the same counts per year, per severity and per service', async () => {
    const table = (title: string) => rows(`figure[data-chart="${title}"] details`);
    expect(await table('Incidents per year')).toEqual(
      cli.byYear.map((y) => [y.year, String(y.count)]),
    );
    expect(await table('Incidents by severity')).toEqual(
      cli.bySeverity.map((s) => [s.id, String(s.count)]),
    );
    expect(await rows('#by-service')).toEqual(
      cli.byService.map((s) => [s.service, String(s.count)]),
    );
  });

  it('shows action-item follow-through per root cause and per quarter, adding up to the library', async () => {
    const byCategory = await rows('#follow-category');
    const byQuarter = await rows('#follow-quarter');
    const items = (table: string[][]) => table.reduce((n, r) => n + Number(r[1]), 0);
    expect(items(byCategory)).toBe(cli.actions.total);
    expect(items(byQuarter)).toBe(cli.actions.total);
    for (const r of [...byCategory, ...byQuarter]) {
      expect(r[2]).toMatch(/^\d+%$/);
      expect(r[3]).toMatch(/^\d+%$/);
    }
    expect(byQuarter.map((r) => r[0])).toEqual([...byQuarter.map((r) => r[0]!)].sort());
    expect(await page.locator('[data-stat="done"]').textContent()).toBe(
      `${Math.round((cli.actions.done / cli.actions.total) * 100)}%`,
    );
  });
});
