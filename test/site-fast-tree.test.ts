import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultConfig, parsePostmortem, searchDocument, type Postmortem } from '@hindsight/core';
import { postmortem, rng } from '../bench/generate.mjs';
import { withFastTree } from '../site/src/lib/fast-tree';
import { toSiteEntry } from '../site/src/lib/library';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TODAY = '2026-11-24';

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return markdownFiles(p);
    return /\.md$/.test(name) ? [p] : [];
  });
}

/** What the site makes of a postmortem: its page data and its search document. */
function page(pm: Postmortem) {
  return {
    entry: toSiteEntry(pm, 'x', 'x.md'),
    search: searchDocument(pm, 'x', defaultConfig),
  };
}

const parse = (text: string) => parsePostmortem(text, { config: defaultConfig, today: TODAY });

/** Texts that exercise what the pages render: the constructs a postmortem may hold. */
const CONSTRUCTS = [
  '**bold** and _em_ and `code` and ~~struck~~ and *a*b* and \\*escaped\\* and a \\\nhard break',
  'Entities &amp; &copy; &#169; &#xA9; and R&D, 5 > 3, a & b',
  '- [ ] open task\n- [x] done task\n\n1. one\n2. two\n   - nested\n\n     loose\n',
  '| a | b | c |\n| :- | :-: | -: |\n| 1 | **2** | `3` |\n| x |\n',
  '```sql meta=1\nSELECT 1;\n```\n\n~~~\nplain\n~~~\n\n    indented code\n',
  '![an image](img.png "title") and ![](bare.png) and [a link](/x "t") and [ref][]',
  '> quote\n> more\n\n---\n\n***\n\nÜnïcödé — “quotes” 日本語 😀 text',
  'Line one  \nline two\ttabbed\n\nSetext\n------\n\n### Sub-heading\n\n#### Deeper #',
  '* star\n+ plus\n\n1) paren\n\n- a\n- b\n\n  c\n',
  'See https://example.com/a_(b)?q=1. and www.example.org, http://x.y/z), mail ops@example.com or [j](javascript:alert(1)) [h](https://a.b/c "t") ftp://no https://done.',
  'Visit www.commonmark.org/a.b. or (https://en.wikipedia.org/wiki/Foo_(bar)) and a.b-c_d@a.b. and `https://in.code` **https://bold.io**',
  'Windows line\r\nendings here\r\n\r\n- item\r\n',
];

function withConstruct(base: string, extra: string, at: 'summary' | 'timeline' | 'actions') {
  const heading = { summary: '## Summary', timeline: '## Timeline', actions: '## Action Items' }[
    at
  ];
  return base.replace(heading, `${heading}\n\n${extra}\n`);
}

describe('the fast tree (satteri) in place of the core parse, for the site', () => {
  const texts: { name: string; text: string }[] = [];
  for (const dir of ['test/fixtures', 'postmortems'])
    for (const file of markdownFiles(path.join(ROOT, dir)))
      texts.push({ name: path.relative(ROOT, file), text: readFileSync(file, 'utf8') });
  const r = rng(42);
  for (let i = 0; i < 150; i++) texts.push({ name: `generated ${i}`, text: postmortem(r, i) });
  const complete = readFileSync(path.join(ROOT, 'test/fixtures/valid/complete.md'), 'utf8');
  for (const [i, extra] of CONSTRUCTS.entries())
    for (const at of ['summary', 'timeline', 'actions'] as const)
      texts.push({ name: `construct ${i} in ${at}`, text: withConstruct(complete, extra, at) });

  // Random mixes of the constructs in random sections, with the generator's seeded random numbers.
  const mix = rng(7);
  for (let i = 0; i < 120; i++) {
    let text = complete;
    for (let k = 0; k < 3; k++) {
      const extra = CONSTRUCTS[Math.floor(mix() * CONSTRUCTS.length)]!;
      const at = (['summary', 'timeline', 'actions'] as const)[Math.floor(mix() * 3)]!;
      text = withConstruct(text, extra, at);
    }
    texts.push({ name: `mix ${i}`, text });
  }

  it('gives the same pages and search documents as the core tree wherever it reads a file', () => {
    let fast = 0;
    const differ: string[] = [];
    for (const { name, text } of texts) {
      const pm = withFastTree(parse(text));
      if (pm.tree === undefined) throw new Error(name);
      const slow = parse(text);
      if (Object.getPrototypeOf(pm) === Object.prototype) continue; // declined
      fast++;
      try {
        expect(page(pm)).toEqual(page(slow));
      } catch (e) {
        differ.push(`${name}: ${(e as Error).message.slice(0, 1500)}`);
      }
    }
    expect(differ).toEqual([]);
    expect(fast).toBeGreaterThan(300);
  });

  it('leaves control characters and U+FFFD to the core parse, and takes tabs and CRLF', () => {
    const complete = readFileSync(path.join(ROOT, 'test/fixtures/valid/complete.md'), 'utf8');
    const declined = (extra: string) => {
      const pm = parse(withConstruct(complete, extra, 'summary'));
      return withFastTree(pm) === pm;
    };
    for (const c of [
      '\u0000',
      '\u0007',
      '\u000b',
      '\u000c',
      '\u001b',
      '\u007f',
      '\u0085',
      '\u009f',
      '\ufffd',
    ])
      expect(declined(`a${c}b`), JSON.stringify(c)).toBe(true);
    for (const c of ['\t', '\r\n', '\u00a0', '\u00ad', '\u2028'])
      expect(declined(`a${c}b`), JSON.stringify(c)).toBe(false);
  });
});
