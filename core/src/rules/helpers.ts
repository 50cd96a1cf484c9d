import type { Postmortem, Section } from '../parse';
import type { Config } from '../config';
import { headingIds } from '../read/heading-meaning';
import { parseEntryTime } from '../timeline';

/** The range of a section's heading line. */
export function headingSpan(section: Section): { start: number; end: number } {
  return { start: section.start, end: section.headingEnd };
}

/** The display title of a canonical section id. */
export function sectionTitle(config: Config, id: string): string {
  return config.sections.find((s) => s.id === id)?.title ?? id;
}

/** The span of the first line of the document (used when nothing more precise exists). */
export function firstLine(pm: Postmortem): { start: number; end: number } {
  return { start: 0, end: pm.lines.lineEnd(1) };
}

/** The span of an item's first line, so a squiggle never covers a whole paragraph. */
export function firstLineOf(
  pm: Postmortem,
  start: number,
  end: number,
): { start: number; end: number } {
  const line = pm.lines.position(start).line;
  return { start, end: Math.max(start, Math.min(end, pm.lines.lineEnd(line))) };
}

/**
 * Whether a postmortem opens with a summary in prose before its first section (many teams write
 * one without a heading): at least a sentence of twelve words between the front matter or title
 * and the first section, not counting comments, headings, tables and "Key: value" lines.
 */
export function opensWithProse(pm: Postmortem): boolean {
  const from = pm.frontMatter?.end ?? 0;
  const to = pm.sections[0]?.start ?? pm.text.length;
  const prose = pm.text
    .slice(from, to)
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .split(/\r?\n|\r/)
    .filter(
      (line) =>
        !/^\s*(#|\||[-=]{3,}\s*$)/.test(line) &&
        !/^\s*[*_]*[\p{L} ]{1,24}[*_]*\s*:[*_]*\s*\S.{0,60}$/u.test(line),
    )
    .join(' ');
  return (prose.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).length >= 12;
}

/**
 * Sections written as a bold label opening a paragraph rather than a heading, the short form of
 * the SRE book's template ("**Impact:** About 1.9M users ..."): the ids of those labels.
 */
export function boldLabelSections(pm: Postmortem, config: Config): Set<string> {
  const ids = new Set<string>();
  for (const m of pm.text.matchAll(
    /^[ \t]*([-*+][ \t]+)?(?:\*\*|__)([^*_\r\n]{2,40}?)(:?)(?:\*\*|__)(:?)[ \t]+(\S.*)$/gm,
  )) {
    // In a list (a summary's fields: "- **Customers affected:** 31,000"), only a labelled impact
    // counts: "- **Fix:** retries" in a list of actions is not the Resolution section, nor
    // "- **Impact started:** 04:00 UTC" a statement of the impact.
    const inList = m[1] !== undefined;
    if (inList && ((!m[3] && !m[4]) || parseEntryTime(m[5]!)?.text)) continue;
    for (const id of headingIds(m[2]!.trim(), config)) if (!inList || id === 'impact') ids.add(id);
  }
  return ids;
}
