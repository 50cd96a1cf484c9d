import type { ListItem, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseEntryTime, timelineEntry, type TimelineDay, type TimelineEntry } from '../timeline';
import { readSimpleItems } from './line-scan';

/** What a Timeline section holds: its entries and the day headings between them. */
export interface TimelineRead {
  entries: TimelineEntry[];
  days: TimelineDay[];
}

/**
 * Timeline items already read, by node. The incremental parser keeps one: it keeps the nodes of
 * unedited runs, so a 1,700-entry timeline is not read again on every keystroke. Only the text is
 * kept; offsets are read from the nodes' current positions.
 */
export type TimelineItemCache = WeakMap<ListItem, { text: string; time: ReturnType<typeof parseEntryTime> }>;

/** The entries and day headings of a Timeline section's nodes. */
export function readTimelineNodes(children: readonly RootContent[], readItems?: TimelineItemCache): TimelineRead {
  const entries: TimelineEntry[] = [];
  const days: TimelineDay[] = [];
  for (const node of children) {
    if (node.type === 'heading') {
      const t = parseEntryTime(toString(node));
      if (t?.date) days.push({ offset: node.position?.start.offset ?? 0, date: t.date });
    } else if (node.type === 'list') {
      for (const item of node.children) {
        const start = item.children[0]?.position?.start.offset ?? item.position?.start.offset ?? 0;
        const end = itemFirstLineEnd(item);
        const cached = readItems?.get(item);
        if (cached) {
          if (cached.text) entries.push({ text: cached.text, time: cached.time, start, end });
          continue;
        }
        const text = itemText(item);
        const entry = text ? timelineEntry(text, start, end) : undefined;
        readItems?.set(item, { text, time: entry?.time });
        if (entry) entries.push(entry);
      }
    } else if (node.type === 'table') {
      const header = node.children[0]?.children.map((c) => toString(c).toLowerCase().trim()) ?? [];
      let col = header.findIndex((h) => /^(time|when|timestamp|date|date\/time|time \(\w+\))$/.test(h));
      if (col < 0) col = 0;
      for (const row of node.children.slice(1)) {
        const cell = row.children[col];
        const text = row.children.map((c) => toString(c).trim()).filter(Boolean).join(' — ');
        if (!cell || !text) continue;
        const start = cell.children[0]?.position?.start.offset ?? cell.position?.start.offset ?? row.position?.start.offset ?? 0;
        entries.push(timelineEntry(text, start, row.position?.end.offset ?? 0, toString(cell).trim()));
      }
    }
  }
  return { entries, days };
}

/** The entries and day headings of a Timeline section (from its heading's start) read line by line, or undefined (see readSimpleItems). */
export function readTimelineLines(text: string, start: number, end: number): TimelineRead | undefined {
  const days: TimelineDay[] = [];
  const items = readSimpleItems(text, start, end, (h) => {
    const t = parseEntryTime(h.raw);
    if (t?.date) days.push({ offset: h.start, date: t.date });
  });
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
