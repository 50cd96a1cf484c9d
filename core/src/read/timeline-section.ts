import type { Code, ListItem, Paragraph, RootContent, TableCell } from 'mdast';
import { toString } from 'mdast-util-to-string';
import {
  dayMark,
  parseEntryTime,
  timelineEntry,
  type TimelineDay,
  type TimelineEntry,
} from '../timeline';
import { readSimpleItems } from './line-scan';

/** What a Timeline section holds: its entries and the day marks between them. */
export interface TimelineRead {
  entries: TimelineEntry[];
  days: TimelineDay[];
}

/**
 * Timeline items already read, by node. The incremental parser keeps one: it keeps the nodes of
 * unedited runs, so a 1,700-entry timeline is not read again on every keystroke. Only what the
 * text gives is kept; offsets are read from the nodes' current positions.
 */
export type TimelineItemCache = WeakMap<
  ListItem,
  Pick<TimelineEntry, 'text' | 'time' | 'placeholder'>
>;

/**
 * The entries and day marks of a Timeline section's nodes, as teams write them: list items
 * (bulleted or numbered; an item that is only a date, with a nested list, is a day and its
 * items the entries), table rows (the time from a Time/When/Date column), and lines of a
 * paragraph that start with a time (the Google SRE book's style). A sub-heading or a line that
 * is only a date is a day mark. Untimed list items are entries without a time (context);
 * untimed paragraph lines are prose, not entries.
 */
export function readTimelineNodes(
  children: readonly RootContent[],
  text: string,
  readItems?: TimelineItemCache,
): TimelineRead {
  const read: TimelineRead = { entries: [], days: [] };
  for (const node of children) {
    if (node.type === 'heading') {
      read.days.push(dayMark(toString(node), node.position?.start.offset ?? 0, 'heading')!);
    } else if (node.type === 'list') {
      if (readItems) readListCached(node.children, readItems, read);
      else readList(node.children, text, read);
    } else if (node.type === 'table') {
      const header =
        node.children[0]?.children.map((c) =>
          // Without its qualifier: "Timestamp (UTC)", "Date / time (IST)".
          toString(c)
            .toLowerCase()
            .replace(/\s*\([^()]*\)\s*$/, '')
            .trim(),
        ) ?? [];
      let col = header.findIndex((h) =>
        /^(time|when|timestamp|date|date ?\/ ?time|time ?\/ ?date|date ?& ?time|date and time|datetime|time ?stamp)$/.test(
          h,
        ),
      );
      // No time column by name: the first column whose first row starts with a time ("| # | 2025-03-04 10:02 | … |").
      if (col < 0) col = Math.max(0, timedColumn(node.children[1]?.children ?? []));
      for (const row of node.children.slice(1)) {
        const cell = row.children[col];
        const rowText = row.children
          .map((c) => toString(c).trim())
          .filter(Boolean)
          .join(' — ');
        if (!cell || !rowText) continue;
        const start =
          cell.children[0]?.position?.start.offset ??
          cell.position?.start.offset ??
          row.position?.start.offset ??
          0;
        read.entries.push(
          timelineEntry(rowText, start, row.position?.end.offset ?? 0, toString(cell).trim()),
        );
      }
    } else if (node.type === 'paragraph') {
      readParagraph(node, text, read);
    } else if (node.type === 'code') {
      readCode(node, text, read);
    }
  }
  return read;
}

/** The first of a row's first three cells that starts with a clock time, or -1. */
function timedColumn(cells: readonly TableCell[]): number {
  for (let i = 0; i < Math.min(cells.length, 3); i++) {
    const t = parseEntryTime(toString(cells[i]!).trim());
    if (t && /\d:\d/.test(t.text)) return i;
  }
  return -1;
}

/** List items as entries; an item that is only a date or "Day N" with a list under it is a day of entries. */
function readList(items: readonly ListItem[], text: string, read: TimelineRead): void {
  for (const item of items) {
    const body = itemText(item);
    const nested = item.children.find((c) => c.type === 'list');
    const start = item.children[0]?.position?.start.offset ?? item.position?.start.offset ?? 0;
    const mark = nested && body ? dayMark(body, start, 'line') : undefined;
    if (mark && nested?.type === 'list') {
      read.days.push(mark);
      readList(nested.children, text, read);
      continue;
    }
    if (body) read.entries.push(timelineEntry(body, start, itemFirstLineEnd(item)));
  }
}

/** readList for the incremental parser, which keeps what each item's text gave (items with day groups are read afresh). */
function readListCached(
  items: readonly ListItem[],
  cache: TimelineItemCache,
  read: TimelineRead,
): void {
  for (const item of items) {
    if (item.children.some((c) => c.type === 'list')) {
      readList([item], '', read);
      continue;
    }
    const start = item.children[0]?.position?.start.offset ?? item.position?.start.offset ?? 0;
    const end = itemFirstLineEnd(item);
    let known = cache.get(item);
    if (!known) {
      const body = itemText(item);
      const entry = body ? timelineEntry(body, start, end) : undefined;
      known = { text: body, time: entry?.time, placeholder: entry?.placeholder };
      cache.set(item, known);
    }
    if (known.text) read.entries.push({ ...known, part: 0, start, end });
  }
}

/** Each line of a paragraph: a date alone is a day mark, a line starting with a time (or a placeholder) an entry. */
function readParagraph(node: Paragraph, text: string, read: TimelineRead): void {
  const from = node.position?.start.offset;
  const to = node.position?.end.offset;
  if (from === undefined || to === undefined) return;
  const plain = toString(node).split('\n');
  const source = text.slice(from, to).split(/\r?\n|\r/);
  let at = from;
  source.forEach((raw, i) => {
    const lineStart = at + (raw.length - raw.trimStart().length);
    at +=
      raw.length + (text[at + raw.length] === '\r' && text[at + raw.length + 1] === '\n' ? 2 : 1);
    // The line as the parser reads it when the lines match one to one, else as written.
    const line = (plain.length === source.length ? plain[i]! : raw).trim();
    if (!line) return;
    const mark = dayMark(line, lineStart, 'line');
    if (mark) {
      read.days.push(mark);
      return;
    }
    const entry = timelineEntry(line, lineStart, lineStart + raw.trim().length);
    if (entry.time || entry.placeholder) read.entries.push(entry);
  });
}

/** Each line of a code block in a timeline (a log pasted as it was): a date alone is a day mark, a line starting with a time an entry. */
function readCode(node: Code, text: string, read: TimelineRead): void {
  const from = node.position?.start.offset;
  const to = node.position?.end.offset;
  if (from === undefined || to === undefined) return;
  const source = text.slice(from, to).split(/\r?\n|\r/);
  const fenced = /^\s*(?:```|~~~)/.test(source[0] ?? '');
  let at = from;
  source.forEach((raw, i) => {
    const lineStart = at + (raw.length - raw.trimStart().length);
    at +=
      raw.length + (text[at + raw.length] === '\r' && text[at + raw.length + 1] === '\n' ? 2 : 1);
    const line = raw.trim();
    if (!line || (fenced && (i === 0 || (i === source.length - 1 && /^(?:```|~~~)/.test(line)))))
      return;
    const mark = dayMark(line, lineStart, 'line');
    if (mark) {
      read.days.push(mark);
      return;
    }
    const entry = timelineEntry(line, lineStart, lineStart + line.length);
    if (entry.time || entry.placeholder) read.entries.push(entry);
  });
}

/** The entries and day headings of a Timeline section (from its heading's start) read line by line, or undefined (see readSimpleItems). */
export function readTimelineLines(
  text: string,
  start: number,
  end: number,
): TimelineRead | undefined {
  const days: TimelineDay[] = [];
  const items = readSimpleItems(text, start, end, (h) =>
    days.push(dayMark(h.raw, h.start, 'heading')!),
  );
  // A task box in a timeline is unusual enough to leave to the parser.
  if (!items || items.some((i) => i.checked !== null)) return undefined;
  return { entries: items.map((i) => timelineEntry(i.body, i.start + 2, i.end)), days };
}

/** The text of a list item's first paragraph (nested lists are details, not entries). */
export function itemText(item: ListItem): string {
  const first = item.children[0];
  return first && first.type !== 'list' ? toString(first).trim() : '';
}

/** Where a list item's first block ends. */
export function itemFirstLineEnd(item: ListItem): number {
  const first = item.children[0];
  return first?.position?.end.offset ?? item.position?.end.offset ?? 0;
}

/** Several timeline sections read as one timeline, in document order. */
export function joinTimelines(reads: readonly TimelineRead[]): TimelineRead {
  // Most postmortems have one timeline: its reading is the whole.
  if (reads.length === 1) return { entries: reads[0]!.entries, days: reads[0]!.days };
  return { entries: reads.flatMap((r) => r.entries), days: reads.flatMap((r) => r.days) };
}
