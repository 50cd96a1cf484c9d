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

/** Largest text the parser accepts, in characters (about the byte limit of decode()). */
export const MAX_TEXT_CHARS = 5 * 1024 * 1024;
/** Deepest nesting of lists and block quotes the parser accepts. Real postmortems use a handful. */
export const MAX_NESTING = 100;

const MARKERS = /^(?:(?:[-*+]|\d{1,9}[.)])[ \t]+|>[ \t]?)+/;

/**
 * Checks, in one linear pass, that a text is safe to hand to the Markdown parser: not larger than
 * MAX_TEXT_CHARS and not nesting lists or quotes deeper than MAX_NESTING. The parser's time grows
 * much faster than linearly with nesting depth, so a pathological file would otherwise stall the
 * editor and the CLI.
 */
export function checkParsable(text: string): Notice | undefined {
  if (text.length > MAX_TEXT_CHARS) {
    return {
      message: `Document has ${text.length.toLocaleString('en-US')} characters; expected at most ${MAX_TEXT_CHARS.toLocaleString('en-US')}, so it was not parsed.`,
      line: 1,
      column: 1,
    };
  }
  let line = 1;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
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
    if (markers) {
      const opened = (markers[0].match(/[-*+>]|\d{1,9}[.)]/g) ?? []).length;
      const depth = Math.floor(indent / 2) + opened;
      if (depth > MAX_NESTING) {
        return {
          message: `Lists or quotes nest more than ${MAX_NESTING} levels deep on line ${line}; expected at most ${MAX_NESTING}, so the document was not parsed.`,
          line,
          column: 1,
        };
      }
    }
    line++;
    start = end + 1;
  }
  return undefined;
}
