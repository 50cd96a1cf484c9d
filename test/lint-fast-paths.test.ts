import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetInline, budgetInlineExactly } from '../core/src/budget';
import { checkEveryLine, checkParsable } from '../core/src/guard';
import { decode } from '../core/src/decode';
import { hostileCases, lineShapeCases } from './hostile-cases';
import { propertyRuns } from './edits';

// The shortcuts lint takes before its line passes (checkParsable, budgetInline) may only say
// "within every limit" where the pass over every line says so too; decode may only be quicker.

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const markdownUnder = (dir: string) =>
  readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => readFileSync(path.join(ROOT, dir, f), 'utf8'));

async function corpus(): Promise<string[]> {
  const { postmortem, rng } = (await import(path.join(ROOT, 'bench/generate.mjs'))) as {
    postmortem: (r: () => number, i: number, markup?: boolean) => string;
    rng: (seed: number) => () => number;
  };
  const r = rng(7);
  const base = readFileSync(
    path.join(
      ROOT,
      'postmortems',
      readdirSync(path.join(ROOT, 'postmortems')).find((f) => f !== 'README.md')!,
    ),
    'utf8',
  );
  return [
    ...markdownUnder('postmortems'),
    ...markdownUnder('test/fixtures'),
    ...Array.from({ length: 100 }, (_, i) => postmortem(r, i, i % 2 === 0)),
    ...hostileCases(base).map((c) => c.text),
    ...lineShapeCases(base).map((c) => c.text),
  ];
}

/** Lines that open containers, of lengths around the nesting limit's half, and markers. */
const shapedLine = fc.oneof(
  fc
    .array(fc.constantFrom(' ', '\t', '>', '> ', '- ', '* ', '1. ', '12) ', '+ '), {
      maxLength: 60,
    })
    .chain((prefix) =>
      fc.constantFrom('a', '', '---', '===', '- x').map((rest) => prefix.join('') + rest),
    ),
  fc.constantFrom('', 'text', '| a | b |', '|---|---|', '**a** _b_ `c` [d](e) <f>', '# h', '```'),
  // Short lines that count towards the line, setext and nested-item limits.
  fc.constantFrom('- a', '- - a', '> - a', '  - a', '1. a', '* > + a', 'text', '---', '===', '-'),
  fc.constantFrom('- - a', '> - a', '- a'),
);

describe('the shortcuts of the parse guard and budget', () => {
  it('agree with the passes over every line on the library, the fixtures, generated and hostile postmortems', async () => {
    for (const text of await corpus()) {
      expect(checkParsable(text)).toEqual(checkEveryLine(text));
      expect(budgetInline(text)).toEqual(budgetInlineExactly(text));
    }
  });

  it('agree with them on texts of container lines near every limit', () => {
    // Each limit small in turn, so that each bound of the shortcut is the one that decides.
    const big = 1e9;
    const shapes = fc.constantFrom(
      { lines: 60, setextWork: big, nestedItemWork: big },
      { lines: big, setextWork: 200, nestedItemWork: big },
      { lines: big, setextWork: big, nestedItemWork: 150 },
    );
    const limits = { markers: 12, cells: 30, document: 40 };
    fc.assert(
      fc.property(
        fc.array(shapedLine, { maxLength: 40, size: 'max' }),
        fc.constantFrom('\n', '\r\n', '\r'),
        shapes,
        (lines, eol, shapeLimits) => {
          const text = lines.join(eol);
          expect(checkParsable(text, shapeLimits)).toEqual(checkEveryLine(text, shapeLimits));
          expect(checkParsable(text)).toEqual(checkEveryLine(text));
          expect(budgetInline(text, limits)).toEqual(budgetInlineExactly(text, limits));
        },
      ),
      { numRuns: propertyRuns(1500) },
    );
  });

  it('still refuse a line nested one level past the limit, and take one at the limit', () => {
    expect(checkParsable('>'.repeat(101) + ' a')?.message).toMatch(/nest more than 100 levels/);
    expect(checkParsable('\t'.repeat(51) + '- a')?.message).toMatch(/nest more than 100 levels/);
    expect(checkParsable('>'.repeat(100) + ' a')).toBeUndefined();
  });
});

/** decode as it was before it tested the text for control characters first: the oracle. */
function decodeBefore(bytes: Uint8Array) {
  const head = bytes.subarray(0, 8192);
  if (head.indexOf(0) >= 0) return 'binary';
  let control = 0;
  for (const b of head) if (b < 0x20 && ![9, 10, 12, 13, 27].includes(b)) control++;
  if (head.length > 0 && control / head.length > 0.05) return 'binary';
  const body =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return `latin1:${new TextDecoder('latin1').decode(body)}`;
  }
}

describe('decode', () => {
  it('tells binary, UTF-8 and Latin-1 apart as it did before it looked for control characters first', () => {
    const byte = fc.oneof(
      fc.integer({ min: 0x20, max: 0x7e }),
      fc.constantFrom(1, 7, 9, 10, 12, 13, 27, 31, 0xc3, 0xa9, 0xef, 0xbb, 0xbf, 0xff, 0x80),
    );
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 200 }), (list) => {
        const bytes = Uint8Array.from(list);
        if (bytes[0] === 0xff || bytes[0] === 0xfe) return;
        const got = decode(bytes);
        const expected = decodeBefore(bytes);
        const seen = !got.ok
          ? 'binary'
          : got.encoding === 'latin1'
            ? `latin1:${got.text}`
            : got.text;
        expect(seen).toBe(expected);
      }),
      { numRuns: propertyRuns(3000) },
    );
  });
});
