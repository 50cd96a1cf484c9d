import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forEachToken, tokenize } from '../core/src/search/tokens';
import { propertyRuns } from './edits';

/** What a word is, as a regular expression: the reference the scan of `forEachToken` is held to. */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

function forEachTokenByExpression(
  text: string,
  fn: (word: string, start: number, end: number) => void,
): void {
  const re = new RegExp(WORD);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[0];
    let word = raw.toLowerCase();
    if (word.includes("'") || word.includes('’'))
      word = word.replace(/['’]s$/u, '').replace(/['’]/gu, '');
    if (word) fn(word, m.index, m.index + raw.length);
  }
}

const tokens = (scan: typeof forEachToken, text: string) => {
  const out: [string, number, number][] = [];
  scan(text, (word, start, end) => void out.push([word, start, end]));
  return out;
};

describe('the search tokenizer', () => {
  it('reads words, numbers and one apostrophe the way readers write them', () => {
    expect(tokenize("The team's DB-01 didn't fail; rock'n'roll 9’s Ünïcode ＡＢＣ 𝐀𝐁 x'9")).toEqual(
      [
        ['the', 0, 3],
        ['team', 4, 10],
        ['db', 11, 13],
        ['01', 14, 16],
        ['didnt', 17, 23],
        ['fail', 24, 28],
        ['rockn', 30, 36],
        ['roll', 37, 41],
        ['9', 42, 45],
        ['ünïcode', 46, 53],
        ['ａｂｃ', 54, 57],
        ['𝐀𝐁'.toLowerCase(), 58, 62],
        ['x', 63, 64],
        ['9', 65, 66],
      ].map(([word, start, end]) => ({ word, start, end })),
    );
  });

  it('finds the same words at the same offsets as the regular expression, on any text', () => {
    const unit = fc.constantFrom(
      ..."aZ9 -'’_/é\u0301ßİΣ٣\u00a0\u2028\ud835\udc00\ud800x\n\t.,".split(''),
      '\ud835\udc00',
      '𝟘',
      '中',
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit, maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 })),
        (text) => {
          expect(tokens(forEachToken, text)).toEqual(tokens(forEachTokenByExpression, text));
        },
      ),
      { numRuns: propertyRuns(3000) },
    );
  });
});
