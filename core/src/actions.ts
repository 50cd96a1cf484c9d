import { ACTION_KINDS, type ActionKind } from './taxonomy';
import { isIsoDate } from './dates';
import { looseIsoDate } from './timeline';

/** An action item: a task-list item, list item or table row of the Action Items section. */
export interface ActionItem {
  /** The item's text, as written. */
  text: string;
  /** Text with the owner, due date, kind and tracker tokens removed. */
  title: string;
  owner?: string;
  /** The due date as written (due:...), valid or not. */
  dueRaw?: string;
  /** The due date when it is a real YYYY-MM-DD date. */
  due?: string;
  kind?: ActionKind;
  tracker?: string;
  done: boolean;
  overdue: boolean;
  source: 'task' | 'list' | 'table';
  start: number;
  end: number;
  /** What to edit to flip its state: a checkbox character or a status cell. */
  toggle?: { start: number; end: number; doneText: string; openText: string };
}

const OWNER = /(?:^|[\s(,;])@([\p{L}\p{N}][\p{L}\p{N}._-]*[\p{L}\p{N}]|[\p{L}\p{N}])/u;
/** "Owner: Priya", "Assignee - bob", "owners: a, b": the first name after the label. */
const OWNER_LABEL =
  /\b(?:owners?|assignee|assigned to|dri)\s*[:=–—-]\s*@?([\p{L}][\p{L}\p{N}._'-]*(?:\s+\p{Lu}[\p{L}'-]+)?)/iu;
/** A name in parentheses at the end, or before a ticket: "Rotate the keys (alice)", "(Priya Shah) - OPS-12". */
const OWNER_PAREN =
  /\(\s*@?([\p{Ll}][\p{L}\p{N}._-]{1,30}|\p{Lu}[\p{Ll}'-]+(?:\s+\p{Lu}[\p{Ll}'-]+)?)\s*\)(?=\s*[.;]?\s*$|\s*[-–—,;:]\s*(?:\[?[A-Z][A-Z0-9]{1,9}-\d+|\[|https?:|due\b|by\b))/u;
/** A name before a ticket in parentheses, a team in parentheses, or a name after a dash at the end: "(Hana, INFRA-88)", "(product team)", "— Jonas". */
const OWNER_OTHER =
  /\(\s*@?(\p{Lu}[\p{Ll}'-]+(?:\s+\p{Lu}[\p{Ll}'-]+)?)\s*,\s*[A-Z][A-Z0-9]{1,9}-\d+\s*\)|\(\s*([\p{L}][\p{L} -]{1,30}\steam)\s*\)|\s[-–—]\s*@?(\p{Lu}[\p{Ll}'-]+(?:\s+\p{Lu}[\p{Ll}'-]+)?)\s*\.?\s*$/u;

/** Words people put in parentheses at the end of an item that are not names. */
const NOT_NAMES =
  /^(optional|done|complete|completed|fixed|shipped|closed|resolved|wip|tbd|tba|pending|blocked|open|ongoing|planned|in progress|high|medium|low|critical|urgent|stretch|maybe|later|now|next|todo|draft|prevent|detect|mitigate|process|repair|investigate|mitigation|prevention|detection|new|again|done)$/i;
const DUE = /\bdue:\s*(\S+?)(?=[\s,;)\]]|$)/i;
/** "by 2024-03-01", "due 1 Mar 2024", "ETA: March 1, 2024", "deadline 03/01/2024". */
const DUE_WORDS =
  /\b(?:due|by|eta|deadline|target)\s*:?\s*(\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4}|\d{1,2} [A-Z][a-z]{2,8}\.? \d{4}|[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4})(?![\w/])/i;
const KIND = new RegExp(`(?:^|\\s)#(${ACTION_KINDS.join('|')})\\b`, 'i');
const TRACKER_KEY = /\b([A-Z][A-Z0-9]{1,9}-\d+)\b/;
const URL = /\bhttps?:\/\/[^\s)>\]]+/;
/** Marks that say an item is done: ✅ ✔ ☑, "(done)", "[completed]", "Done:" before it, "— done" after it, "Status: done". */
const DONE_MARK =
  /(?:^|\s)(?:✅|✔️?|☑️?|✓)(?=\s|$)|\(\s*(?:done|completed?|fixed|shipped|closed|resolved|merged)\b[^)]*\)|\[\s*(?:done|completed?)\s*\]|^(?:done|completed?|fixed|shipped)\s*[:–—-]\s+|\s[–—-]\s*(?:done|completed?|fixed|shipped|closed)\.?\s*$|\bstatus\s*:\s*(?:done|completed?|closed|fixed|shipped|resolved)\b/iu;
/** The same tokens, every occurrence: what the title leaves out (replace() starts each from the beginning). */
const OWNERS = new RegExp(OWNER.source, 'gu');
const DUES = new RegExp(DUE.source, 'gi');
const KINDS = new RegExp(KIND.source, 'gi');
const DONE_MARKS = new RegExp(DONE_MARK.source, 'giu');

/** Reads owner, due date, kind and tracker from an item's text. */
export function readTokens(
  text: string,
): Pick<ActionItem, 'owner' | 'dueRaw' | 'due' | 'kind' | 'tracker' | 'title'> {
  const paren = OWNER_PAREN.exec(text)?.[1];
  const other = OWNER_OTHER.exec(text);
  const otherName = other && (other[1] ?? other[2] ?? other[3]);
  const owner =
    OWNER.exec(text)?.[1] ??
    OWNER_LABEL.exec(text)?.[1] ??
    (paren && !NOT_NAMES.test(paren) && !TRACKER_KEY.test(paren) ? paren : undefined) ??
    (otherName && !NOT_NAMES.test(otherName) ? otherName : undefined);
  const dueRaw = DUE.exec(text)?.[1] ?? DUE_WORDS.exec(text)?.[1];
  const kind = KIND.exec(text)?.[1]?.toLowerCase() as ActionKind | undefined;
  const trackerKey = TRACKER_KEY.exec(text)?.[1];
  const tracker = trackerKey ?? URL.exec(text)?.[0];
  let title = text
    .replace(DONE_MARKS, ' ')
    .replace(OWNERS, ' ')
    .replace(DUES, ' ')
    .replace(KINDS, ' ');
  if (owner && OWNER_LABEL.test(title)) title = title.replace(OWNER_LABEL, ' ');
  else if (owner && owner === paren) title = title.replace(OWNER_PAREN, ' ');
  else if (owner && owner === otherName) title = title.replace(other![0], ' ');
  if (trackerKey) title = withoutLabelKey(title, trackerKey);
  title = title
    .replace(/\(\s*\)|\[\s*\]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/[\s,;:–—-]+$/u, '')
    .trim();
  return { owner, dueRaw, due: dueDate(dueRaw), kind, tracker, title };
}

/**
 * The title without a tracker key that labels the item: first ("OPS-1: Fix x"), last ("Fix x
 * OPS-1", "Fix x (OPS-1)"). A key inside a sentence ("(decision record KV-91) before") stays.
 */
function withoutLabelKey(title: string, key: string): string {
  const at = title.indexOf(key);
  if (at < 0) return title;
  const before = title.slice(0, at);
  const after = title.slice(at + key.length);
  if (/^\s*[[(]?\s*$/.test(before)) return ' ' + after.replace(/^\s*[\])]?\s*[:–—-]?/u, ' ');
  if (/^\s*[\])]\s*$/.test(after) && /[[(]\s*$/.test(before))
    return before.replace(/\s*[[(]\s*$/, ' ') + ' ';
  if (/^\s*$/.test(after) && /\s$/.test(before)) return before;
  return title;
}

/** The real date of a due date as written: ISO, or a date written another common way (see looseIsoDate). */
export function dueDate(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  return isIsoDate(raw) ? raw : looseIsoDate(raw);
}

/** How a reader found an item written, beyond its text: struck through (~~like this~~), under a "Completed" group. */
export interface ItemMarks {
  struck?: boolean;
  group?: GroupState;
}

/**
 * The action item of a list item whose first paragraph is `body`, written at [start, end) of
 * `text`; `checked` is the task box's state (null or undefined: a plain list item). Done when the
 * box is checked, or, without a box, when the text carries a done mark (✅, "(done)", ...), it is
 * struck through, or it sits under a "Completed" group.
 */
export function listAction(
  text: string,
  body: string,
  checked: boolean | null | undefined,
  start: number,
  end: number,
  marks: ItemMarks = {},
): ActionItem {
  const task = checked !== null && checked !== undefined;
  const done = task
    ? checked === true
    : DONE_MARK.test(body) || marks.struck === true || marks.group === 'done';
  const action: ActionItem = {
    text: body,
    ...readTokens(body),
    done,
    overdue: false,
    source: task ? 'task' : 'list',
    start,
    end,
  };
  if (task) {
    const box = /^[ \t]*(?:[-*+]|\d+[.)])[ \t]+\[([ xX])\]/.exec(text.slice(start, end));
    if (box) {
      const at = start + box[0].length - 2;
      action.toggle = { start: at, end: at + 1, doneText: 'x', openText: ' ' };
    }
  }
  return action;
}

/** Whether a text carries a done mark (✅, "(done)", "Done:" ...; see DONE_MARK). */
export function hasDoneMark(text: string): boolean {
  return DONE_MARK.test(text);
}

/** What a group label above items says of them: "Completed" -> done, "In progress" -> open. */
export type GroupState = 'done' | 'open' | undefined;

/** The state a group label ("### Completed", "**Short-term:**", "Long-term (done)") gives the items under it. */
export function groupState(label: string): GroupState {
  const l = label.toLowerCase();
  if (
    /\b(not (yet )?(done|completed?)|in progress|incomplete|to ?do|pending|planned|open|remaining|outstanding)\b/.test(
      l,
    )
  )
    return 'open';
  if (/\b(completed?|done|finished|closed|shipped|resolved|already (fixed|done))\b|✅/.test(l))
    return 'done';
  return undefined;
}

/** Whether an item's text is a label for the items nested under it ("Short-term:", "Completed") rather than an item. */
export function isGroupLabel(body: string): boolean {
  const b = body.trim();
  return (
    (/:$/.test(b) && b.split(/\s+/).length <= 6) ||
    /^(short|mid|medium|long)[- ]term\b|^(immediate|completed?|done|in progress|open|pending|planned|later|next)\b.{0,20}$/i.test(
      b,
    )
  );
}

const DONE_WORDS =
  /^(?:done|closed|complete|completed|fixed|resolved|shipped|merged|finished|yes|✅|✔️?|☑️?|✓|x)(?![\p{L}])/iu;

/** True when a Status cell says the item is done. */
export function isDoneStatus(cell: string): boolean {
  return DONE_WORDS.test(cell.replace(/[*_`~]/g, '').trim());
}

/** Maps a table header cell to the column it is. */
export function columnRole(
  header: string,
): 'action' | 'owner' | 'due' | 'kind' | 'status' | 'tracker' | undefined {
  const h = header.toLowerCase().trim();
  if (
    /^(action|action item|item|task|description|what|remediation|corrective action|follow[- ]?up|fix|improvement|work item|change)s?$/.test(
      h,
    )
  )
    return 'action';
  if (
    /^(owner|owners|owner\(s\)|assignee|assigned to|assigned|who|responsible|dri|team|lead|accountable)$/.test(
      h,
    )
  )
    return 'owner';
  if (/^(due|due date|deadline|by|by when|target|target date|eta|when|date)$/.test(h)) return 'due';
  if (/^(kind|type|category)$/.test(h)) return 'kind';
  if (/^(status|state|done|done\?|complete|completed|progress)$/.test(h)) return 'status';
  if (
    /^(tracker|ticket|tickets|issue|issues|link|links|jira|bug|reference|ref|tracking|pr)$/.test(h)
  )
    return 'tracker';
  return undefined;
}

/** Marks each item overdue when it is open and its due date is before `today`. */
export function markOverdue(items: ActionItem[], today: string): void {
  for (const item of items) item.overdue = !item.done && item.due !== undefined && item.due < today;
}

/** The edit that flips an action item between open and done, or undefined if it has no state to flip. */
export function toggleEdit(
  item: ActionItem,
): { start: number; end: number; text: string } | undefined {
  if (!item.toggle) return undefined;
  return {
    start: item.toggle.start,
    end: item.toggle.end,
    text: item.done ? item.toggle.openText : item.toggle.doneText,
  };
}
