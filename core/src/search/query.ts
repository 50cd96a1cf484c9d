import { CATEGORY_SYNONYMS, SEVERITY_SYNONYMS } from '../taxonomy';
import { categoryKey, pairKey, severityKey, type SearchManifest } from './keys';
import { isPlainWord, stem, STOP_WORDS, tokenize } from './tokens';
import type { Vocabulary } from './vocabulary';

/** Weights of a query word's expansions, relative to the word itself. */
export const WEIGHT = { prefix: 0.75, typo1: 0.7, typo2: 0.55, synonym: 0.6, pair: 0.5 };

export interface QueryWord {
  word: string;
  key: string;
  /** Expansion keys with their weights, the word's own key at 1. */
  keys: Map<string, number>;
  prefix: boolean;
  phrase?: number | undefined;
  fuzzyDone?: boolean;
}

export interface Query {
  words: QueryWord[];
  /** Pair keys every hit must hold (quoted phrases). */
  required: string[];
  /** Pair keys of adjacent query words: a bonus for documents holding them. */
  pairs: string[];
}

/** A phrase of the taxonomy as a stem sequence, with the key it stands for. */
export interface SynonymPhrase {
  stems: string[];
  key: string;
}

/** Phrases of the taxonomy as stem sequences, with the key they stand for. */
export function synonymPhrases(manifest: SearchManifest): SynonymPhrase[] {
  const out: SynonymPhrase[] = [];
  const addPhrase = (text: string, key: string) => {
    const stems = tokenize(text)
      .filter((t) => !STOP_WORDS.has(t.word))
      .map((t) => stem(t.word));
    if (stems.length) out.push({ stems, key });
  };
  for (const c of manifest.categories) {
    for (const text of [c.id.replace(/-/g, ' '), c.label, ...(CATEGORY_SYNONYMS[c.id] ?? [])])
      addPhrase(text, categoryKey(c.id));
  }
  for (const s of manifest.severities) {
    addPhrase(s, severityKey(s));
    for (const text of SEVERITY_SYNONYMS[s] ?? []) addPhrase(text, severityKey(s));
  }
  return out;
}

/**
 * Reads a query: its words (stop words left out unless nothing else is left) with their keys,
 * the prefixes of the word being typed, quoted phrases as required pairs, adjacent words as bonus
 * pairs, and taxonomy phrases as category and severity keys.
 */
export function parseQuery(text: string, vocab: Vocabulary, phrases: SynonymPhrase[]): Query {
  const words: QueryWord[] = [];
  const required: string[] = [];
  const pairs: string[] = [];
  const endsInWord = /[\p{L}\p{N}]$/u.test(text);
  // Quoted phrases: "disk full"; an unclosed quote runs to the end of the query.
  const pieces: { text: string; phrase?: number }[] = [];
  let phraseCount = 0;
  text
    .split('"')
    .forEach((piece, i) =>
      pieces.push(i % 2 ? { text: piece, phrase: phraseCount++ } : { text: piece }),
    );
  const all = pieces.flatMap((p) =>
    tokenize(p.text).map((t) => ({ word: t.word, phrase: p.phrase })),
  );
  const meaningful = all.filter((t) => !STOP_WORDS.has(t.word));
  const list = meaningful.length ? meaningful : all;
  list.forEach((t, i) => {
    const key = stem(t.word);
    const prefix = endsInWord && i === list.length - 1 && t.word.length >= 2 && isPlainWord(t.word);
    const keys = new Map<string, number>([[key, 1]]);
    if (prefix)
      for (const w of vocab.withPrefix(t.word))
        if (!keys.has(stem(w))) keys.set(stem(w), WEIGHT.prefix);
    words.push({ word: t.word, key, keys, prefix, phrase: t.phrase });
  });
  // Adjacent words: required pairs inside a phrase, a bonus elsewhere.
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i]!;
    const b = words[i + 1]!;
    if (a.key === b.key) continue;
    if (a.phrase !== undefined && a.phrase === b.phrase) required.push(pairKey(a.key, b.key));
    else pairs.push(pairKey(a.key, b.key));
  }
  // Taxonomy words: "disk full" also finds capacity incidents.
  const stems = words.map((w) => w.key);
  for (const ph of phrases) {
    for (let i = 0; i + ph.stems.length <= stems.length; i++) {
      if (ph.stems.every((s, j) => stems[i + j] === s)) {
        for (let j = 0; j < ph.stems.length; j++) {
          // A phrase stands for the category once, not once per word.
          const keys = words[i + j]!.keys;
          const weight = WEIGHT.synonym / ph.stems.length;
          if ((keys.get(ph.key) ?? 0) < weight) keys.set(ph.key, weight);
        }
      }
    }
  }
  return { words, required, pairs };
}

/**
 * Adds prefix and typo expansions to the words the index does not hold (their shards must be
 * loaded) and returns the keys added, whose shards must be loaded next.
 */
export function fuzzyKeys(
  q: Query,
  lookup: (key: string) => Int32Array,
  vocab: Vocabulary,
): string[] {
  const added: string[] = [];
  for (const w of q.words) {
    if (w.fuzzyDone) continue;
    w.fuzzyDone = true;
    if (lookup(w.key).length) continue;
    const expand = (key: string, weight: number) => {
      if ((w.keys.get(key) ?? 0) < weight) {
        w.keys.set(key, weight);
        added.push(key);
      }
    };
    // A word the library does not hold may begin longer ones ("oom" in "OOMKilled").
    if (!w.prefix && w.word.length >= 3 && isPlainWord(w.word))
      for (const longer of vocab.withPrefix(w.word)) expand(stem(longer), WEIGHT.prefix);
    for (const near of vocab.nearWords(w.word))
      expand(stem(near.word), near.distance === 1 ? WEIGHT.typo1 : WEIGHT.typo2);
  }
  return added;
}

/** Every key a query looks up before fuzzy expansion. */
export const baseKeys = (q: Query): string[] => [
  ...q.words.flatMap((w) => [...w.keys.keys()]),
  ...q.required,
  ...q.pairs,
];
