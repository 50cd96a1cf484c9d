import type { List, ListItem, Paragraph, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import {
  columnRole,
  dueDate,
  groupState,
  hasDoneMark,
  isCancelledStatus,
  isCancelledText,
  isDoneStatus,
  isDuePeriod,
  isGroupLabel,
  hasStateMark,
  isDoneNote,
  isItemDetail,
  isNoDate,
  listAction,
  readTokens,
  type ActionItem,
  type GroupState,
} from '../actions';
import { ACTION_KINDS, type ActionKind } from '../taxonomy';
import { readSimpleItems } from './line-scan';
import { itemFirstLineEnd, itemText } from './timeline-section';

/** A label of a word or three ("Scheduling", "Detection", "Data safety") or a service's name ("quotad"): a group's name, not a step. */
const BARE_LABEL = /^\p{Lu}[\p{L}'-]*(?:\s+[\p{L}'&-]+){0,2}$|^\p{Ll}[\p{L}\p{N}_.-]*$/u;

/**
 * Whether a short label heads the items nested under it: each nested item is a step of its own
 * (not an "Owner:" detail) and one of them at least names who does it, when, or its state ("- Scheduling"
 * over "- Move the jobs to UTC — Payments Core", "- Detection" over "- Alert on paid flags — Shipped"). A short item with a note under it stays an item.
 */
function headsItems(body: string, nested: List): boolean {
  if (body.length > 40 || !BARE_LABEL.test(body)) return false;
  const texts = nested.children.map((c) => itemText(c));
  return (
    texts.length > 0 &&
    texts.every((t) => t !== '' && !isItemDetail(t)) &&
    texts.some((t) => {
      const tokens = readTokens(t);
      return tokens.owner !== undefined || tokens.dueRaw !== undefined || hasStateMark(t);
    })
  );
}

/**
 * The action items of an Action Items section's nodes, as teams write them: list items (task,
 * plain or numbered; items nested under a label such as "Short-term:" or "Completed" are items,
 * other nested lists are details) and table rows. A sub-heading or a label line ("### Completed",
 * "**Long-term (done)**") says the state of the items under it.
 */
export function readActionNodes(children: readonly RootContent[], text: string): ActionItem[] {
  const items: ActionItem[] = [];
  let group: GroupState;
  const visitList = (list: List, state: GroupState) => {
    for (const item of list.children) {
      const body = itemText(item);
      const nested = item.children.find((c): c is List => c.type === 'list');
      if (nested && (!body || isGroupLabel(body) || headsItems(body, nested))) {
        visitList(nested, groupState(body) ?? state);
        continue;
      }
      if (!body) continue;
      const notes = nested?.children.map((c) => itemText(c));
      // A note that says the item was done counts when every nested line is such a field or note
      // ("owner: @dm", "due: 2024-09-20", "✅ merged"): otherwise the lines may be steps of their own.
      const allDetails = notes?.every((t) => isItemDetail(t) || isDoneNote(t));
      const details = notes?.filter((t) => isItemDetail(t) || (allDetails && isDoneNote(t)));
      items.push(
        listAction(
          text,
          body,
          item.checked,
          item.position?.start.offset ?? 0,
          itemFirstLineEnd(item),
          { struck: isStruck(item), group: state, details, trailer: trailingEmphasis(item) },
        ),
      );
    }
  };
  for (const node of children) {
    if (node.type === 'heading') group = groupState(toString(node));
    else if (node.type === 'paragraph' && NUMBERED_PARAGRAPH.test(toString(node)))
      items.push(...paragraphActions(node, text, group));
    else if (node.type === 'paragraph' && isGroupLabel(toString(node)))
      group = groupState(toString(node));
    else if (node.type === 'list') visitList(node, group);
    else if (node.type === 'table') items.push(...readActionTable(node, group));
  }
  return items;
}

/**
 * A paragraph numbered as a report numbers its points ("4.1 Convert the jobs to UTC. *Owner: …*",
 * "a) Add value checks.", "(b) …", "R1. Replace the batteries."): an item without list markup.
 */
const NUMBERED_PARAGRAPH =
  /^(?:\d{1,2}(?:\.\d{1,2})+\.?|[a-z]\)|\([a-z]\)|[A-Z]{1,3}\d{1,2}[.):])[ \t]+\S/;

/** Whether a paragraph's text opens with a point's number (see NUMBERED_PARAGRAPH). */
export function isNumberedParagraph(text: string): boolean {
  return NUMBERED_PARAGRAPH.test(text);
}

/** The items of a numbered paragraph: one, or one per line that starts with a number of the same kind ("R1. …" "R2. …" in one block). */
function paragraphActions(node: Paragraph, text: string, group: GroupState): ActionItem[] {
  const plain = toString(node).split('\n');
  const from = node.position?.start.offset ?? 0;
  const source = text.slice(from, node.position?.end.offset ?? from).split(/\r?\n|\r/);
  if (plain.filter((l) => NUMBERED_PARAGRAPH.test(l.trim())).length < 2) {
    return [paragraphAction(node, text, group)];
  }
  // Where each line starts, when the parser's lines match the source's one to one.
  const starts: number[] = [];
  let at = from;
  for (const raw of source) {
    starts.push(at + (raw.length - raw.trimStart().length));
    at +=
      raw.length + (text[at + raw.length] === '\r' && text[at + raw.length + 1] === '\n' ? 2 : 1);
  }
  const items: ActionItem[] = [];
  let chunk: string[] = [];
  let chunkStart = from;
  let chunkEnd = from;
  const flush = () => {
    const body = chunk.join(' ').replace(NUMBER_PREFIX, '').replace(/\s+/g, ' ').trim();
    if (body) items.push(listAction(text, body, undefined, chunkStart, chunkEnd, { group }));
    chunk = [];
  };
  plain.forEach((line, i) => {
    const lineStart = plain.length === source.length ? starts[i]! : from;
    if (NUMBERED_PARAGRAPH.test(line.trim()) && chunk.length) flush();
    if (!chunk.length) chunkStart = lineStart;
    chunk.push(line.trim());
    chunkEnd = lineStart + line.trim().length;
  });
  flush();
  return items;
}

function paragraphAction(node: Paragraph, text: string, group: GroupState): ActionItem {
  const start = node.position?.start.offset ?? 0;
  const flat = (t: string) => t.replace(NUMBER_PREFIX, '').replace(/\s+/g, ' ').trim();
  const body = flat(toString(node));
  const action = listAction(text, body, undefined, start, node.position?.end.offset ?? start, {
    group,
  });
  // The fields in italics after the point ("*Owner: … Target: … Status: …*") are not its title.
  const last = node.children[node.children.length - 1];
  if (node.children.length > 1 && last?.type === 'emphasis') {
    const before = flat(toString({ ...node, children: node.children.slice(0, -1) }));
    if (before) action.title = readTokens(before).title;
  }
  return action;
}

const NUMBER_PREFIX =
  /^(?:\d{1,2}(?:\.\d{1,2})+\.?|[a-z]\)|\([a-z]\)|[A-Z]{1,3}\d{1,2}[.):])[ \t]+/;

/** The text of an emphasis that ends a list item's first paragraph ("Add a dry run *Ana Lopes, 12 Sep*"). */
function trailingEmphasis(item: ListItem): string | undefined {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return undefined;
  const kids = first.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  const last = kids[kids.length - 1];
  return kids.length > 1 && last?.type === 'emphasis' ? toString(last).trim() : undefined;
}

/** Whether a list item's text is struck through (~~like this~~): done, in many teams' lists. */
function isStruck(item: ListItem): boolean {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return false;
  const kids = first.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  return kids.length > 0 && kids[0]!.type === 'delete';
}

/** The action items of an Action Items section (from its heading's start) read line by line, or undefined (see readSimpleItems). */
export function readActionLines(
  text: string,
  start: number,
  end: number,
): ActionItem[] | undefined {
  let group: GroupState;
  const marks: { at: number; state: GroupState }[] = [];
  const items = readSimpleItems(text, start, end, (h) =>
    marks.push({ at: h.start, state: groupState(h.raw) }),
  );
  return items?.map((item) => {
    while (marks.length && marks[0]!.at < item.start) group = marks.shift()!.state;
    return listAction(text, item.body, item.checked, item.start, item.end, { group });
  });
}

function readActionTable(table: Table, group: GroupState): ActionItem[] {
  const headerCells = table.children[0]?.children ?? [];
  // A table without a header row (an empty one, see readWikiBlocks): its columns by what they hold.
  const header =
    headerCells.length && headerCells.every((c) => !toString(c).trim())
      ? guessedRoles(table.children.slice(1).map((r) => r.children.map((c) => toString(c).trim())))
      : headerCells.map((c) => columnRole(toString(c)));
  const col = (role: string) => header.indexOf(role as never);
  // Only a table whose header looks like an action table holds items: a table of figures
  // ("Measure | Value") under the action heading is not a list of things to do.
  if (!header.some((role) => role !== undefined && role !== 'kind')) return [];
  // Without an action column the first column holds the item, unless it only numbers the rows ("No.", "#").
  const numbered = /^\s*(?:#|no\.?|nr\.?|id|n°)?\s*$/i.test(
    toString(table.children[0]?.children[0] ?? { type: 'text', value: 'x' }),
  );
  const actionCol = col('action') >= 0 ? col('action') : numbered && header.length > 1 ? 1 : 0;
  const items: ActionItem[] = [];
  for (const row of table.children.slice(1)) {
    const cells = row.children.map((c) => toString(c).trim());
    const body = cells[actionCol] ?? '';
    if (!cells.some(Boolean)) continue;
    const tokens = readTokens(cells.join(' '));
    tokens.title = readTokens(body).title;
    const ownerCell = col('owner') >= 0 ? cells[col('owner')] : undefined;
    // The first of the names in the cell, whole: "O. Pryce", "@kim, @li", "Supplier / O. Pryce".
    if (ownerCell)
      tokens.owner =
        ownerCell
          .split(/\s*(?:[,/;&]|\band\b)\s*/)[0]!
          .replace(/^@/, '')
          .trim() || tokens.owner;
    const dueWritten = col('due') >= 0 ? cells[col('due')] : undefined;
    // A due cell may say the item is done after its date ("Jul 25 done") or note it in brackets
    // ("end of May (shipped May 24)"): the date is what comes before.
    const dueDone = dueWritten !== undefined && DUE_CELL_DONE.test(dueWritten);
    const dueCell = dueWritten
      ?.replace(DUE_CELL_DONE, '')
      .replace(/\s*\([^()]{1,40}\)\s*$/, '')
      .trim();
    if (dueCell !== undefined && isNoDate(dueCell)) {
      tokens.dueRaw = undefined;
      tokens.due = undefined;
    } else if (dueCell) {
      tokens.dueRaw = dueCell.replace(/^due:\s*/i, '');
      tokens.due = dueDate(tokens.dueRaw);
    } else if (col('due') < 0 && tokens.dueRaw === undefined) {
      // Without a Due column, a cell that is only a date or a period ("May", "2031-Q1") is the due date.
      const when = cells.find((c, i) => i !== actionCol && (dueDate(c) || isDuePeriod(c)));
      if (when) {
        tokens.dueRaw = when;
        tokens.due = dueDate(when);
      }
    }
    const kindCell =
      col('kind') >= 0 ? cells[col('kind')]?.replace(/^#/, '').toLowerCase() : undefined;
    const kindWord = kindCell && KIND_WORDS[kindCell.replace(/[*_`]/g, '').trim()];
    if (kindWord) tokens.kind = kindWord;
    else if (kindCell && (ACTION_KINDS as readonly string[]).includes(kindCell))
      tokens.kind = kindCell as ActionKind;
    const trackerCell = col('tracker') >= 0 ? cells[col('tracker')] : undefined;
    if (trackerCell) tokens.tracker = trackerCell;
    const statusIndex = col('status');
    const statusNode = statusIndex >= 0 ? row.children[statusIndex] : undefined;
    // Without a Status column, a done mark in any cell ("SEC-310 (done)", "✅") says it.
    // Without a Status column, a done mark in any cell ("SEC-310 (done)", "✅") or an item struck
    // through (~~like this~~) says it.
    // A date in a "Completed" column is the day it was done; a table under "### Done" is done.
    const statusCell = cells[statusIndex] ?? '';
    const done = statusNode
      ? isDoneStatus(statusCell) ||
        (DONE_HEADER.test(toString(table.children[0]!.children[statusIndex]!)) &&
          dueDate(statusCell) !== undefined) ||
        (group === 'done' && statusCell === '')
      : group === 'done' ||
        dueDone ||
        isStruckCell(row.children[actionCol]) ||
        cells.some(
          (c) =>
            isDoneStatus(c) ||
            hasDoneMark(c) ||
            /\s(?:DONE|COMPLETED?|CLOSED)$/.test(c) ||
            // "~~Jul 25~~ done": a struck date with "done" after it.
            /(?<!\bnot|n['’]t)\s(?:done|completed?)$/i.test(c),
        );
    const start = row.position?.start.offset ?? 0;
    // Not done and never to be: the Status cell says so, or, without one, the item's own text.
    const cancelled = !done && (statusNode ? isCancelledStatus(statusCell) : isCancelledText(body));
    const item: ActionItem = {
      text: body,
      ...tokens,
      done,
      ...(cancelled && { cancelled: true }),
      overdue: false,
      source: 'table',
      start,
      end: row.position?.end.offset ?? start,
    };
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

/** What a Type column says in words for the kinds: "Preventive" is #prevent, "Detection" #detect. */
const KIND_WORDS: Readonly<Record<string, ActionKind>> = {
  preventive: 'prevent',
  preventative: 'prevent',
  prevention: 'prevent',
  detective: 'detect',
  detection: 'detect',
  mitigation: 'mitigate',
  mitigating: 'mitigate',
};

/** Tracker keys ("OPS-4472"), status words, and the widest column as the item; the other short text columns as the owner. */
function guessedRoles(rows: readonly string[][]): ReturnType<typeof columnRole>[] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const roles: ReturnType<typeof columnRole>[] = [];
  const all = (i: number, test: (c: string) => boolean) =>
    rows.length > 0 && rows.every((r) => test(r[i] ?? ''));
  const STATUS_WORD = /^(to ?do|open|in progress|blocked|backlog|won'?t do|cancell?ed)$/i;
  let widest = -1;
  let widestLength = 0;
  for (let i = 0; i < width; i++) {
    if (all(i, (c) => /^[A-Z][A-Z0-9]+-\d+$/.test(c))) roles.push('tracker');
    else if (all(i, (c) => isDoneStatus(c) || STATUS_WORD.test(c))) roles.push('status');
    else {
      roles.push(undefined);
      const length = rows.reduce((n, r) => n + (r[i]?.length ?? 0), 0);
      if (length > widestLength) [widest, widestLength] = [i, length];
    }
  }
  if (widest < 0) return roles.map(() => undefined);
  roles[widest] = 'action';
  for (let i = 0; i < width; i++)
    if (roles[i] === undefined && all(i, (c) => c.split(/\s+/).length <= 4)) {
      roles[i] = 'owner';
      break;
    }
  return roles;
}

/** A status column whose cells hold the day the item was done. */
const DONE_HEADER = /^\s*(?:done|completed?|closed|finished)(?: on| date)?\s*$/i;

/** A done word after the date in a due cell: "Jul 25 done", "2031-03-01 – completed" (not "not done"). */
const DUE_CELL_DONE =
  /\s*[–—-]?\s*(?<!\bnot\s+|n['’]t\s+)\b(?:done|completed?|shipped|closed)\.?\s*$/i;

/** Whether a table cell's content is all struck through. */
function isStruckCell(cell: Table['children'][number]['children'][number] | undefined): boolean {
  const kids = cell?.children.filter((c) => !(c.type === 'text' && c.value.trim() === '')) ?? [];
  return kids.length > 0 && kids.every((k) => k.type === 'delete');
}

/** The range of a table cell's content without its padding (empty cells give an empty range). */
function cellInnerRange(
  start: number,
  end: number,
  cell: { children: { position?: { start: { offset?: number }; end: { offset?: number } } }[] },
) {
  const first = cell.children[0]?.position?.start.offset;
  const last = cell.children[cell.children.length - 1]?.position?.end.offset;
  if (first !== undefined && last !== undefined) return { start: first, end: last };
  return { start, end };
}
