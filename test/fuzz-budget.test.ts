import type { Nodes, Root } from 'mdast';
import fc from 'fast-check';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import {
  budgetInline,
  checkParsable,
  lintText,
  parseWhole,
  type BudgetLimits,
  type LineShapeLimits,
} from '@hindsight/core';
import { remarkPostmortemGfm } from '../core/src/markdown';

// The parser the core uses (core/src/parse.ts), to see what it makes of the text the budget lets through.
const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkPostmortemGfm)
  .freeze();

/** Small limits, so that random texts of a few hundred characters cross them often. */
const LIMITS: BudgetLimits = { markers: 12, cells: 30, document: 60 };

/** Inline markers as the budget counts them: runs of * _ ~ and backticks, each [ ] <. */
function markers(s: string): number {
  return (s.match(/\*+|_+|~+|`+|[[\]<]/g) ?? []).length;
}

/** Every node whose text micromark resolves inline as one run: paragraphs, headings, table cells. */
function inlineRuns(tree: Root): Nodes[] {
  const out: Nodes[] = [];
  const stack: Nodes[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell')
      out.push(node);
    else if ('children' in node) for (const child of node.children) stack.push(child as Nodes);
  }
  return out;
}

function countCells(tree: Root): number {
  let cells = 0;
  const stack: Nodes[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'tableCell') cells++;
    if ('children' in node) for (const child of node.children) stack.push(child as Nodes);
  }
  return cells;
}

// Pieces of Markdown that open and close inline and block constructs, so random texts reach
// the places where a line scan could misjudge where micromark ends a paragraph.
const PIECES = [
  '*',
  '_',
  '~',
  '`',
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  '|',
  '!',
  '\\',
  'a',
  'b',
  ' ',
  ' ',
  '\t',
  '\n',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  '- ',
  '* ',
  '+ ',
  '1. ',
  '2. ',
  '3) ',
  '> ',
  '  ',
  '    ',
  '# ',
  '## ',
  '```',
  '~~~',
  '<div>',
  '<!--',
  '-->',
  '<pre>',
  '</pre>',
  '---',
  '===',
  '|-|',
  '| - | - |',
  '|a|b|',
  '](b)',
  '![',
];
const soup = fc
  .tuple(
    fc.constantFrom('', '', '---\n', '---\ntitle: a\n---\n', '---\n---  \n'),
    fc.array(fc.constantFrom(...PIECES), { maxLength: 400 }),
  )
  .map(([frontMatter, p]) => frontMatter + p.join(''));
/** Text that cannot leave a code block or raw HTML open across a blank line (which would hold what follows). */
const prose = fc
  .array(fc.constantFrom(...PIECES.filter((p) => !/```|~~~|<!--|<pre>/.test(p))), {
    maxLength: 200,
  })
  .map((p) => p.join(''));
/** A table with random cells (delimiter soups among them) and random text around it. */
const table = fc
  .record({
    before: soup,
    // What the header follows: a blank line, a heading, or paragraph text the header might continue.
    opening: fc.constantFrom('', '## Heading', '# T', 'text', '> quote', '- item'),
    columns: fc.integer({ min: 1, max: 8 }),
    rows: fc.array(
      fc.array(fc.constantFrom('a', '*a*', '_a', '~', '`x`', '[a]', '<b>', '\\|', '', '**'), {
        maxLength: 10,
      }),
      { maxLength: 12 },
    ),
    after: soup,
  })
  .map(({ before, opening, columns, rows, after }) =>
    [
      before,
      '',
      opening,
      '|' + ' h |'.repeat(columns),
      '|' + ' - |'.repeat(columns),
      ...rows.map((r) => '| ' + r.join(' | ') + ' |'),
      after,
    ].join('\n'),
  );
/** Brackets and links nested and unbalanced. */
const brackets = fc
  .array(
    fc.constantFrom(
      '[',
      ']',
      '](',
      ')',
      '[a](b)',
      '![',
      '<',
      '>',
      'a',
      ' ',
      '\n',
      '\n\n',
      '*',
      '- ',
    ),
    { maxLength: 400 },
  )
  .map((p) => p.join(''));

describe('the parse budget (fuzzed against the parser)', () => {
  const budgetHolds = (text: string) => {
    const budget = budgetInline(text, LIMITS);
    const tree = processor.parse(budget.text);
    // What the parser resolves as one inline run never holds more markers than the budget allows,
    // so its resolvers' work (markers × length per run) stays within LIMITS.markers × the length.
    let work = 0;
    let all = 0;
    for (const node of inlineRuns(tree)) {
      const slice = budget.text.slice(node.position!.start.offset, node.position!.end.offset);
      expect(
        markers(slice),
        `${node.type} at line ${node.position!.start.line}: ${JSON.stringify(slice)}`,
      ).toBeLessThanOrEqual(LIMITS.markers);
      work += markers(slice) * slice.length;
      all += markers(slice);
    }
    expect(work).toBeLessThanOrEqual(LIMITS.markers * text.length);
    expect(all).toBeLessThanOrEqual(LIMITS.document);
    expect(countCells(tree)).toBeLessThanOrEqual(LIMITS.cells + 8 * text.split('\n').length);
    // Hidden text keeps its offsets and line breaks.
    expect(budget.text.length).toBe(text.length);
    expect(budget.text.replace(/[^\r\n]/g, '')).toBe(text.replace(/[^\r\n]/g, ''));
  };

  it('lets no paragraph, heading or table cell through with more markers than the budget, in delimiter soups', () => {
    fc.assert(fc.property(soup, budgetHolds), { numRuns: 300 });
  }, 120_000);

  it('keeps tables and the text around them within the budget', () => {
    fc.assert(fc.property(table, budgetHolds), { numRuns: 200 });
  }, 120_000);

  it('keeps nested and unbalanced brackets within the budget', () => {
    fc.assert(fc.property(brackets, budgetHolds), { numRuns: 200 });
  }, 120_000);

  it('changes nothing in texts within the budget', () => {
    fc.assert(
      fc.property(soup, (text) => {
        const budget = budgetInline(text, {
          markers: 1_000_000,
          cells: 1_000_000,
          document: 1_000_000,
        });
        expect(budget.refused).toEqual([]);
        expect(budget.text).toBe(text);
      }),
      { numRuns: 100 },
    );
  });

  it('shows a refused block as written and reports where it starts, with the real limits', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('_a*', '*a', '~a', '[', '`a', '<a'),
        fc.integer({ min: 600, max: 3000 }),
        prose,
        (unit, n, around) => {
          const block = unit.repeat(n);
          const text = `${around}\n\n## Summary\n\n${block}\n\nAfter.\n`;
          const pm = parseWhole(text);
          const line = text.slice(0, text.indexOf(block)).split(/\r\n|\r|\n/).length;
          const texts: string[] = [];
          const stack: Nodes[] = [pm.tree];
          while (stack.length) {
            const node = stack.pop()!;
            if (node.type === 'text') texts.push(node.value);
            if ('children' in node) for (const child of node.children) stack.push(child as Nodes);
          }
          expect(texts).toContain(block);
          const findings = lintText(text, { today: '2026-11-24' }).findings.filter(
            (f) => f.rule === 'file-readable',
          );
          expect(
            findings.some(
              (f) =>
                f.range.start.line === line &&
                /expected at most 500, so it was not parsed as Markdown/.test(f.message),
            ),
          ).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});

/** Small line-shape limits, so that random texts of a few hundred lines cross them often. */
const SHAPES: LineShapeLimits = { lines: 250, setextWork: 60, nestedItemWork: 100 };

/** Lines that open lists, quotes, setext and ATX headings, nested or not, with any line ending. */
const lineSoup = fc
  .array(
    fc.tuple(
      fc.constantFrom(
        '- a',
        '  - a',
        '- - a',
        '> - a',
        '- > a',
        '1. a',
        '   - b',
        '    - a',
        '\t- a',
        '* a',
        '+ a',
        '- [ ] a',
        '> a',
        '> -',
        '> > a',
        'a',
        'b',
        '-',
        '=',
        '---',
        '  ===',
        '# a',
        '',
      ),
      fc.constantFrom('\n', '\n', '\r\n', '\r'),
    ),
    { maxLength: 400, size: 'max' },
  )
  .map((lines) => lines.map(([line, eol]) => line + eol).join(''));

/**
 * The parser's work on line shapes, counted on the tree it builds: lines, setext headings (each
 * costs about the lines before it) and list items inside list items or quotes (each costs about
 * the list item lines before it).
 */
function lineShapeWork(
  text: string,
  tree: Root,
): { lines: number; setext: number; nested: number } {
  const items: { line: number; nested: boolean }[] = [];
  let setext = 0;
  const walk = (node: Nodes, inContainer: boolean) => {
    if (node.type === 'heading' && node.position!.end.line > node.position!.start.line)
      setext += node.position!.end.line;
    if (node.type === 'listItem')
      items.push({ line: node.position!.start.line, nested: inContainer });
    if ('children' in node)
      for (const child of node.children)
        walk(child as Nodes, inContainer || node.type === 'listItem' || node.type === 'blockquote');
  };
  walk(tree, false);
  // Per line that starts a nested item, the lines before it that start an item.
  const itemLines = [...new Set(items.map((i) => i.line))].sort((a, b) => a - b);
  const nestedLines = new Set(items.filter((i) => i.nested).map((i) => i.line));
  let nested = 0;
  itemLines.forEach((line, before) => {
    if (nestedLines.has(line)) nested += before;
  });
  return { lines: text.split(/\r\n|\r|\n/).length, setext, nested };
}

describe('the line-shape budget (fuzzed against the parser)', () => {
  it('lets no text through whose lines, setext headings or nested list items cost more than the budget', () => {
    fc.assert(
      fc.property(lineSoup, (text) => {
        const refusal = checkParsable(text, SHAPES);
        if (refusal) {
          // Refused where the budget ran out: a line of the text, with the reason.
          expect(refusal.line).toBeGreaterThanOrEqual(1);
          expect(refusal.line).toBeLessThanOrEqual(text.split(/\r\n|\r|\n/).length);
          expect(refusal.message).toMatch(/so it was not parsed/);
          return;
        }
        const work = lineShapeWork(text, processor.parse(text));
        expect(work.lines).toBeLessThanOrEqual(SHAPES.lines);
        expect(work.setext).toBeLessThanOrEqual(SHAPES.setextWork);
        expect(work.nested).toBeLessThanOrEqual(SHAPES.nestedItemWork);
      }),
      { numRuns: 1000 },
    );
  }, 120_000);
});
