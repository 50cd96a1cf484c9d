import { LineShapeBudget, type LineShapeLimits } from './budget/lines';
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
