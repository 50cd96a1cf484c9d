import type { Notice } from './problem';

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

const DEFAULT_LIMITS: BudgetLimits = {
  markers: MAX_INLINE_MARKERS,
  cells: MAX_TABLE_CELLS,
  document: MAX_DOCUMENT_MARKERS,
};

const FRONT_MATTER_FENCE = /^---[ \t]*$/;
const FENCE = /^(?:(`{3,})[^`]*|(~{3,}).*)$/;
const ATX = /^#{1,6}(?:[ \t]|$)/;
const BULLET = /^[-*+][ \t]+\S/;
const ORDERED = /^(\d{1,9})([.)])[ \t]+\S/;
const DELIMITER_ROW = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
/** HTML blocks that run past blank lines, to their end marker (CommonMark kinds 1 to 5). */
const HTML_UNTIL: [RegExp, RegExp][] = [
  [/^<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<![A-Za-z]/, />/],
  [/^<!\[CDATA\[/, /\]\]>/],
];
/** What a hidden line keeps: indentation, quote and list markers and a heading's #s, so its block structure stays. */
const KEPT_PREFIX =
  /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*[ \t]*(?:#{1,6}(?=[ \t]|$))?[ \t]*/;
const KIND_NAMES = {
  emphasis: 'emphasis',
  strike: 'strikethrough',
  code: 'code',
  link: 'link bracket',
  html: 'HTML',
} as const;
type MarkerKind = keyof typeof KIND_NAMES;

interface Group {
  kind: 'Paragraph' | 'Heading' | 'List item' | 'Table row';
  /** Whether it starts where no paragraph can be open: after a blank line, an ATX heading or the front matter. */
  fresh: boolean;
  line: number;
  start: number;
  markers: number;
  byKind: Record<MarkerKind, number>;
}

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

function scan(input: string, limits: BudgetLimits): BudgetedText {
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
    // Indentation and block-quote markers (a `>` indented by up to three columns always opens or
    // continues a quote). A tab counts as one column (`least`) or four (`indent`): each check
    // takes the reading that can only make it count more, never split or skip what the parser joins.
    let i = 0;
    let quotes = 0;
    let indent = 0;
    let least = 0;
    for (;;) {
      let lead = 0;
      let columns = 0;
      for (;;) {
        const c = text.charCodeAt(i + lead);
        if (c === 32) columns++;
        else if (c === 9) columns += 4;
        else break;
        lead++;
      }
      if (text.charCodeAt(i + lead) === 62 && columns <= 3 && !noContainers) {
        quotes++;
        i += lead + 1;
      } else {
        indent = columns;
        least = lead;
        i += lead;
        break;
      }
    }
    const rest = text.slice(i);
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
      DELIMITER_ROW.test(rest) &&
      rest.includes('-')
    ) {
      const header = input.slice(group.start, lineEnd(input, group.start));
      const columns = countCells(rest);
      if (/^[^ \t>#<`~\-*+=\d]/.test(header) && countCells(header) === columns) {
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
        refuse(
          group,
          `${group.kind} at line ${group.line} takes the document over ${fmt(limits.document)} inline markers; expected at most ${fmt(limits.document)} in all, so it and the rest of the document were not parsed as Markdown.`,
        );
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
    else {
      const [top] = (Object.entries(why.byKind) as [MarkerKind, number][]).sort(
        (a, b) => b[1] - a[1],
      );
      r.message = `${why.kind} at line ${why.line} has ${fmt(why.markers)} inline markers (${fmt(top![1])} of them ${KIND_NAMES[top![0]]}); expected at most ${fmt(limits.markers)}, so it was not parsed as Markdown.`;
    }
  });
  const parts: string[] = [];
  let at = 0;
  for (const h of hidden) {
    const keep = KEPT_PREFIX.exec(input.slice(h.start, h.end))![0].length;
    parts.push(input.slice(at, h.start + keep), 'x'.repeat(h.end - h.start - keep));
    at = h.end;
  }
  parts.push(input.slice(at));
  return { text: parts.join(''), refused };
}

function isMarker(c: number): boolean {
  // * _ ~ ` [ ] <
  return c === 42 || c === 95 || c === 126 || c === 96 || c === 91 || c === 93 || c === 60;
}

function isRun(c: number): boolean {
  return c === 42 || c === 95 || c === 126 || c === 96;
}

function countMarkers(s: string, group: Group): number {
  const before = group.markers;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isMarker(c) || (isRun(c) && s.charCodeAt(i - 1) === c)) continue;
    group.markers++;
    const kind: MarkerKind =
      c === 42 || c === 95
        ? 'emphasis'
        : c === 126
          ? 'strike'
          : c === 96
            ? 'code'
            : c === 60
              ? 'html'
              : 'link';
    group.byKind[kind]++;
  }
  return group.markers - before;
}

/** Cells of a table line: its unescaped pipes, less the ones at its edges, plus one. */
function countCells(s: string): number {
  const t = s.trim();
  let pipes = 0;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '\\') i++;
    else if (t[i] === '|') pipes++;
  }
  if (t.startsWith('|')) pipes--;
  if (t.endsWith('|') && !t.endsWith('\\|') && t.length > 1) pipes--;
  return pipes + 1;
}

function lineEnd(s: string, start: number): number {
  let i = start;
  while (i < s.length && s.charCodeAt(i) !== 10 && s.charCodeAt(i) !== 13) i++;
  return i;
}

function nextLine(s: string, start: number): number {
  const e = lineEnd(s, start);
  if (e >= s.length) return s.length;
  return s.charCodeAt(e) === 13 && s.charCodeAt(e + 1) === 10 ? e + 2 : e + 1;
}

function lineAt(s: string, start: number): string {
  return s.slice(start, lineEnd(s, start));
}

function tableMessage(line: number, limits: BudgetLimits): string {
  return `Table at line ${line} takes the document over ${fmt(limits.cells)} table cells; expected at most ${fmt(limits.cells)} in all, so it was not parsed as Markdown.`;
}

/** 30000 as 30,000 (toLocaleString loads ICU data on first use: a tenth of a second). */
function fmt(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
