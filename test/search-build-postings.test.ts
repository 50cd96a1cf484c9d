import { describe, expect, it } from 'vitest';
import {
  buildSearchIndex,
  defaultConfig,
  stem,
  STOP_WORDS,
  type SearchDocument,
} from '@hindsight/core';

/** A seeded generator, so a failure names the same library every time. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ner', 'tus', 'vad', 'pe', 'rix', 'dom', 'sel', 'gar', 'fen'];

/**
 * Documents of made-up words, each separated from the next by one space (so every two neighbours
 * form a pair key): enough distinct words and pairs that the index's pair table grows many times
 * and its posting list fills several blocks.
 */
function library(count: number, wordsPerDoc: number): SearchDocument[] {
  const next = random(19);
  const vocabulary = Array.from({ length: 4000 }, () => {
    let w = '';
    for (let n = 2 + Math.floor(next() * 3); n > 0; n--)
      w += SYLLABLES[Math.floor(next() * SYLLABLES.length)];
    return w;
  }).filter((w) => !STOP_WORDS.has(w));
  return Array.from({ length: count }, (_, i) => ({
    id: `pm-${i}`,
    title: `Postmortem ${i}`,
    date: `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`,
    severity: '',
    category: '',
    contributing: [],
    services: [],
    parts: [
      {
        label: 'Summary',
        weight: 1,
        text: Array.from(
          { length: wordsPerDoc },
          () => vocabulary[Math.floor(next() ** 2 * vocabulary.length)],
        ).join(' '),
      },
    ],
  }));
}

/** Every key's documents, decoded from the shards (document numbers as the index orders them). */
function postingsOf(index: ReturnType<typeof buildSearchIndex>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const shard of index.shards)
    for (const [key, encoded] of Object.entries(shard)) {
      let doc = 0;
      out.set(
        key,
        encoded.split(',').map((p) => {
          const [gap, score] = p.split(':').map((x) => parseInt(x, 36));
          expect(score, key).toBeGreaterThan(0);
          return (doc += gap!);
        }),
      );
    }
  return out;
}

describe('search index postings', () => {
  it('lists, for every word and every pair of neighbours, exactly the documents holding it', () => {
    const docs = library(400, 300);
    const index = buildSearchIndex(docs, { config: defaultConfig });
    const order = index.chunks.flat().map((d) => d.id);
    const expected = new Map<string, Set<number>>();
    docs.forEach((d) => {
      const n = order.indexOf(d.id);
      const stems = d.parts[0]!.text.split(' ').map(stem);
      stems.forEach((s, i) => {
        const keys = [s, ...(i > 0 && stems[i - 1] !== s ? [`${stems[i - 1]} ${s}`] : [])];
        for (const k of keys) {
          if (!expected.has(k)) expected.set(k, new Set());
          expected.get(k)!.add(n);
        }
      });
    });
    const actual = postingsOf(index);
    // More than 65,536 postings (the posting list's block) and thousands of pairs.
    expect([...actual.values()].reduce((a, l) => a + l.length, 0)).toBeGreaterThan(150_000);
    expect([...actual.keys()].filter((k) => k.includes(' ')).length).toBeGreaterThan(50_000);
    expect(new Set(actual.keys())).toEqual(new Set(expected.keys()));
    for (const [key, list] of actual)
      expect(list, key).toEqual([...expected.get(key)!].sort((a, b) => a - b));
  });
});
