import { readFileSync } from 'node:fs';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { lintPostmortem, parsePostmortem } from '@hindsight/core';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (options: {
  type: 'minor' | 'major';
  execution: 'sync';
}) => void;

// A postmortem of the repository with long notes at its end: 50 KB a file.
const text =
  readFileSync(
    new URL('../postmortems/2025-02-03-expired-tls-certificate-on-api.md', import.meta.url),
    'utf8',
  ) +
  `\n## Notes\n\n${'The certificate renewal job had failed silently for weeks. '.repeat(800)}\n`;

const bytes = new TextEncoder().encode(text);
const decoder = new TextDecoder();

describe('a model nobody holds', () => {
  // `hindsight lint` reads thousands of files one after another: a model it is done with must go
  // in the next young-generation collection. Models kept alive until a full collection (their lazy
  // tree and front matter document were getters written in object literals) made the young
  // generation promote every file's text and grow to 134 MB over 10,000 files.
  it('is collected by a minor GC: linting files one after another does not grow the old generation', () => {
    const oldSpace = () =>
      getHeapSpaceStatistics().find((s) => s.space_name === 'old_space')!.space_used_size;
    const lintMany = (n: number) => {
      for (let i = 0; i < n; i++) {
        // Each file's text a string of its own, as read from disk.
        const pm = parsePostmortem(decoder.decode(bytes), { today: '2026-11-30' });
        expect(lintPostmortem(pm, { today: '2026-11-30' }).findings).toBeDefined();
        // Young-generation collections while the run goes on, as a long lint has them.
        if (i % 20 === 19) gc({ type: 'minor', execution: 'sync' });
      }
    };
    lintMany(60); // warm up: what the first runs compile and keep is not what this test is about
    gc({ type: 'major', execution: 'sync' });
    const before = oldSpace();
    lintMany(400);
    gc({ type: 'minor', execution: 'sync' });
    // 400 texts of 50 KB held until a full collection are 20 MB and more; none held, under 4 MB.
    expect(oldSpace() - before).toBeLessThan(4_000_000);
  });

  it('still parses its tree and its front matter document when asked, once', () => {
    const pm = parsePostmortem(text, { today: '2026-11-30' });
    expect(pm.tree.children.length).toBeGreaterThan(5);
    expect(pm.tree).toBe(pm.tree);
    expect(pm.frontMatter!.doc.toJS()).toEqual(pm.frontMatter!.data);
    expect(pm.frontMatter!.doc).toBe(pm.frontMatter!.doc);
  });
});
