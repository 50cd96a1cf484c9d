import type { Heading, List, ListItem, Nodes, Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { isComment, isPlainInline, scanBlocks, simpleActions, simpleTimeline, type ScannedHeading } from './blocks';
import { columnRole, isDoneStatus, listAction, markOverdue, readTokens, type ActionItem } from './actions';
import { defaultConfig, type Config } from './config';
import { isIsoDate, parseDateTime, todayIso } from './dates';
import { stripBom } from './decode';
import { budgetInline, checkParsable, MAX_TEXT_CHARS, restoreRefused, type Refusal } from './guard';
import { readFrontMatter, toMeta, type FrontMatterBlock, type Meta } from './frontmatter';
import { remarkPostmortemGfm } from './markdown';
import { normalizeHeading } from './sections';
import { ACTION_KINDS, type ActionKind } from './taxonomy';
import { LineIndex } from './text';
import { parseEntryTime, placeEntries, type TimelineEntry } from './timeline';

/** A level-2 section. */
export interface Section {
  /** The heading text as written. */
  heading: string;
  /** Canonical section ids this heading stands for (empty for a section Hindsight does not know). */
  ids: string[];
  /** Offsets: heading start, heading end, section end (the next level-1/2 heading or the end). */
  start: number;
  headingEnd: number;
  end: number;
  /** The Markdown nodes under the heading (parsed when first read, for a postmortem read by lines). */
  children: RootContent[];
  /** Whether it holds more than sub-headings and template prompts (HTML comments). */
  hasContent: boolean;
}

/** Incident metrics from the front-matter times, in minutes. */
export interface Metrics {
  timeToDetect?: number;
  timeToMitigate?: number;
  duration?: number;
}

/** The typed model of one postmortem. */
export interface Postmortem {
  text: string;
  lines: LineIndex;
  /** The Markdown tree (parsed when first read, for a postmortem read by lines). */
  tree: Root;
  frontMatter?: FrontMatterBlock;
  meta: Meta;
  /** The front-matter title, else the first level-1 heading. */
  title?: string;
  sections: Section[];
  timeline: TimelineEntry[];
  /** Day headings inside the Timeline section. */
  timelineDays: { offset: number; date: string }[];
  actions: ActionItem[];
  metrics: Metrics;
  /** Set when the text was not parsed as Markdown (too large, nested too deep, or the parser failed). */
  refusal?: Refusal;
}

export interface ParseOptions {
  config?: Config;
  /** YYYY-MM-DD against which action items are overdue; defaults to today in UTC. */
  today?: string;
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkPostmortemGfm).freeze();

/**
 * Parses the text of a postmortem into its model. Never throws on any input text.
 *
 * Most postmortems are read by lines (readByLines): their Markdown tree is parsed only when `tree`
 * or a section's `children` is first read, so linting a library costs little more than its YAML.
 */
export function parsePostmortem(input: string, options: ParseOptions = {}): Postmortem {
  const text = stripBom(input);
  const lines = new LineIndex(text);
  return readByLines(text, lines, options, true) ?? parseWhole(text, options, lines);
}

/** The model from parsing the whole text (without a BOM) as Markdown first: what readByLines is held to. */
export function parseWhole(text: string, options: ParseOptions = {}, lines = new LineIndex(text)): Postmortem {
  const { tree, refusal } = parseTree(text);
  return buildModel(text, tree, refusal, options, lines);
}

/**
 * The model read from a line scan (scanBlocks) instead of the Markdown tree: headings, sections and
 * front matter by lines, Timeline and Action Items by lines when they are simple lists and by
 * parsing that section alone otherwise; the tree is parsed when first asked for. Undefined when a
 * line scan cannot be sure of the structure. The equivalence property in test/by-lines.test.ts
 * holds it to buildModel over the full parse. `timeline: false` skips the timeline (the outline).
 */
export function readByLines(text: string, lines: LineIndex, options: ParseOptions, timeline: boolean): Postmortem | undefined {
  // A link reference definition anywhere changes how text everywhere reads; so does a refusal.
  if (text.includes(']:') || checkParsable(text)) return undefined;
  const scan = scanBlocks(text, lines);
  if (!scan) return undefined;
  const config = options.config ?? defaultConfig;
  const fm = scan.frontMatter;
  const frontMatter = fm && readFrontMatter(text.slice(fm.contentStart, fm.contentEnd), 0, fm.end, fm.contentStart);
  const meta = toMeta(frontMatter?.data);

  let tree: Root | undefined;
  const fullTree = () => (tree ??= parseTree(text).tree);
  let parsedSections: Section[] | undefined;
  const sections: Section[] = [];
  let h1: ScannedHeading | undefined;
  let open: Section | undefined;
  for (const h of scan.headings) {
    if (h.depth > 2) {
      if (open && h.contentAfter) open.hasContent = true;
      continue;
    }
    // A level-1 or level-2 heading ends the section before it.
    if (open) open.end = h.start;
    open = undefined;
    if (h.depth === 1) {
      h1 ??= h;
      continue;
    }
    const heading = headingText(text, h);
    const index = sections.length;
    open = {
      heading,
      ids: config.headingIndex.get(normalizeHeading(heading)) ?? [],
      start: h.start,
      headingEnd: h.end,
      end: text.length,
      hasContent: h.contentAfter,
      get children() {
        return (parsedSections ??= splitSections(fullTree(), text, config))[index]?.children ?? [];
      },
    };
    sections.push(open);
  }
  const title = meta.title?.trim() || (h1 ? headingText(text, h1) : undefined);

  const timelineSection = timeline ? sections.find((s) => s.ids.includes('timeline')) : undefined;
  const { entries, days } = timelineSection ? (simpleTimeline(text, timelineSection.start, timelineSection.end) ?? readTimeline(parseSection(text, lines, timelineSection))) : { entries: [], days: [] };
  placeEntries(entries, meta.date ?? meta.started?.slice(0, 10), days);

  const actionSection = sections.find((s) => s.ids.includes('action-items'));
  const actions = actionSection ? (simpleActions(text, actionSection.start, actionSection.end) ?? readActions(parseSection(text, lines, actionSection), text)) : [];
  markOverdue(actions, options.today ?? todayIso());

  return {
    text,
    lines,
    get tree() {
      return fullTree();
    },
    frontMatter,
    meta,
    title,
    sections,
    timeline: entries,
    timelineDays: days,
    actions,
    metrics: computeMetrics(meta),
  };
}

/** A heading's text as the parser reads it: as written when plain, else from parsing its line alone. */
function headingText(text: string, h: ScannedHeading): string {
  if (isPlainInline(h.raw)) return h.raw;
  const node = parseTree(text.slice(h.start, h.end)).tree.children[0];
  return node ? toString(node).trim() : h.raw;
}

/** The nodes under a section's heading, from parsing the section's text alone, at their places in the document. */
function parseSection(text: string, lines: LineIndex, section: Section): RootContent[] {
  const nodes = parseTree(text.slice(section.start, section.end)).tree.children.slice(1);
  shiftPositions(nodes, section.start, lines.position(section.start).line - 1);
  return nodes;
}

/** Parses Markdown to mdast, or says why it did not. */
function parseTree(text: string): { tree: Root; refusal?: Refusal } {
  const refusal = checkParsable(text);
  if (refusal) return { tree: { type: 'root', children: [] }, refusal };
  const budget = budgetInline(text);
  try {
    const tree = processor.parse(budget.text);
    restoreRefused(tree, text, budget.refused);
    return { tree };
  } catch (e) {
    // A stack overflow on nesting the guard did not foresee; never let it reach the caller.
    return {
      tree: { type: 'root', children: [] },
      refusal: { message: `Document could not be parsed as Markdown (${(e as Error).message}); expected ordinary nesting of lists and quotes.`, line: 1, column: 1 },
    };
  }
}

/** Everything after the Markdown tree: front matter, sections, timeline, actions, metrics. */
function buildModel(text: string, tree: Root, refusal: Refusal | undefined, options: ParseOptions, lines = new LineIndex(text), timelineItems?: TimelineItemCache): Postmortem {
  const config = options.config ?? defaultConfig;

  let frontMatter: FrontMatterBlock | undefined;
  const first = tree.children[0];
  if (first?.type === 'yaml' && first.position?.start.offset === 0) {
    const start = 0;
    const end = first.position.end.offset ?? 0;
    const open = /^---[ \t]*(\r\n|\r|\n)/.exec(text);
    const contentStart = open ? open[0].length : 3;
    const closeLine = lines.position(end).line;
    const contentEnd = Math.max(contentStart, lines.lineStart(closeLine));
    frontMatter = readFrontMatter(text.slice(contentStart, contentEnd), start, end, contentStart);
  }
  const meta = toMeta(frontMatter?.data);

  const sections = splitSections(tree, text, config);
  const h1 = tree.children.find((n): n is Heading => n.type === 'heading' && n.depth === 1);
  const title = meta.title?.trim() || (h1 ? toString(h1).trim() : undefined);

  const timelineSection = sections.find((s) => s.ids.includes('timeline'));
  const { entries: timeline, days: timelineDays } = timelineSection ? readTimeline(timelineSection.children, timelineItems) : { entries: [], days: [] };
  placeEntries(timeline, meta.date ?? meta.started?.slice(0, 10), timelineDays);

  const actionSection = sections.find((s) => s.ids.includes('action-items'));
  const actions = actionSection ? readActions(actionSection.children, text) : [];
  markOverdue(actions, options.today ?? todayIso());

  return { text, lines, tree, frontMatter, meta, title, sections, timeline, timelineDays, actions, metrics: computeMetrics(meta), refusal };
}

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
      const tree: Root = { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: lines.position(text.length) } };
      return buildModel(text, tree, undefined, this.options, lines, this.timelineItems);
    }
    this.lastScope = 'document';
    const { tree: full, refusal } = parseTree(text);
    this.text = text;
    this.remember(full, text, refusal !== undefined);
    this.lines = new LineIndex(text);
    return buildModel(text, full, refusal, this.options, this.lines, this.timelineItems);
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
  private tryListItem(chunk: Chunk, index: number, text: string, from: number, to: number, delta: number): boolean {
    const list = reparseListItem(chunk, text, this.text!, from, to, delta);
    if (list < 0) return false;
    this.moveAfter(chunk, index, list + 1, delta, 0, text);
    return true;
  }

  /**
   * After an edit in run `index` that moved what follows by `delta` characters and `lines` lines:
   * moves the run's nodes from `node` on, and the runs after it.
   */
  private moveAfter(chunk: Chunk, index: number, node: number, delta: number, lines: number, text: string): void {
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
  private tryHeadingLine(chunk: Chunk, index: number, text: string, lineEnd: number, depth: number, delta: number): boolean {
    const old = chunk.nodes[0];
    const part = parseTree(text.slice(chunk.start, lineEnd + delta));
    const fresh = part.tree.children[0];
    if (part.refusal || part.tree.children.length !== 1 || fresh?.type !== 'heading' || fresh.depth !== depth || !old?.position) return false;
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
  private tryIncremental(text: string): { scope: 'item' | 'heading' | 'run'; edit: { from: number; to: number; inserted: number } } | undefined {
    const old = this.text!;
    if (this.hasDefinitions || this.chunks.length < 2 || text.length > MAX_TEXT_CHARS) return undefined;
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
      if (!inLine || !marker || first?.type !== 'heading' || prefix < chunk.start + marker[0].length) return undefined;
      heading = first.depth;
    }
    const delta = text.length - old.length;
    if (inLine && heading === undefined && !frontMatter && this.tryListItem(chunk, index, text, prefix, old.length - suffix, delta)) {
      return { scope: 'item', edit };
    }
    if (heading !== undefined && this.tryHeadingLine(chunk, index, text, firstLineEnd, heading, delta)) {
      return { scope: 'heading', edit };
    }
    const chunkText = text.slice(chunk.start, chunk.end + delta);
    const part = parseTree(chunkText);
    if (part.refusal) return undefined;
    const head = part.tree.children[0];
    if (frontMatter && (part.tree.children.length !== 1 || head?.type !== 'yaml')) return undefined;
    if (heading !== undefined && (head?.type !== 'heading' || head.depth !== heading)) return undefined;
    // The re-parsed run must still be one run: an ATX heading only at its start.
    if (part.tree.children.slice(1).some((n) => isAtxHeading(n, chunkText))) return undefined;
    // Anything left open (a fence, an HTML block, nested in a list or not) runs to the end of the
    // text it is given, so alone it would end elsewhere than in the whole document: parse whole.
    const last = part.tree.children[part.tree.children.length - 1];
    if (last && (last.position?.end.offset ?? 0) > chunkText.replace(/\s+$/, '').length) return undefined;
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
function reparseListItem(chunk: Chunk, text: string, old: string, from: number, to: number, delta: number): number {
  const at = chunk.nodes.findIndex((n) => n.type === 'list' && (n.position?.start.offset ?? 0) <= from && to <= (n.position?.end.offset ?? 0));
  const list = chunk.nodes[at];
  if (list?.type !== 'list') return -1;
  const i = list.children.findIndex((item) => (item.position?.start.offset ?? 0) <= from && to <= (item.position?.end.offset ?? 0));
  const item = list.children[i];
  const contentStart = item?.children[0]?.position?.start.offset;
  if (!item?.position || !list.position || contentStart === undefined || from < contentStart) return -1;
  // From the start of the item's first line to the end of its last line.
  const start = item.position.start.offset! - (item.position.start.column - 1);
  let end = item.position.end.offset!;
  while (end < old.length && old[end] !== '\n' && old[end] !== '\r') end++;
  if (to > end) return -1;
  const source = text.slice(start, end + delta);
  const part = parseTree(source);
  const reparsed = part.tree.children;
  const fresh = reparsed[0];
  if (part.refusal || reparsed.length !== 1 || fresh?.type !== 'list' || fresh.children.length !== 1) return -1;
  const next = fresh.children[0]!;
  if (fresh.ordered !== list.ordered || next.spread !== item.spread || next.children.length === 0) return -1;
  if (next.children[0]?.position?.start.line !== 1 || endsInParagraph(next) !== endsInParagraph(item)) return -1;
  if ((next.position?.end.offset ?? 0) < source.replace(/\s+$/, '').length) return -1;
  const listEndsWithItem = i === list.children.length - 1 && list.position.end.offset === item.position.end.offset;
  if (i === list.children.length - 1 && !listEndsWithItem) return -1;
  shiftPositions([next], start, item.position.start.line - 1);
  list.children[i] = next;
  shiftPositions(list.children.slice(i + 1), delta, 0);
  if (listEndsWithItem) list.position.end = { ...next.position!.end };
  else list.position.end = { ...list.position.end, offset: list.position.end.offset! + delta };
  return at;
}

/** Whether a node is a heading written with #s (the only kind that starts on a line of its own). */
function isAtxHeading(node: Nodes, text: string): boolean {
  if (node.type !== 'heading') return false;
  const start = node.position?.start.offset ?? 0;
  return /^ {0,3}#{1,6}(?:[ \t\r\n]|$)/.test(text.slice(start - ((node.position?.start.column ?? 1) - 1), start + 8));
}

/** Whether the last block a node ends with is a paragraph (the only block a next line can continue lazily). */
function endsInParagraph(node: Nodes): boolean {
  let current: Nodes | undefined = node;
  while (current && 'children' in current && current.type !== 'paragraph') {
    const children: Nodes[] = current.children as Nodes[];
    current = children[children.length - 1];
  }
  return current?.type === 'paragraph';
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
  while (s + BLOCK <= max && a.slice(a.length - s - BLOCK, a.length - s) === b.slice(b.length - s - BLOCK, b.length - s)) s += BLOCK;
  while (s < max && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return s;
}

/** Line breaks in a text, counted as LineIndex counts them (CRLF, LF, lone CR). */
function countLines(s: string): number {
  return new LineIndex(s).lineCount - 1;
}

/** Moves every position in the given trees by `offset` characters and `lines` lines. */
function shiftPositions(nodes: readonly Nodes[], offset: number, lines: number): void {
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

function containsDefinition(tree: Root): boolean {
  const stack: Nodes[] = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'definition' || node.type === 'linkReference' || node.type === 'imageReference' || node.type === 'footnoteDefinition') return true;
    if ('children' in node) for (const child of node.children) stack.push(child as Nodes);
  }
  return false;
}

function splitSections(tree: Root, text: string, config: Config): Section[] {
  const sections: Section[] = [];
  let current: Section | undefined;
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth <= 2) {
      const start = node.position?.start.offset ?? 0;
      if (current) current.end = start;
      current = undefined;
      if (node.depth === 2) {
        const heading = toString(node).trim();
        current = {
          heading,
          ids: config.headingIndex.get(normalizeHeading(heading)) ?? [],
          start,
          headingEnd: node.position?.end.offset ?? start,
          end: text.length,
          children: [],
          hasContent: false,
        };
        sections.push(current);
      }
      continue;
    }
    current?.children.push(node);
  }
  for (const section of sections) section.hasContent = section.children.some((n) => n.type !== 'heading' && !(n.type === 'html' && isComment(n.value)));
  return sections;
}

/**
 * Timeline items already read, by node. The incremental parser keeps one: it keeps the nodes of
 * unedited runs, so a 1,700-entry timeline is not read again on every keystroke. Only the text is
 * kept; offsets are read from the nodes' current positions.
 */
type TimelineItemCache = WeakMap<ListItem, { text: string; time: ReturnType<typeof parseEntryTime> }>;

function readTimeline(children: RootContent[], readItems?: TimelineItemCache): { entries: TimelineEntry[]; days: { offset: number; date: string }[] } {
  const entries: TimelineEntry[] = [];
  const days: { offset: number; date: string }[] = [];
  for (const node of children) {
    if (node.type === 'heading') {
      const t = parseEntryTime(toString(node));
      if (t?.date) days.push({ offset: node.position?.start.offset ?? 0, date: t.date });
    } else if (node.type === 'list') {
      for (const item of node.children) {
        let read = readItems?.get(item);
        if (!read) {
          const text = itemText(item);
          read = { text, time: text ? parseEntryTime(text) : undefined };
          readItems?.set(item, read);
        }
        if (!read.text) continue;
        const start = item.children[0]?.position?.start.offset ?? item.position?.start.offset ?? 0;
        entries.push({ text: read.text, time: read.time, start, end: itemFirstLineEnd(item) });
      }
    } else if (node.type === 'table') {
      const header = node.children[0]?.children.map((c) => toString(c).toLowerCase().trim()) ?? [];
      let col = header.findIndex((h) => /^(time|when|timestamp|date|date\/time|time \(\w+\))$/.test(h));
      if (col < 0) col = 0;
      for (const row of node.children.slice(1)) {
        const cell = row.children[col];
        const text = row.children.map((c) => toString(c).trim()).filter(Boolean).join(' — ');
        if (!cell || !text) continue;
        const cellText = toString(cell).trim();
        entries.push({
          text,
          time: parseEntryTime(cellText),
          start: cell.children[0]?.position?.start.offset ?? cell.position?.start.offset ?? row.position?.start.offset ?? 0,
          end: row.position?.end.offset ?? 0,
        });
      }
    }
  }
  return { entries, days };
}

/** The text of a list item's first paragraph (nested lists are details, not entries). */
function itemText(item: ListItem): string {
  const first = item.children[0];
  return first && first.type !== 'list' ? toString(first).trim() : '';
}

function itemFirstLineEnd(item: ListItem): number {
  const first = item.children[0];
  return first?.position?.end.offset ?? item.position?.end.offset ?? 0;
}

function readActions(children: RootContent[], text: string): ActionItem[] {
  const items: ActionItem[] = [];
  const visitList = (list: List) => {
    for (const item of list.children) {
      const body = itemText(item);
      if (!body) continue;
      items.push(listAction(text, body, item.checked, item.position?.start.offset ?? 0, itemFirstLineEnd(item)));
    }
  };
  for (const node of children) {
    if (node.type === 'list') visitList(node);
    else if (node.type === 'table') items.push(...readActionTable(node));
  }
  return items;
}

function readActionTable(table: Table): ActionItem[] {
  const header = table.children[0]?.children.map((c) => columnRole(toString(c))) ?? [];
  const col = (role: string) => header.indexOf(role as never);
  const actionCol = col('action') >= 0 ? col('action') : 0;
  const items: ActionItem[] = [];
  for (const row of table.children.slice(1)) {
    const cells = row.children.map((c) => toString(c).trim());
    const body = cells[actionCol] ?? '';
    if (!cells.some(Boolean)) continue;
    const tokens = readTokens(cells.join(' '));
    tokens.title = readTokens(body).title;
    const ownerCell = col('owner') >= 0 ? cells[col('owner')] : undefined;
    if (ownerCell) tokens.owner = ownerCell.replace(/^@/, '').split(/[\s,]+/)[0] || tokens.owner;
    const dueCell = col('due') >= 0 ? cells[col('due')] : undefined;
    if (dueCell) {
      tokens.dueRaw = dueCell.replace(/^due:\s*/i, '');
      tokens.due = isIsoDate(tokens.dueRaw) ? tokens.dueRaw : undefined;
    }
    const kindCell = col('kind') >= 0 ? cells[col('kind')]?.replace(/^#/, '').toLowerCase() : undefined;
    if (kindCell && (ACTION_KINDS as readonly string[]).includes(kindCell)) tokens.kind = kindCell as ActionKind;
    const trackerCell = col('tracker') >= 0 ? cells[col('tracker')] : undefined;
    if (trackerCell) tokens.tracker = trackerCell;
    const statusIndex = col('status');
    const statusNode = statusIndex >= 0 ? row.children[statusIndex] : undefined;
    const done = statusNode ? isDoneStatus(cells[statusIndex] ?? '') : false;
    const start = row.position?.start.offset ?? 0;
    const item: ActionItem = { text: body, ...tokens, done, overdue: false, source: 'table', start, end: row.position?.end.offset ?? start };
    if (statusNode?.position) {
      const s = statusNode.position.start.offset ?? 0;
      const e = statusNode.position.end.offset ?? s;
      const inner = cellInnerRange(s, e, statusNode);
      item.toggle = { start: inner.start, end: inner.end, doneText: 'Done', openText: 'Open' };
    }
    items.push(item);
  }
  return items;
}

/** The range of a table cell's content without its padding (empty cells give an empty range). */
function cellInnerRange(start: number, end: number, cell: { children: { position?: { start: { offset?: number }; end: { offset?: number } } }[] }) {
  const first = cell.children[0]?.position?.start.offset;
  const last = cell.children[cell.children.length - 1]?.position?.end.offset;
  if (first !== undefined && last !== undefined) return { start: first, end: last };
  return { start, end };
}

function computeMetrics(meta: Meta): Metrics {
  const started = meta.started ? parseDateTime(meta.started) : undefined;
  const at = (v: string | undefined) => (v ? parseDateTime(v) : undefined);
  const minutes = (t: number | undefined) => (started !== undefined && t !== undefined && t >= started ? (t - started) / 60_000 : undefined);
  return {
    timeToDetect: minutes(at(meta.detected)),
    timeToMitigate: minutes(at(meta.mitigated)),
    duration: minutes(at(meta.resolved)),
  };
}

