import type { Notice } from '../problem';

/**
 * Most inline markers (runs of `*`, `_`, `~` or backticks, and each `[`, `]`, `<`) one paragraph,
 * heading, list item or table row may hold. micromark's inline resolvers scan back over, and splice,
 * every event of a paragraph for each marker, so a paragraph costs about markers × length:
 * 15,000 `_a*` (30,000 markers, 45 KB) took 23-55 s to parse. Paragraphs of 250 markers cost
 * 7-15 ms per KB and of 1,000 markers 40-85 ms per KB (2 cores, under load). The most in one block
 * as this pass counts them, over postmortems/, docs/, the fixtures and 300 generated postmortems
 * with links, is 33 (74 between two blank lines), so 500 leaves a wide margin.
 */
export const MAX_INLINE_MARKERS = 500;
/**
 * Most table cells a document may hold. Each cell costs micromark about 50 µs and 6 KB while
 * parsing (a 5,000-column table of 400,000 cells took 62 s and 4.5 GB); the largest table in
 * postmortems/, docs/ and the fixtures has 60 cells, so 10,000 (about 0.5 s) leaves a wide margin.
 */
export const MAX_TABLE_CELLS = 10_000;
/**
 * Most inline markers a document may hold in all. Within the limits above, micromark still costs
 * about 15 ms of CPU and 1.3 MB per KB of dense markers (1 MB of paragraphs of 332 markers: 16.8 s
 * and 1.3 GB, bench/RESULTS.md section 7); the most in any file of postmortems/, docs/, the fixtures
 * or the README is 373 and a 1,700-entry timeline with a link in every entry has 3,400, so 20,000
 * leaves a wide margin.
 */
export const MAX_DOCUMENT_MARKERS = 20_000;

export interface BudgetLimits {
  /** Inline markers in one paragraph, heading, list item or table row. */
  markers: number;
  /** Table cells in the document. */
  cells: number;
  /** Inline markers in the document. */
  document: number;
}

/** A block that was not parsed as Markdown, and why. Offsets are into the text given to budgetInline. */
export interface RefusedBlock extends Notice {
  /** The characters hidden from the parser: from the block's start to the next blank line (to the end, for the document limit). */
  start: number;
  end: number;
}

/** The text to hand the Markdown parser: the input with refused blocks hidden, at the same offsets. */
export interface BudgetedText {
  text: string;
  refused: RefusedBlock[];
}

export const DEFAULT_LIMITS: BudgetLimits = {
  markers: MAX_INLINE_MARKERS,
  cells: MAX_TABLE_CELLS,
  document: MAX_DOCUMENT_MARKERS,
};

/** 30000 as 30,000 (toLocaleString loads ICU data on first use: a tenth of a second). */
export function fmt(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
