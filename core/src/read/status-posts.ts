import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseEntryTime, timelineEntry, type TimelineEntry } from '../timeline';
import type { TimelineRead } from './timeline-section';

/** The headings of a status page's update posts. */
const STATUS =
  /^(investigating|identified|update|updated|monitoring|resolved|completed|scheduled|in progress|verifying)$/i;
/** The line that dates a post: "Posted Nov 04, 2025 - 17:24 UTC". */
const POSTED = /^(?:posted|updated)\s*(?:on|at)?\s*:?\s+(\S.*)$/i;

/** A status heading that carries its posting time: "Resolved — Dec 7, 03:12 UTC". */
const STATUS_AT =
  /^(investigating|identified|update|updated|monitoring|resolved|completed|scheduled|in progress|verifying)\s*[-–—|:]\s*(\S.*)$/iu;

/** The time a status heading carries ("Resolved — Dec 7, 03:12 UTC"), or undefined. */
function headingTime(text: string): string | undefined {
  const m = STATUS_AT.exec(text.replace(/[*_]/g, '').trim());
  return m && parseEntryTime(m[2]!)?.text.includes(':') ? m[2] : undefined;
}

/** Whether a heading is a status page's post status ("Investigating", "Resolved", "Resolved — Dec 7, 03:12 UTC"). */
export function isStatusHeading(text: string): boolean {
  const plain = text.replace(/[*_]/g, '').trim();
  return STATUS.test(plain) || headingTime(plain) !== undefined;
}

/**
 * A status page's update posts as a timeline, for a document without a Timeline section: two or
 * more sections headed by a status word, each dated by a "Posted <date> - <time>" line or opening
 * with its time ("**Mar 6, 02:15 AM PST** — …"). Each post is an entry at its posting time (status
 * pages list the newest first; timeline-order accepts a timeline written newest first). Undefined
 * when the document has no such posts.
 */
export function statusPostTimeline(
  sections: readonly {
    heading: string;
    start: number;
    headingEnd: number;
    children: readonly RootContent[];
  }[],
): TimelineRead | undefined {
  const posts = sections.filter((s) => isStatusHeading(s.heading));
  if (posts.length < 2) return undefined;
  const entries: TimelineEntry[] = [];
  for (const post of posts) {
    let when = headingTime(post.heading);
    let first: string | undefined;
    for (const node of post.children) {
      if (node.type !== 'paragraph') continue;
      const line = toString(node).trim();
      const posted = line.includes('\n') ? null : POSTED.exec(line);
      if (posted) when ??= posted[1]!.replace(/\s+[-–—]\s+/u, ' ');
      else first ??= line.split('\n')[0];
    }
    // "**Mar 6, 02:15 AM PST** — Traffic is flowing normally …": the post opens with its time.
    if (when === undefined && first !== undefined) {
      const opening = parseEntryTime(first);
      if (opening && /\d:\d/.test(opening.text)) when = first;
    }
    if (when === undefined) continue;
    const entry = timelineEntry(
      `${post.heading} — ${first ?? ''}`.replace(/\s+—\s*$/u, ''),
      post.start,
      post.headingEnd,
      when,
    );
    if (entry.time) entries.push(entry);
  }
  return entries.length >= 2 ? { entries, days: [] } : undefined;
}

/** A line that could open a status post in bold: what the line reader checks before declining a text. */
const BOLD_STATUS_LINE =
  /^[ \t]*(?:\*\*|__)(?:investigating|identified|update|updated|monitoring|resolved|completed|scheduled|in progress|verifying)(?:\*\*|__)/gim;

/** Whether a text may hold status posts opened by a bold status word (see statusPostParagraphs). */
export function hasBoldStatusLines(text: string): boolean {
  let n = 0;
  for (const _ of text.matchAll(BOLD_STATUS_LINE)) if (++n >= 2) break;
  if (n < 2) return false;
  return /^[ \t]*(?:posted|updated)\b/im.test(text) || DATE_TIME_LINES.test(text);
}

/**
 * A status page's update posts written as paragraphs instead of sections, as status pages export
 * them: a bold status word opening the paragraph ("**Resolved**" on its own line, or "**Resolved**
 * - This incident has been resolved.") and a "Posted <date> - <time>" line, or a line that is only
 * a date and a time, ending it (or standing alone right after it). Each post is an entry at its
 * posting time; undefined without two posts.
 */
export function statusPostParagraphs(nodes: readonly RootContent[]): TimelineRead | undefined {
  const entries: TimelineEntry[] = [];
  nodes.forEach((node, i) => {
    if (node.type !== 'paragraph' || node.children[0]?.type !== 'strong') return;
    const status = toString(node.children[0]).trim();
    if (!STATUS.test(status)) return;
    const lines = toString(node)
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    let posted = lines.length > 1 ? postedAt(lines[lines.length - 1]!) : undefined;
    if (posted) lines.pop();
    else {
      const next = nodes[i + 1];
      const line = next?.type === 'paragraph' ? toString(next).trim() : '';
      posted = line.includes('\n') ? undefined : postedAt(line);
    }
    if (!posted) return;
    const first = lines[0]!
      .slice(lines[0]!.indexOf(status) + status.length)
      .replace(/^[\s:–—-]+/u, '');
    const said = first || lines[1] || '';
    const entry = timelineEntry(
      `${status} — ${said}`.replace(/\s+—\s*$/u, ''),
      node.position?.start.offset ?? 0,
      node.position?.end.offset ?? 0,
      posted.replace(/\s+[-–—]\s+/u, ' '),
    );
    if (entry.time) entries.push(entry);
  });
  return entries.length >= 2 ? { entries, days: [] } : undefined;
}

/** A line that is only a date and a time: "Oct 29, 2024 – 17:42 UTC". */
const DATE_TIME_LINE =
  /^[*_]*(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{4}|\d{4}-\d{2}-\d{2})\s*(?:[-–—,]|at)?\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:UTC|GMT|Z|[A-Z]{2,4}T|[+-]\d{2}:?\d{2})?[*_]*$/u;

/** DATE_TIME_LINE on any line of a text. */
const DATE_TIME_LINES = new RegExp(`^[ \\t]*${DATE_TIME_LINE.source.slice(1, -1)}[ \\t]*$`, 'mu');

/** When a post went out: its "Posted <date> - <time>" line, or a line that is only a date and a time. */
function postedAt(line: string): string | undefined {
  const posted = POSTED.exec(line);
  if (posted) return posted[1]!;
  return DATE_TIME_LINE.test(line) ? line.replace(/[*_]/g, '') : undefined;
}

/**
 * A status page's update posts whose headings carry the posting time ("### Resolved — Dec 7, 03:12
 * UTC"), at any heading level and whether or not the headings are sections: each post is an entry
 * at that time, with the first line of the paragraph under it. Undefined without two such posts.
 */
export function statusHeadingPosts(nodes: readonly RootContent[]): TimelineRead | undefined {
  const entries: TimelineEntry[] = [];
  nodes.forEach((node, i) => {
    if (node.type !== 'heading') return;
    const heading = toString(node).trim();
    const when = headingTime(heading);
    if (when === undefined) return;
    const next = nodes[i + 1];
    const said = next?.type === 'paragraph' ? toString(next).trim().split('\n')[0]! : '';
    const status = STATUS_AT.exec(heading.replace(/[*_]/g, '').trim())![1]!;
    const entry = timelineEntry(
      `${status} — ${said}`.replace(/\s+—\s*$/u, ''),
      node.position?.start.offset ?? 0,
      node.position?.end.offset ?? 0,
      when,
    );
    if (entry.time) entries.push(entry);
  });
  return entries.length >= 2 ? { entries, days: [] } : undefined;
}

/** Whether a text has two or more headings that are status posts with their time (see statusHeadingPosts). */
export function hasStatusTimeHeadings(text: string): boolean {
  let n = 0;
  for (const m of text.matchAll(/^[ \t]{0,3}#{1,6}[ \t]+(\S[^\r\n]*)$/gm))
    if (headingTime(m[1]!.replace(/[ \t]+#+[ \t]*$/, '')) !== undefined && ++n >= 2) return true;
  return false;
}
