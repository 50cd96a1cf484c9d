import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { timelineEntry, type TimelineEntry } from '../timeline';
import type { TimelineRead } from './timeline-section';

/** The headings of a status page's update posts. */
const STATUS =
  /^(investigating|identified|update|updated|monitoring|resolved|completed|scheduled|in progress|verifying)$/i;
/** The line that dates a post: "Posted Nov 04, 2025 - 17:24 UTC". */
const POSTED = /^(?:posted|updated)\s*(?:on|at)?\s*:?\s+(\S.*)$/i;

/** Whether a heading is a status page's post status ("Investigating", "Resolved"). */
export function isStatusHeading(text: string): boolean {
  return STATUS.test(text.replace(/[*_]/g, '').trim());
}

/**
 * A status page's update posts as a timeline, for a document without a Timeline section: two or
 * more sections headed by a status word, each dated by a "Posted <date> - <time>" line. Each post
 * is an entry at its posting time (status pages list the newest first; timeline-order accepts a
 * timeline written newest first). Undefined when the document has no such posts.
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
    let when: string | undefined;
    let first: string | undefined;
    for (const node of post.children) {
      if (node.type !== 'paragraph') continue;
      const line = toString(node).trim();
      const posted = line.includes('\n') ? null : POSTED.exec(line);
      if (posted) when ??= posted[1]!.replace(/\s+[-–—]\s+/u, ' ');
      else first ??= line.split('\n')[0];
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
