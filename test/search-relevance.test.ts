import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { engineOver, repo, type RelevanceQuery } from './search-corpus';

const queries: RelevanceQuery[] = JSON.parse(
  readFileSync(path.join(repo, 'test/fixtures/search/queries.json'), 'utf8'),
);
const { engine, ids } = engineOver(['postmortems', 'test/fixtures/real-world']);

/** Share of the expected documents found in the top 5, averaged over the queries. */
function recallAt5(text: (q: RelevanceQuery) => string): { recall: number; missed: string[] } {
  const missed: string[] = [];
  let sum = 0;
  for (const q of queries) {
    const top = ids(text(q)).slice(0, 5);
    const found = q.expect.filter((d) => top.includes(d));
    sum += found.length / q.expect.length;
    if (found.length < q.expect.length) missed.push(`${text(q)} -> ${top.join(', ')}`);
  }
  return { recall: sum / queries.length, missed };
}

describe('search relevance on the shipped library and the real-style postmortems', () => {
  it('has at least 60 queries, each naming documents that exist and a one-typo variant', () => {
    expect(queries.length).toBeGreaterThanOrEqual(60);
    const all = new Set(
      ids('').concat(
        engine
          .documentsSync(Array.from({ length: engine.manifest.count }, (_, i) => i))
          .map((d) => d.id),
      ),
    );
    for (const q of queries) {
      for (const d of [...q.expect, ...(q.reject ?? [])])
        expect(all, `${q.query}: ${d}`).toContain(d);
      expect(q.typo).not.toBe(q.query);
    }
  });

  it('finds the expected postmortems in the top 5 for at least 95% of queries', () => {
    const { recall, missed } = recallAt5((q) => q.query);
    expect(recall, missed.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps every must-not postmortem out of the top 5', () => {
    const wrong = queries.flatMap((q) => {
      const top = ids(q.query).slice(0, 5);
      return (q.reject ?? []).filter((d) => top.includes(d)).map((d) => `${q.query} -> ${d}`);
    });
    expect(wrong).toEqual([]);
  });

  it('finds them for at least 85% of queries with one typo', () => {
    const { recall, missed } = recallAt5((q) => q.typo);
    expect(recall, missed.join('\n')).toBeGreaterThanOrEqual(0.85);
  });

  it('answers a typical query with a short ranked list, not the library', () => {
    const counts = queries.map((q) => ids(q.query).length);
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    expect(mean).toBeLessThan(engine.manifest.count / 3);
    expect(counts.filter((c) => c === engine.manifest.count)).toEqual([]);
  });
});
