import { describe, expect, it } from 'vitest';
import { createSearchEngine, createSearchEngineAsync, SEARCH_FIELDS, words } from '../site/src/lib/search-engine';
import type { SearchRecord } from '../site/src/lib/derive';

function record(slug: string, over: Partial<SearchRecord>): SearchRecord {
  return {
    slug, title: slug, date: '2025-01-01', year: '2025', severity: 'SEV2', category: 'deploy', categoryLabel: 'Deploy',
    contributing: [], services: [], tags: [], trigger: '', summary: '', rootCause: '', ...over,
  };
}

const records = [
  record('cert', { title: 'Certificate expiry takes down the edge', services: ['edge-proxy'], date: '2024-03-01' }),
  record('cert-summary', { title: 'Checkout errors', summary: 'An expired certificate on the payments gateway.', services: ['payments'], date: '2025-06-01' }),
  record('lock', { title: 'Orders stall', rootCause: 'A deadlock between two migrations held a global lock.', services: ['orders-db'] }),
  record('cache', { title: 'Cache stampede after deploy', trigger: 'Deploy of config 42', services: ['session-kv'], date: '2023-01-01' }),
  record('cache-newer', { title: 'Cache stampede after restart', services: ['session-kv'], date: '2026-01-01' }),
  record('zurich', { title: 'Zürich region loses power', tags: ['hardware'] }),
];
const engine = createSearchEngine(records, SEARCH_FIELDS, 'date');
const slugs = (q: string) => engine.search(q).map((h) => h.item.slug);

describe('search engine', () => {
  it('splits text into lower-case words, letters of any script included', () => {
    expect(words('Zürich: edge-proxy, E502!')).toEqual(['zürich', 'edge', 'proxy', 'e502']);
  });

  it('finds a word anywhere in a record and ranks a title match above a match in the summary', () => {
    expect(slugs('certificate')).toEqual(['cert', 'cert-summary']);
  });

  it('requires every word, in any field', () => {
    expect(slugs('certificate payments')).toEqual(['cert-summary']);
    expect(slugs('certificate proxy')).toEqual(['cert']);
    expect(slugs('certificate nowhere')).toEqual([]);
  });

  it('forgives a typo in the short fields but not in the long texts', () => {
    expect(slugs('certifcate')).toEqual(['cert']);
    expect(slugs('stampeed')).toEqual(['cache-newer', 'cache']);
  });

  it('matches part of a word', () => {
    expect(slugs('lock')).toEqual(['lock']);
    expect(slugs('certif')).toEqual(['cert', 'cert-summary']);
  });

  it('orders equally good hits newest first', () => {
    expect(slugs('cache stampede')).toEqual(['cache-newer', 'cache']);
  });

  it('does not match numbers approximately', () => {
    expect(slugs('42')).toEqual(['cache']);
    expect(slugs('43')).toEqual([]);
  });

  it('ignores one-letter words and empty queries', () => {
    expect(slugs('')).toEqual([]);
    expect(slugs('a')).toEqual([]);
    expect(slugs('a lock')).toEqual(['lock']);
  });

  it('explains where a hit matched, with ranges that mark the matched words', () => {
    const [hit] = engine.search('global lock');
    const matches = engine.explain(hit!);
    expect(matches.map((m) => m.key)).toEqual(['rootCause']);
    const [m] = matches;
    expect(m!.indices.map(([a, b]) => m!.value.slice(a, b + 1))).toEqual(['deadlock', 'global', 'lock']);

    const [edge] = engine.search('proxy');
    expect(engine.explain(edge!)).toEqual([{ key: 'services', value: 'edge-proxy', indices: [[5, 9]] }]);
    const [typo] = engine.search('zurich');
    expect(typo!.item.slug).toBe('zurich');
    expect(engine.explain(typo!)[0]).toMatchObject({ key: 'title', indices: [[0, 5]] });
  });

  it('indexes in slices with pauses between them and answers as the one-go engine does', async () => {
    const many = Array.from({ length: 2500 }, (_, i) => record(`pm-${i}`, { title: `Outage ${i} of the ${i % 2 ? 'payments' : 'search'} cluster`, date: `2025-01-${String((i % 28) + 1).padStart(2, '0')}` }));
    let pauses = 0;
    const counting = setInterval(() => pauses++, 0);
    const sliced = await createSearchEngineAsync(many, SEARCH_FIELDS, 'date');
    clearInterval(counting);
    const whole = createSearchEngine(many, SEARCH_FIELDS, 'date');
    expect(pauses).toBeGreaterThan(0);
    for (const q of ['payments', 'outage 17', 'serch']) expect(sliced.search(q).map((h) => h.item.slug)).toEqual(whole.search(q).map((h) => h.item.slug));
    expect(sliced.search('payments')).toHaveLength(1250);
  });
});
