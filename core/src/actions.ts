import { ACTION_KINDS, type ActionKind } from './taxonomy';
import { isIsoDate } from './dates';
import { escapeRegExp } from './text';
import { looseIsoDate, parseEntryTime } from './timeline';

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
  /**
   * The item says it will not be done ("— Won't do (covered by item 1)", "❌ Cancelled: …", a
   * Status cell "Cancelled"): closed without being done. Never overdue, asked for no owner or date.
   */
  cancelled?: boolean;
  overdue: boolean;
  source: 'task' | 'list' | 'table';
  start: number;
  end: number;
  /** What to edit to flip its state: a checkbox character or a status cell. */
  toggle?: { start: number; end: number; doneText: string; openText: string };
}

const OWNER = /(?:^|[\s(,;])@([\p{L}\p{N}][\p{L}\p{N}._-]*[\p{L}\p{N}]|[\p{L}\p{N}])/u;
/** "Owner: Priya", "Assignee - bob", "Responsible: Ops team", "assigned to Mina Park": the label before a name. */
const OWNER_LABEL =
  /\b(?:(?:owners?|assignee|dri|responsible|accountable|who)\s*[:=–—-]|assigned to\s*:?|owned by\s*:?)\s*@?/iu;
/** The name after an owner label, read case-sensitively: "Head of Batch Operations", "lee", "j.smith", "Ops team". */
const LABEL_NAME =
  /^(?:\p{Lu}\.\s?)?[\p{L}][\p{L}\p{N}_'-]*(?:\.[\p{L}\p{N}_'-]+)*(?:\s+(?:(?:of|for|and|&)\s+)?\p{Lu}[\p{L}'-]*){0,3}(?:\s+(?:team|squad|group))?/u;

/** The owner an owner label names, and the text of label and name (what the title leaves out). */
function labelledOwner(text: string): { name: string; span: string } | undefined {
  const label = OWNER_LABEL.exec(text);
  if (!label) return undefined;
  const rest = text.slice(label.index + label[0].length);
  const name = LABEL_NAME.exec(rest)?.[0];
  return name ? { name, span: label[0] + name } : undefined;
}

/**
 * A name in parentheses at the end, or before a ticket or the item's state: "Rotate the keys
 * (alice)", "(Priya Shah) - OPS-12", "(Dana Ruiz) — done", "(Kofi) – in review".
 */
const OWNER_PAREN =
  /\(\s*@?([\p{Ll}][\p{L}\p{N}._-]{1,30}|\p{Lu}[\p{Ll}'-]+(?:\s+\p{Lu}[\p{Ll}'-]+)?|\p{Lu}{2,5}\s+\p{Lu}[\p{Ll}'-]+|\p{Lu}[\p{Ll}'-]+\s+\p{Lu}{2,5}|\p{Lu}\.\s?\p{Lu}[\p{Ll}'-]+|\p{Lu}[\p{Ll}'-]+\s+\p{Lu}\.)\s*(?:,\s*(?:due|by|eta|target)\b[^()]{1,30})?\)(?=\s*[-–—,;:]\s*(?:within|next|this|by|due|before|until|end of|in (?:Q[1-4]|\d))\b[^()]{0,50}$|\s*[.;]?\s*$|\s*[-–—,;:]\s*(?:\[?[A-Z][A-Z0-9]{1,9}-\d+|\[|https?:|due\b|by\b)|\s*[-–—,;:]\s*(?:[dD]one|[cC]ompleted?|[cC]losed|[mM]erged|[sS]hipped|[fF]ixed|[rR]esolved|[iI]n review|[iI]n progress|[oO]pen|[pP]ending|[pP]lanned|[bB]locked|[wW]ip|[oO]ngoing|[tT]o ?do|[nN]ot started|[sS]tarted)(?![\p{L}])[^()]{0,80}$)/u;
/** A capitalised name in brackets followed by a note after a dash: "(Rafaela) — asked twice, no answer yet". */
const OWNER_PAREN_NOTE =
  /\(\s*@?(\p{Lu}[\p{Ll}'-]+(?:\s+\p{Lu}[\p{Ll}'-]+)?)\s*\)\s*[–—-]\s*\p{Ll}[^()–—]{0,60}$/u;
/** A name before a ticket in parentheses, a team in parentheses, or a name after a dash at the end: "(Hana, INFRA-88)", "(product team)", "(marketing science)", "— Jonas". */
const OWNER_OTHER =
  /\(\s*@?(\p{Lu}[\p{Ll}'-]+(?:\s+\p{Lu}[\p{Ll}'-]+)?)\s*,\s*[A-Z][A-Z0-9]{1,9}-\d+\s*\)|\(\s*([\p{L}][\p{L} -]{1,30}\steam|(?!(?:for|in|on|with|to|by|of|via|see|no|not|per|from|after|before|the|a|an|more|less|better|all|some|any|our|their|its|needs?)\s)[\p{L}][\p{L}-]*(?:\s[\p{L}-]+)?\s(?:squad|group|science|engineering|eng|ops|infra|infrastructure|sre|devops|desk|platform|operations|reliability|networking|tooling|lead|manager|owner|architect))\s*(?:,\s*(?:due|by|eta|target)\b[^()]{1,30})?\)|\s[-–—]\s*@?(\p{Lu}[\p{Ll}'-]+(?:\s+\p{Lu}[\p{Ll}'-]+)?)\s*\.?\s*$/u;

/** Words people put in parentheses at the end of an item that are not names. */
const NOT_NAMES =
  /^(someday|soon|deferred|dropped|cancell?ed|wontfix|partial|partially|important|nice|quick|asap|ongoing|implemented|live|yes|no|n\/a|optional|done|complete|completed|fixed|shipped|closed|resolved|wip|tbd|tba|pending|blocked|open|ongoing|planned|in progress|high|medium|low|critical|urgent|stretch|maybe|later|now|next|todo|draft|prevent|detect|mitigate|process|repair|investigate|mitigation|prevention|detection|new|again|done|hotfix|patch|rollback|manual|manually|workaround|temporary|interim|permanent|backport|unassigned|nobody|no owner|tbc)$/i;
const DUE = /\bdue:\s*(\S+?)(?=\.?(?:[\s,;)\]]|$))/i;
/** A due period written as a quarter or a month: "Q2", "Q3 2025", "Q1'26", "end of January 2026". */
const QUARTER =
  /^(?:(?:end of\s+)?(?:Q[1-4]|H[12])(?:[\s/-]*(?:\d{4}|'\d{2}))?|\d{4}[\s/-]?(?:Q[1-4]|H[12])|\d{4}-(?:0[1-9]|1[0-2])|(?:(?:end|start|beginning|mid|middle) of\s+)?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?:\s+\d{4})?)$/i;
/** A quarter or a half-year followed by what it brings: "Q3 platform upgrade", "H2 2026 release". */
const QUARTER_OCCASION = /^(?:Q[1-4]|H[12])(?:\s*\d{4})?\s+\p{L}[\p{L} -]{1,40}$/u;
/** "by Q2", "target: Q3 2025", "📅 Q1 2026": a quarter as the due period. */
const DUE_QUARTER =
  /(?:\b(?:due|by|eta|deadline|target)(?:\s+date)?\s*:?\s*|\b(?:planned|scheduled|expected|targeted|in|for)\s+(?:for\s+|in\s+|by\s+)?|📅\s*)((?:end of\s+)?Q[1-4](?:\s*(?:\d{4}|'\d{2}))?|\d{4}-?Q[1-4]|(?:(?:end|start|beginning|mid|middle) of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{4})(?![\w/])/i;
/**
 * An owner after a dash near the end, followed by nothing or by a due date or state after a comma:
 * "— Jonas Richter, due 2025-11-15", "— Noor Haddad, done.", "- Facilities IT, Q2 2025",
 * "— team-netops", "— Trust & Reliability team, Q1 2026". Group 1 is the owner, group 2 what follows.
 */
const OWNER_DASH =
  /\s[–—-]\s*@?((?:(?:\p{Lu}\.\s?)?\p{Lu}[\p{Ll}'-]+(?:\s+(?:(?:of|for|and|&)\s+)?\p{Lu}[\p{Ll}'-]+){0,3}(?:\s+\p{Lu}\.)?|\p{Lu}{2,6}(?:\s+\p{Lu}[\p{Ll}'-]+){0,2}|\p{Lu}\p{Ll}+\p{Lu}\p{Ll}+)(?:\s*[&/+]\s*(?:(?:\p{Lu}\.\s?)?\p{Lu}[\p{Ll}'-]+(?:\s+\p{Lu}[\p{Ll}'-]+)?|\p{Lu}{2,6}|\p{Lu}\p{Ll}+\p{Lu}\p{Ll}+)){0,2}|\p{Ll}{2,20}|\p{Lu}[\p{L}-]*(?:\s+(?:&\s+)?[\p{L}-]+){0,3}\s+(?:teams?|squads?|groups?|IT|desk|leads?|ops|managers?|engineers?|owners?|directors?|architects?|admins?|officers?|coordinators?|product|SRE|guild|chapter|crew|on-?call|council|board|rotation)|\p{Ll}[\p{L}\p{N}-]*(?:\s+(?:&\s+)?[\p{L}\p{N}-]+){0,2}\s+(?:teams?|squads?|groups?)|\p{Lu}[\p{L}'-]*\s+(?:eng|engineering|reliability|tools|tooling|automation|infra|infrastructure|ops|operations|platform|security|support|data|analytics|finance|billing|payments|networking|network|storage|sre|devops|on-?call|qa|release|releases|mobile|web|backend|frontend|core|db|architecture)|team-[\p{L}\p{N}-]+|[\p{L}\p{N}-]+-team|\p{Ll}[\p{Ll}-]*\s+(?:platform|infra|infrastructure|ops|operations|engineering|security|sre|networking|storage|support|on-?call|tooling|reliability))(?:\s*,\s*["“']?((?:due|by|eta|target|done|completed?|Q[1-4]|\d|next|this|end of|before|after|from|tracked|ticket|see|via|in|within|ongoing|on hold|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?(?=\s+\d|\s*\.?\s*$))[^–—]{0,40}?))?\s*\.?\s*$/u;
/** A period after a comma at the end, after who does it: "— @analytics-lead, Q2", "unassigned, next sprint". */
const DUE_AFTER_COMMA = /,\s*([\p{L}\p{N}"“' ]{2,30}?)\s*\.?\s*$/u;
/**
 * A role that every one of its holders takes on, as the subject of the item: "Every maintainer
 * will review their tokens", "All on-call engineers must finish the drill".
 */
const ROLE_SUBJECT =
  /^\s*(?:every|each|all)\s+((?:[\p{L}-]+\s+)?(?:maintainers?|engineers?|developers?|teams?|owners?|reviewers?|managers?|leads?|admins?|administrators?|operators?|contributors?|on-?call(?:ers?)?|sres?|members?|staff))\s+(?:will|must|should|shall|needs? to|has to|have to|to)\s/iu;
/** What a due label gives, up to the end of its clause: "Target: end of Semester 1.", "Due: next sprint". */
const DUE_LABEL = /\b(?:due|eta|target|deadline)(?:\s+date)?\s*:\s*([^.;,()*_\n]{2,30})/i;
/** The item's state after a dash at the end: "— Status: Completed", "– State: open (on the agenda)", "— Cancelled (covered by the contract)". */
const STATE_TAIL =
  /\s[–—-]\s*(?:[⏳⌛❌✖🚧⏸🛑🟡🟠🔴⚪⬜🔵]\uFE0F?\s*)?[*_]{0,2}(?:(?:[Ss]tatus|[Ss]tate)\s*:\s*[^–—]{1,80}|TODO|[Tt]o ?do|IN PROGRESS|In progress|in progress|OPEN|[Oo]pen|PLANNED|[Pp]lanned|BLOCKED|[Bb]locked(?: (?:on|by) [^–—()]{1,40})?|WIP|[Nn]ot (?:yet )?started|NOT STARTED|[Ww]aiting (?:on|for) [^–—()]{1,40}|[Oo]n hold|ON HOLD|[Oo]ngoing|[Pp]ending|[Cc]ancell?ed|CANCELL?ED|[Dd]eferred|DEFERRED|[Dd]ropped|[Ww]on['’]t (?:do|fix)|WON['’]T (?:DO|FIX)|[Ww]ithdrawn)[*_]{0,2}(?:\s*\([^()]{0,80}\))?\s*\.?$/u;
/** A tracker key after a dash at the end, who does it before it: "— Rohan — PAY-771" (the key is read apart). */
const KEY_TAIL = /\s[–—-]\s*\[?[A-Z][A-Z0-9]{1,9}-\d+\]?\s*\.?$/u;
/** A dash after a space: what the dash forms (OWNER_DASH, DUE_DASH) start with. */
const DASHED = /\s[–—-]/u;
/** A due date alone after a dash at the end: "— Dec 15", "– 30 Sep", "— 2031-03-01", "— Q3", "— next sprint". */
const DUE_DASH =
  /\s[–—-]\s*((?:\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?)(?:,?\s+\d{4})?|\d{4}-\d{2}-\d{2}|Q[1-4](?:\s*\d{4})?|\d{4}-?Q[1-4]|(?:by|due|before|[Tt]arget:?|ETA:?|[Dd]eadline:?|[Dd]eferred to|[Mm]oved to|[Pp]ostponed to|[Pp]ushed to|[Rr]escheduled (?:to|for)|[Pp]lanned(?: (?:for|in))?|[Ss]cheduled (?:for|in)|[Tt]argeted (?:for|at))\s+[^–—]{1,30}?|(?:end|start|beginning|middle|mid) of\s+(?:the\s+)?(?:Q[1-4]|H[12]|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*|month|quarter|year|sprint)(?:\s+\d{4})?|(?:starting|from)\s+(?:Q[1-4]|H[12]|next|this|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)\b[^–—]{0,25}?|(?:the\s+)?(?:next|this|coming)\s+(?:sprint|quarter|release|iteration|cycle|milestone|month|week)|(?:in|within)\s+(?:a|an|one|two|three|four|five|six|\d{1,2}|a couple of|a few)\s+(?:days?|weeks?|months?|sprints?))\s*\.?\s*$/u;
/**
 * Parts of a bracket at the end that name who does it among other notes: "(supplier; by end of
 * May)", "(Digital team; from the next release)", "(in progress, Leopold)".
 */
const PAREN_NOTES = /\(([^()]{2,80}(?:[;,]|\s[–—]\s)[^()]{1,80})\)\s*[.;]?\s*$/u;
/** How the parts of such a bracket are set apart: a semicolon, a comma or a spaced dash. */
const NOTE_PARTS = /[;,]|\s[–—]\s/u;
const PAREN_NAME =
  /^@?(?:(?:\p{Lu}\.\s?)?\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*){0,2}|[\p{L}][\p{L} &-]{1,30}\s(?:team|squad|group|ops|desk)|team[- ][\p{L}-]+|\p{Ll}{3,20})$/u;
/** A name after an arrow at the end: "→ Priya Shah", "-> @priya". */
const OWNER_ARROW_NAME =
  /\s(?:→|->)\s*@?((?:\p{Lu}\.\s?)?\p{Lu}[\p{Ll}'-]+(?:\s+\p{Lu}[\p{Ll}'-]+){0,2}|\p{Ll}{2,20}|[\p{L}][\p{L} -]{1,30}\steam)\s*\.?\s*$/u;
/** An Obsidian owner link after an arrow: "→ [[Kofi Mensah]]". */
const OWNER_ARROW = /(?:→|->)\s*\[\[([^\]|]{1,60})(?:\|([^\]]{1,60}))?\]\]/u;
/** "by 2024-03-01", "due 1 Mar 2024", "ETA: March 1, 2024", "deadline 03/01/2024". */
/** A due word and what may follow it before the date: "due ", "Target date: ", "by ", "ETA: ". */
const DUE_WORD_BEFORE_DATE = String.raw`(?:due|by|eta|deadline|target)(?:\s+date)?\s*:?\s*`;
const DUE_WORDS = new RegExp(
  String.raw`(?:\b${DUE_WORD_BEFORE_DATE}|📅\s*)(\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4}|\d{1,2} [A-Z][a-z]{2,8}\.? \d{4}|[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4})(?![\w/])`,
  'i',
);
/** The same without a year, placed later from the incident's date: "due 3 March", "(ETA Mar 3)", "by 3/15". */
const DUE_YEARLESS = new RegExp(
  String.raw`\b${DUE_WORD_BEFORE_DATE}(\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?|\d{1,2}\/\d{1,2})(?![\w/]|,? \d{4})`,
  'i',
);
const KIND = new RegExp(`(?:^|\\s)#(${ACTION_KINDS.join('|')})\\b`, 'i');
const TRACKER_KEY = /\b([A-Z][A-Z0-9]{1,9}-\d+)\b/;
const URL = /\bhttps?:\/\/[^\s)>\]]+/;
/** Marks that say an item is done: ✅ ✔ ☑, "(done)", "[completed]", "Done:" before it, "— done", "— completed 13 January" or "— in place since 18 May" after it, ", done." or ". Done 12 Feb." (". Implemented 22 May.", ". Closed.") ending it, "Status: done". */
const DONE_MARK =
  /(?:^|\s)(?:✅|✔️?|☑️?|✓|:white_check_mark:|:heavy_check_mark:|:ballot_box_with_check:)(?=\s|$)|\(\s*(?:done|completed?|fixed|shipped|closed|resolved|merged|implemented|deployed|in place|in effect|in force|rolled out)\b[^)]*\)|\[\s*(?:done|completed?)\s*\]|^(?:done|completed?|fixed|shipped)\s*[:–—-]\s+|\s[–—-]\s*(?:(?:✅|✔️?|☑️?)\s*)?(?:done|completed?|fixed|shipped|closed|in place|live|rolled out|deployed|finished|resolved|merged|implemented)(?:\s+(?:on\s+|in\s+|since\s+)?(?=[^–—]*\d)[\p{L}\p{N} ,./-]{1,25})?(?:\s*\([^()]{1,40}\))?\.?\s*$|(?:,|[.;!?]\s)\s*(?:done|completed?|implemented|closed)(?:\s+(?:on\s+)?(?=[^.]*\d)[\p{L}\p{N} ,/-]{1,20})?\.?\s*$|\bstatus\s*:\s*(?:done|completed?|closed|fixed|shipped|resolved)\b|\s[–—-]\s*(?:done|completed?|fixed|shipped|closed)\s*,\s*(?:shipped|released|deployed|merged|rolled out|live|in)\b[^–—]{0,60}$|[.;!?]\s+(?:this|it)\s+(?:shipped|(?:was|has been)\s+(?:done|completed|shipped|deployed|fixed|rolled out)|is\s+(?:done|live|in place))\b[^.]{0,40}\.?\s*$/iu;
/** A word or sign every DONE_MARK holds, searched for in the lower-cased text before the expression runs. */
const DONE_WORD =
  /done|complet|finished|fixed|shipped|closed|resolved|merged|implemented|deployed|in place|in effect|in force|rolled out|live|status|✅|✔|☑|✓|:white_check_mark:|:heavy_check_mark:|:ballot_box_with_check:/;
const DIGIT = /\d/;
/** Spaces a title's words are not simply separated by: two or more, or another kind than a space. */
const SPACES = /\s\s|[^\S ]/;
/**
 * An item written as the template writes it: a title of words (no digit, no sign any other form
 * needs), then `@owner` (letters, dots, dashes), `due:YYYY-MM-DD`, an optional `#kind` and an
 * optional tracker key. readTokens reads it as the general forms do (test/actions-canonical.test.ts).
 */
const CANONICAL =
  /^([\p{L} ,.'/&+?!%;"-]+?) @(\p{L}(?:[\p{L}._-]*\p{L})?) due:(\d{4}-\d{2}-\d{2})(?: #(prevent|detect|mitigate|process))?(?: ([A-Z][A-Z0-9]{1,9}-\d+))?$/u;
/** What DUE_QUARTER needs: a quarter or a year. */
const QUARTER_OR_YEAR = /q[1-4]|\d{4}/;
/** What DUE_MONTH needs: a due word. */
const DUE_WORD = /due|by|eta|target|deadline|planned|scheduled|expected|ship|land|goes live/;
/**
 * A title's last touches, its spaces already single: no separator at the end, nor what is left of
 * labels taken out there ("Add alert. . ." from "Owner: Ops. Target: …").
 */
function finishTitle(title: string): string {
  const t = withoutTrailing(title);
  return (t.includes('.') ? t.replace(/(\.)(?:\s+[.*_]+)+$/u, '$1') : t).trim();
}

/** Spaces and the separators ", ; : – — -" at the end of a title, which say nothing. */
function withoutTrailing(title: string): string {
  let end = title.length;
  while (end > 0 && ' ,;:–—-'.includes(title[end - 1]!)) end--;
  return end === title.length ? title : title.slice(0, end);
}
/** A word every OWNER_LABEL holds, searched for in the lower-cased text. */
const OWNER_WORD = /own|assign|dri|responsible|accountable|who/;
/** The same tokens, every occurrence: what the title leaves out (replace() starts each from the beginning). */
const OWNERS = new RegExp(OWNER.source, 'gu');
const DUES = new RegExp(DUE.source, 'gi');
const KINDS = new RegExp(KIND.source, 'gi');
const DONE_MARKS = new RegExp(DONE_MARK.source, 'giu');

/** What stands before a due date at the end of an item: a comma or a dash, and maybe a due word ("— due", ", by"). */
const DUE_AT_END = new RegExp(String.raw`(?:,|\s[–—-])\s*(?:${DUE_WORD_BEFORE_DATE})?$`, 'iu');

/** Reads owner, due date, kind and tracker from an item's text. */
export function readTokens(
  text: string,
): Pick<ActionItem, 'owner' | 'dueRaw' | 'due' | 'kind' | 'tracker' | 'title'> {
  // The bracket, dash, arrow and label forms below need their character or word: most items
  // skip them with a search for it instead of a run of the expression.
  const hasParen = text.includes('(');
  const signed = hasParen || DASHED.test(text);
  const arrowed = text.includes('→') || text.includes('->');
  const lower = text.toLowerCase();
  const hasDigit = DIGIT.test(text);
  const hasDue = lower.includes('due:');
  const paren = hasParen
    ? (OWNER_PAREN.exec(text)?.[1] ?? OWNER_PAREN_NOTE.exec(text)?.[1])
    : undefined;
  const other = signed ? OWNER_OTHER.exec(text) : null;
  const otherName = other && (other[1] ?? other[2] ?? other[3]);
  const arrow = arrowed ? OWNER_ARROW.exec(text) : null;
  const lookup = OWNER_WORD.test(lower);
  const doneWord = DONE_WORD.test(lower);
  if (!signed && !arrowed && !lookup && hasDue && !doneWord) {
    // The form Hindsight's template writes, "Fix x @owner due:YYYY-MM-DD #kind KEY-1", read at once.
    const c = CANONICAL.exec(text);
    if (c)
      return {
        owner: c[2],
        dueRaw: c[3],
        due: dueDate(c[3]),
        kind: c[4] as ActionKind | undefined,
        tracker: c[5],
        title: finishTitle(SPACES.test(c[1]!) ? c[1]!.replace(/\s+/g, ' ') : c[1]!),
      };
  }
  const labelled = lookup ? labelledOwner(text) : undefined;
  const undone = doneWord ? text.replace(DONE_MARKS, ' ') : text;
  // Notes in brackets at the end, also before a done mark: "(Anouk, with finance) — done".
  const notes = hasParen
    ? (PAREN_NOTES.exec(text) ?? (undone !== text ? PAREN_NOTES.exec(undone.trimEnd()) : null))
    : null;
  const notesName = notes?.[1]!
    .split(NOTE_PARTS)
    .map((p) => p.trim())
    .find((p) => PAREN_NAME.test(p) && !NOT_NAMES.test(p) && !TRACKER_KEY.test(p))
    ?.replace(/^@/, '');
  const stripped = signed || arrowed ? undone.trimEnd() : text;
  const { rest: plain, period: tailPeriod } = signed
    ? withoutTail(stripped)
    : { rest: stripped, period: undefined };
  const dash = signed ? OWNER_DASH.exec(plain) : null;
  const dashName = dash?.[1] && !NOT_NAMES.test(dash[1]) ? dash[1] : undefined;
  const arrowPlain = arrowed ? OWNER_ARROW_NAME.exec(plain) : null;
  const arrowName = arrowPlain?.[1] && !NOT_NAMES.test(arrowPlain[1]) ? arrowPlain[1] : undefined;
  const owner =
    (text.includes('@') ? OWNER.exec(text)?.[1] : undefined) ??
    labelled?.name ??
    (arrow ? (arrow[2] ?? arrow[1])!.trim() : undefined) ??
    (paren && !NOT_NAMES.test(paren) && !TRACKER_KEY.test(paren) ? paren : undefined) ??
    (otherName && !NOT_NAMES.test(otherName) ? otherName : undefined) ??
    notesName ??
    dashName ??
    arrowName ??
    ROLE_SUBJECT.exec(text)?.[1];
  const dashDue =
    dashName && dash?.[2]
      ? dash[2].replace(/^(?:due|by|eta|target|before|until|no later than)\s*:?\s*/i, '')
      : undefined;
  const dueRaw =
    (hasDigit ? DUE_WORDS.exec(text)?.[1] : undefined) ??
    (QUARTER_OR_YEAR.test(lower) ? DUE_QUARTER.exec(text)?.[1] : undefined) ??
    (hasDigit ? [DUE_YEARLESS.exec(text)?.[1]].find((d) => d && yearlessDate(d)) : undefined) ??
    (hasDue ? DUE.exec(text)?.[1] : undefined) ??
    (dashDue && (isDuePeriod(dashDue) || dueDate(dashDue)) ? dashDue : undefined) ??
    (DUE_WORD.test(lower) ? DUE_MONTH.exec(text)?.[1] : undefined) ??
    tailPeriod ??
    [
      text.includes(',') ? DUE_AFTER_COMMA.exec(text)?.[1] : undefined,
      text.includes(':') ? DUE_LABEL.exec(text)?.[1] : undefined,
    ].find((d) => d && (isDuePeriod(d) || dueDate(d))) ??
    notes?.[1]!
      .split(NOTE_PARTS)
      .map((p) => NOTE_PERIOD.exec(p.trim())?.[1])
      .find(Boolean);
  const hasHash = text.includes('#');
  const kind = hasHash
    ? (KIND.exec(text)?.[1]?.toLowerCase() as ActionKind | undefined)
    : undefined;
  const trackerKey = hasDigit && text.includes('-') ? TRACKER_KEY.exec(text)?.[1] : undefined;
  const tracker = trackerKey ?? (text.includes('http') ? URL.exec(text)?.[0] : undefined);
  // Each token only where its sign is in the text: the marks removed above leave spaces only.
  let title = undone;
  // "(@ana)", "(@ana, due 2024-01-02)": the bracket stays for the cleanup below, not half of it.
  if (title.includes('@'))
    title = title
      .replace(OWNERS, (m) => (m.startsWith('(') ? '(' : ' '))
      .replace(/\(\s*[,;]\s*/g, '(');
  if (hasDue) title = title.replace(DUES, ' ');
  if (hasHash) title = title.replace(KINDS, ' ');
  if (owner && labelled && owner === labelled.name) title = title.replace(labelled.span, ' ');
  else if (owner && owner === paren) title = title.replace(OWNER_PAREN, ' ');
  else if (owner && owner === otherName) title = title.replace(other![0], ' ');
  else if (arrow && owner === (arrow[2] ?? arrow[1])!.trim()) title = title.replace(arrow[0], ' ');
  else if (notes && owner === notesName) title = title.replace(notes[0], ' ');
  else if (arrowPlain && owner === arrowName) title = title.replace(arrowPlain[0], ' ');
  else if (owner && owner === dashName) {
    const d = OWNER_DASH.exec(withoutTail(title.trimEnd()).rest);
    if (d) title = title.slice(0, d.index);
  }
  if (text.includes('📅')) title = title.replace(/📅\s*\S+/gu, ' ');
  // A due label's date ("Target: 30-Apr-2025") is the due date, not part of the title.
  const dueLabel = dueRaw !== undefined && text.includes(':') ? DUE_LABEL.exec(title) : null;
  if (dueLabel && dueLabel[1] === dueRaw) title = title.replace(dueLabel[0], ' ');
  // A state left at the end once the owner is out ("— @ana — In progress"): read apart, not the
  // title's; looked for again once a due date after it is out ("— In progress, @ana, due 15 Nov").
  const withoutState = (t: string) => {
    const state = signed ? STATE_TAIL.exec(withoutTrailing(t)) : null;
    return state ? t.slice(0, state.index) : t;
  };
  title = withoutState(title);
  // A period after a comma or a dash at the end ("— @lead, Q2", "— next sprint", "— @ana — due
  // 2024-06-01") is the due date, not part of the title.
  const ending = title.trimEnd();
  const dueAtEnd =
    dueRaw !== undefined && ending.endsWith(dueRaw)
      ? DUE_AT_END.exec(ending.slice(0, -dueRaw.length))
      : null;
  if (dueAtEnd) title = withoutState(ending.slice(0, dueAtEnd.index));
  if (trackerKey) title = withoutLabelKey(title, trackerKey);
  // "(due 2024-01-02)" left once the owner is out of the bracket: the due date, read apart.
  if (hasParen && dueRaw !== undefined)
    title = title.replace(
      new RegExp(
        `\\(\\s*(?:[,;]\\s*)?(?:due|by|eta)?\\s*:?\\s*${escapeRegExp(dueRaw)}\\s*\\)`,
        'i',
      ),
      ' ',
    );
  if (hasParen || text.includes('[')) title = title.replace(/\(\s*\)|\[\s*\]/g, ' ');
  title = finishTitle(title.replace(/\s+/g, ' '));
  return { owner, dueRaw, due: dueDate(dueRaw), kind, tracker, title };
}

/**
 * An item's text without what may follow a signed name at the end: a date after a dash ("— Dec
 * 15"), a state or a period in brackets ("(in progress)", "(Q3)"); `period` is that date or period.
 */
function withoutTail(text: string): { rest: string; period?: string } {
  // "— Status: Completed", "— State: in design": the item's state after who does it.
  // A dash left at the end once a done mark is taken out ("— Kasper — Status: Completed").
  const state = STATE_TAIL.exec(text) ?? /\s[–—-]\s*$/u.exec(text) ?? KEY_TAIL.exec(text);
  if (state) {
    // "— Planned (Q3)": a quarter or a date in the state's bracket is when it is due.
    const note = /\(([^()]{1,40})\)\s*\.?$/u.exec(state[0])?.[1]!.trim();
    const inner = withoutTail(text.slice(0, state.index));
    return note && (QUARTER.test(note) || dueDate(note))
      ? { rest: inner.rest, period: inner.period ?? note }
      : inner;
  }
  const due = DUE_DASH.exec(text);
  if (due) return { rest: text.slice(0, due.index), period: due[1] };
  const tail = /\s*\(([^()]{1,40})\)\s*\.?\s*$/u.exec(text);
  const note = tail?.[1]!.trim();
  if (!tail || !note) return { rest: text };
  const period = QUARTER.test(note) || dueDate(note) || yearlessDate(note) ? note : undefined;
  if (period || NOT_NAMES.test(note) || groupState(note))
    return { rest: text.slice(0, tail.index), period };
  // "— Mobile team (to discuss with them)": a note on who does it.
  if (OWNER_DASH.test(text.slice(0, tail.index))) return { rest: text.slice(0, tail.index) };
  return { rest: text };
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
  // Last, with only separators after it ("— INFRA-2203, " once the owner and due date are out).
  if (/^[\s,;]*$/.test(after) && /\s$/.test(before)) return before;
  return title;
}

/** A note in brackets that ends with a month or a quarter: "(owner: Ana, first review June)", "(infra; Q3)". */
const NOTE_PERIOD =
  /(?:^|\s)((?:(?:end|start|mid) of\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{4})?|Q[1-4](?:\s+\d{4})?|H[12](?:\s+\d{4})?|\d{4}-Q[1-4]|(?:next|this) (?:sprint|quarter|term|semester|release|cycle|iteration))$/u;

/** "by May", "due: end of March": a month without a year after a due word, capitalised as a month is. */
const DUE_MONTH =
  /\b(?:[Dd]ue|[Bb]y|ETA|[Tt]arget|[Dd]eadline|(?:[Pp]lanned|[Ss]cheduled|[Ee]xpected|[Tt]argeted|[Ss]hip(?:s|ping)?|[Ll]ands?|[Gg]oes live)\s+(?:for|in|by))\s*:?\s*((?:(?:end|start|beginning|mid|middle) of\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?))(?![\p{L}\d]|\s+\d)/u;

/**
 * Whether a due date as written is a quarter or a month ("Q2", "Q3 2025", "2026-Q1", "May",
 * "March 2026"), or a day without a year that no incident date placed ("30 Sep"): a due period,
 * not a mistyped date.
 */
export function isDuePeriod(raw: string | undefined): boolean {
  if (raw === undefined) return false;
  const t = raw.trim().replace(/^["“']|["”']$/gu, '');
  if (RELATIVE_PERIOD.test(t)) return true;
  // "by 21 November", "before Q3": the word before the date says when, the date is the period.
  const bare = t.replace(DUE_WORD_LEAD, '');
  // "deferred to Q3 platform upgrade": a quarter named with what it brings.
  if (bare !== t && QUARTER_OCCASION.test(bare)) return true;
  return QUARTER.test(bare) || yearlessDate(bare) !== undefined;
}

/**
 * A due period named by the team's own calendar rather than a date: "next sprint", "this quarter",
 * "by next term", "starting Q3", "end of the semester", "before the next release", "ongoing from now",
 * "in two weeks".
 */
const RELATIVE_PERIOD =
  /^(?:(?:by|before|until|till|from|starting(?: in| from)?|in|during|within|for|over|after)\s+)?(?:(?:the\s+)?(?:next|this|coming|following|current|(?:end|start|beginning|middle) of(?: the)?(?: next| this)?)\s+)(?:sprint|quarter|term|semester|release|cycle|iteration|milestone|month|week|year|half|pi|increment|school year|financial year|fiscal year)s?(?:\s+\d{1,4})?$|^starting\s+(?:Q[1-4]|H[12])(?:\s*\d{4})?$|^(?:ongoing|continuous(?:ly)?|recurring)\s+(?:from|since|starting)\b.{0,20}$|^(?:from now(?: on)?|immediately|with immediate effect)$|^(?:in|within)\s+(?:a|an|one|two|three|four|five|six|eight|ten|twelve|\d{1,2}|a couple of|a few)\s+(?:days?|weeks?|months?|sprints?|quarters?)$/i;
/** A word before a due date that says it is the limit: "by", "before", "no later than". */
const DUE_WORD_LEAD =
  /^(?:by|before|until|till|due|no later than|not later than|deferred to|moved to|postponed to|pushed to|rescheduled (?:to|for)|planned(?: (?:for|in))?|scheduled (?:for|in)|targeted (?:for|at)|(?:now )?prioriti[sz]ed for)\s+/i;

/** The month and day (MM-DD) of a due date written without a year ("30 Sep", "Dec 15th"), else undefined. */
export function yearlessDate(raw: string): string | undefined {
  const t = parseEntryTime(raw.trim());
  return t?.monthDay && !t.text.includes(':') && t.length === raw.trim().length
    ? t.monthDay
    : undefined;
}

/**
 * Gives a year to due dates written without one, from the incident's date: the first such day
 * on or after it ("30 Sep" in a postmortem of 2025-09-12 is 2025-09-30, "15 Jan" is 2026-01-15).
 */
export function placeYearlessDues(items: ActionItem[], incident: string | undefined): void {
  if (!incident || !isIsoDate(incident)) return;
  for (const item of items) {
    if (item.due !== undefined || item.dueRaw === undefined) continue;
    const md = yearlessDate(item.dueRaw);
    if (!md) continue;
    const year = Number(incident.slice(0, 4));
    const date = [year, year + 1]
      .map((y) => `${y}-${md}`)
      .find((d) => isIsoDate(d) && d >= incident);
    if (date) item.due = date;
  }
}

/** The real date of a due date as written: ISO, or a date written another common way (see looseIsoDate). */
export function dueDate(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (isIsoDate(raw)) return raw;
  // "30.06.2025": day, month and year with dots, as written in much of Europe.
  const dotted = raw.includes('.') ? /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/.exec(raw) : null;
  if (dotted) {
    const iso = `${dotted[3]}-${dotted[2]!.padStart(2, '0')}-${dotted[1]!.padStart(2, '0')}`;
    return isIsoDate(iso) ? iso : undefined;
  }
  return looseIsoDate(raw);
}

/** How a reader found an item written, beyond its text: struck through (~~like this~~), under a "Completed" group. */
export interface ItemMarks {
  struck?: boolean;
  group?: GroupState;
  /** The texts of labelled sub-bullets under the item ("Owner: Priya", "Due: 2025-04-18", "Status: done"). */
  details?: readonly string[];
  /** An emphasis that ends the item, where teams sign it: "*Ana Lopes, 12 Sep*". */
  trailer?: string;
}

/** The due date a sub-bullet gives, first or after another field: "Due: Q3", "owner: @lp, due end of Q4". */
const DETAIL_DUE =
  /(?:^\s*|[,;]\s*)[*_]*(?:due(?: date)?(?!\s+to\b)|deadline|eta|target)[*_]*\s*:?\s*[*_]*\s*(.+?)[*_]*\s*\.?\s*$/i;
/** A sub-bullet that gives a field of the item above it rather than a step of its own. */
const DETAIL_LABEL =
  /^\s*[*_]*(?:owners?|assignee|assigned to|dri|due(?: date)?|deadline|eta|target|status|state)[*_]*\s*:/i;

/** Whether a nested item's text is a field of its parent item ("Owner: Priya", "Due: Q3"). */
export function isItemDetail(text: string): boolean {
  return DETAIL_LABEL.test(text);
}

/**
 * A note under an item that says it was done: "✅ merged in !2210", "Done in #2881", "Shipped on
 * 18 Sep". Not an acceptance criterion ("Done when the alert has fired twice") nor a refusal
 * ("Closed as won't fix").
 */
const DONE_NOTE =
  /^\s*(?:✅|✔️?|☑️?|✓)(?!\s*(?:not|won'?t|no)\b)|^\s*[*_]*(?:done|merged|shipped|completed|closed|fixed|finished|resolved|deployed|implemented|landed)[*_]*(?:\s*$|\s*[.:!(—–]|\s+(?:in|on|at|via|with|by|since)\s|\s+[#!\d])(?!.*\b(?:won'?t|not|as duplicate|wontfix)\b)/iu;

/** Whether a nested item's text only says its parent item was done (see DONE_NOTE). */
export function isDoneNote(text: string): boolean {
  return DONE_NOTE.test(text);
}

/** A task box left as text by escapes: "[x] " or "[ ] " opening an item's text (see listAction). */
const ESCAPED_BOX = /^\[([ xX])\][ \t]+(?=\S)/;

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
  // A box written with escapes (`\[x\]`, as Google Docs exports a checklist) is text to the
  // Markdown parser, "[x] …": its state is the item's all the same, and it is not part of the title.
  if (checked === null || checked === undefined) {
    const box = ESCAPED_BOX.exec(body);
    if (box) {
      checked = box[1] !== ' ';
      body = body.slice(box[0].length);
    }
  }
  const task = checked !== null && checked !== undefined;
  const tokens = readTokens(body);
  const trailer = marks.trailer;
  if (trailer && tokens.owner === undefined && body.endsWith(trailer)) {
    // Read as if signed after a dash: the name (and a date after a comma) of who does it.
    const signed = readTokens(`${body.slice(0, -trailer.length).trimEnd()} — ${trailer}`);
    if (signed.owner !== undefined) {
      tokens.owner = signed.owner;
      tokens.title = signed.title;
      if (tokens.dueRaw === undefined) {
        tokens.dueRaw = signed.dueRaw;
        tokens.due = signed.due;
      }
    }
  }
  let detailDone = false;
  let detailCancelled = false;
  for (const detail of marks.details ?? []) {
    if (isDoneNote(detail)) {
      detailDone = true;
      continue;
    }
    const d = readTokens(
      detail.replace(/^(\s*[*_]*)(?:due date|deadline|eta|target)([*_]*\s*:)/i, '$1due$2'),
    );
    tokens.owner ??= d.owner;
    if (tokens.dueRaw === undefined) {
      // "Due: by 2024-09-20", or a due date after another field: "owner: @lp, due end of Q4".
      const raw = DETAIL_DUE.exec(detail)?.[1]?.replace(DUE_WORD_LEAD, '');
      if (raw) {
        tokens.dueRaw = raw;
        tokens.due = dueDate(raw);
      }
    }
    const status = /^\s*[*_]*(?:status|state)[*_]*\s*:/i.test(detail)
      ? detail.replace(/^[^:]*:/, '')
      : undefined;
    detailDone ||= status !== undefined && isDoneStatus(status);
    detailCancelled ||= status !== undefined && isCancelledStatus(status);
  }
  const done = task
    ? checked === true
    : DONE_MARK.test(body) || detailDone || marks.struck === true || marks.group === 'done';
  const action: ActionItem = {
    text: body,
    ...tokens,
    done,
    ...(!done && (detailCancelled || isCancelledText(body)) && { cancelled: true }),
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

/** Whether an item's text ends with its state after a dash ("— In progress", "— Cancelled (…)"; see STATE_TAIL) or carries a done mark. */
export function hasStateMark(text: string): boolean {
  return DONE_MARK.test(text) || STATE_TAIL.test(text);
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
  // Without a note in brackets: "To do before the peak (owner, date)".
  const b = body.replace(/\s*\([^()\n]{0,60}\)\s*:?\s*$/, '').trim();
  return (
    (/:$/.test(b) && b.split(/\s+/).length <= 6) ||
    /^to[- ]?do\b.{0,40}$/i.test(b) ||
    /^(short|mid|medium|long)[- ]term\b|^(immediate|completed?|done|in progress|open|pending|planned|later|next)\b.{0,20}$/i.test(
      b,
    )
  );
}

const DONE_WORDS =
  /^(?:(?:green|blue)\s*[–—:-]\s*)?(?:done|closed|complete|completed|fixed|resolved|shipped|merged|finished|implemented|deployed|delivered|in place|rolled out|yes|✅|✔️?|☑️?|✓|x|terminé|terminée|fait|erledigt|abgeschlossen|hecho|completado|terminado|fatto|completato|concluído|feito|klaar|afgerond)(?![\p{L}])/iu;

/** True when a Status cell says the item is done. */
export function isDoneStatus(cell: string): boolean {
  // A cell in another language with the English in brackets: "erledigt (done)".
  if (/\(\s*(?:done|completed?|closed|resolved|finished)\s*\)\s*$/i.test(cell)) return true;
  // A bilingual cell ("完了 / Done") says it in either of its parts.
  return cell
    .replace(/[*_`~]/g, '')
    .split(/\s+\/\s+|\s*／\s*/)
    .some((part) => DONE_WORDS.test(part.trim()));
}

/** A due cell that says no date was given ("—", "n/a", "none"): not a mistyped date. */
export function isNoDate(cell: string): boolean {
  return /^(?:[-–—]+|n\/?a|none|no date|—)?$/i.test(cell.replace(/[*_`]/g, '').trim());
}

/** Maps a table header cell to the column it is. */
export function columnRole(
  header: string,
): 'action' | 'owner' | 'due' | 'kind' | 'status' | 'tracker' | undefined {
  // A bilingual header ("担当 / Owner", "Status / 状態") is the column either part names.
  const parts = header.split(/\s+\/\s+|\s*／\s*/);
  if (parts.length > 1) {
    for (const part of parts) {
      const role = columnRole(part);
      if (role) return role;
    }
    return undefined;
  }
  const h = header.toLowerCase().trim();
  if (
    /^(action|action item|item|task|description|what|remediation|corrective action|follow[- ]?up|fix|improvement|work item|change|maßnahme|massnahme|acción|azione|mesure|tâche|tarea|actie)s?$/.test(
      h,
    )
  )
    return 'action';
  if (
    /^(owner|owners|owner\(s\)|assignee|assigned to|assigned|who|responsible|dri|team|lead|accountable|responsable|responsables|verantwortlich|zuständig|propietario|responsabile|eigenaar|verantwoordelijke)$/.test(
      h,
    )
  )
    return 'owner';
  if (
    /^(due|due date|deadline|by|by when|target|target date|eta|when|date|until|échéance|date limite|fällig|frist|termin|fecha límite|fecha|plazo|scadenza|prazo)$/.test(
      h,
    )
  )
    return 'due';
  if (/^(kind|type|category)$/.test(h)) return 'kind';
  if (
    /^(status|state|done|done\?|complete|completed|progress|état|statut|estado|stato|zustand)$/.test(
      h,
    )
  )
    return 'status';
  if (
    /^(tracker|ticket|tickets|issue|issues|link|links|jira|bug|reference|ref|tracking|pr)$/.test(h)
  )
    return 'tracker';
  return undefined;
}

/** A clause that starts with a name and what that person will do: "ines to price it", "Kai will ask them". */
const NAMED_CLAUSE = /(?:^|[.;:!?]\s+)([\p{L}][\p{L}'-]{1,30})\s+(?:to|will)\s+\p{L}/gu;

/**
 * Gives an owner to items that name, in a clause of their own, someone who owns another item of
 * the same document ("maybe a second provider. ines to price it" beside "— ines"): informal lists
 * write the owner into the sentence. Only names already used as owners count, so "Plan to …" does not.
 */
export function ownersInSentences(items: ActionItem[]): void {
  // Most lists name an owner on every item: nothing to look for.
  if (items.every((i) => i.owner !== undefined)) return;
  const owners = new Set(
    items.filter((i) => i.owner).map((i) => i.owner!.split(/\s+/)[0]!.toLowerCase()),
  );
  if (owners.size === 0) return;
  for (const item of items) {
    if (item.owner !== undefined) continue;
    for (const m of item.text.matchAll(NAMED_CLAUSE)) {
      const name = m[1]!;
      if (owners.has(name.toLowerCase())) {
        item.owner = name;
        break;
      }
    }
  }
}

/** Marks each item overdue when it is open (neither done nor cancelled) and its due date is before `today`. */
export function markOverdue(items: ActionItem[], today: string): void {
  for (const item of items)
    item.overdue = !item.done && !item.cancelled && item.due !== undefined && item.due < today;
}

/** The words that say an item will not be done. */
const NOT_DOING = String.raw`(?:cancell?ed|won['’]t\s+(?:do|fix|be\s+done)|wont\s?fix|dropped|withdrawn|not\s+doing|abandoned|descoped|rejected|obsolete|superseded)`;
/** A mark a writer puts before a state that is not done. */
const NOT_DOING_MARK = String.raw`(?:[❌✖🚫⛔]\uFE0F?\s*)?`;
/**
 * Where an item's text says it will not be done: after a dash, with only a reason or a note after
 * ("— Won't do (covered by item 1)", "— dropped, too slow", "— ❌ Cancelled"); as its label
 * ("❌ Cancelled: move …", "Dropped — …"); first in brackets ("(dropped: would have amplified
 * load)", "(WONTFIX — no channel)") or last ("(not justified; dropped)"); or as a status after a
 * dash ("— Status: cancelled"). The word alone in the text is not enough: "dropped packets",
 * "rejected requests" name what an item is about.
 */
const CANCELLED_TEXT = [
  new RegExp(
    String.raw`\s[–—-]\s*${NOT_DOING_MARK}[*_]{0,2}${NOT_DOING}[*_]{0,2}\s*(?:$|[,;:.(])`,
    'iu',
  ),
  new RegExp(String.raw`^\s*${NOT_DOING_MARK}[*_~]{0,2}${NOT_DOING}[*_~]{0,2}\s*[:–—-]`, 'iu'),
  new RegExp(String.raw`\(\s*[*_]{0,2}${NOT_DOING}[*_]{0,2}\s*(?:[:;,–—-]|\))`, 'iu'),
  new RegExp(String.raw`[;,]\s*${NOT_DOING}\s*\)`, 'iu'),
  new RegExp(
    String.raw`\s[–—-]\s*[*_]{0,2}(?:status|state)[*_]{0,2}\s*:\s*${NOT_DOING_MARK}[*_]{0,2}${NOT_DOING}\b`,
    'iu',
  ),
];

/** Whether an item's text says it will not be done (see CANCELLED_TEXT). */
export function isCancelledText(text: string): boolean {
  return MAY_BE_CANCELLED.test(text) && CANCELLED_TEXT.some((re) => re.test(text));
}

/** NOT_DOING anywhere: each of CANCELLED_TEXT's five needs it, and most items hold none, so one search spares them the five. */
const MAY_BE_CANCELLED = new RegExp(NOT_DOING, 'iu');

/** A Status cell (or a "Status:" detail's value) that says the item will not be done, in the languages DONE_WORDS reads. */
const CANCELLED_STATUS = new RegExp(
  String.raw`^${NOT_DOING_MARK}(?:${NOT_DOING}|annulée?|abandonnée?|abgebrochen|storniert|verworfen|cancelad[oa]|descartad[oa]|annullat[oa])(?![\p{L}])`,
  'iu',
);

/** Whether a Status cell says the item will not be done ("Cancelled", "Won't do", "❌ Dropped"). */
export function isCancelledStatus(cell: string): boolean {
  return CANCELLED_STATUS.test(cell.replace(/[*_`~]/g, '').trim());
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
