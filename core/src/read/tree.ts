import type { Nodes, Paragraph, Root, RootContent, TableCell, TableRow } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { budgetInline, checkParsable, type RefusedBlock } from '../guard';
import type { Notice } from '../problem';
import { remarkPostmortemGfm } from '../markdown';
import { LineIndex } from '../text';

const processor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkPostmortemGfm)
  .freeze();

/** The Markdown tree of a text, or an empty tree and why the text was not parsed. Never throws. */
export function parseTree(text: string): { tree: Root; refusal?: Notice } {
  const refusal = checkParsable(text);
  if (refusal) return { tree: { type: 'root', children: [] }, refusal };
  // Blocks over the parse budget are hidden from the parser and come back as text (see budget.ts).
  const budget = budgetInline(text);
  try {
    const tree = processor.parse(budget.text);
    // The GFM task-list reader marks the parent of a `[x]` it took for a task box; under an empty
    // list item ("-" then "[x] two" on the next line) that parent is the root, which has no box.
    // A section parsed alone drops its root, so the whole parse drops the mark too.
    delete (tree as { checked?: unknown }).checked;
    restoreRefused(tree, text, budget.refused);
    // Blocks refused by the budget stay as written (see budget.ts).
    if (!budget.refused.length) readWikiBlocks(tree, text);
    return { tree };
  } catch (e) {
    // A stack overflow on nesting the guard did not foresee; never let it reach the caller.
    return {
      tree: { type: 'root', children: [] },
      refusal: {
        message: `Document could not be parsed as Markdown (${(e as Error).message}); expected ordinary nesting of lists and quotes.`,
        line: 1,
        column: 1,
      },
    };
  }
}

/** Moves every position in the given trees by `offset` characters and `lines` lines. */
export function shiftPositions(nodes: readonly Nodes[], offset: number, lines: number): void {
  if (offset === 0 && lines === 0) return;
  const stack: Nodes[] = [...nodes];
  while (stack.length) {
    const node = stack.pop()!;
    const p = node.position;
    if (p) {
      // In place: every node has its own point objects (mdast-util-from-markdown copies them).
      p.start.line += lines;
      p.start.offset = (p.start.offset ?? 0) + offset;
      p.end.line += lines;
      p.end.offset = (p.end.offset ?? 0) + offset;
    }
    if ('children' in node) for (const child of node.children) stack.push(child as Nodes);
  }
}

/** Whether a tree holds a link reference definition or a reference to one (they tie distant text together). */
export function containsDefinition(tree: Root): boolean {
  const stack: Nodes[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (
      node.type === 'definition' ||
      node.type === 'linkReference' ||
      node.type === 'imageReference' ||
      node.type === 'footnoteDefinition'
    )
      return true;
    if ('children' in node) for (const child of node.children) stack.push(child as Nodes);
  }
  return false;
}

/** Whether a node is a heading written with #s (the only kind that starts on a line of its own). */
export function isAtxHeading(node: Nodes, text: string): boolean {
  if (node.type !== 'heading') return false;
  const start = node.position?.start.offset ?? 0;
  return /^ {0,3}#{1,6}(?:[ \t\r\n]|$)/.test(
    text.slice(start - ((node.position?.start.column ?? 1) - 1), start + 8),
  );
}

/** Whether the last block a node ends with is a paragraph (the only block a next line can continue lazily). */
export function endsInParagraph(node: Nodes): boolean {
  let current: Nodes | undefined = node;
  while (current && 'children' in current && current.type !== 'paragraph') {
    const children: Nodes[] = current.children as Nodes[];
    current = children[children.length - 1];
  }
  return current?.type === 'paragraph';
}

/** Line breaks in a text, counted as LineIndex counts them (CRLF, LF, lone CR). */
export function countLines(s: string): number {
  return new LineIndex(s).lineCount - 1;
}

/**
 * Puts the text of refused blocks back into a tree parsed from budgetInline's text: each text node
 * there gets the characters it stands for, as written, not parsed as Markdown.
 */
export function restoreRefused(
  tree: Root,
  original: string,
  refused: readonly RefusedBlock[],
): void {
  if (refused.length === 0) return;
  // Refused blocks come in text order and do not overlap: the last one starting at or before s is the only candidate.
  const inside = (s: number, e: number) => {
    let lo = 0;
    let hi = refused.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (refused[mid]!.start <= s) lo = mid;
      else hi = mid - 1;
    }
    const r = refused[lo]!;
    return r.start <= s && e <= r.end;
  };
  const stack: Nodes[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    const s = node.position?.start.offset;
    const e = node.position?.end.offset;
    if (node.type === 'text' && s !== undefined && e !== undefined && inside(s, e))
      node.value = original.slice(s, e);
    if ('children' in node) for (const child of node.children) stack.push(child as Nodes);
  }
}

/** A Jira/Confluence wiki heading alone in its paragraph: "h2. Timeline". */
const WIKI_HEADING = /^h([1-6])\.[ \t]+(\S[^\n]*)$/;

/**
 * Jira/Confluence wiki markup that Markdown reads as paragraphs, read as what it is: a paragraph
 * that is only "h2. Timeline" is a heading, and a paragraph whose every line is a pipe row
 * ("|| When || What ||" over "| 10:02 | paged |", or rows without a header) is a table (a
 * table without a header row gets an empty one). Each paragraph is read alone, so the line
 * reader, the whole parse and the incremental parse agree.
 */
function readWikiBlocks(tree: Root, text: string): void {
  tree.children = tree.children.map((node) => {
    if (node.type !== 'paragraph') return node;
    const from = node.position?.start.offset;
    const to = node.position?.end.offset;
    if (from === undefined || to === undefined) return node;
    const raw = text.slice(from, to);
    const first = raw.charCodeAt(0);
    if (first === 104 /* h */) {
      const m = WIKI_HEADING.exec(raw);
      if (!m) return node;
      const at = from + raw.indexOf(m[2]!);
      return {
        type: 'heading',
        depth: m[1]!.charCodeAt(0) - 48,
        children: [
          {
            type: 'text',
            value: m[2]!.trim(),
            position: { start: offsetPoint(node, raw, at - from), end: node.position!.end },
          },
        ],
        position: node.position,
      } as RootContent;
    }
    if (first === 124 /* | */) return wikiTable(node, raw, from) ?? node;
    return node;
  });
}

/** A point inside a one-line node, by its offset from the node's start. */
function offsetPoint(node: Paragraph, _raw: string, delta: number) {
  const start = node.position!.start;
  return { line: start.line, column: start.column + delta, offset: (start.offset ?? 0) + delta };
}

/** A paragraph of pipe rows as a table, or undefined when a line is not a row. */
function wikiTable(node: Paragraph, raw: string, from: number): RootContent | undefined {
  const lines = raw.split('\n');
  if (lines.length < 2 || !lines.every((l) => /^\|.*\|\s*$/.test(l))) return undefined;
  const header = lines[0]!.startsWith('||');
  const rows: TableRow[] = [];
  let at = from;
  lines.forEach((line, i) => {
    const lineNo = node.position!.start.line + i;
    const sep = i === 0 && header ? '||' : '|';
    const cells: TableCell[] = [];
    let pos = line.indexOf(sep) + sep.length;
    for (;;) {
      const next = line.indexOf(sep, pos);
      if (next < 0) break;
      const cellRaw = line.slice(pos, next);
      const lead = cellRaw.length - cellRaw.trimStart().length;
      const value = cellRaw.trim();
      const s = at + pos + lead;
      const point = (o: number) => ({ line: lineNo, column: o - at + 1, offset: o });
      cells.push({
        type: 'tableCell',
        children: value
          ? [{ type: 'text', value, position: { start: point(s), end: point(s + value.length) } }]
          : [],
        position: { start: point(at + pos), end: point(at + next) },
      });
      pos = next + sep.length;
    }
    rows.push({
      type: 'tableRow',
      children: cells,
      position: {
        start: { line: lineNo, column: 1, offset: at },
        end: { line: lineNo, column: line.length + 1, offset: at + line.length },
      },
    });
    at += line.length + 1;
  });
  if (!header) {
    const empty: TableRow = {
      type: 'tableRow',
      children: rows[0]!.children.map(() => ({ type: 'tableCell', children: [] })),
    };
    rows.unshift(empty);
  }
  return { type: 'table', align: [], children: rows, position: node.position } as RootContent;
}
