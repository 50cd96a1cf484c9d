import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { SiteEntry } from './library';

/** Where the page data of the library was written (the `pages` collection's one entry). */
export interface PageDataFile {
  file: string;
}

/**
 * Writes every postmortem's page data, as the content loader validated it, to one file in
 * `dir` (V8's structured-clone serialization: what Astro's content store would have kept, read
 * back the same). The pages read it once per build instead of Astro's content store, which
 * serializes each entry value by value (devalue), inlines the store into a module that the build
 * bundles and compiles, and parses it again: most of the store's cost grew faster than the
 * library, and bundling it was the build's peak of memory.
 */
export function writePageData(entries: readonly SiteEntry[], dir: string): PageDataFile {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'entries.bin');
  // Written aside and renamed, so `astro dev` never reads a half-written file.
  writeFileSync(`${file}.tmp`, serialize(entries));
  renameSync(`${file}.tmp`, file);
  return { file };
}

/** The page data writePageData wrote, in the order given. */
export function readPageData(where: PageDataFile): SiteEntry[] {
  return deserialize(readFileSync(where.file)) as SiteEntry[];
}
