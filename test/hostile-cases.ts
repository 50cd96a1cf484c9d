/**
 * The inputs of issue 13 that stalled the Markdown parser, generated (not stored): each is a valid
 * postmortem with one hostile block in its Summary and one HTML tag, which sends the file to the
 * full Markdown parse. Used by test/hostile-budget.test.ts and measured by bench/hostile.mjs.
 */
export interface HostileCase {
  name: string;
  /** What was tried, in the words of the README's table. */
  what: string;
  text: string;
  /** The line the hostile block starts on, where the finding points. */
  line: number;
  /** The finding's message. */
  message: RegExp;
}

const SUMMARY = '## Summary\n\n';

function inSummary(base: string, block: string): { text: string; line: number } {
  const at = base.indexOf(SUMMARY);
  if (at < 0) throw new Error('the base postmortem has no Summary');
  const head = base.slice(0, at + SUMMARY.length);
  return {
    text: `${head}${block}\n\n<b>x</b>\n\n${base.slice(at + SUMMARY.length)}`,
    line: head.split('\n').length,
  };
}

function wideTable(columns: number, rows: number): string {
  const row = '|' + 'abcd|'.repeat(columns);
  return [
    '|' + Array.from({ length: columns }, (_, i) => `c${i}`).join('|') + '|',
    '|' + '-|'.repeat(columns),
    ...Array.from({ length: rows }, () => row),
  ].join('\n');
}

/** Paragraphs each just within the budget of one paragraph, `kb` KB of them. */
export function manyParagraphs(kb: number): string {
  const paragraph = '_a*'.repeat(249);
  return Array.from(
    { length: Math.ceil((kb * 1000) / (paragraph.length + 2)) },
    () => paragraph,
  ).join('\n\n');
}

/** The hostile files, from a valid postmortem's text. */
export function hostileCases(base: string): HostileCase[] {
  const soup = (name: string, what: string, block: string, message: RegExp): HostileCase => ({
    name,
    what,
    ...inSummary(base, block),
    message,
  });
  return [
    soup(
      'underscore-star-48k',
      "`'_a*'` × 15,000 and `<b>x</b>` (48 KB)",
      '_a*'.repeat(15_000),
      /^Paragraph at line \d+ has 30,000 inline markers \(30,000 of them emphasis\); expected at most 500/,
    ),
    soup(
      'underscore-star-93k',
      "`'_a*'` × 30,000 and `<b>x</b>` (93 KB)",
      '_a*'.repeat(30_000),
      /^Paragraph at line \d+ has 60,000 inline markers \(60,000 of them emphasis\); expected at most 500/,
    ),
    soup(
      'star-run',
      '`*a` × 22,000',
      '*a'.repeat(22_000),
      /has 22,000 inline markers \(22,000 of them emphasis\)/,
    ),
    soup(
      'tilde-run',
      '`~a` × 22,000',
      '~a'.repeat(22_000),
      /has 22,000 inline markers \(22,000 of them strikethrough\)/,
    ),
    soup(
      'deep-brackets',
      '`[` × 20,000, `a`, `]` × 20,000',
      '['.repeat(20_000) + 'a' + ']'.repeat(20_000),
      /has 40,000 inline markers \(40,000 of them link bracket\)/,
    ),
    soup(
      'nested-links',
      '`[` × 10,000, `a`, `](b)` × 10,000',
      '['.repeat(10_000) + 'a' + '](b)'.repeat(10_000),
      /has 20,000 inline markers \(20,000 of them link bracket\)/,
    ),
    soup(
      'backtick-run',
      '`` `a `` × 20,000',
      '`a'.repeat(20_000),
      /has 20,000 inline markers \(20,000 of them code\)/,
    ),
    soup(
      'angle-run',
      '`<a` × 20,000',
      '<a'.repeat(20_000),
      /has 20,000 inline markers \(20,000 of them HTML\)/,
    ),
    soup(
      'soup-lines',
      "`'_a*'` on 15,000 lines of one paragraph",
      '_a*\n'.repeat(15_000).trimEnd(),
      /has 30,000 inline markers/,
    ),
    // The 41st paragraph takes the document over 20,000 markers: 40 paragraphs and their blank lines later.
    {
      ...soup(
        'many-paragraphs-93k',
        "paragraphs of 249 × `'_a*'` (498 markers each, within the paragraph budget), 93 KB",
        manyParagraphs(93),
        /^Paragraph at line \d+ takes the document over 20,000 inline markers; expected at most 20,000 in all, so it and the rest of the document were not parsed as Markdown\.$/,
      ),
      line: inSummary(base, '').line + 80,
    },
    soup(
      'wide-table',
      'a 2 MB table of 5,000 columns × 80 rows and `<b>x</b>`',
      wideTable(5_000, 80),
      /^Table at line \d+ takes the document over 10,000 table cells; expected at most 10,000 in all/,
    ),
  ];
}

/**
 * Line-shaped inputs (issue 13, part two): millions of tiny blocks, or shapes micromark reads in
 * quadratic time. Each is refused whole, at the line where the line-shape budget runs out.
 */
export function lineShapeCases(base: string): HostileCase[] {
  const fill = (unit: string, bytes: number) => unit.repeat(Math.floor(bytes / unit.length));
  const shaped = (name: string, what: string, block: string, message: RegExp): HostileCase => ({
    name,
    what,
    ...inSummary(base, block),
    message,
  });
  const lines = /takes the document over 25,000 lines \(a list item counts as 3\)/;
  return [
    shaped(
      'dash-items-5mb',
      '`- a` lines, 5 MB (1.25 million list items)',
      fill('- a\n', 5e6),
      lines,
    ),
    shaped('heading-lines-5mb', '`# a` lines, 5 MB', fill('# a\n', 5e6), lines),
    shaped('cr-items-5mb', '`- a` lines ending in a lone CR, 5 MB', fill('- a\r', 5e6), lines),
    shaped(
      'setext-200k',
      '`a` and `-` lines (setext headings), 200 KB',
      fill('a\n-\n', 2e5),
      /^Setext heading underline at line [\d,]+ takes the document over 5,000,000/,
    ),
    shaped(
      'nested-items-200k',
      '`- - a` lines (a list in every list item), 200 KB',
      fill('- - a\n', 2e5),
      /^Nested list item at line [\d,]+ takes the document over 1,000,000/,
    ),
  ];
}
