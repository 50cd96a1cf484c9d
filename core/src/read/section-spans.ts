import type { Config } from '../config';
import { headingIds } from './heading-meaning';

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

/** The meanings of the headings at one level (a loop: flatMap's arrays were a tenth of this module's time). */
function idsAt(
  headings: readonly HeadingRef[],
  ids: readonly string[][],
  depth: number,
): Set<string> {
  const found = new Set<string>();
  for (let i = 0; i < headings.length; i++)
    if (headings[i]!.depth === depth) for (const id of ids[i]!) found.add(id);
  return found;
}

/**
 * Which headings of a document are its sections and where each ends: the one place that decides
 * it, for every reader.
 *
 * Sections are the headings of one level: level 2 in most documents, but the level holding the
 * most headings Hindsight recognises wins, so a document whose sections are `###` under one `##`
 * (or `#` under a title) is read as its authors meant. A deeper heading that names a section the
 * document has nowhere else (a `### Timeline` under an unrecognised `## Details`) is a section too.
 * A section ends at the next section heading or at any heading above its own level. The first
 * level-1 heading that is not a section is the title. When a document has no Action Items section
 * but a Follow-up one, its follow-ups are its action items (what real postmortems mean by it); one
 * without a Root Cause section but with two summary-like sections tells the cause in the second.
 */
export function buildSections(
  headings: readonly HeadingRef[],
  textLength: number,
  config: Config,
): { spans: SectionSpan[]; h1?: HeadingRef } {
  // A single level-1 heading (a title) counts only towards making level 1 the sections' level,
  // which it can only do when it names more sections than level 2 has: when it cannot, its meaning
  // is not needed (titles are each document's own, so reading them is most of the cost here).
  const h1s = headings.filter((h) => h.depth === 1).length;
  // Level 4 counts only in a document with no sections above it (a write-up whose sections are
  // `####` under a `###` summary line): its meaning is read only then.
  const upper = headings.some((h) => h.depth === 2);
  const ids = headings.map((h) =>
    (h.depth <= 3 && h.depth > 1) || (h.depth === 4 && !upper) ? headingIds(h.text, config) : [],
  );
  if (h1s > 0) {
    const level2 = idsAt(headings, ids, 2).size;
    headings.forEach((h, i) => {
      if (h.depth === 1 && (h1s > 1 || mostIds(h.text, config) > level2))
        ids[i] = headingIds(h.text, config);
    });
  }
  const level = sectionLevel(headings, ids);
  const atLevel = idsAt(headings, ids, level);
  // A heading of another level (deeper, or shallower as "## 5. Remediation Actions" in a document
  // of "### 4.1" sections) that names a section the document has nowhere at its level is one too.
  const isSection = headings.map(
    (h, i) =>
      h.depth === level ||
      ((h.depth > level ? h.depth <= 3 : h.depth > 1) &&
        ids[i]!.length > 0 &&
        ids[i]!.every((id) => !atLevel.has(id))),
  );
  const h1 = headings.find((h, i) => h.depth === 1 && !isSection[i]);

  const spans: SectionSpan[] = [];
  headings.forEach((h, i) => {
    if (!isSection[i]) return;
    let until = i + 1;
    while (
      until < headings.length &&
      !isSection[until] &&
      headings[until]!.depth > Math.min(h.depth, level)
    )
      until++;
    // A promoted heading of another level ends at a heading of its own level or above.
    if (h.depth !== level) {
      until = i + 1;
      while (until < headings.length && !isSection[until] && headings[until]!.depth > h.depth)
        until++;
    }
    const end = until < headings.length ? headings[until]!.start : textLength;
    spans.push({
      heading: h.text,
      ids: ids[i]!,
      start: h.start,
      headingEnd: h.end,
      end,
      at: i,
      until,
    });
  });
  // Without a root-cause section, a second summary-like section ("What happened" after "Summary") tells the cause.
  if (!spans.some((s) => s.ids.includes('root-cause'))) {
    const summaries = spans.filter((s) => s.ids.length === 1 && s.ids[0] === 'summary');
    if (summaries.length > 1) summaries[summaries.length - 1]!.ids = ['root-cause'];
  }
  if (!spans.some((s) => s.ids.includes('action-items'))) {
    const followUp = spans.find((s) => s.ids.length === 1 && s.ids[0] === 'follow-up');
    if (followUp) followUp.ids = ['action-items'];
  }
  return { spans, h1 };
}

/**
 * At least the number of section ids a heading can stand for: what an alias or configured pattern
 * names, for each part of a combined heading ("Impact and Timeline", "Cause / Fix").
 */
function mostIds(text: string, config: Config): number {
  let most = MOST_NAMED.get(config);
  if (most === undefined) {
    most = 1;
    for (const ids of config.headingIndex.values()) most = Math.max(most, ids.length);
    for (const { ids } of config.headingPatterns) most = Math.max(most, ids.length);
    MOST_NAMED.set(config, most);
  }
  // Each part of a combined heading may itself be an alias of several.
  return most * (1 + (text.match(/and|[&/+,]/gi)?.length ?? 0));
}

const MOST_NAMED = new WeakMap<Config, number>();

/**
 * The heading level of a document's sections: 2, unless level 1 or 3 holds more distinct
 * recognised sections (a title at level 1 does not count for level 1).
 */
function sectionLevel(headings: readonly HeadingRef[], ids: readonly string[][]): number {
  // The distinct ids at levels 1 to 4, in one pass (most headings name one id, or none).
  const seen: Set<string>[] = [new Set(), new Set(), new Set(), new Set()];
  for (let i = 0; i < headings.length; i++) {
    const depth = headings[i]!.depth;
    if (depth <= 4) for (const id of ids[i]!) seen[depth - 1]!.add(id);
  }
  const [one, two, three, four] = seen.map((s) => s.size) as [number, number, number, number];
  if (four > Math.max(one, two, three) && four >= 2) return 4;
  if (one > two && one >= 2 && one >= three) return 1;
  if (three > two && three >= 2) return 3;
  return 2;
}
