import type { Heading, List, ListItem, Nodes, Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { columnRole, isDoneStatus, markOverdue, readTokens, type ActionItem } from './actions';
import { defaultConfig, type Config } from './config';
import { isIsoDate, parseDateTime, todayIso } from './dates';
import { stripBom } from './decode';
import { checkParsable, MAX_TEXT_CHARS, type Refusal } from './guard';
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
  /** The Markdown nodes under the heading. */
  children: RootContent[];
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

/** Parses the text of a postmortem into its model. Never throws on any input text. */
export function parsePostmortem(input: string, options: ParseOptions = {}): Postmortem {
  const text = stripBom(input);
  const { tree, refusal } = parseTree(text);
  return buildModel(text, tree, refusal, options);
}

/** Parses Markdown to mdast, or says why it did not. */
function parseTree(text: string): { tree: Root; refusal?: Refusal } {
  const refusal = checkParsable(text);
  if (refusal) return { tree: { type: 'root', children: [] }, refusal };
  try {
    return { tree: processor.parse(text) };
  } catch (e) {
    // A stack overflow on nesting the guard did not foresee; never let it reach the caller.
    return {
      tree: { type: 'root', children: [] },
      refusal: { message: `Document could not be parsed as Markdown (${(e as Error).message}); expected ordinary nesting of lists and quotes.`, line: 1, column: 1 },
    };
  }
}

/** Everything after the Markdown tree: front matter, sections, timeline, actions, metrics. */
function buildModel(text: string, tree: Root, refusal: Refusal | undefined, options: ParseOptions, lines = new LineIndex(text)): Postmortem {
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
  const { entries: timeline, days: timelineDays } = timelineSection ? readTimeline(timelineSection) : { entries: [], days: [] };
  placeEntries(timeline, meta.date ?? meta.started?.slice(0, 10), timelineDays);

  const actionSection = sections.find((s) => s.ids.includes('action-items'));
  const actions = actionSection ? readActions(actionSection, text) : [];
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
  /** How the last call parsed: for tests and benchmarks. */
  lastMode: 'full' | 'incremental' = 'full';

  constructor(private readonly options: ParseOptions = {}) {}

  parse(input: string): Postmortem {
    const text = stripBom(input);
    const children = this.text !== undefined ? this.tryIncremental(text) : undefined;
    if (children) {
      this.lastMode = 'incremental';
      this.text = text;
      const lines = new LineIndex(text);
      const tree: Root = { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: lines.position(text.length) } };
      return buildModel(text, tree, undefined, this.options, lines);
    }
    this.lastMode = 'full';
    const { tree: full, refusal } = parseTree(text);
    this.text = text;
    this.remember(full, text, refusal !== undefined);
    return buildModel(text, full, refusal, this.options);
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
      // Every top-level heading ends what came before it, so any of them is a safe boundary.
      if (node.type === 'heading' && current.nodes.length > 0) {
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

  private tryIncremental(text: string): RootContent[] | undefined {
    const old = this.text!;
    if (this.hasDefinitions || this.chunks.length < 2 || text.length > MAX_TEXT_CHARS) return undefined;
    let prefix = 0;
    const max = Math.min(old.length, text.length);
    while (prefix < max && old.charCodeAt(prefix) === text.charCodeAt(prefix)) prefix++;
    let suffix = 0;
    while (suffix < max - prefix && old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) suffix++;
    const removed = old.slice(prefix, old.length - suffix);
    const inserted = text.slice(prefix, text.length - suffix);
    if (CROSSING.test(removed) || CROSSING.test(inserted)) return undefined;
    const index = this.chunks.findIndex((c) => c.start <= prefix && old.length - suffix < c.end);
    // The first run holds the front matter, whose fences change how everything after them parses.
    if (index <= 0) return undefined;
    const chunk = this.chunks[index]!;
    // The first line (a heading, or the front matter fence) and the line break that ends the chunk
    // decide where chunks meet; edits there need a full parse.
    const firstLineEnd = old.indexOf('\n', chunk.start);
    if (firstLineEnd < 0 || prefix <= firstLineEnd || old.length - suffix >= chunk.end) return undefined;
    const delta = text.length - old.length;
    const chunkText = text.slice(chunk.start, chunk.end + delta);
    const part = parseTree(chunkText);
    if (part.refusal) return undefined;
    // The re-parsed run must still be one run: a heading only at its start.
    if (part.tree.children.slice(1).some((n) => n.type === 'heading')) return undefined;
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
    for (const later of this.chunks.slice(index + 1)) {
      shiftPositions(later.nodes, delta, lineDelta);
      later.start += delta;
      later.end += delta;
    }
    chunk.nodes = part.tree.children;
    chunk.end += delta;
    if (this.chunks.length) this.chunks[this.chunks.length - 1]!.end = text.length;
    return this.chunks.flatMap((c) => c.nodes);
  }
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
      p.start = { line: p.start.line + lines, column: p.start.column, offset: (p.start.offset ?? 0) + offset };
      p.end = { line: p.end.line + lines, column: p.end.column, offset: (p.end.offset ?? 0) + offset };
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
        };
        sections.push(current);
      }
      continue;
    }
    current?.children.push(node);
  }
  return sections;
}

function readTimeline(section: Section): { entries: TimelineEntry[]; days: { offset: number; date: string }[] } {
  const entries: TimelineEntry[] = [];
  const days: { offset: number; date: string }[] = [];
  for (const node of section.children) {
    if (node.type === 'heading') {
      const t = parseEntryTime(toString(node));
      if (t?.date) days.push({ offset: node.position?.start.offset ?? 0, date: t.date });
    } else if (node.type === 'list') {
      for (const item of node.children) {
        const text = itemText(item);
        if (!text) continue;
        const start = item.children[0]?.position?.start.offset ?? item.position?.start.offset ?? 0;
        entries.push({ text, time: parseEntryTime(text), start, end: itemFirstLineEnd(item) });
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

function readActions(section: Section, text: string): ActionItem[] {
  const items: ActionItem[] = [];
  const visitList = (list: List) => {
    for (const item of list.children) {
      const body = itemText(item);
      if (!body) continue;
      const start = item.position?.start.offset ?? 0;
      const end = itemFirstLineEnd(item);
      const tokens = readTokens(body);
      const action: ActionItem = { text: body, ...tokens, done: item.checked === true, overdue: false, source: item.checked === null || item.checked === undefined ? 'list' : 'task', start, end };
      if (action.source === 'task') {
        const box = /^[ \t]*(?:[-*+]|\d+[.)])[ \t]+\[([ xX])\]/.exec(text.slice(start, end));
        if (box) {
          const at = start + box[0].length - 2;
          action.toggle = { start: at, end: at + 1, doneText: 'x', openText: ' ' };
        }
      }
      items.push(action);
    }
  };
  for (const node of section.children) {
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

