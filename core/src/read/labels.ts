import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { groupState, isGroupLabel } from '../actions';
import type { Config } from '../config';
import { dayMark, parseEntryTime } from '../timeline';
import { isNumberedParagraph } from './action-section';
import { headingIds } from './heading-meaning';

/**
 * A line that names a section without being a heading: "Timeline (all times UTC):" or
 * "**Follow-up**" standing alone before a list, as many teams write inside a prose section.
 * Returns the text without the markup and colon, or undefined for a line that is not a label.
 */
function labelText(line: string): string | undefined {
  // An upper-case line of a plain-text report ("ROOT CAUSE", "PREVENTIVE ACTIONS").
  // It may carry a note in brackets: "TIMELINE (local time, which is UTC in winter)".
  const upper =
    /^\s*([\p{Lu}][\p{Lu}\p{N} &/'’()-]{2,60}?)\s*(?:\([^()\n]{0,80}\))?\s*:?\s*$/u.exec(line);
  if (upper && /\p{Lu}{3}/u.test(upper[1]!) && upper[1]!.split(/\s+/).length <= 6)
    return upper[1]!.trim();
  // A bold label may carry a note in brackets: "**Follow-ups** (tracked in the tracker)".
  const m = /^\s*(\*\*|__)?([^*_\n]{2,80}?)(\*\*|__)?(?:\s*\([^()\n]{0,60}\))?\s*(:?)\s*$/.exec(
    line,
  );
  if (!m || (!m[4] && !(m[1] && m[3])) || m[2]!.split(/\s+/).length > 10) return undefined;
  return m[2]!.replace(/:$/, '').trim();
}

/** Whether a label line names this section (see labelText). */
export function isLabelFor(line: string, id: string, config: Config): boolean {
  const label = labelText(line);
  return label !== undefined && headingIds(label, config).includes(id);
}

/** A paragraph's text as a label line: a paragraph that is all bold keeps its bold marks, which the label needs. */
function paragraphLine(node: RootContent): string {
  if (node.type !== 'paragraph') return toString(node);
  const kids = node.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  const only = kids.length === 1 ? kids[0]! : undefined;
  if (only?.type === 'strong') return `**${toString(only)}**`;
  const [first, ...rest] = kids;
  const note = rest.map((k) => toString(k)).join('');
  return first?.type === 'strong' && /^\s*\([^()]*\)\s*:?\s*$/.test(note)
    ? `**${toString(first)}**${note}`
    : toString(node);
}

/** A label that groups action items by term or state ("Short term:", "Completed"), not any short line with a colon. */
function isTermGroup(text: string): boolean {
  return (
    isGroupLabel(text) &&
    (groupState(text) !== undefined ||
      /^(short|mid|medium|long)[- ]term\b|^immediate\b/i.test(text.trim()))
  );
}

/**
 * The label of a numbered section label underlined with dashes ("2. Impact" over "---------"),
 * which Markdown reads as a one-item ordered list and a rule: its text, or undefined.
 */
function underlinedLabel(nodes: readonly RootContent[], i: number): string | undefined {
  const node = nodes[i]!;
  const next = nodes[i + 1];
  if (node.type !== 'list' || !node.ordered || node.children.length !== 1) return undefined;
  if (next?.type !== 'thematicBreak') return undefined;
  if (next.position?.start.line !== (node.position?.end.line ?? 0) + 1) return undefined;
  const text = toString(node).trim();
  return text.length <= 60 && !text.includes('\n') ? text : undefined;
}

/**
 * The label of a numbered upper-case section label in a plain-text report ("6. RECOMMENDATIONS"),
 * which Markdown reads as a one-item ordered list: its text, or undefined.
 */
function numberedCapsLabel(node: RootContent): string | undefined {
  if (node.type !== 'list' || !node.ordered || node.children.length !== 1) return undefined;
  const item = node.children[0]!;
  if (item.children.length !== 1 || item.children[0]!.type !== 'paragraph') return undefined;
  const text = toString(item).trim();
  return text.length <= 60 && !text.includes('\n') && labelText(text) !== undefined
    ? text
    : undefined;
}

/**
 * The nodes a label paragraph introduces for a section the document has no heading for: the lists
 * and tables right after each label (and, for a timeline, paragraphs of timed lines). Only the
 * whole-text reader looks for these; the line reader declines such documents (hasLabelLine).
 */
export function labelledNodes(
  nodes: readonly RootContent[],
  id: string,
  config: Config,
  /** Offset ranges whose nodes are reference material, not the section (an appendix). */
  aside: readonly { start: number; end: number }[] = [],
): RootContent[] {
  const found: RootContent[] = [];
  if (id === 'timeline' && aside.length) {
    const inAside = (n: RootContent) => {
      const at = n.position?.start.offset ?? -1;
      return aside.some((r) => at >= r.start && at < r.end);
    };
    // A table of runs or measurements in an appendix is not the chronology, unless it is all there is.
    const outside = nodes.filter((n) => !inAside(n));
    const kept = labelledNodes(outside, id, config);
    return kept.length ? kept : labelledNodes(nodes, id, config);
  }
  if (id === 'timeline') {
    // Without a label either, a list most of whose items start with a time is the timeline; so is
    // a table most of whose rows do in their first cell ("| When | What |" under "What we did").
    const mostlyTimed = (texts: string[]) =>
      texts.length >= 3 &&
      texts.filter((t) => parseEntryTime(t)?.text).length * 3 >= texts.length * 2;
    // So is a code block or a paragraph most of whose lines do (a log pasted as it was, a plain-text report).
    const timed = nodes.filter(
      (n) =>
        (n.type === 'list' && mostlyTimed(n.children.map((i) => toString(i)))) ||
        (n.type === 'table' &&
          mostlyTimed(n.children.slice(1).map((r) => toString(r.children[0] ?? r)))) ||
        ((n.type === 'code' || n.type === 'paragraph') && mostlyTimedLines(toString(n))),
    );
    // A set: a chat export may have thousands of timed paragraphs.
    const timedSet = new Set<RootContent>(timed);
    // And a run of three or more paragraphs that each start with a time (a chat export, one message a paragraph).
    const startsTimed = (n: RootContent | undefined) =>
      n?.type === 'paragraph' && !!parseEntryTime(toString(n).trim())?.text.includes(':');
    for (let i = 0; i < nodes.length; i++) {
      let j = i;
      while (startsTimed(nodes[j])) j++;
      if (j - i >= 3) for (let k = i; k < j; k++) timedSet.add(nodes[k]!);
      i = j;
    }
    if (!nodes.some((n) => n.type === 'paragraph' && isLabelFor(paragraphLine(n), id, config)))
      // A date line right before such a list ("**Sunday, Oct 19**") starts its day.
      return nodes.filter(
        (n, i) =>
          timedSet.has(n) ||
          (n.type === 'paragraph' &&
            timedSet.has(nodes[i + 1]!) &&
            dayMark(toString(n), 0, 'line') !== undefined),
      );
  }
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const underlined = underlinedLabel(nodes, i);
    const caps = underlined === undefined ? numberedCapsLabel(node) : undefined;
    if (underlined !== undefined) {
      if (!headingIds(underlined, config).includes(id)) continue;
      i++;
    } else if (caps !== undefined) {
      if (!headingIds(caps, config).includes(id)) continue;
    } else if (node.type !== 'paragraph' || !isLabelFor(paragraphLine(node), id, config)) continue;
    while (
      i + 1 < nodes.length &&
      ['list', 'table', 'paragraph', ...(id === 'timeline' ? ['code'] : [])].includes(
        nodes[i + 1]!.type,
      )
    ) {
      const next = nodes[i + 1]!;
      // The next label of the report ("7. LESSONS LEARNED") ends the section, as an underlined one does.
      if (underlinedLabel(nodes, i + 1) !== undefined || numberedCapsLabel(next) !== undefined)
        break;
      if (
        next.type === 'paragraph' &&
        (id !== 'timeline'
          ? // A group label ("Short term:") between lists of items stays with them, and so do
            // points numbered without list markup ("a) …", "R1. …").
            !(
              id === 'action-items' &&
              (isTermGroup(toString(next)) || isNumberedParagraph(toString(next)))
            )
          : labelText(paragraphLine(next)) !== undefined &&
            dayMark(toString(next), 0, 'line') === undefined)
      )
        break;
      found.push(next);
      i++;
    }
  }
  return found;
}

/**
 * Whether most of a block's lines start with a time (three or more of them, two in three): a
 * timeline pasted as a log or written as plain lines. Lines that continue an entry (indented, or
 * not starting with a digit or a backtick) are left out of the count.
 */
function mostlyTimedLines(block: string): boolean {
  const lines = block.split('\n').filter((l) => /^\s*[\d`*]/.test(l));
  if (lines.length < 3) return false;
  let timed = 0;
  for (const l of lines) if (parseEntryTime(l.trim())?.text.includes(':')) timed++;
  return timed >= 3 && timed * 3 >= lines.length * 2;
}

/** Whether any line of a text could be a label for this section: the line reader then leaves the text to the whole parse. */
export function hasLabelLine(text: string, id: string, config: Config): boolean {
  const lines = text.split(/\r?\n|\r/);
  for (const [i, line] of lines.entries()) {
    if (line.length <= 90 && isLabelFor(line, id, config)) return true;
    const numbered = /^\s*\d{1,9}[.)]\s+(\S.*?)\s*$/.exec(line);
    // Underlined ("2. Impact" over dashes), or in capitals ("6. RECOMMENDATIONS").
    if (
      numbered &&
      (/^\s*(?:-{3,}|={3,})\s*$/.test(lines[i + 1] ?? '') ||
        (numbered[1]!.length <= 60 && /^[\p{Lu}\p{N} &/'’()-]+$/u.test(numbered[1]!)))
    ) {
      if (headingIds(numbered[1]!, config).includes(id)) return true;
    }
  }
  return false;
}

/** Whether any list item line of a text starts with a time: a list of them may be a timeline without a heading (see labelledNodes). */
export function hasTimedItemLine(text: string): boolean {
  for (const m of text.matchAll(/^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(.*)$/gm))
    if (parseEntryTime(m[1]!)?.text) return true;
  // A line of a code block or paragraph that starts with a time (see mostlyTimedLines); the
  // first character is checked before the time is parsed.
  for (const m of text.matchAll(/^[ \t]*([\d`][^\r\n]*)$/gm))
    if (parseEntryTime(m[1]!)?.text.includes(':')) return true;
  // A table row whose first cell starts with a time (see labelledNodes).
  for (const m of text.matchAll(/^[ \t]*\|?([^|\r\n]*)\|/gm))
    if (parseEntryTime(m[1]!.trim())?.text) return true;
  return false;
}

/** A label over what was affected: a list of services under it is the services field, not the impact. */
const AFFECTED_LABEL =
  /^(?:(?:(?:which|what) )?(?:systems?|services?|applications?|components?|platforms?) (?:(?:were|was) )?(?:affected|impacted)|affected (?:systems|services|applications|components|platforms))$/i;
const EFFECT =
  /\b(?:fail(?:ed|ing|s|ure)?|unavailable|down|outages?|could ?n[o'’]t|unable|errors?|delayed|lost|degraded|slow|timed? out|offline|broken)\b/i;

/** Whether the prose paragraph after line `from` (not a list or a table) says what the effect was. */
function statesEffect(lines: readonly string[], from: number): boolean {
  let i = from;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  const first = lines[i] ?? '';
  if (/^\s*(?:[-*+|]|\d{1,9}[.)])\s/.test(first)) return false;
  for (let n = 0; n < 4 && i < lines.length && lines[i]!.trim() !== ''; n++, i++)
    if (EFFECT.test(lines[i]!)) return true;
  return false;
}

/** A two-cell table row labelled with the root cause, and its value. */
const CAUSE_ROW = /^\|\s*(?:\*\*)?root[ -]?cause(?:\*\*)?\s*\|\s*([^|]*?)\s*\|?\s*$/i;

/**
 * The sections a text names with label lines instead of headings: a bold or upper-case line
 * standing alone ("**Why it happened**", "ROOT CAUSE", "Timeline:"), a numbered label underlined
 * with dashes ("2. Impact" over "---------"), or a short label opening a paragraph ("Impact: 70
 * minutes of failed logins"), or a metadata table's Root cause row. What required-section counts
 * as present.
 */
export function labelLineIds(text: string, config: Config): Set<string> {
  const ids = new Set<string>();
  const lines = text.split(/\r?\n|\r/);
  const add = (label: string) => {
    for (const id of headingIds(label, config)) ids.add(id);
  };
  lines.forEach((line, i) => {
    // A metadata table's row that states the cause: "| Root cause | Not determined |".
    const row = line.startsWith('|') ? CAUSE_ROW.exec(line) : null;
    if (
      row &&
      /[\p{L}\p{N}]/u.test(row[1]!) &&
      !/^(?:tbd|tba|todo|n\/a|-+|\?+)$/i.test(row[1]!.trim())
    )
      for (const id of headingIds('Root cause', config)) ids.add(id);
    if (i > 0 && lines[i - 1]!.trim() !== '') return;
    const next = lines[i + 1] ?? '';
    // A label opening a paragraph, also in italics: "Impact: …", "_Lessons:_ …", "*Lessons*: …".
    const opening = /^\s*([*_]{1,2})?(\p{L}[\p{L}'’ ]{1,30}?)\s*(?::\s*\1|\1\s*:)\s+\S/u.exec(line);
    const numbered = /^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+(\S.{1,60}?)\s*$/.exec(line);
    if (numbered && /^\s*(?:-{3,}|={3,})\s*$/.test(next)) return add(numbered[1]!);
    // A numbered label in capitals standing alone ("5. ROOT CAUSE"), as in plain-text reports.
    const caps = numbered && /^[\p{Lu}\p{N} &/'’()-]+$/u.test(numbered[1]!);
    if (caps && next.trim() === '' && /\p{Lu}{3}/u.test(numbered[1]!)) return add(numbered[1]!);
    const label = line.length <= 90 ? labelText(line) : undefined;
    if (label !== undefined && AFFECTED_LABEL.test(label) && statesEffect(lines, i + 1))
      ids.add('impact');
    if (label !== undefined) return add(label);
    // "TODO: count the failed queries" is a placeholder, not a label for a section.
    if (
      opening &&
      opening[2]!.split(/\s+/).length <= 3 &&
      !/^(?:todo|to do|tbd|tba|fixme|note|nb)$/i.test(opening[2]!.trim())
    )
      add(opening[2]!);
  });
  return ids;
}
