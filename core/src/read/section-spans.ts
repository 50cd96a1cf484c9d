import type { Config } from '../config';
import { normalizeHeading } from '../sections';

/** A top-level heading as a reader found it. */
export interface HeadingRef {
  depth: number;
  /** Its text as the Markdown parser reads it. */
  text: string;
  start: number;
  end: number;
}

/** Where a section lies: its heading is headings[at]; headings[until] (or the end) ends it. */
export interface SectionSpan {
  heading: string;
  ids: string[];
  start: number;
  headingEnd: number;
  end: number;
  at: number;
  until: number;
}

/**
 * Which headings of a document are its sections and where each ends: the one place that decides
 * it, for every reader. A level-2 heading starts a section; a level-1 or level-2 heading ends it.
 */
export function buildSections(headings: readonly HeadingRef[], textLength: number, config: Config): { spans: SectionSpan[]; h1?: HeadingRef } {
  const spans: SectionSpan[] = [];
  let open: SectionSpan | undefined;
  let h1: HeadingRef | undefined;
  headings.forEach((h, i) => {
    if (h.depth > 2) return;
    if (open) {
      open.end = h.start;
      open.until = i;
    }
    open = undefined;
    if (h.depth === 1) {
      h1 ??= h;
      return;
    }
    open = { heading: h.text, ids: config.headingIndex.get(normalizeHeading(h.text)) ?? [], start: h.start, headingEnd: h.end, end: textLength, at: i, until: headings.length };
    spans.push(open);
  });
  return { spans, h1 };
}
