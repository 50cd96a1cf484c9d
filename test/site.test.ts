import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { defaultConfig, parseConfig, parsePostmortem, resolveConfig } from '@hindsight/core';
import { run } from '../cli/src/main';
import {
  countByPeriod,
  groupBy,
  librarySlugs,
  nameKey,
  slugify,
  xmlSafe,
} from '../site/src/lib/derive';
import { gitHistory, loadLibrary, toSiteEntry, type Library } from '../site/src/lib/library';
import { RELATED_LIMIT, relatedLibrary } from '../site/src/lib/related';
import { completeMetaSchema } from '../site/src/lib/schema';
import { followThrough, followThroughByQuarter } from '../site/src/lib/stats';
import { publishing } from '../site/src/lib/workspace';
import { renderNodes } from '../site/src/lib/render';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TODAY = '2026-11-24';
let repo: string;
let lib: Library;

beforeAll(async () => {
  repo = mkdtempSync(path.join(tmpdir(), 'hindsight-site-'));
  mkdirSync(path.join(repo, '.git'));
  cpSync(path.join(ROOT, 'postmortems'), path.join(repo, 'postmortems'), { recursive: true });
  cpSync(path.join(ROOT, 'test/fixtures/site'), path.join(repo, 'postmortems'), {
    recursive: true,
  });
  lib = await loadLibrary({ root: repo, today: TODAY });
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('loading the library for the site', () => {
  it('publishes every postmortem it can read, marking the ones with lint errors incomplete', () => {
    expect(lib.entries.length).toBe(17);
    expect(lib.rejected).toEqual([]);
    expect(lib.entries.filter((e) => e.incomplete).map((e) => e.file)).toEqual([
      'postmortems/broken.md',
    ]);
  });

  it("shows an incomplete postmortem's findings with exactly the lines hindsight lint prints", async () => {
    let out = '';
    const stdout = new Writable({ write: (c, _e, done) => ((out += c), done()) });
    await run(['lint', 'postmortems/broken.md'], { stdout, stderr: stdout, cwd: repo });
    const errorLines = out.split('\n').filter((l) => / error /.test(l));
    const broken = lib.entries.find((e) => e.file === 'postmortems/broken.md')!;
    const shown = broken.findings
      .filter((f) => f.severity === 'error')
      .map(
        (f) => `postmortems/broken.md:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`,
      );
    expect(shown).toEqual(errorLines);
    expect(errorLines[0]).toContain("Root cause 'cosmic-rays' is not in the taxonomy");
  });

  it('leaves a file with errors out when site.onInvalid is skip, with the lines hindsight lint prints', async () => {
    writeFileSync(
      path.join(repo, 'hindsight.json'),
      JSON.stringify({ site: { onInvalid: 'skip' } }),
    );
    try {
      const skipped = await loadLibrary({ root: repo, today: TODAY });
      expect(skipped.entries.length).toBe(16);
      expect(skipped.rejected.map((r) => r.file)).toEqual(['postmortems/broken.md']);
      expect(skipped.rejected[0]!.messages[0]).toMatch(
        /^postmortems\/broken\.md:6:13 error root-cause-category Root cause 'cosmic-rays'/,
      );
    } finally {
      rmSync(path.join(repo, 'hindsight.json'));
    }
  });

  it('orders entries newest first with stable slugs from file names', () => {
    const dates = lib.entries.map((e) => e.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(lib.entries.map((e) => e.slug)).toContain('2024-08-22-orders-id-int32-overflow');
  });

  it('draws the timeline from parsed times with offsets from the first entry', () => {
    const e = lib.entries.find((x) => x.slug === '2024-08-22-orders-id-int32-overflow')!;
    expect(e.timeline.slice(0, 3)).toEqual([
      {
        label: '13:12 UTC',
        at: '2024-08-22T13:12:00.000Z',
        line: 40,
        text: expect.stringContaining('First `integer out of range`'.replace(/`/g, '')),
        offset: 0,
        day: '2024-08-22',
      },
      {
        label: '13:19 UTC',
        at: '2024-08-22T13:19:00.000Z',
        line: 41,
        text: 'Checkout success-rate alert pages @samira.',
        offset: 7,
        day: '2024-08-22',
      },
      {
        label: '13:40 UTC',
        at: '2024-08-22T13:40:00.000Z',
        line: 42,
        text: expect.stringMatching(/^Cause identified/),
        offset: 28,
        day: '2024-08-22',
      },
    ]);
    expect(e.metrics).toEqual({ timeToDetect: 7, timeToMitigate: 173, duration: 1278 });
    expect(e.sections.find((s) => s.kind === 'timeline')!.html).toBe('');
  });
});

describe('rendering postmortem Markdown', () => {
  const hostile = () => lib.entries.find((e) => e.meta.tags.includes('hostile-input'))!;

  it('removes scripts, event handlers, iframes and javascript: and data: URLs', () => {
    const html = [hostile().intro, ...hostile().sections.map((s) => s.html)].join('\n');
    expect(html).not.toMatch(
      /<script|<iframe|onerror|onclick|onload|onmouseover|javascript:|data:text/i,
    );
    expect(html).not.toContain('__pwned');
  });

  it('keeps safe HTML and ordinary Markdown', () => {
    const summary = hostile().sections[0]!.html;
    expect(summary).toContain('<details><summary>Safe HTML stays</summary>Kept text.</details>');
    expect(summary).toContain('a javascript link');
    const pm = parsePostmortem('## Summary\n\n| a | b |\n| - | - |\n| 1 | **2** |\n\n- [x] done\n');
    expect(renderNodes(pm.sections[0]!.children)).toMatch(
      /<table>[\s\S]*<strong>2<\/strong>[\s\S]*<input type="checkbox" checked disabled aria-label="done">/,
    );
  });

  it('keeps hostile front matter as data, to be escaped by the page', () => {
    expect(hostile().title).toBe(
      "Hostile <script>window.__pwned = 'title'</script> rendering test",
    );
  });
});

describe('derived data', () => {
  it('relates postmortems by root cause and shared services, ignoring tags everyone has', () => {
    const related = relatedLibrary(lib.entries, defaultConfig);
    const kv = related.get('2024-01-18-kv-store-saturated-by-mass-key-expiry')!;
    expect(kv[0]).toMatchObject({ slug: '2025-12-01-log-cluster-disk-nearly-full' });
    expect(kv[0]!.reasons[0]).toBe('same root cause: Capacity');
    expect(
      [...related.values()].flat().every((r) => !r.reasons.some((x) => x.includes('example'))),
    ).toBe(true);
  });

  it('lists related postmortems symmetrically: if A lists B, B lists A, with the same reasons', () => {
    const related = relatedLibrary(lib.entries, defaultConfig);
    let links = 0;
    for (const [slug, list] of related) {
      expect(list.length).toBeLessThanOrEqual(RELATED_LIMIT);
      for (const r of list) {
        links++;
        expect(related.get(r.slug)!.find((back) => back.slug === slug)?.reasons).toEqual(r.reasons);
      }
    }
    expect(links).toBeGreaterThan(lib.entries.length);
  });

  it('ranks by root cause, then contributing causes and services, then wording, and ignores configured bookkeeping tags', () => {
    const pm = (slug: string, fm: string, body = '') =>
      toSiteEntry(
        parsePostmortem(`---\n${fm}\n---\n\n## Summary\n\n${body}\n`),
        slug,
        `${slug}.md`,
      );
    const target = pm(
      'a',
      'date: 2024-01-01\nroot_cause: capacity\ncontributing: [dependency]\nservices: [api]\ntags: [sprint-42]',
    );
    const sameCause = pm('b', 'date: 2024-01-02\nroot_cause: capacity\nservices: [web]');
    const contributingAndService = pm(
      'c',
      'date: 2024-01-03\nroot_cause: network\ncontributing: [dependency]\nservices: [api]',
    );
    const wording = pm(
      'd',
      'date: 2024-01-04\nroot_cause: time\nservices: [batch]',
      'The certificate rotation cronjob stalled while renewing intermediate certificates.',
    );
    const wording2 = pm(
      'e',
      'date: 2024-01-05\nroot_cause: data\nservices: [mail]',
      'Intermediate certificates were not renewed because the rotation cronjob stalled.',
    );
    const tagOnly = pm(
      'f',
      'date: 2024-01-06\nroot_cause: hardware\nservices: [disk]\ntags: [sprint-42]',
    );
    const all = [target, sameCause, contributingAndService, wording, wording2, tagOnly];
    const config = resolveConfig({ site: { relatedIgnoreTags: ['sprint-42'] } });
    const related = relatedLibrary(all, config);
    expect(related.get('a')!.map((r) => r.slug)).toEqual(['b', 'c']);
    expect(related.get('c')!.find((r) => r.slug === 'a')!.reasons).toEqual([
      'shared cause: Dependency',
      'shared service: api',
    ]);
    expect(related.get('d')!.map((r) => r.slug)).toEqual(['e']);
    expect(related.get('d')![0]!.reasons[0]).toMatch(/^similar wording: /);
    expect(related.get('f')).toEqual([]);
    // Without the setting, the shared tag relates them.
    expect(
      relatedLibrary(all, defaultConfig)
        .get('f')!
        .map((r) => r.slug),
    ).toEqual(['a']);
  });

  it('counts incidents per month with empty months filled in', () => {
    const e = (date: string) =>
      toSiteEntry(parsePostmortem(`---\ndate: ${date}\n---\n`), date, date);
    expect(countByPeriod([e('2024-11-05'), e('2025-01-20'), e('2025-01-02')], 'month')).toEqual([
      { period: '2024-11', count: 1 },
      { period: '2024-12', count: 0 },
      { period: '2025-01', count: 2 },
    ]);
  });

  it('groups services whose names differ only in case, spaces or dashes onto one page', () => {
    const a = toSiteEntry(parsePostmortem('---\nservices: [Orders DB]\n---\n'), 'a', 'a');
    const b = toSiteEntry(
      parsePostmortem('---\nservices: [orders-db, orders_db]\n---\n'),
      'b',
      'b',
    );
    expect(groupBy([a, b], (e) => e.meta.services)).toEqual([
      { key: 'Orders DB', slug: 'orders-db', entries: [a, b] },
    ]);
  });

  it('gives names in any script their own page: no two names share a slug, each entry listed once', () => {
    const names = [
      'C++',
      'c',
      'C#',
      '支付',
      '日本語',
      '?',
      '??',
      'Zürich',
      'zurich',
      'Москва',
      'e\u0301t\u00e9',
      'été',
    ];
    const e = toSiteEntry(
      parsePostmortem(`---\nservices: ${JSON.stringify(names)}\n---\n`),
      'e',
      'e',
    );
    const groups = groupBy([e], (x) => x.meta.services);
    // "été" written with a combining accent and precomposed is one name.
    expect(groups.length).toBe(names.length - 1);
    expect(new Set(groups.map((g) => g.slug)).size).toBe(groups.length);
    for (const g of groups) {
      expect(g.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(g.entries).toEqual([e]);
    }
    const slug = (name: string) => groups.find((g) => g.key === name)!.slug;
    expect(slug('c')).toBe('c');
    expect(slug('C++')).toMatch(/^c-[a-z0-9]+$/);
    expect(slug('Zürich')).toMatch(/^zuerich-[a-z0-9]+$/);
    expect(slug('Москва')).toMatch(/^moskva-[a-z0-9]+$/);
    expect(slug('支付')).not.toBe(slug('日本語'));
    // Stable across builds.
    expect(slugify('支付')).toBe(slug('支付'));
    expect(librarySlugs([e]).services.get(nameKey('C++'))).toBe(slug('C++'));
  });

  it('strips characters XML 1.0 forbids from feed text', () => {
    expect(xmlSafe('Bell \u0007 ring\u0000 \uFFFE\uD800 ok\t\n')).toBe('Bell  ring  ok\t\n');
    expect(xmlSafe('支付 😀 été')).toBe('支付 😀 été');
  });
});

describe('site configuration', () => {
  it('reads the site title and the invalid-file policy from hindsight.json', async () => {
    writeFileSync(
      path.join(repo, 'hindsight.json'),
      JSON.stringify({ site: { title: 'Acme incidents', onInvalid: 'fail' } }),
    );
    const again = await loadLibrary({ root: repo, today: TODAY });
    expect(again.workspace.config.site).toMatchObject({
      title: 'Acme incidents',
      url: 'http://127.0.0.1:4321',
      onInvalid: 'fail',
      base: '/',
    });
    rmSync(path.join(repo, 'hindsight.json'));
    expect(readFileSync(path.join(ROOT, 'hindsight.json'), 'utf8')).toContain('"postmortems"');
  });

  it('publishes with the badge by default', () => {
    expect(defaultConfig.site.onInvalid).toBe('badge');
  });

  it('takes the public address and base path from hindsight.json, overridden by HINDSIGHT_SITE_URL and HINDSIGHT_BASE', () => {
    const config = resolveConfig({ site: { url: 'https://docs.acme.com', base: '/incidents/' } });
    expect(publishing(config, {})).toEqual({ url: 'https://docs.acme.com', base: '/incidents/' });
    expect(
      publishing(config, {
        HINDSIGHT_SITE_URL: 'https://acme.github.io',
        HINDSIGHT_BASE: 'handbook',
      }),
    ).toEqual({ url: 'https://acme.github.io', base: '/handbook/' });
    // A public address with a path implies the base path.
    expect(
      publishing(defaultConfig, { HINDSIGHT_SITE_URL: 'https://acme.github.io/handbook/' }),
    ).toEqual({ url: 'https://acme.github.io', base: '/handbook/' });
    expect(() => publishing(defaultConfig, { HINDSIGHT_SITE_URL: 'javascript:alert(1)' })).toThrow(
      "HINDSIGHT_SITE_URL is 'javascript:alert(1)'; expected an http or https address",
    );
    expect(() => publishing(defaultConfig, { HINDSIGHT_BASE: '/a b/' })).toThrow(
      "HINDSIGHT_BASE is '/a b/'; expected a path",
    );
    expect(parseConfig(JSON.stringify({ site: { base: 'handbook' } }))).toMatchObject({
      ok: false,
      message: expect.stringContaining('site.base: expected a path that starts and ends with "/"'),
    });
    expect(
      parseConfig(JSON.stringify({ site: { repository: 'javascript:alert(1)' } })),
    ).toMatchObject({ ok: false });
  });

  it('derives the content schema from the lint configuration: what lint accepts, the schema accepts', async () => {
    const relaxed = resolveConfig({ requiredFields: ['title'] });
    const meta = toSiteEntry(parsePostmortem('---\ntitle: Only a title\n---\n'), 'x', 'x').meta;
    expect(completeMetaSchema(relaxed).safeParse(meta).success).toBe(true);
    expect(completeMetaSchema(defaultConfig).safeParse(meta).success).toBe(false);
    // Severity and root cause are checked against the lists only while their rules report errors.
    const offRules = resolveConfig({ rules: { 'root-cause-category': 'off' } });
    const cosmic = toSiteEntry(
      parsePostmortem(
        '---\ntitle: T\ndate: 2024-01-01\nstatus: draft\nseverity: SEV2\nroot_cause: cosmic-rays\nservices: [a]\n---\n',
      ),
      'y',
      'y',
    ).meta;
    expect(completeMetaSchema(offRules).safeParse(cosmic).success).toBe(true);
    expect(completeMetaSchema(defaultConfig).safeParse(cosmic).success).toBe(false);
    // Every postmortem of the library that lint accepts passes the schema.
    for (const e of lib.entries.filter((x) => !x.incomplete))
      expect(completeMetaSchema(defaultConfig).safeParse(e.meta).success).toBe(true);
  });
});

describe('Git history', () => {
  it('reads last-updated dates and when action items were ticked, with one git log for the folder', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hindsight-git-'));
    const git = (args: string[], date?: string) => {
      const r = spawnSync('git', args, {
        cwd: dir,
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
    try {
      git(['init', '-q']);
      mkdirSync(path.join(dir, 'postmortems'));
      const file = path.join(dir, 'postmortems', 'a.md');
      const text = (done: boolean) =>
        `---\ntitle: A\ndate: 2024-03-01\n---\n\n## Action Items\n\n- [${done ? 'x' : ' '}] Add an alert @kim due:2024-04-01 #detect\n- [x] Write the runbook @kim due:2024-03-05 #process\n`;
      writeFileSync(file, text(false));
      writeFileSync(
        path.join(dir, 'postmortems', 'b.md'),
        '---\ntitle: B\ndate: 2024-01-01\n---\n',
      );
      git(['add', '.']);
      git(['commit', '-qm', 'first'], '2024-03-02T10:00:00Z');
      writeFileSync(file, text(true));
      git(['commit', '-qam', 'tick'], '2024-03-21T10:00:00Z');
      const history = gitHistory(path.join(dir, 'postmortems'));
      expect(Object.fromEntries(history.updated)).toEqual({
        'a.md': '2024-03-21',
        'b.md': '2024-03-02',
      });
      const loaded = await loadLibrary({ root: dir, today: TODAY });
      const a = loaded.entries.find((e) => e.title === 'A')!;
      expect(a.updated).toBe('2024-03-21');
      expect(a.repoPath).toBe('postmortems/a.md');
      expect(a.actions.map((x) => x.closedOn)).toEqual(['2024-03-21', '2024-03-02']);
      const f = followThrough('all', loaded.entries);
      expect(f).toMatchObject({
        total: 2,
        done: 2,
        shareDone: 1,
        closedKnown: 2,
        medianDaysToClose: 10.5,
      });
      expect(followThroughByQuarter(loaded.entries).map((q) => q.group)).toEqual(['2024 Q1']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('builds without dates when the folder is not in Git', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hindsight-nogit-'));
    try {
      expect(gitHistory(dir).updated.size).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('task lists', () => {
  it('names each checkbox by its item text', () => {
    const pm = parsePostmortem(
      '## Follow-up\n\n- [x] Caches invalidated\n- [ ] Alerting **audited**\n',
    );
    const html = renderNodes(pm.sections[0]!.children);
    expect(html).toContain(
      '<input type="checkbox" checked disabled aria-label="Caches invalidated">',
    );
    expect(html).toContain('aria-label="Alerting audited"');
  });
});

describe('links in rendered postmortems', () => {
  it('links bare URLs and emails, as GitHub does', () => {
    const pm = parsePostmortem(
      '## Summary\n\nSee https://status.example.com/incidents/42 or mail ops@example.com.\n',
    );
    const html = renderNodes(pm.sections[0]!.children);
    expect(html).toContain(
      '<a href="https://status.example.com/incidents/42">https://status.example.com/incidents/42</a>',
    );
    expect(html).toContain('<a href="mailto:ops@example.com">ops@example.com</a>');
  });
});
