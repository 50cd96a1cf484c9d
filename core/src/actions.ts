import { ACTION_KINDS, type ActionKind } from './taxonomy';
import { isIsoDate } from './dates';

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
const DUE = /\bdue:\s*(\S+?)(?=[\s,;)\]]|$)/i;
const KIND = new RegExp(`(?:^|\\s)#(${ACTION_KINDS.join('|')})\\b`, 'i');
const TRACKER_KEY = /\b([A-Z][A-Z0-9]{1,9}-\d+)\b/;
const URL = /\bhttps?:\/\/[^\s)>\]]+/;
/** The same tokens, every occurrence: what the title leaves out (replace() starts each from the beginning). */
const OWNERS = new RegExp(OWNER.source, 'gu');
const DUES = new RegExp(DUE.source, 'gi');
const KINDS = new RegExp(KIND.source, 'gi');

/** Reads owner, due date, kind and tracker from an item's text. */
export function readTokens(text: string): Pick<ActionItem, 'owner' | 'dueRaw' | 'due' | 'kind' | 'tracker' | 'title'> {
  const owner = OWNER.exec(text)?.[1];
  const dueRaw = DUE.exec(text)?.[1];
  const kind = KIND.exec(text)?.[1]?.toLowerCase() as ActionKind | undefined;
  const trackerKey = TRACKER_KEY.exec(text)?.[1];
  const tracker = trackerKey ?? URL.exec(text)?.[0];
  const title = (trackerKey ? text.replace(trackerKey, ' ') : text)
    .replace(OWNERS, ' ')
    .replace(DUES, ' ')
    .replace(KINDS, ' ')
    .replace(/\(\s*\)|\[\s*\]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/[\s,;:–—-]+$/u, '')
    .trim();
  return { owner, dueRaw, due: dueRaw && isIsoDate(dueRaw) ? dueRaw : undefined, kind, tracker, title };
}

/**
 * The action item of a list item whose first paragraph is `body`, written at [start, end) of
 * `text`; `checked` is the task box's state (null or undefined: a plain list item).
 */
export function listAction(text: string, body: string, checked: boolean | null | undefined, start: number, end: number): ActionItem {
  const task = checked !== null && checked !== undefined;
  const action: ActionItem = { text: body, ...readTokens(body), done: checked === true, overdue: false, source: task ? 'task' : 'list', start, end };
  if (task) {
    const box = /^[ \t]*(?:[-*+]|\d+[.)])[ \t]+\[([ xX])\]/.exec(text.slice(start, end));
    if (box) {
      const at = start + box[0].length - 2;
      action.toggle = { start: at, end: at + 1, doneText: 'x', openText: ' ' };
    }
  }
  return action;
}

const DONE_WORDS = /^(done|closed|complete|completed|fixed|resolved|shipped|merged|finished|yes|✅|✔️?|☑️?|x)$/iu;

/** True when a Status cell says the item is done. */
export function isDoneStatus(cell: string): boolean {
  return DONE_WORDS.test(cell.replace(/[*_`~]/g, '').trim());
}

/** Maps a table header cell to the column it is. */
export function columnRole(header: string): 'action' | 'owner' | 'due' | 'kind' | 'status' | 'tracker' | undefined {
  const h = header.toLowerCase().trim();
  if (/^(action|action item|item|task|description|what|remediation)s?$/.test(h)) return 'action';
  if (/^(owner|owners|assignee|who|responsible|dri)$/.test(h)) return 'owner';
  if (/^(due|due date|deadline|by|target|target date|eta)$/.test(h)) return 'due';
  if (/^(kind|type|category)$/.test(h)) return 'kind';
  if (/^(status|state|done)$/.test(h)) return 'status';
  if (/^(tracker|ticket|issue|link|jira|bug|reference|ref)$/.test(h)) return 'tracker';
  return undefined;
}

/** Marks each item overdue when it is open and its due date is before `today`. */
export function markOverdue(items: ActionItem[], today: string): void {
  for (const item of items) item.overdue = !item.done && item.due !== undefined && item.due < today;
}

/** The edit that flips an action item between open and done, or undefined if it has no state to flip. */
export function toggleEdit(item: ActionItem): { start: number; end: number; text: string } | undefined {
  if (!item.toggle) return undefined;
  return { start: item.toggle.start, end: item.toggle.end, text: item.done ? item.toggle.openText : item.toggle.doneText };
}
