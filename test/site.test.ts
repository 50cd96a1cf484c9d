import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, parsePostmortem } from '@hindsight/core';
import { run } from '../cli/src/main';
import { countByPeriod, groupBy, relatedEntries, searchIndex } from '../site/src/lib/derive';
import { loadLibrary, toSiteEntry, type Library } from '../site/src/lib/library';
import { renderNodes } from '../site/src/lib/render';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TODAY = '2026-11-24';
let repo: string;
let lib: Library;

beforeAll(async () => {
  repo = mkdtempSync(path.join(tmpdir(), 'hindsight-site-'));
  mkdirSync(path.join(repo, '.git'));
  cpSync(path.join(ROOT, 'postmortems'), path.join(repo, 'postmortems'), { recursive: true });
  cpSync(path.join(ROOT, 'test/fixtures/site'), path.join(repo, 'postmortems'), { recursive: true });
  lib = await loadLibrary({ root: repo, today: TODAY });
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('loading the library for the site', () => {
  it('keeps every postmortem the CLI accepts and leaves out the one it rejects', () => {
    expect(lib.entries.length).toBe(16);
    expect(lib.rejected.map((r) => r.file)).toEqual(['postmortems/broken.md']);
  });

  it('reports a rejected file with exactly the lines hindsight lint prints', async () => {
    let out = '';
    const stdout = new Writable({ write: (c, _e, done) => ((out += c), done()) });
    await run(['lint', 'postmortems/broken.md'], { stdout, stderr: stdout, cwd: repo });
    const errorLines = out.split('\n').filter((l) => / error /.test(l));
    expect(lib.rejected[0]!.messages).toEqual(errorLines);
    expect(errorLines[0]).toContain("Root cause 'cosmic-rays' is not in the taxonomy");
  });

  it('orders entries newest first with stable slugs from file names', () => {
    const dates = lib.entries.map((e) => e.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(lib.entries.map((e) => e.slug)).toContain('2024-08-22-orders-id-int32-overflow');
  });

  it('draws the timeline from parsed times with offsets from the first entry', () => {
    const e = lib.entries.find((x) => x.slug === '2024-08-22-orders-id-int32-overflow')!;
    expect(e.timeline.slice(0, 3)).toEqual([
      { label: '13:12 UTC', text: expect.stringContaining('First `integer out of range`'.replace(/`/g, '')), offset: 0, day: '2024-08-22' },
      { label: '13:19 UTC', text: 'Checkout success-rate alert pages @samira.', offset: 7, day: '2024-08-22' },
      { label: '13:40 UTC', text: expect.stringMatching(/^Cause identified/), offset: 28, day: '2024-08-22' },
    ]);
    expect(e.metrics).toEqual({ timeToDetect: 7, timeToMitigate: 173, duration: 1278 });
    expect(e.sections.find((s) => s.kind === 'timeline')!.html).toBe('');
  });
});

describe('rendering postmortem Markdown', () => {
  const hostile = () => lib.entries.find((e) => e.meta.tags.includes('hostile-input'))!;

  it('removes scripts, event handlers, iframes and javascript: and data: URLs', () => {
    const html = [hostile().intro, ...hostile().sections.map((s) => s.html)].join('\n');
    expect(html).not.toMatch(/<script|<iframe|onerror|onclick|onload|onmouseover|javascript:|data:text/i);
    expect(html).not.toContain('__pwned');
  });

  it('keeps safe HTML and ordinary Markdown', () => {
    const summary = hostile().sections[0]!.html;
    expect(summary).toContain('<details><summary>Safe HTML stays</summary>Kept text.</details>');
    expect(summary).toContain('a javascript link');
    const pm = parsePostmortem('## Summary\n\n| a | b |\n| - | - |\n| 1 | **2** |\n\n- [x] done\n');
    expect(renderNodes(pm.sections[0]!.children)).toMatch(/<table>[\s\S]*<strong>2<\/strong>[\s\S]*<input type="checkbox" checked disabled>/);
  });

  it('keeps hostile front matter as data, to be escaped by the page', () => {
    expect(hostile().title).toBe("Hostile <script>window.__pwned = 'title'</script> rendering test");
  });
});

describe('derived data', () => {
  it('relates postmortems by root cause and shared services, ignoring tags everyone has', () => {
    const kv = lib.entries.find((e) => e.slug === '2024-01-18-kv-store-saturated-by-mass-key-expiry')!;
    const related = relatedEntries(kv, lib.entries);
    expect(related[0]).toMatchObject({ entry: { slug: '2025-12-01-log-cluster-disk-nearly-full' }, reasons: ['same root cause: capacity'] });
    expect(related.every((r) => !r.reasons.some((x) => x.includes('example')))).toBe(true);
  });

  it('builds a search index with the fields people search by', () => {
    const index = searchIndex(lib.entries, defaultConfig);
    const cert = index.find((r) => r.slug === '2025-02-03-expired-tls-certificate-on-api')!;
    expect(cert).toMatchObject({ category: 'time', categoryLabel: 'Time', severity: 'SEV2', year: '2025', services: ['public-api', 'mobile-app', 'edge-proxy'] });
    expect(cert.rootCause).toContain('renewed by hand');
    expect(JSON.stringify(index).length).toBeLessThan(60_000);
  });

  it('counts incidents per month with empty months filled in', () => {
    const e = (date: string) => toSiteEntry(parsePostmortem(`---\ndate: ${date}\n---\n`), date, date);
    expect(countByPeriod([e('2024-11-05'), e('2025-01-20'), e('2025-01-02')], 'month')).toEqual([
      { period: '2024-11', count: 1 },
      { period: '2024-12', count: 0 },
      { period: '2025-01', count: 2 },
    ]);
  });

  it('groups services whose names differ only in case or punctuation onto one page', () => {
    const a = toSiteEntry(parsePostmortem('---\nservices: [Orders DB]\n---\n'), 'a', 'a');
    const b = toSiteEntry(parsePostmortem('---\nservices: [orders-db]\n---\n'), 'b', 'b');
    expect(groupBy([a, b], (e) => e.meta.services)).toEqual([{ key: 'Orders DB', slug: 'orders-db', entries: [a, b] }]);
  });
});

describe('site configuration', () => {
  it('reads the site title and the invalid-file policy from hindsight.json', async () => {
    writeFileSync(path.join(repo, 'hindsight.json'), JSON.stringify({ site: { title: 'Acme incidents', onInvalid: 'fail' } }));
    const again = await loadLibrary({ root: repo, today: TODAY });
    expect(again.workspace.config.site).toEqual({ title: 'Acme incidents', url: 'http://127.0.0.1:4321', onInvalid: 'fail' });
    rmSync(path.join(repo, 'hindsight.json'));
    expect(readFileSync(path.join(ROOT, 'hindsight.json'), 'utf8')).toContain('"postmortems"');
  });
});

describe('links in rendered postmortems', () => {
  it('links bare URLs and emails, as GitHub does', () => {
    const pm = parsePostmortem('## Summary\n\nSee https://status.example.com/incidents/42 or mail ops@example.com.\n');
    const html = renderNodes(pm.sections[0]!.children);
    expect(html).toContain('<a href="https://status.example.com/incidents/42">https://status.example.com/incidents/42</a>');
    expect(html).toContain('<a href="mailto:ops@example.com">ops@example.com</a>');
  });
});
