import type { SearchDocument } from './document';
import type { SearchIndex, SearchManifest } from './keys';
import type { SearchSource } from './types';

/**
 * The postings and documents of an index, whole in memory or split with its parts fetched on
 * demand: `load` fetches the term shards of some keys, then `lookup` reads them synchronously.
 */
export interface IndexStore {
  /** The postings of a key: [doc, score, doc, score, ...]; empty when absent. Throws when its shard is not loaded. */
  lookup(key: string): Int32Array;
  /** Fetches the shards holding these keys (nothing to do for an index in memory). */
  load(keys: Iterable<string>): Promise<void>;
  documents(docs: readonly number[]): Promise<SearchDocument[]>;
  documentsSync(docs: readonly number[]): SearchDocument[];
}

const posting = /([0-9a-z]+):([0-9a-z]+)/g;

function decode(encoded: string): Int32Array {
  const out: number[] = [];
  let doc = 0;
  for (const m of encoded.matchAll(posting)) {
    doc += parseInt(m[1]!, 36);
    out.push(doc, parseInt(m[2]!, 36));
  }
  return Int32Array.from(out);
}

export function openStore(index: SearchIndex | SearchSource): IndexStore {
  const manifest: SearchManifest = index.manifest;
  const whole = 'shards' in index ? index : undefined;
  const source = 'loadShard' in index ? index : undefined;
  const shards: (Map<string, string> | undefined)[] = new Array(manifest.shards.length);
  const pending = new Map<number, Promise<void>>();
  const postings = new Map<string, Int32Array>();
  const chunks: (SearchDocument[] | undefined)[] = whole
    ? whole.chunks
    : new Array(Math.ceil(manifest.count / manifest.chunkSize));

  const shardOf = (key: string): number => {
    let lo = 0;
    let hi = manifest.shards.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (manifest.shards[mid]! <= key) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const shardMap = (i: number): Map<string, string> | undefined => {
    if (!shards[i] && whole) shards[i] = new Map(Object.entries(whole.shards[i] ?? {}));
    return shards[i];
  };
  const lookup = (key: string): Int32Array => {
    let p = postings.get(key);
    if (!p) {
      if (!manifest.shards.length) return new Int32Array(0);
      const map = shardMap(shardOf(key));
      if (!map) throw new Error(`Search index part ${shardOf(key)} is not loaded.`);
      p = decode(map.get(key) ?? '');
      postings.set(key, p);
    }
    return p;
  };
  const load = async (keys: Iterable<string>) => {
    if (!source || !manifest.shards.length) return;
    const need = new Set<number>();
    for (const k of keys) need.add(shardOf(k));
    await Promise.all(
      [...need].map((i) => {
        if (shards[i]) return undefined;
        let p = pending.get(i);
        if (!p) {
          p = source.loadShard(i).then((s) => void (shards[i] = new Map(Object.entries(s))));
          pending.set(i, p);
          p.catch(() => pending.delete(i));
        }
        return p;
      }),
    );
  };

  function documentsSync(docs: readonly number[]): SearchDocument[] {
    return docs.map((d) => {
      const doc = chunks[Math.floor(d / manifest.chunkSize)]?.[d % manifest.chunkSize];
      if (!doc) throw new Error(`Search document ${d} is not loaded.`);
      return doc;
    });
  }

  async function documents(docs: readonly number[]): Promise<SearchDocument[]> {
    if (source) {
      const need = new Set(docs.map((d) => Math.floor(d / manifest.chunkSize)));
      await Promise.all(
        [...need]
          .filter((c) => !chunks[c])
          .map(async (c) => void (chunks[c] = await source.loadChunk(c))),
      );
    }
    return documentsSync(docs);
  }

  return { lookup, load, documents, documentsSync };
}
