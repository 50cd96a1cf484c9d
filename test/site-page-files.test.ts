import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../site/src/lib/library';
import { readPageData, writePageData } from '../site/src/lib/page-files';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'hindsight-pages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the page data file', () => {
  it('gives the pages every postmortem as loaded: the same values, fields left undefined and order', async () => {
    for (const folder of ['postmortems', 'test/fixtures/real-world', 'test/fixtures/site']) {
      const lib = await loadLibrary({ root: ROOT, folder, today: '2026-11-24', git: false });
      const entries = lib.entries.map(({ search: _search, ...e }) => e);
      expect(entries.length).toBeGreaterThan(0);
      const read = readPageData(writePageData(entries, dir));
      expect(read).toStrictEqual(entries);
      // Key order shows in postmortems.json (`...e.meta`), so it must survive too.
      expect(read.map((e) => Object.keys(e.meta))).toEqual(entries.map((e) => Object.keys(e.meta)));
      expect(JSON.stringify(read)).toBe(JSON.stringify(entries));
    }
  });

  it('replaces the file of an earlier build whole, leaving no partial file beside it', () => {
    writePageData([], dir);
    expect(readPageData({ file: path.join(dir, 'entries.bin') })).toEqual([]);
    expect(readdirSync(dir)).toEqual(['entries.bin']);
  });
});
