import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';
import { buildSite, linksOf, ROOT, serveStatic } from './publish-helpers';

// A GitHub Pages project site: https://acme.github.io/handbook/, built as the workflow builds it
// (HINDSIGHT_SITE_URL and HINDSIGHT_BASE) and served by a plain static server under /handbook/.
const PUBLIC = 'https://acme.github.io';
const BASE = '/handbook/';

/** Postmortems that only a forgiving site publishes: no front matter at all, a control character, names in other scripts. */
const EXTRA: Record<string, string> = {
  'no-front-matter.md': '# Notes from the outage\n\nThe queue stalled and we restarted it.\n',
  'empty.md': '',
  'wrong-types.md':
    '---\ntitle: [not, a, string]\ndate: last tuesday\nseverity: {level: 1}\nroot_cause: cosmic-rays\nservices: 5\ncontributing: nope\nimpact: 12\n---\n\n## Summary\n\nEvery field has the wrong shape.\n',
  'bell-title.md':
    '---\ntitle: "Bell \\a ring in the title"\ndate: 2026-03-01\nstatus: published\nseverity: SEV3\nroot_cause: code-defect\nservices: [bell]\n---\n\n## Summary\n\nA title with a control character.\n',
  'scripts.md':
    '---\ntitle: Payment service names in several scripts\ndate: 2026-03-02\nstatus: published\nseverity: SEV4\nroot_cause: dependency\nservices: ["支付", "日本語", "?", "C++", "c", "Zürich"]\ntags: ["支付", "C++", "c++"]\n---\n\n## Summary\n\nNames that must not share a page.\n',
};

let work: string;
let dist: string;
let server: Server;
let local: string;
let log: string;
let browser: Browser;
let page: Page;

/** The local address of a URL of the published site, or undefined when it is not on it. */
function localUrl(link: string, from: string): string | undefined {
  if (/^(mailto:|javascript:|data:|#)/i.test(link)) return undefined;
  const absolute = new URL(link, from);
  const publicSite = new URL(PUBLIC);
  if (absolute.origin !== publicSite.origin && absolute.origin !== local) return undefined;
  return `${local}${absolute.pathname}${absolute.search}`;
}

async function fetchOk(url: string): Promise<boolean> {
  return (await fetch(url)).status === 200;
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'hindsight-publish-'));
  const library = path.join(work, 'library');
  mkdirSync(library);
  for (const f of readdirSync(path.join(ROOT, 'postmortems')))
    cpSync(path.join(ROOT, 'postmortems', f), path.join(library, f));
  cpSync(path.join(ROOT, 'test/fixtures/site'), library, { recursive: true });
  for (const [name, text] of Object.entries(EXTRA)) writeFileSync(path.join(library, name), text);
  // The library in Git: everything committed on 2026-01-10, then one action item ticked on 2026-02-20.
  const git = (args: string[], date: string) => {
    const r = spawnSync('git', args, {
      cwd: work,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@example.com',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@example.com',
      },
    });
    if (r.status !== 0) throw new Error(r.stderr);
  };
  const ticked = path.join(library, '2024-08-22-orders-id-int32-overflow.md');
  const original = readFileSync(ticked, 'utf8');
  writeFileSync(
    ticked,
    original.replace('- [x] Invalidate the order cache', '- [ ] Invalidate the order cache'),
  );
  git(['init', '-q'], '2026-01-10T09:00:00Z');
  git(['add', 'library'], '2026-01-10T09:00:00Z');
  git(['commit', '-qm', 'library'], '2026-01-10T09:00:00Z');
  writeFileSync(ticked, original);
  git(['commit', '-qam', 'tick'], '2026-02-20T09:00:00Z');
  const config = path.join(work, 'hindsight.json');
  writeFileSync(
    config,
    JSON.stringify({
      site: {
        repository: 'https://github.com/acme/handbook',
        relatedIgnoreTags: ['example', 'seed-outage'],
      },
    }),
  );
  dist = path.join(work, 'dist');
  const build = buildSite(dist, {
    HINDSIGHT_CONFIG: config,
    HINDSIGHT_POSTMORTEMS: library,
    HINDSIGHT_SITE_URL: PUBLIC,
    HINDSIGHT_BASE: BASE,
  });
  log = build.log;
  if (build.status !== 0) throw new Error(`astro build failed:\n${log}`);
  ({ server, origin: local } = await serveStatic(dist, BASE));
  browser = await launchChromium();
  page = await browser.newPage();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('publishing under a sub-path with a public address', () => {
  it('resolves every internal link and asset of every page under /handbook/', async () => {
    const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.html'),
    );
    expect(pages.length).toBeGreaterThan(50);
    const checked = new Map<string, boolean>();
    const broken: string[] = [];
    for (const file of pages) {
      const pagePath = `${BASE}${file
        .split(path.sep)
        .join('/')
        .replace(/index\.html$/, '')}`;
      const html = readFileSync(path.join(dist, file), 'utf8');
      for (const link of linksOf(html)) {
        // The hostile fixture's author wrote <img src="x">: a link of the postmortem's own, not one the site made.
        if (pagePath === `${BASE}postmortems/hostile/` && link === 'x') continue;
        if (link.startsWith('/') && !link.startsWith(BASE))
          broken.push(`${pagePath}: ${link} is outside ${BASE}`);
        const target = localUrl(link, `${local}${pagePath}`);
        if (!target) continue;
        if (!checked.has(target)) checked.set(target, await fetchOk(target));
        if (!checked.get(target)) broken.push(`${pagePath}: ${link}`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked.size).toBeGreaterThan(100);
  }, 120_000);

  it('gives every page a canonical URL at the public address', async () => {
    const html = await (
      await fetch(`${local}${BASE}postmortems/2024-08-22-orders-id-int32-overflow/`)
    ).text();
    expect(html).toContain(
      `<link rel="canonical" href="${PUBLIC}${BASE}postmortems/2024-08-22-orders-id-int32-overflow/">`,
    );
    expect(
      await (
        await fetch(`${local}/postmortems/2024-08-22-orders-id-int32-overflow/`)
      ).status,
    ).toBe(404);
  });

  it('serves a well-formed RSS feed whose every item resolves, even with a control character in a title', async () => {
    const xml = await (await fetch(`${local}${BASE}rss.xml`)).text();
    expect(xml).not.toContain('\u0007');
    await page.goto(`${local}${BASE}`);
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        links: [...doc.querySelectorAll('item > link')].map((l) => l.textContent ?? ''),
        titles: [...doc.querySelectorAll('item > title')].map((l) => l.textContent ?? ''),
        channel: doc.querySelector('channel > link')?.textContent,
      };
    }, xml);
    expect(parsed.error).toBeNull();
    expect(parsed.titles).toContain('Bell  ring in the title');
    expect(parsed.channel).toBe(`${PUBLIC}${BASE}`);
    expect(parsed.links.length).toBeGreaterThan(15);
    for (const link of parsed.links) {
      expect(link.startsWith(`${PUBLIC}${BASE}postmortems/`)).toBe(true);
      expect(await fetchOk(localUrl(link, local)!)).toBe(true);
    }
  });

  it('lists every page in the sitemap at the public address, and every entry resolves', async () => {
    const index = await (await fetch(`${local}${BASE}sitemap-index.xml`)).text();
    const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(sitemaps.length).toBeGreaterThan(0);
    const locs: string[] = [];
    for (const s of sitemaps) {
      expect(s.startsWith(`${PUBLIC}${BASE}`)).toBe(true);
      const xml = await (await fetch(localUrl(s, local)!)).text();
      locs.push(...[...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!));
    }
    expect(locs).toContain(`${PUBLIC}${BASE}postmortems/2024-08-22-orders-id-int32-overflow/`);
    for (const loc of locs) {
      expect(loc.startsWith(`${PUBLIC}${BASE}`)).toBe(true);
      expect(await fetchOk(localUrl(loc, local)!), loc).toBe(true);
    }
  }, 60_000);

  it('runs the search page under the base path', async () => {
    await page.goto(`${local}${BASE}search/?q=certificate`);
    await page.waitForFunction(() => document.querySelectorAll('#search-results a').length > 0);
    const first = await page.locator('#search-results a').first().getAttribute('href');
    expect(first?.startsWith(`${BASE}postmortems/`)).toBe(true);
  });
});

describe('from the repository', () => {
  it('shows the last-updated date from Git and links to edit the file in the repository', async () => {
    await page.goto(`${local}${BASE}postmortems/2024-08-22-orders-id-int32-overflow/`);
    expect(await page.locator('[data-updated]').textContent()).toBe('2026-02-20');
    expect(await page.locator('a', { hasText: 'Edit this postmortem' }).getAttribute('href')).toBe(
      'https://github.com/acme/handbook/edit/main/library/2024-08-22-orders-id-int32-overflow.md',
    );
    await page.goto(`${local}${BASE}postmortems/2023-06-10-database-cascade-from-backup-job/`);
    expect(await page.locator('[data-updated]').textContent()).toBe('2026-01-10');
  });

  it('measures days to close an action item from the incident to the commit that ticked it', async () => {
    await page.goto(`${local}${BASE}stats/`);
    const cells = await page
      .locator('#follow-quarter tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent?.trim())));
    // 2024 Q3 holds the ticked item (2024-08-22 to 2026-02-20: 547 days) among others done when first committed.
    const q3 = cells.find((r) => r[0] === '2024 Q3')!;
    expect(q3[4]).toMatch(/^\d{1,3}(,\d{3})* d$/);
    for (const r of cells) expect(r[4] === '—').toBe(r[2] === '0%');
  });
});

describe('publishing every postmortem it can read', () => {
  it('publishes a file with no front matter at all, marked incomplete with its findings', async () => {
    await page.goto(`${local}${BASE}postmortems/no-front-matter/`);
    expect(await page.locator('h1').textContent()).toBe('Notes from the outage');
    expect(await page.locator('.notice .badge-incomplete').textContent()).toBe('incomplete');
    expect(await page.locator('.findings li').count()).toBeGreaterThan(3);
    const json = (await (await fetch(`${local}${BASE}postmortems.json`)).json()) as {
      slug: string;
      incomplete: boolean;
      findings: { rule: string; line: number }[];
    }[];
    const entry = json.find((p) => p.slug === 'no-front-matter')!;
    expect(entry.incomplete).toBe(true);
    expect(entry.findings.length).toBeGreaterThan(3);
    expect(log).toMatch(
      /Published \d+ postmortem\(s\) marked incomplete because of lint errors: .*no-front-matter\.md/,
    );
    // An empty file and one whose every field has the wrong shape are published too.
    for (const slug of ['empty', 'wrong-types']) {
      const response = await page.goto(`${local}${BASE}postmortems/${slug}/`);
      expect(response?.status()).toBe(200);
      expect(await page.locator('.findings li').count()).toBeGreaterThan(0);
    }
    expect(await page.locator('dl.facts').first().textContent()).toContain('cosmic-rays');
  });

  it('carries timeline entries and findings in postmortems.json', async () => {
    const json = (await (await fetch(`${local}${BASE}postmortems.json`)).json()) as {
      slug: string;
      url: string;
      timeline: unknown[];
      findings: unknown[];
    }[];
    const pm = json.find((p) => p.slug === '2024-08-22-orders-id-int32-overflow')!;
    expect(pm.url).toBe(`${BASE}postmortems/2024-08-22-orders-id-int32-overflow/`);
    expect(pm.timeline[0]).toEqual({
      time: '13:12 UTC',
      at: '2024-08-22T13:12:00.000Z',
      text: expect.stringContaining('integer out of range'),
      line: 40,
    });
    expect(Array.isArray(pm.findings)).toBe(true);
  });

  it('gives service and tag names in any script their own page, each entry listed once', async () => {
    await page.goto(`${local}${BASE}postmortems/scripts/`);
    const links = await page
      .locator('dl.facts dd a[href*="/services/"]')
      .evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(links.map(([name]) => name)).toEqual(['支付', '日本語', '?', 'C++', 'c', 'Zürich']);
    const hrefs = links.map(([, href]) => href!);
    expect(new Set(hrefs).size).toBe(hrefs.length);
    for (const [name, href] of links) {
      await page.goto(`${local}${href}`);
      expect(await page.locator('h1').textContent()).toBe(`Service: ${name}`);
      expect(await page.locator('main ul.entries li').count()).toBe(1);
    }
    // "C++" and "c++" are one tag: one page, the postmortem once.
    await page.goto(`${local}${BASE}tags/`);
    const tagCards = await page.locator('main .card a').allTextContents();
    expect(tagCards.filter((t) => t.toLowerCase() === 'c++')).toHaveLength(1);
  });
});

describe('a relaxed configuration', () => {
  it('builds every file that hindsight lint accepts: only a title required, no severity, root cause or status', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hindsight-relaxed-'));
    try {
      const library = path.join(dir, 'postmortems');
      mkdirSync(library);
      const sections = [
        'Summary',
        'Impact',
        'Timeline',
        'Root Cause',
        'Resolution',
        'Action Items',
        'Lessons Learned',
      ]
        .map(
          (h) =>
            `## ${h}\n\n${h === 'Timeline' ? '- 10:00 UTC Alert fired.\n- 10:20 UTC Rolled back.' : h === 'Action Items' ? '- [ ] Add a canary stage @kim due:2026-12-01 #prevent' : `Text of ${h}.`}\n`,
        )
        .join('\n');
      writeFileSync(
        path.join(library, 'only-title.md'),
        `---\ntitle: Only a title in the front matter\n---\n\n${sections}`,
      );
      writeFileSync(
        path.join(library, 'title-and-date.md'),
        `---\ntitle: A title and a date\ndate: 2026-01-05\nservices: [api]\n---\n\n${sections}`,
      );
      const config = path.join(dir, 'hindsight.json');
      writeFileSync(
        config,
        JSON.stringify({
          postmortems: 'postmortems',
          requiredFields: ['title'],
          site: { onInvalid: 'fail' },
        }),
      );
      const lint = spawnSync(
        process.execPath,
        [path.join(ROOT, 'cli/bin/hindsight.mjs'), 'lint', '--config', config, library],
        { cwd: dir, encoding: 'utf8' },
      );
      expect(lint.stdout + lint.stderr).not.toMatch(/ error /);
      expect(lint.status).toBe(0);
      const build = buildSite(path.join(dir, 'dist'), {
        HINDSIGHT_CONFIG: config,
        HINDSIGHT_POSTMORTEMS: library,
      });
      expect(build.log).not.toMatch(/:\d+:\d+ error |incomplete/);
      expect(build.status).toBe(0);
      const html = readFileSync(path.join(dir, 'dist/postmortems/only-title/index.html'), 'utf8');
      expect(html).toContain('Only a title in the front matter');
      expect(html).not.toContain('badge-incomplete');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
