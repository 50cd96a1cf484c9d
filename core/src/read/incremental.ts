import type { Root, RootContent } from 'mdast';
import { stripBom } from '../decode';
import { MAX_TEXT_CHARS } from '../guard';
import { LineIndex } from '../text';
import type { ParseOptions, Postmortem } from './model';
import type { TimelineItemCache } from './timeline-section';
import {
  containsDefinition,
  countLines,
  endsInParagraph,
  isAtxHeading,
  parseTree,
  shiftPositions,
} from './tree';
import { modelFromTree } from './whole';

/** A run of top-level nodes from one heading (or the start) to the next. */
interface Chunk {
  start: number;
  end: number;
  nodes: RootContent[];
}

/** Characters whose edit can change structure beyond one section: fences, HTML blocks, link definitions. */
const CROSSING = /[`~<[\]\\]/;

/**
 * Parses a document again and again as it is edited, re-parsing only the section an edit falls in
 * when that is provably equivalent to a full parse, and the whole text otherwise. A 2,000-line
 * postmortem re-validates in a few milliseconds instead of a hundred (bench/RESULTS.md).
 * Its trees share nodes between calls: each call moves the positions of the nodes it keeps, so
 * use a result before parsing the next version.
 */
export class IncrementalParser {
  private text: string | undefined;
  private chunks: Chunk[] = [];
  private hasDefinitions = false;
  private lines: LineIndex | undefined;
  private readonly timelineItems: TimelineItemCache = new WeakMap();
  /** What the last call re-parsed: one list item, one heading line, one run between headings, or all. */
  lastScope: 'item' | 'heading' | 'run' | 'document' = 'document';

  /** How the last call parsed: for tests and benchmarks. */
  get lastMode(): 'full' | 'incremental' {
    return this.lastScope === 'document' ? 'full' : 'incremental';
  }

  constructor(private readonly options: ParseOptions = {}) {}

  parse(input: string): Postmortem {
    const text = stripBom(input);
    const done = this.text !== undefined ? this.tryIncremental(text) : undefined;
    if (done) {
      this.lastScope = done.scope;
      this.text = text;
      const { from, to, inserted } = done.edit;
      const lines = (this.lines = this.lines!.edited(text, from, to, inserted));
      const children = this.chunks.flatMap((c) => c.nodes);
      const tree: Root = {
        type: 'root',
        children,
        position: { start: { line: 1, column: 1, offset: 0 }, end: lines.position(text.length) },
      };
      return modelFromTree(text, tree, undefined, this.options, lines, this.timelineItems);
    }
    this.lastScope = 'document';
    const { tree: full, refusal } = parseTree(text);
    this.text = text;
    this.remember(full, text, refusal !== undefined);
    this.lines = new LineIndex(text);
    return modelFromTree(text, full, refusal, this.options, this.lines, this.timelineItems);
  }

  private remember(tree: Root, text: string, refused: boolean): void {
    this.chunks = [];
    // A '---' opening that is not a well-formed front matter changes how micromark reads the rest
    // of the document (seen in the equivalence tests), so such documents are always parsed whole.
    const brokenFrontMatter = /^---/.test(text) && tree.children[0]?.type !== 'yaml';
    this.hasDefinitions = refused || brokenFrontMatter || containsDefinition(tree);
    if (refused) return;
    let current: Chunk = { start: 0, end: text.length, nodes: [] };
    for (const node of tree.children) {
      // An ATX heading ends whatever came before it, so it is a safe boundary. A setext heading is
      // not: an edit that makes the line above it paragraph text pulls that line into the heading.
      if (isAtxHeading(node, text) && current.nodes.length > 0) {
        // From the start of the heading's line: an indented heading must keep its columns.
        const at = (node.position?.start.offset ?? 0) - ((node.position?.start.column ?? 1) - 1);
        current.end = at;
        this.chunks.push(current);
        current = { start: at, end: text.length, nodes: [] };
      }
      current.nodes.push(node);
    }
    this.chunks.push(current);
  }

  /** Re-parses one list item (see reparseListItem) and moves what follows it; false if that is not safe. */
  private tryListItem(
    chunk: Chunk,
    index: number,
    text: string,
    from: number,
    to: number,
    delta: number,
  ): boolean {
    const list = reparseListItem(chunk, text, this.text!, from, to, delta);
    if (list < 0) return false;
    this.moveAfter(chunk, index, list + 1, delta, 0, text);
    return true;
  }

  /**
   * After an edit in run `index` that moved what follows by `delta` characters and `lines` lines:
   * moves the run's nodes from `node` on, and the runs after it.
   */
  private moveAfter(
    chunk: Chunk,
    index: number,
    node: number,
    delta: number,
    lines: number,
    text: string,
  ): void {
    shiftPositions(chunk.nodes.slice(node), delta, lines);
    for (const later of this.chunks.slice(index + 1)) {
      shiftPositions(later.nodes, delta, lines);
      later.start += delta;
      later.end += delta;
    }
    chunk.end += delta;
    this.chunks[this.chunks.length - 1]!.end = text.length;
  }

  /**
   * An edit in the text of the ATX heading that starts a run re-parses that line alone: such a
   * heading is one line, ends whatever came before it and never continues onto the next line.
   */
  private tryHeadingLine(
    chunk: Chunk,
    index: number,
    text: string,
    lineEnd: number,
    depth: number,
    delta: number,
  ): boolean {
    const old = chunk.nodes[0];
    const part = parseTree(text.slice(chunk.start, lineEnd + delta));
    const fresh = part.tree.children[0];
    if (
      part.refusal ||
      part.tree.children.length !== 1 ||
      fresh?.type !== 'heading' ||
      fresh.depth !== depth ||
      !old?.position
    )
      return false;
    shiftPositions([fresh], chunk.start, old.position.start.line - 1);
    chunk.nodes[0] = fresh;
    this.moveAfter(chunk, index, 1, delta, 0, text);
    return true;
  }

  /**
   * Re-parses what an edit touched, updating the runs in place, and says what it re-parsed and
   * where the edit was (old [from, to) replaced by `inserted` characters); undefined, having
   * changed nothing, when only a full parse is safe.
   */
  private tryIncremental(
    text: string,
  ):
    | { scope: 'item' | 'heading' | 'run'; edit: { from: number; to: number; inserted: number } }
    | undefined {
    const old = this.text!;
    if (this.hasDefinitions || this.chunks.length < 2 || text.length > MAX_TEXT_CHARS)
      return undefined;
    const prefix = commonPrefix(old, text);
    const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - prefix);
    const edit = { from: prefix, to: old.length - suffix, inserted: text.length - suffix - prefix };
    const removed = old.slice(prefix, old.length - suffix);
    const inserted = text.slice(prefix, text.length - suffix);
    if (CROSSING.test(removed) || CROSSING.test(inserted)) return undefined;
    const index = this.chunks.findIndex((c) => c.start <= prefix && old.length - suffix < c.end);
    const chunk = this.chunks[index];
    if (!chunk) return undefined;
    const inLine = !/[\r\n]/.test(removed) && !/[\r\n]/.test(inserted);
    // The first line (a heading, or the front matter fence) and the line break that ends the chunk
    // decide where chunks meet; edits there need a full parse, but for the two cases below.
    const firstLineEnd = old.indexOf('\n', chunk.start);
    if (firstLineEnd < 0 || old.length - suffix >= chunk.end) return undefined;
    // The first run holds the front matter, whose fences change how everything after them parses:
    // only an edit between the fences of a run that is nothing but the front matter is taken.
    const first = chunk.nodes[0];
    const frontMatter = index === 0 && chunk.nodes.length === 1 && first?.type === 'yaml';
    if (index === 0 && !frontMatter) return undefined;
    if (frontMatter) {
      const closingLine = old.lastIndexOf('\n', (first.position?.end.offset ?? 0) - 1) + 1;
      if (prefix <= firstLineEnd || old.length - suffix >= closingLine) return undefined;
    }
    // An edit on one line of an ATX heading's text, after its #s, keeps it a heading of its level.
    let heading: number | undefined;
    if (!frontMatter && prefix <= firstLineEnd) {
      const marker = /^ {0,3}#{1,6}[ \t]+/.exec(old.slice(chunk.start, firstLineEnd));
      if (
        !inLine ||
        !marker ||
        first?.type !== 'heading' ||
        prefix < chunk.start + marker[0].length
      )
        return undefined;
      heading = first.depth;
    }
    const delta = text.length - old.length;
    if (
      inLine &&
      heading === undefined &&
      !frontMatter &&
      this.tryListItem(chunk, index, text, prefix, old.length - suffix, delta)
    ) {
      return { scope: 'item', edit };
    }
    if (
      heading !== undefined &&
      this.tryHeadingLine(chunk, index, text, firstLineEnd, heading, delta)
    ) {
      return { scope: 'heading', edit };
    }
    const chunkText = text.slice(chunk.start, chunk.end + delta);
    const part = parseTree(chunkText);
    if (part.refusal) return undefined;
    const head = part.tree.children[0];
    if (frontMatter && (part.tree.children.length !== 1 || head?.type !== 'yaml')) return undefined;
    if (heading !== undefined && (head?.type !== 'heading' || head.depth !== heading))
      return undefined;
    // The re-parsed run must still be one run: an ATX heading only at its start.
    if (part.tree.children.slice(1).some((n) => isAtxHeading(n, chunkText))) return undefined;
    // Anything left open (a fence, an HTML block, nested in a list or not) runs to the end of the
    // text it is given, so alone it would end elsewhere than in the whole document: parse whole.
    const last = part.tree.children[part.tree.children.length - 1];
    if (last && (last.position?.end.offset ?? 0) > chunkText.replace(/\s+$/, '').length)
      return undefined;
    // The run's first line is untouched, so its line number is still the one of its first node.
    const firstLine = (chunk.nodes[0]?.position?.start.line ?? 1) - 1;
    shiftPositions(part.tree.children, chunk.start, firstLine);
    // Counted over whole runs, which begin at a line start and end with a line break, so an edit
    // that splits a CRLF pair is counted right.
    const lineDelta = countLines(chunkText) - countLines(old.slice(chunk.start, chunk.end));
    chunk.nodes = part.tree.children;
    this.moveAfter(chunk, index, chunk.nodes.length, delta, lineDelta, text);
    return { scope: 'run', edit };
  }
}

/**
 * An edit within one line of an item of a top-level list, not touching its marker, re-parses that
 * item alone (typing in a 2,000-line timeline re-parses one entry, not its day). Only when the
 * result provably equals a full parse: the item re-parses as one item of the same kind and spread,
 * still starts with content, and still ends (or still does not end) in a paragraph, so the next
 * line cannot change from a new block into a lazy continuation. Returns the list's index in the
 * chunk, or -1, having changed nothing.
 */
function reparseListItem(
  chunk: Chunk,
  text: string,
  old: string,
  from: number,
  to: number,
  delta: number,
): number {
  const at = chunk.nodes.findIndex(
    (n) =>
      n.type === 'list' &&
      (n.position?.start.offset ?? 0) <= from &&
      to <= (n.position?.end.offset ?? 0),
  );
  const list = chunk.nodes[at];
  if (list?.type !== 'list') return -1;
  const i = list.children.findIndex(
    (item) => (item.position?.start.offset ?? 0) <= from && to <= (item.position?.end.offset ?? 0),
  );
  const item = list.children[i];
  const contentStart = item?.children[0]?.position?.start.offset;
  if (!item?.position || !list.position || contentStart === undefined || from < contentStart)
    return -1;
  // From the start of the item's first line to the end of its last line.
  const start = item.position.start.offset! - (item.position.start.column - 1);
  let end = item.position.end.offset!;
  while (end < old.length && old[end] !== '\n' && old[end] !== '\r') end++;
  if (to > end) return -1;
  const source = text.slice(start, end + delta);
  const part = parseTree(source);
  const reparsed = part.tree.children;
  const fresh = reparsed[0];
  if (
    part.refusal ||
    reparsed.length !== 1 ||
    fresh?.type !== 'list' ||
    fresh.children.length !== 1
  )
    return -1;
  const next = fresh.children[0]!;
  if (fresh.ordered !== list.ordered || next.spread !== item.spread || next.children.length === 0)
    return -1;
  if (
    next.children[0]?.position?.start.line !== 1 ||
    endsInParagraph(next) !== endsInParagraph(item)
  )
    return -1;
  if ((next.position?.end.offset ?? 0) < source.replace(/\s+$/, '').length) return -1;
  const listEndsWithItem =
    i === list.children.length - 1 && list.position.end.offset === item.position.end.offset;
  if (i === list.children.length - 1 && !listEndsWithItem) return -1;
  shiftPositions([next], start, item.position.start.line - 1);
  list.children[i] = next;
  shiftPositions(list.children.slice(i + 1), delta, 0);
  if (listEndsWithItem) list.position.end = { ...next.position!.end };
  else list.position.end = { ...list.position.end, offset: list.position.end.offset! + delta };
  return at;
}

/** Characters compared at once: native string comparison of blocks is several times faster than a loop. */
const BLOCK = 512;

function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let p = 0;
  while (p + BLOCK <= max && a.slice(p, p + BLOCK) === b.slice(p, p + BLOCK)) p += BLOCK;
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return p;
}

/** The length of the common end of a and b, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  let s = 0;
  while (
    s + BLOCK <= max &&
    a.slice(a.length - s - BLOCK, a.length - s) === b.slice(b.length - s - BLOCK, b.length - s)
  )
    s += BLOCK;
  while (s < max && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return s;
}
