// The parse budget: one linear pass over a text that hides from the Markdown parser what would
// cost it more than linear time. This file walks the blocks; budget/ holds what it counts and why:
// the limits (limits.ts), inline markers per block and per document (markers.ts), table cells
// (tables.ts), and the block structure it follows and how a hidden line keeps it (blocks.ts).
import {
  ATX,
  BULLET,
  FENCE,
  FRONT_MATTER_FENCE,
  hideLines,
  HTML_UNTIL,
  lineAt,
  lineEnd,
  linePrefix,
  nextLine,
  ORDERED,
} from './budget/blocks';
import {
  DEFAULT_LIMITS,
  type BudgetedText,
  type BudgetLimits,
  type RefusedBlock,
} from './budget/limits';
import {
  countMarkers,
  documentMessage,
  isMarker,
  isRun,
  markerMessage,
  type Group,
} from './budget/markers';
import { countCells, DELIMITER_ROW, tableColumns, tableMessage } from './budget/tables';

export {
  MAX_DOCUMENT_MARKERS,
  MAX_INLINE_MARKERS,
  MAX_TABLE_CELLS,
  type BudgetLimits,
  type BudgetedText,
  type RefusedBlock,
} from './budget/limits';

let lastInput: string | undefined;
let lastLimits: BudgetLimits | undefined;
let lastResult: BudgetedText | undefined;

/**
 * Bounds the work of the Markdown parser before it sees a text, in one linear pass: a paragraph,
 * heading, list item or table row with more inline markers than `limits.markers`, and tables beyond
 * `limits.cells` cells in all, are hidden from the parser (their characters replaced, offsets,
 * line breaks and block markers kept) from where they start to the next blank line, and the block
 * that takes the document over `limits.document` markers with all that follows it; restoreRefused
 * puts their text back, unparsed. Remembers the last text, for the file-readable rule.
 *
 * The pass splits blocks only where micromark always ends a paragraph (blank lines, ATX headings,
 * bullet and `1.` list items, items of an ordered list already open, rows of a table that follows
 * a blank line), and skips only front matter and fenced code, so it may count more than one
 * paragraph as one block but never splits one (test/fuzz-budget.test.ts holds it to the parser).
 */
export function budgetInline(input: string, limits: BudgetLimits = DEFAULT_LIMITS): BudgetedText {
  if (input === lastInput && limits === lastLimits) return lastResult!;
  const result = scan(input, limits);
  lastInput = input;
  lastLimits = limits;
  lastResult = result;
  return result;
}

/** How many times a character occurs in a text (indexOf is much faster than a loop over every character). */
function occurrences(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i >= 0; i = text.indexOf(char, i + 1)) n++;
  return n;
}

/** Every character that may be an inline marker, counted once each: never fewer than scan counts. */
const MARKER_CHARS = ['*', '_', '~', '`', '[', ']', '<'];

function scan(input: string, limits: BudgetLimits): BudgetedText {
  // Counting every marker character (runs not merged) gives never fewer markers than the loop in
  // budgetInlineExactly, and the same pipes and lines: within the limits, so is the text.
  // The lines are counted only when there are pipes: they bound a table's cells, nothing else.
  let most = 0;
  for (const c of MARKER_CHARS) most += occurrences(input, c);
  if (most > Math.min(limits.markers, limits.document)) return budgetInlineExactly(input, limits);
  const pipeCount = occurrences(input, '|');
  if (pipeCount === 0) return { text: input, refused: [] };
  const lineCount = 1 + occurrences(input, '\n') + occurrences(input, '\r');
  if (pipeCount + lineCount <= limits.cells) return { text: input, refused: [] };
  return budgetInlineExactly(input, limits);
}

/**
 * budgetInline without its cache and its count of marker characters: exported for the test that
 * holds that shortcut to it.
 */
export function budgetInlineExactly(
  input: string,
  limits: BudgetLimits = DEFAULT_LIMITS,
): BudgetedText {
  // Nothing can be over budget when the whole text is not: the common case costs one loop.
  // A table needs a pipe, and has at most one cell per line more than its pipes.
  let markers = 0;
  let pipes = 0;
  let lines = 1;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c === 124) pipes++;
    else if (c === 10 || c === 13) lines++;
    else if (isMarker(c) && !(isRun(c) && input.charCodeAt(i - 1) === c)) markers++;
  }
  if (
    markers <= Math.min(limits.markers, limits.document) &&
    (pipes === 0 || pipes + lines <= limits.cells)
  )
    return { text: input, refused: [] };

  const refused: RefusedBlock[] = [];
  const reasons: (string | Group)[] = [];
  /** Lines [start, end) of the counted lines of the current blank-line run, to hide if refused. */
  const counted: { start: number; end: number }[] = [];
  /** Markers of the document's text that the parser sees: of finished runs, and of this run before what it hides. */
  let total = 0;
  let runVisible = 0;
  /** Set once the document holds more markers than limits.document: all later text is hidden. */
  let hideRest = false;
  let hideFrom = -1;
  const hidden: { start: number; end: number }[] = [];
  let group: Group | undefined;
  let fence: { char: string; length: number; indent: number; quotes: number } | undefined;
  let html: RegExp | 'blank' | undefined;
  let table: { columns: number; line: number; start: number } | undefined;
  let ordered: { indent: number; delimiter: string } | undefined;
  let cells = 0;
  let fresh = true;
  let tableRefused = false;

  const closeRun = () => {
    const from = hideFrom >= 0 ? hideFrom : hideRest ? 0 : -1;
    if (from >= 0 && counted.length > 0) {
      for (const l of counted) if (l.start >= from) hidden.push(l);
      refused[refused.length - 1]!.end = hidden[hidden.length - 1]!.end;
    }
    total += runVisible;
    runVisible = 0;
    counted.length = 0;
    hideFrom = -1;
  };
  /** Hides the run from g on; a table refused after a paragraph in its run is hidden from its header. */
  const refuse = (g: { line: number; start: number }, why: string | Group) => {
    if (hideRest || (hideFrom >= 0 && hideFrom <= g.start)) return;
    if (hideFrom >= 0) {
      refused.pop();
      reasons.pop();
    }
    hideFrom = g.start;
    refused.push({ message: '', line: g.line, column: 1, start: g.start, end: g.start });
    reasons.push(why);
  };

  let line = 0;
  let start = 0;
  // An opening --- never closed makes micromark (with remark-frontmatter) read no block quotes or
  // lists in the whole document: their lines are paragraph text, so they split nothing.
  let noContainers = false;
  if (FRONT_MATTER_FENCE.test(lineAt(input, 0))) {
    let s = nextLine(input, 0);
    let n = 2;
    while (s < input.length && !FRONT_MATTER_FENCE.test(lineAt(input, s))) {
      s = nextLine(input, s);
      n++;
    }
    if (s < input.length) {
      start = nextLine(input, s);
      line = n;
    } else noContainers = true;
  }
  while (start < input.length) {
    line++;
    const end = lineEnd(input, start);
    const next = nextLine(input, start);
    const text = input.slice(start, end);
    const { quotes, indent, least, rest } = linePrefix(text, noContainers);
    const blank = rest.length === 0;

    if (fence) {
      const close = /^(`{3,}|~{3,})[ \t]*$/.exec(rest);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length && least <= 3) {
        fence = undefined;
        start = next;
        continue;
      }
      // A fence inside a list item or quote ends with it; ending it early only counts more.
      if (blank || (quotes >= fence.quotes && (quotes > fence.quotes || least >= fence.indent))) {
        start = next;
        continue;
      }
      fence = undefined;
    }
    if (blank && quotes === 0) {
      group = undefined;
      table = undefined;
      ordered = undefined;
      if (html === 'blank') html = undefined;
      closeRun();
      fresh = true;
      start = next;
      continue;
    }
    const lineFresh = fresh;
    fresh = false;
    if (html instanceof RegExp && html.test(text)) html = undefined;
    else if (!html && least <= 3 && rest[0] === '<') {
      html = HTML_UNTIL.find(([open]) => open.test(rest))?.[1] ?? 'blank';
      if (html !== 'blank' && html.test(rest.slice(2))) html = undefined;
    }
    const inHtml = html !== undefined;
    const fenceOpen = !inHtml && indent <= 3 ? FENCE.exec(rest) : null;
    if (fenceOpen) {
      const marks = (fenceOpen[1] ?? fenceOpen[2])!;
      fence = { char: marks[0]!, length: marks.length, indent, quotes };
      group = undefined;
      table = undefined;
      ordered = undefined;
      start = next;
      continue;
    }

    const first = rest[0]!;
    let startsGroup = false;
    let kind: Group['kind'] = 'Paragraph';
    if (
      table &&
      (indent > 3 ||
        quotes > 0 ||
        '>#<`~'.includes(first) ||
        BULLET.test(rest) ||
        ORDERED.test(rest))
    )
      table = undefined;
    if (table) {
      startsGroup = true;
      kind = 'Table row';
      cells += countCells(rest);
    } else if (indent <= 3 && ATX.test(rest)) {
      startsGroup = true;
      kind = 'Heading';
      ordered = undefined;
    } else if (indent <= 3 && !noContainers && BULLET.test(rest)) {
      startsGroup = true;
      kind = 'List item';
      ordered = undefined;
    } else if (indent <= 3 && !noContainers && ORDERED.test(rest)) {
      const [, number, delimiter] = ORDERED.exec(rest)!;
      if (
        number === '1' ||
        (ordered &&
          ordered.indent === indent &&
          least === indent &&
          ordered.delimiter === delimiter)
      ) {
        startsGroup = true;
        kind = 'List item';
        ordered = { indent, delimiter: delimiter! };
      }
    } else if (quotes > 0 || (indent <= 3 && '-*+#<`~|=_'.includes(first))) {
      ordered = undefined;
    }
    // A table: a header line at the margin where no paragraph is open, then a delimiter row with as many cells.
    if (
      !startsGroup &&
      group?.fresh &&
      group.kind === 'Paragraph' &&
      group.line === line - 1 &&
      quotes === 0 &&
      indent <= 3 &&
      DELIMITER_ROW.test(rest)
    ) {
      const columns = tableColumns(input.slice(group.start, lineEnd(input, group.start)), rest);
      if (columns !== undefined) {
        table = { columns, line: group.line, start: group.start };
        group.kind = 'Table row';
        cells += 2 * columns;
        if (!tableRefused && cells > limits.cells) {
          tableRefused = true;
          refuse(group, tableMessage(group.line, limits));
        }
        counted.push({ start, end });
        group = undefined;
        start = next;
        continue;
      }
    }
    if (startsGroup || !group)
      group = {
        kind,
        fresh: lineFresh,
        line,
        start,
        markers: 0,
        byKind: { emphasis: 0, strike: 0, code: 0, link: 0, html: 0 },
      };
    const found = countMarkers(rest, group);
    counted.push({ start, end });
    if (table && !tableRefused && cells > limits.cells) {
      tableRefused = true;
      refuse(table, tableMessage(table.line, limits));
    }
    // The message is written at the end, when the group has been counted to its last line.
    if (group.markers > limits.markers && hideFrom < 0) refuse(group, group);
    if (hideFrom < 0 && !hideRest) {
      runVisible += found;
      if (total + runVisible > limits.document) {
        refuse(group, documentMessage(group, limits));
        hideRest = true;
      }
    }
    if (kind === 'Heading') {
      group = undefined;
      fresh = true;
    }
    start = next;
  }
  closeRun();
  if (hidden.length === 0) return { text: input, refused: [] };
  refused.forEach((r, k) => {
    const why = reasons[k]!;
    if (typeof why === 'string') r.message = why;
    else r.message = markerMessage(why, limits);
  });
  return { text: hideLines(input, hidden), refused };
}
