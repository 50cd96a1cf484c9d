import { fmt } from './limits';

/**
 * Most lines the Markdown parser reads, a list item counting as LIST_ITEM_LINES. micromark costs
 * about 20-110 µs of CPU and 5 KB per line whatever the line holds, and a list item about three
 * times that (measured on a busy 2-core machine: 200 KB of `- a` lines, 50,000 list items, took
 * 5.1 s of CPU and 980 MB through `hindsight lint`; 24,800 of them 2.9 s and 540 MB; 5 MB of `# a`
 * lines ran out of memory at 4 GB after 6 minutes). The longest file of postmortems/, docs/ and
 * the fixtures has 20,013 lines (a 20,000-row table fixture); real postmortems have a few hundred.
 */
export const MAX_LINES = 25_000;
/** What one list item counts for in MAX_LINES. */
export const LIST_ITEM_LINES = 3;
/**
 * Most work of setext headings (a line of `=` or `-` under text): micromark scans back over the
 * events before each one, so each costs about the lines before it (2,000 of them after 20,000
 * lines took 3.5 s). The work is the sum, over setext underlines, of their line numbers.
 */
export const MAX_SETEXT_WORK = 5_000_000;
/**
 * Most work of list items inside list items or quotes: each costs micromark about the list items
 * before it (1,400 lines of `- - a` took 0.35 s, 6,700 took 5.4 s). The work is the sum, over
 * such nested items, of the list items before them.
 */
export const MAX_NESTED_ITEM_WORK = 1_000_000;

/** The limits of LineShapeBudget (tests use small ones). */
export interface LineShapeLimits {
  lines: number;
  setextWork: number;
  nestedItemWork: number;
}

export const LINE_SHAPE_LIMITS: LineShapeLimits = {
  lines: MAX_LINES,
  setextWork: MAX_SETEXT_WORK,
  nestedItemWork: MAX_NESTED_ITEM_WORK,
};

const SETEXT_UNDERLINE = /^(?:=+|-+)[ \t]*$/;
/** A list marker with nothing after it: an empty list item (or a setext underline). */
const BARE_ITEM = /^(?:[-*+]|\d{1,9}[.)])[ \t]*$/;

/**
 * Counts, line by line, the block shapes whose cost to the parser grows faster than the text:
 * lines, setext underlines, and list items nested in list items or quotes. Counts never less than
 * the parser builds (a line that might be an underline counts as one; a quote holding a list
 * counts as nested), so a document within these limits parses in time linear in its length.
 */
export class LineShapeBudget {
  private lines = 0;
  private blankBefore = true;
  private setextWork = 0;
  private items = 0;
  private nestedWork = 0;

  constructor(private readonly limits: LineShapeLimits = LINE_SHAPE_LIMITS) {}

  /**
   * Counts one line: `rest` is the line after its indentation, `containers` the length of the
   * list and quote markers that open it, `listItem` whether it opens a list item, `depth` the
   * containers it is inside or opens. Returns why the document is refused at this line, or
   * undefined.
   */
  line(
    line: number,
    rest: string,
    containers: number,
    listItem: boolean,
    depth: number,
  ): string | undefined {
    const blank = rest.trim() === '';
    // An underline may follow container markers (`> ---`) and be indented in a list item.
    const content = rest.slice(containers);
    const first = content.charCodeAt(0);
    if (!this.blankBefore && (first === 61 || first === 45) && SETEXT_UNDERLINE.test(content)) {
      this.setextWork += line;
      if (this.setextWork > this.limits.setextWork)
        return `Setext heading underline at line ${fmt(line)} takes the document over ${fmt(this.limits.setextWork)} (setext underlines × the lines before each); expected fewer setext headings (write headings with #), so it was not parsed.`;
    }
    if (BARE_ITEM.test(content)) {
      listItem = true;
      depth++;
    }
    this.lines += listItem ? LIST_ITEM_LINES : 1;
    if (this.lines > this.limits.lines)
      return `Line ${fmt(line)} takes the document over ${fmt(this.limits.lines)} lines (a list item counts as ${LIST_ITEM_LINES}); expected at most ${fmt(this.limits.lines)}, so it was not parsed (the Markdown parser's time and memory grow with each line).`;
    if (listItem) {
      if (depth >= 2) {
        this.nestedWork += this.items;
        if (this.nestedWork > this.limits.nestedItemWork)
          return `Nested list item at line ${fmt(line)} takes the document over ${fmt(this.limits.nestedItemWork)} (list items inside list items or quotes × the list items before each); expected fewer nested list items, so it was not parsed.`;
      }
      this.items++;
    }
    this.blankBefore = blank;
    return undefined;
  }
}
