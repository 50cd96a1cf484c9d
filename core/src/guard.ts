import {
  LINE_SHAPE_LIMITS,
  LIST_ITEM_LINES,
  LineShapeBudget,
  type LineShapeLimits,
} from './budget/lines';
import type { Notice } from './problem';

export {
  budgetInline,
  MAX_DOCUMENT_MARKERS,
  MAX_INLINE_MARKERS,
  MAX_TABLE_CELLS,
  type BudgetLimits,
  type BudgetedText,
  type RefusedBlock,
} from './budget';
export {
  LIST_ITEM_LINES,
  MAX_LINES,
  MAX_NESTED_ITEM_WORK,
  MAX_SETEXT_WORK,
  type LineShapeLimits,
} from './budget/lines';

/** Largest text the parser accepts, in characters (about the byte limit of decode()). */
export const MAX_TEXT_CHARS = 5 * 1024 * 1024;
/** Deepest nesting of lists and block quotes the parser accepts. Real postmortems use a handful. */
export const MAX_NESTING = 100;

const MARKERS = /^(?:(?:[-*+]|\d{1,9}[.)])[ \t]+|>[ \t]?)+/;

/**
 * Checks, in one linear pass, that a text is safe to hand to the Markdown parser: not larger than
 * MAX_TEXT_CHARS, not nesting lists or quotes deeper than MAX_NESTING, and within the line
 * shapes of LineShapeBudget (lines, setext headings, nested list items; budget/lines.ts). The
 * parser's time grows much faster than linearly with nesting depth and with those shapes, so a
 * pathological file would otherwise stall the editor and the CLI.
 */
export function checkParsable(text: string, shapeLimits?: LineShapeLimits): Notice | undefined {
  if (text.length > MAX_TEXT_CHARS) {
    return {
      message: `Document has ${text.length.toLocaleString('en-US')} characters; expected at most ${MAX_TEXT_CHARS.toLocaleString('en-US')}, so it was not parsed.`,
      line: 1,
      column: 1,
    };
  }
  if (plainlyParsable(text, shapeLimits ?? LINE_SHAPE_LIMITS)) return undefined;
  return checkEveryLine(text, shapeLimits);
}

/**
 * checkParsable's pass over every line, without its shortcut (plainlyParsable): exported for the
 * test that holds the shortcut to it.
 */
export function checkEveryLine(text: string, shapeLimits?: LineShapeLimits): Notice | undefined {
  const shapes = new LineShapeBudget(shapeLimits);
  let line = 1;
  let start = 0;
  while (start <= text.length) {
    // Lines end as micromark ends them: at \n, \r or \r\n.
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    let indent = 0;
    let i = start;
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 32) indent += 1;
      else if (c === 9) indent += 4 - (indent % 4);
      else break;
    }
    // Only lines that open containers matter; plain indented text is cheap to parse.
    const markers = MARKERS.exec(text.slice(i, Math.min(end, i + 4 * MAX_NESTING + 64)));
    let depth = Math.floor(indent / 2);
    if (markers) {
      const opened = (markers[0].match(/[-*+>]|\d{1,9}[.)]/g) ?? []).length;
      depth += opened;
      if (depth > MAX_NESTING) {
        return {
          message: `Lists or quotes nest more than ${MAX_NESTING} levels deep on line ${line}; expected at most ${MAX_NESTING}, so the document was not parsed.`,
          line,
          column: 1,
        };
      }
    }
    const listItem = markers !== null && /[-*+\d]/.test(markers[0]);
    const shape = shapes.line(
      line,
      text.slice(i, end),
      markers ? markers[0].length : 0,
      listItem,
      depth,
    );
    if (shape) return { message: shape, line, column: 1 };
    line++;
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return undefined;
}

/** Spaces, tabs and container markers: a line opens at most two levels of nesting per character of them. */
function isPrefixChar(c: number): boolean {
  // space, tab, > * + - . ) and digits
  return (
    c === 32 ||
    c === 9 ||
    c === 62 ||
    c === 42 ||
    c === 43 ||
    c === 45 ||
    c === 46 ||
    c === 41 ||
    (c >= 48 && c <= 57)
  );
}

/**
 * Whether a text is within every limit of checkParsable by its line count and the starts of its
 * lines alone, without the pass over each line: a fast path that may only say yes when that pass
 * would. With n lines (every \n and \r counted as a break, never fewer than the pass counts), the
 * lines count at most LIST_ITEM_LINES × n, setext underlines at most 1 + 2 + … + n, nested list
 * items at most 0 + 1 + … + (n - 1) (each the items before it); and a line whose leading spaces,
 * tabs and markers are at most MAX_NESTING / 2 characters nests at most MAX_NESTING deep (a tab
 * counts two levels, every other character at most one).
 */
function plainlyParsable(text: string, limits: LineShapeLimits): boolean {
  const longest = MAX_NESTING / 2;
  let n = 0;
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  for (let start = 0; ;) {
    n++;
    let run = 0;
    while (run <= longest && isPrefixChar(text.charCodeAt(start + run))) run++;
    if (run > longest) return false;
    const end = cr < 0 || (lf >= 0 && lf < cr) ? lf : cr;
    if (end < 0) break;
    start = end + 1;
    if (end === lf) lf = text.indexOf('\n', start);
    else cr = text.indexOf('\r', start);
  }
  return (
    n * LIST_ITEM_LINES <= limits.lines &&
    (n * (n + 1)) / 2 <= limits.setextWork &&
    (n * (n - 1)) / 2 <= limits.nestedItemWork
  );
}
