import Fuse from 'fuse.js';
import { editDistance, isPlainWord, typosAllowed } from './tokens';

/** Prefix expansions of the word being typed, shortest words first. */
const MAX_PREFIX = 40;

/** The words of an index (sorted), searched by prefix and by spelling. */
export interface Vocabulary {
  /** Vocabulary words starting with a prefix, shortest first. */
  withPrefix(prefix: string): string[];
  /**
   * Whole vocabulary words within the typos a word's length allows (plus `extra`), nearest first;
   * never the word itself.
   */
  nearWords(word: string, extra?: number): { word: string; distance: number }[];
}

export function vocabulary(wordList: readonly string[]): Vocabulary {
  let byPair: Map<string, number[]> | undefined;

  const withPrefix = (prefix: string): string[] => {
    let lo = 0;
    let hi = wordList.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (wordList[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (
      let i = lo;
      i < wordList.length && wordList[i]!.startsWith(prefix) && out.length < 400;
      i++
    )
      out.push(wordList[i]!);
    return out.sort((a, b) => a.length - b.length).slice(0, MAX_PREFIX);
  };

  /**
   * Candidates share letter pairs with the word, fuse.js ranks them, and the edit distance decides.
   * A word never matches inside another ("cache" is not in "reached").
   */
  const nearWords = (word: string, extra = 0): { word: string; distance: number }[] => {
    const k = typosAllowed(word) + extra;
    if (k === 0 || !isPlainWord(word)) return [];
    if (!byPair) {
      byPair = new Map();
      wordList.forEach((w, i) => {
        for (const p of new Set(letterPairs(w))) {
          let list = byPair!.get(p);
          if (!list) byPair!.set(p, (list = []));
          list.push(i);
        }
      });
    }
    const wp = [...new Set(letterPairs(word))];
    const need = Math.max(1, wp.length - 2 * k);
    const shared = new Map<number, number>();
    for (const p of wp)
      for (const i of byPair.get(p) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    const candidates = [...shared]
      .filter(([i, n]) => n >= need && Math.abs(wordList[i]!.length - word.length) <= k)
      .map(([i]) => wordList[i]!);
    if (!candidates.length) return [];
    const fuse = new Fuse(candidates, {
      includeScore: true,
      ignoreLocation: true,
      ignoreFieldNorm: true,
      threshold: 0.5,
      isCaseSensitive: true,
    });
    const out: { word: string; distance: number }[] = [];
    for (const r of fuse.search(word)) {
      const distance = editDistance(word, r.item, k);
      if (distance <= k && r.item !== word) out.push({ word: r.item, distance });
    }
    return out.sort((a, b) => a.distance - b.distance || a.word.localeCompare(b.word));
  };

  return { withPrefix, nearWords };
}

function letterPairs(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) out.push(word.slice(i, i + 2));
  return out;
}
