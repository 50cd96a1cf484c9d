import type { LineIndex } from '../text';

/** An ATX heading found by a line scan. */
export interface ScannedHeading {
  /** Where the heading's line starts: it is where the heading starts (indented headings are refused). */
  start: number;
  /** Where its line ends, before the line break: where the parser ends the heading. */
  end: number;
  depth: number;
  /** Its text as written, without the #s, the closing sequence and the spaces around. */
  raw: string;
  /** Whether anything but headings and template prompts (HTML comments) follows it before the next heading. */
  contentAfter: boolean;
}

/** What a line scan reads of a document's block structure. */
export interface BlockScan {
  /** The YAML front matter between its fences, as remark-frontmatter reads it. */
  frontMatter?: { contentStart: number; contentEnd: number; end: number };
  /** Every ATX heading outside code and comments, in document order. */
  headings: ScannedHeading[];
}

const ATX = /^(#{1,6})(?:[ \t]+|$)/;
const INDENTED_ATX = /^ {1,3}#{1,6}(?:[ \t]|$)/;
const FENCE = /^(?:(`{3,})[^`]*|(~{3,}).*)$/;
const INDENTED_FENCE = /^ {1,3}(?:```|~~~)/;
const HTML_START = /^ {0,3}</;
const FRONT_MATTER_FENCE = /^---[ \t]*$/;
const BLANK = /^[ \t]*$/;

/** Whether an HTML block is only a comment (a template's prompt), which does not count as content. */
export function isComment(value: string): boolean {
  return /^\s*<!--[\s\S]*?-->\s*$/.test(value);
}

/** Whether a line closes a comment; on the line that opens it, `<!-->` and `<!--->` already do. */
function closesComment(line: string, where: 'opening line' | 'later line'): boolean {
  return line.includes('-->', where === 'opening line' ? 2 : 0);
}

/**
 * Reads a document's headings, front matter and which headings have content under them, line by
 * line, as the Markdown parser would read them; undefined when a line scan cannot be sure: a front
 * matter left open, HTML blocks other than comments at the start of a line, a fence, comment or
 * heading indented by one to three spaces (it may sit inside a list item, which a following
 * unindented line ends), or a line of = or - under text (a setext heading or not). Link reference
 * definitions are the caller's concern. Property tests hold every reader built on this to the
 * full parse.
 */
export function scanBlocks(text: string, lines: LineIndex): BlockScan | undefined {
  let line = 1;
  let frontMatter: BlockScan['frontMatter'];
  const lineText = (n: number) => text.slice(lines.lineStart(n), lines.lineEnd(n));
  if (FRONT_MATTER_FENCE.test(lineText(1))) {
    let close = 2;
    while (close <= lines.lineCount && !FRONT_MATTER_FENCE.test(lineText(close))) close++;
    // An unclosed front matter changes how micromark reads the whole document.
    if (close > lines.lineCount) return undefined;
    frontMatter = {
      contentStart: lines.lineStart(2),
      contentEnd: lines.lineStart(close),
      end: lines.lineEnd(close),
    };
    line = close + 1;
  }

  const headings: ScannedHeading[] = [];
  let current: ScannedHeading | undefined;
  let fence: string | undefined;
  let comment = -1;
  let previousBlank = true;
  const content = () => {
    if (current) current.contentAfter = true;
  };
  for (; line <= lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const end = lines.lineEnd(line);
    // Each form below starts with its own character: most lines (text, list items) need none of
    // the expressions, nor a string of their own.
    const c0 = start < end ? text.charCodeAt(start) : -1;
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(text.slice(start, end));
      if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length) fence = undefined;
      continue;
    }
    // A comment runs to the line holding -->, whatever lies between; only a pure comment is not content.
    if (comment >= 0 || (c0 === 60 && text.startsWith('<!--', start))) {
      if (comment < 0) comment = start;
      if (
        closesComment(text.slice(start, end), comment === start ? 'opening line' : 'later line')
      ) {
        if (!isComment(text.slice(comment, end))) content();
        comment = -1;
      }
      previousBlank = false;
      continue;
    }
    const indented = c0 === 32 || c0 === 9;
    if (
      !previousBlank &&
      (indented || c0 === 61 || c0 === 45) &&
      isSetextUnderline(text, start, end)
    )
      return undefined;
    const special = indented || c0 === 60 || c0 === 96 || c0 === 126 || c0 === 35;
    if (!special && c0 !== -1) {
      previousBlank = false;
      content();
      continue;
    }
    const s = text.slice(start, end);
    if (s === '' || (indented && BLANK.test(s))) {
      previousBlank = true;
      continue;
    }
    if (
      (indented || c0 === 60) &&
      (HTML_START.test(s) || INDENTED_ATX.test(s) || INDENTED_FENCE.test(s))
    )
      return undefined;
    previousBlank = false;
    const f = c0 === 96 || c0 === 126 ? FENCE.exec(s) : null;
    if (f) {
      fence = f[1] ?? f[2];
      content();
      continue;
    }
    const h = c0 === 35 ? ATX.exec(s) : null;
    if (!h) {
      content();
      continue;
    }
    current = {
      start,
      end,
      depth: h[1]!.length,
      raw: headingRaw(s, h[0].length),
      contentAfter: false,
    };
    headings.push(current);
    // A heading is one line: what follows starts a new block.
    previousBlank = true;
  }
  // A comment never closed runs to the end and holds no -->, so it is content.
  if (comment >= 0) content();
  return { frontMatter, headings };
}

/**
 * Whether the line at [start, end) is a setext underline, / {0,3}(?:=+|-+)[ \t]*$/, read in place:
 * list items start with the same dash, and most lines need no string of their own.
 */
function isSetextUnderline(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && i - start < 4 && text.charCodeAt(i) === 32) i++;
  if (i - start > 3) return false;
  const c = text.charCodeAt(i);
  if (i >= end || (c !== 61 && c !== 45)) return false;
  while (i < end && text.charCodeAt(i) === c) i++;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i === end;
}

/** An ATX heading line's text after its opening #s (`after` characters): no closing sequence, no spaces around. */
export function headingRaw(line: string, after: number): string {
  return line
    .slice(after)
    .replace(/[ \t]+$/, '')
    .replace(/(?:^|[ \t]+)#+$/, '')
    .trim();
}

/** Whether a heading's text reads the same as Markdown: nothing inline (emphasis, code, escapes, entities, HTML, links). */
export function isPlainInline(raw: string): boolean {
  return !/[*_`\\<>[\]&~!]/.test(raw);
}

/**
 * One list item on one line: a bullet, optionally a task box, then text that starts with a letter,
 * a digit, ** or a backtick (and not as an ordered-list marker would), holds no character Markdown
 * gives a meaning inside a line but * and ` (no links, HTML, entities, escapes, tables, _ or ~),
 * and has no trailing space. plainInline() then settles what the * and ` make of it.
 */
const SIMPLE_ITEM =
  /^[-*+] (\[[ xX]\] )?((?!\d{1,9}[.)](?: |$))[\p{L}\p{N}*`](?:[\p{L}\p{N} .,;:'"()/@#%+=?{}*`-]*[\p{L}\p{N}.,;:'"()/@#%+=?{}*`-])?)$/u;

/**
 * The text the Markdown parser reads from a line of SIMPLE_ITEM's characters, or undefined when
 * that is not certain. Code spans: single backticks in pairs, their content holding no *, one
 * space trimmed from each end when both ends have one. Strong emphasis: ** in pairs, each opening
 * after the start or a space and before a letter or digit, each closing after a letter or digit
 * and before the end, a space or . , ; :, with no backtick between. Anything else with a * or a
 * backtick (single *, runs of three, nesting, flanking the rules do not settle at a glance) is
 * left to the parser.
 */
export function plainInline(line: string): string | undefined {
  if (!line.includes('*') && !line.includes('`')) return line;
  if (/``/.test(line)) return undefined;
  // Code spans first: they bind tighter than emphasis.
  const parts = line.split('`');
  if (parts.length % 2 === 0) return undefined;
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i % 2 === 1) {
      if (part === '' || part.includes('*')) return undefined;
      out +=
        part.startsWith(' ') && part.endsWith(' ') && part.trim() !== '' ? part.slice(1, -1) : part;
      continue;
    }
    const strong = strongText(part, { first: i === 0, last: i === parts.length - 1 });
    if (strong === undefined) return undefined;
    out += strong;
  }
  return out;
}

const ALNUM = /[\p{L}\p{N}]/u;

/** A stretch outside code spans with its ** pairs removed (see plainInline); `first`/`last`: it starts or ends the line. */
function strongText(
  part: string,
  { first, last }: { first: boolean; last: boolean },
): string | undefined {
  if (!part.includes('*')) return part;
  const runs = [...part.matchAll(/\*+/g)];
  if (runs.length % 2 === 1 || runs.some((r) => r[0].length !== 2)) return undefined;
  for (let k = 0; k < runs.length; k += 2) {
    const open = runs[k]!.index;
    const close = runs[k + 1]!.index;
    const before = open === 0 ? (first ? ' ' : '`') : part[open - 1]!;
    const after = close + 2 === part.length ? (last ? ' ' : '`') : part[close + 2]!;
    if (
      before !== ' ' ||
      !ALNUM.test(part[open + 2]!) ||
      !ALNUM.test(part[close - 1]!) ||
      !/[ .,;:]/.test(after)
    )
      return undefined;
  }
  return part.replace(/\*\*/g, '');
}

/** A simple item: its offset, text, and checkbox (null when it has none). */
export interface SimpleItem {
  start: number;
  end: number;
  body: string;
  checked: boolean | null;
}

/**
 * The items of a section made only of simple items (see SIMPLE_ITEM), blank lines, one-line
 * template prompts and sub-headings with plain text, read line by line; `onHeading` receives
 * each sub-heading. Undefined when any line is anything else, and the Markdown parser must read it.
 */
export function readSimpleItems(
  text: string,
  start: number,
  end: number,
  onHeading: (h: { start: number; raw: string }) => void,
): SimpleItem[] | undefined {
  const items: SimpleItem[] = [];
  let at = text.indexOf('\n', start) + 1;
  if (at === 0) return [];
  while (at < end) {
    let lineEnd = text.indexOf('\n', at);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    const next = lineEnd + 1;
    if (text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    const line = text.slice(at, lineEnd);
    if (line.includes('\r')) return undefined;
    if (!BLANK.test(line)) {
      const m = SIMPLE_ITEM.exec(line);
      if (m) {
        const body = plainInline(m[2]!)?.trim();
        if (!body) return undefined;
        items.push({
          start: at,
          end: lineEnd,
          body,
          checked: m[1] === undefined ? null : m[1][1] !== ' ',
        });
      } else if (
        line.startsWith('<!--') &&
        closesComment(line, 'opening line') &&
        isComment(line)
      ) {
        // A one-line prompt: no node the readers look at.
      } else {
        const h = ATX.exec(line);
        const raw = h ? headingRaw(line, h[0].length) : '';
        if (!h || h[1]!.length < 3 || !isPlainInline(raw)) return undefined;
        onHeading({ start: at, raw });
      }
    }
    at = next;
  }
  return items;
}
