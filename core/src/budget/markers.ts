import { fmt, type BudgetLimits } from './limits';

export const KIND_NAMES = {
  emphasis: 'emphasis',
  strike: 'strikethrough',
  code: 'code',
  link: 'link bracket',
  html: 'HTML',
} as const;
export type MarkerKind = keyof typeof KIND_NAMES;

/** A block whose inline markers are counted: what micromark resolves as one run, or more (never less). */
export interface Group {
  kind: 'Paragraph' | 'Heading' | 'List item' | 'Table row';
  /** Whether it starts where no paragraph can be open: after a blank line, an ATX heading or the front matter. */
  fresh: boolean;
  line: number;
  start: number;
  markers: number;
  byKind: Record<MarkerKind, number>;
}

export function isMarker(c: number): boolean {
  // * _ ~ ` [ ] <
  return c === 42 || c === 95 || c === 126 || c === 96 || c === 91 || c === 93 || c === 60;
}

export function isRun(c: number): boolean {
  return c === 42 || c === 95 || c === 126 || c === 96;
}

export function countMarkers(s: string, group: Group): number {
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

/** Why a block over the limit of one block was not parsed. */
export function markerMessage(group: Group, limits: BudgetLimits): string {
  const [top] = (Object.entries(group.byKind) as [MarkerKind, number][]).sort(
    (a, b) => b[1] - a[1],
  );
  return `${group.kind} at line ${group.line} has ${fmt(group.markers)} inline markers (${fmt(top![1])} of them ${KIND_NAMES[top![0]]}); expected at most ${fmt(limits.markers)}, so it was not parsed as Markdown.`;
}

/** Why the block that takes the document over its limit, and all after it, were not parsed. */
export function documentMessage(group: Group, limits: BudgetLimits): string {
  return `${group.kind} at line ${group.line} takes the document over ${fmt(limits.document)} inline markers; expected at most ${fmt(limits.document)} in all, so it and the rest of the document were not parsed as Markdown.`;
}
