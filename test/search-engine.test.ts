import { describe, expect, it } from 'vitest';
import {
  buildSearchIndex,
  createSearchEngine,
  defaultConfig,
  describeMatch,
  parsePostmortem,
  searchDocument,
  type SearchDocument,
  type SearchShard,
} from '@hindsight/core';

/** A postmortem as its author would write it, read by the core like any other. */
function pm(id: string, front: Record<string, string>, body: string): SearchDocument {
  const yaml = Object.entries(front)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
  return searchDocument(
    parsePostmortem(`---\n${yaml}\n---\n\n${body}\n`, { today: '2026-11-30' }),
    id,
    defaultConfig,
  );
}

const docs = [
  pm(
    'restore',
    {
      title: 'Customer data restored from backups',
      date: '2025-04-05',
      severity: 'SEV1',
      root_cause: 'manual-operation',
      services: '[site-hosting]',
    },
    '## Summary\n\nA script deleted sites. We restored them over two weeks; restoring the last ones took longest.\n\n## Timeline\n\n- 10:00 Script run\n- 10:20 Restore started',
  ),
  pm(
    'artifacts',
    {
      title: 'Build artefacts unavailable',
      date: '2023-11-07',
      severity: 'SEV3',
      root_cause: 'hardware',
      services: '[artifact-store, ci]',
    },
    'Written by the build team.\n\n## Summary\n\nThe storage array in the datacenter lost power and the service discovery cache reached its limit.',
  ),
  pm(
    'disk',
    {
      title: 'Log nodes ran out of space',
      date: '2025-12-01',
      severity: 'SEV4',
      root_cause: 'capacity',
      services: '[logging]',
      tags: '[near-miss]',
    },
    '## Summary\n\nThe log volume filled up: the disk was full by morning and the shipper was OOMKilled.\n\n## Action Items\n\n- [ ] Alert on disk usage above 80% @kim due:2026-01-10 #detect',
  ),
  pm(
    'cert',
    {
      title: 'API unreachable after its TLS certificate expired',
      date: '2025-02-03',
      severity: 'SEV2',
      root_cause: 'time',
      services: '[public-api, edge-proxy]',
    },
    '## Summary\n\nThe certificate on the load balancer expired at midnight; clients refused the connection.\n\n## Root Cause\n\nThe cert was renewed by hand.',
  ),
  pm(
    'config',
    {
      title: 'Checkout errors after a bad setting',
      date: '2024-06-01',
      severity: 'SEV2',
      root_cause: 'config-change',
      contributing: '[deploy]',
      services: '[checkout]',
    },
    '## Summary\n\nA wrong timeout value was pushed to every checkout node; the cache layer was not involved.',
  ),
  pm(
    'dns',
    {
      title: 'Resolvers served empty answers',
      date: '2024-10-02',
      severity: 'SEV3',
      root_cause: 'network',
      services: '[internal-dns]',
    },
    '## Summary\n\nService discovery failed while the zone transfer ran.',
  ),
  pm(
    'pool',
    {
      title: 'Accounts down after failover',
      date: '2022-06-10',
      severity: 'SEV2',
      root_cause: 'dependency',
      services: '[accounts-db]',
    },
    'When the primary changed, the connection pool was exhausted and checkout timed out.\n\n## Resolution\n\nWe restarted the app servers.',
  ),
];
const index = buildSearchIndex(docs, { config: defaultConfig, shardChars: 200, chunkSize: 2 });
const engine = createSearchEngine(index);
const ids = (q: string, filters = {}) => {
  const r = engine.searchSync(q, { filters });
  return engine.documentsSync(r.hits.map((h) => h.doc)).map((d) => d.id);
};

describe('search engine', () => {
  it("finds 'restored' and 'restoring' for 'restore', and not 'artifact-store'", () => {
    expect(ids('restore')).toEqual(['restore']);
    expect(ids('restoring')).toEqual(['restore']);
  });

  it("does not match 'reached' for 'cache', 'datacenter' for 'cert' or 'discovery' for 'disk'", () => {
    expect(ids('cache')).toEqual(['config', 'artifacts']);
    expect(ids('cache ')).toEqual(['config', 'artifacts']);
    expect(ids('cert ')).toEqual(['cert']);
    expect(ids('disk ')).not.toContain('dns');
    expect(ids('disk ')).not.toContain('artifacts');
  });

  it('forgives one typo in a short word and two in a long one, against whole words only', () => {
    expect(ids('certifcate ')).toEqual(['cert']);
    expect(ids('certfiicate ')).toEqual(['cert']);
    expect(ids('expird ')).toContain('cert');
    expect(ids('dsk ')).toEqual([]);
  });

  it('matches the word being typed by its beginning', () => {
    expect(ids('load bala')).toEqual(['cert']);
    expect(ids('certif')).toEqual(['cert']);
  });

  it('matches a word the library lacks by the beginning of longer words, wherever it stands', () => {
    expect(ids('oom shipper')).toEqual(['disk']);
  });

  it('searches the whole document: prose before the first heading, timeline, action items, front matter', () => {
    expect(ids('build team')[0]).toBe('artifacts');
    expect(ids('restore started')[0]).toBe('restore');
    expect(ids('alert on disk usage')[0]).toBe('disk');
    expect(ids('near-miss')).toEqual(['disk']);
    expect(ids('edge-proxy')).toEqual(['cert']);
  });

  it('ranks a title match above a passing mention', () => {
    expect(ids('checkout')[0]).toBe('config');
  });

  it('lists documents matching every word first, then the best partial matches', () => {
    const r = engine.searchSync('connection pool exhausted checkout');
    expect(r.hits[0]!.matched).toBe(r.words);
    expect(engine.documentsSync([r.hits[0]!.doc])[0]!.id).toBe('pool');
    expect(r.hits.slice(1).every((h) => h.matched < r.words)).toBe(true);
    expect(r.complete).toBe(1);
  });

  it('finds a category by its words and common synonyms', () => {
    expect(ids('human error')[0]).toBe('restore');
    expect(ids('disk full')[0]).toBe('disk');
    expect(ids('out of memory')).toEqual(['disk']);
    expect(ids('misconfiguration')).toEqual(['config']);
    expect(ids('expired certificate')[0]).toBe('cert');
    expect(ids('DNS')).toEqual(['dns']);
    expect(ids('SEV1')).toEqual(['restore']);
    expect(ids('sev 1')).toEqual(['restore']);
  });

  it('requires the words of a quoted phrase to follow each other', () => {
    expect(ids('"disk full"')).toEqual(['disk']);
    expect(ids('"full disk"')).toEqual([]);
    expect(ids('"load balancer" expired')).toEqual(['cert']);
  });

  it('counts facets and narrows by them', () => {
    const r = engine.searchSync('checkout');
    expect(r.facets.category).toEqual(
      expect.arrayContaining([
        { value: 'config-change', count: 1 },
        { value: 'dependency', count: 1 },
      ]),
    );
    expect(ids('checkout', { category: 'dependency' })).toEqual(['pool']);
    expect(ids('checkout', { contributing: 'deploy' })).toEqual(['config']);
    expect(ids('', { year: '2025' })).toEqual(['disk', 'restore', 'cert']);
    expect(ids('', { service: 'ci', severity: 'SEV3' })).toEqual(['artifacts']);
  });

  it('lists every document newest first for an empty query', () => {
    const r = engine.searchSync('   ');
    expect(r.words).toBe(0);
    expect(engine.documentsSync(r.hits.map((h) => h.doc)).map((d) => d.date)).toEqual(
      docs
        .map((d) => d.date)
        .sort()
        .reverse(),
    );
  });

  it('suggests a spelling, the nearest category or removing a filter when nothing matches', () => {
    expect(engine.searchSync('certfkate').suggestions).toContainEqual({
      kind: 'spelling',
      query: 'certificate',
    });
    expect(engine.searchSync('misconfigurashun').suggestions).toContainEqual({
      kind: 'category',
      id: 'config-change',
      label: 'Configuration change',
    });
    expect(
      engine.searchSync('resolvers', { filters: { severity: 'SEV1' } }).suggestions,
    ).toContainEqual({ kind: 'remove-filter', filter: 'severity', value: 'SEV1', count: 1 });
  });

  it('says where a document matched, by label and once each, with the matched words as ranges of a snippet', () => {
    const r = engine.searchSync('restore');
    const doc = engine.documentsSync([r.hits[0]!.doc])[0]!;
    const m = describeMatch(doc, r.terms);
    expect(m.matchedIn).toEqual(['Title', 'Summary', 'Timeline']);
    expect(m.snippet!.label).toBe('Summary');
    expect(m.snippet!.marks.map(([a, b]) => m.snippet!.text.slice(a, b))).toEqual([
      'restored',
      'restoring',
    ]);
    const byCategory = describeMatch(
      engine.documentsSync([engine.searchSync('human error').hits[0]!.doc])[0]!,
      engine.searchSync('human error').terms,
    );
    expect(byCategory.matchedIn).toContain('Root-cause category');
  });

  it('answers from a split index fetched part by part exactly as from the whole index', async () => {
    const fetched: string[] = [];
    const split = createSearchEngine({
      manifest: JSON.parse(JSON.stringify(index.manifest)),
      loadShard: async (i) => (
        fetched.push(`t${i}`),
        JSON.parse(JSON.stringify(index.shards[i])) as SearchShard
      ),
      loadChunk: async (i) => (
        fetched.push(`d${i}`),
        JSON.parse(JSON.stringify(index.chunks[i])) as SearchDocument[]
      ),
    });
    expect(index.shards.length).toBeGreaterThan(3);
    for (const q of [
      'restore',
      'certifcate ',
      'disk full',
      '"load balancer"',
      'human error',
      'checkout',
      '',
    ]) {
      const a = await split.search(q);
      expect(a.hits, q).toEqual(engine.searchSync(q).hits);
    }
    expect(fetched.length).toBeLessThan(index.shards.length + 1);
    const r = await split.search('restore');
    expect((await split.documents(r.hits.map((h) => h.doc))).map((d) => d.id)).toEqual(['restore']);
  });

  it('builds an index in time linear in the library size', () => {
    const many = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        ...docs[i % docs.length]!,
        id: `pm-${i}`,
        date: `20${10 + (i % 15)}-01-01`,
      }));
    expect(buildSearchIndex(many(700)).manifest.count).toBe(700);
    // Postings grow with the documents, the manifest's vocabulary does not.
    const small = buildSearchIndex(many(70));
    const large = buildSearchIndex(many(700));
    expect(large.manifest.words).toEqual(small.manifest.words);
    const size = (x: object) => JSON.stringify(x).length;
    expect(size(large.shards)).toBeLessThan(12 * size(small.shards));
  });
});
