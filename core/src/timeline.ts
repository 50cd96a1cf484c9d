import { dayNumber, isIsoDate, settledNumericOrder, WEEKDAYS, zoneOffsetMinutes } from './dates';

/** A time read from the start of a timeline entry. */
export interface EntryTime {
  /** Minutes since midnight (0 for a date without a time). */
  minutes: number;
  /** The date when the entry names one with its year (YYYY-MM-DD). */
  date?: string;
  /** The month and day (MM-DD) when the entry names them without a year; the year comes from the postmortem. */
  monthDay?: string;
  /** `month` for an entry that names only a month ("Jul 2024"): coarse, not wrong. */
  precision?: 'month';
  /** The zone as written (UTC, Z, +02:00, PST...), if any. */
  zone?: string;
  /** The weekday written before a clock time ("Mon 17:30"), 0 for Sunday. */
  weekday?: number;
  /** The time as written, without the Markdown around it: "**10:00 UTC** x" gives "10:00 UTC". */
  text: string;
  /** How many characters of the entry the time took, leading markup included. */
  length: number;
}

/** A day heading (or date line) inside the Timeline section: entries after it fall on that date. */
export interface TimelineDay {
  offset: number;
  /** The date it names; absent for "Day 2" (see `day`) and for a heading that only starts a new part. */
  date?: string;
  /** The month and day (MM-DD) when it names them without a year. */
  monthDay?: string;
  /** N for a "Day N" heading: the Nth day from the postmortem's date. */
  day?: number;
}

/** A timeline entry: one list item, table row or timed line of the Timeline section. */
export interface TimelineEntry {
  text: string;
  time?: EntryTime;
  /** A placeholder left where the time belongs ("HH:mm", "14:??", "TBD"), as written. */
  placeholder?: string;
  /** Minutes since 1970-01-01 UTC, with midnight roll-over applied; undefined without a time. */
  at?: number;
  /** Which part of the timeline it is in: a sub-heading or date line starts a new part. */
  part: number;
  start: number;
  end: number;
}

const PLACEHOLDER =
  /^[\s*_`[(~]*((?:hh|HH|\d{1,2}|\?\?|xx|XX):(?:mm|MM|\?\?|xx|XX)(?::(?:ss|SS))?|\?\?:\?\?|TBD|TBA|T\.B\.D\.?|\?\?\?*)(?![\w:])/;

/**
 * The entry every timeline reader builds for an item, row or line at [start, end) whose text is
 * `text`; its time is read from the start of `timeText` (the text itself, or a table's time cell).
 * `part` is filled in by placeEntries.
 */
export function timelineEntry(
  text: string,
  start: number,
  end: number,
  timeText: string = text,
): TimelineEntry {
  let time = parseEntryTime(timeText);
  // A report's paragraph number before the time: "3.2 **10:53** Monitoring records …".
  if (!time && /^\d/.test(timeText)) {
    const number = /^\d{1,2}(?:\.\d{1,3})+\.?\s+(?=\S)/.exec(timeText)?.[0];
    const after = number ? parseEntryTime(timeText.slice(number.length)) : undefined;
    if (after && /\d:\d|[ap]\.?m\b/i.test(after.text)) {
      after.length += number!.length;
      time = after;
    }
  }
  let placeholder: string | undefined;
  if (!time) placeholder = PLACEHOLDER.exec(timeText)?.[1];
  else if (!/\d:\d|[ap]\.?m\b/i.test(time.text)) {
    // A date whose time is still a placeholder ("Jan 9, 14:??") is a placeholder, not midnight.
    placeholder = /^[\s,]*(?:at\s+)?((?:\d{1,2}|hh|HH|\?\?|xx|XX):(?:\?\?|mm|MM|xx|XX)|TBD)/.exec(
      timeText.slice(time.length),
    )?.[1];
    if (placeholder) time = undefined;
  }
  const entry: TimelineEntry = { text, time, part: 0, start, end };
  if (placeholder) entry.placeholder = placeholder;
  return entry;
}

/** Markdown emphasis, code, brackets and spaces before a time: `**10:00**`, `[10:00]`, `(10:00)`. */
const LEAD = /[\s*_`[(~]/;

/** How many characters of LEAD open a text (a loop: this runs for every line of every timeline). */
function leadLength(text: string): number {
  let i = 0;
  while (i < text.length && LEAD.test(text[i]!)) i++;
  return i;
}
/** Zone names written after times in real timelines, with their offsets in minutes. */
const ZONES: Record<string, number> = {
  UTC: 0,
  GMT: 0,
  Z: 0,
  WET: 0,
  WEST: 60,
  BST: 60,
  CET: 60,
  CEST: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  IST: 330,
  WIB: 420,
  SGT: 480,
  HKT: 480,
  JST: 540,
  KST: 540,
  AEST: 600,
  AEDT: 660,
  NZST: 720,
  NZDT: 780,
  BRT: -180,
  EST: -300,
  EDT: -240,
  ET: -300,
  CST: -360,
  CDT: -300,
  CT: -360,
  MST: -420,
  MDT: -360,
  MT: -420,
  PST: -480,
  PDT: -420,
  PT: -480,
  AKST: -540,
  AKDT: -480,
  HST: -600,
};
const ZONE_NAMES = Object.keys(ZONES)
  .sort((a, b) => b.length - a.length)
  .join('|');
const ZONE = `(?:\\s*\\(?((?:UTC|GMT)\\s?[+-]\\d{1,2}(?::?\\d{2})?|${ZONE_NAMES}|[+-]\\d{2}:?\\d{2})\\)?(?![A-Za-z]))?`;
const TIME = `(\\d{1,2})(?:(?::|h(?=\\d{2}(?!\\d)))(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?(?:\\s*([AaPp])\\.?[Mm]\\.?(?![A-Za-z]))?|\\s*([AaPp])\\.?[Mm]\\.?(?![A-Za-z]))${ZONE}(?!\\d|:\\d)`;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY =
  '(?:(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\\.?,?\\s+)?';
/** The separators real timelines put between a date and a time: a T, spaces, a comma, "at", a dash. */
const JOIN = '(?:T|\\s*,\\s*|\\s+at\\s+|\\s+[-–—]\\s+|\\s+)';
const PATTERNS = {
  iso: new RegExp(`^(\\d{4})-(\\d{2})-(\\d{2})(?:${JOIN}${TIME})?${ZONE}(?![\\w]|:\\d)`, 'i'),
  monthFirst: new RegExp(
    `^${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?(?:${JOIN}${TIME})?(?![\\w]|:\\d)`,
    'i',
  ),
  dayFirst: new RegExp(
    `^${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}(?:,?\\s+(\\d{4}))?(?:${JOIN}${TIME})?(?![\\w]|:\\d)`,
    'i',
  ),
  slashed: new RegExp(
    `^(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?(?:${JOIN}${TIME})?(?![\\w/]|:\\d)`,
    'i',
  ),
  // A day, month and year with dots, as much of Europe writes them: "28.04.2025 16:10 CEST".
  dotted: new RegExp(`^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?:${JOIN}${TIME})?(?![\\w.]|:\\d)`, 'i'),
  // The same without the year, as a log within one year writes it: "31.10. 07:30", or alone ("14.02.").
  dottedShort: new RegExp(
    `^(\\d{1,2})\\.(\\d{1,2})\\.(?:${JOIN}${TIME}|(?=\\s*$))(?![\\w.]|:\\d)`,
    'i',
  ),
  // An ISO date without its year, as logs write it: "05-06 15:00", "05-10 — Weekend." Only with a
  // time or a separator after it, so "10-15 minutes later" is not a date.
  monthDayDashed: new RegExp(
    `^(\\d{2})-(\\d{2})(?:${JOIN}${TIME}|(?=\\s+[-–—]\\s|\\s*[:|]|\\s*$))(?![\\w/-]|:\\d)`,
    'i',
  ),
  // Jira's "14/Mar/25 09:31" and "14-Mar-2025 09:31".
  dayMonthYear: new RegExp(
    `^(\\d{1,2})([/-])${MONTH}\\2(\\d{4}|\\d{2})(?:${JOIN}${TIME})?(?![\\w/]|:\\d)`,
    'i',
  ),
  monthYear: new RegExp(`^${MONTH}\\s+(\\d{4})(?![\\w]|:\\d)`, 'i'),
  clock: new RegExp(`^${TIME}`, 'i'),
  // A weekday before a clock time, as a blog's timeline of a few days writes it: "Mon 17:30".
  weekdayClock: new RegExp(
    `^(mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\\.?,?\\s+${TIME}`,
    'i',
  ),
};

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Reads the time at the start of a timeline entry, as teams write them: `04:00`, `4:00 AM`,
 * `4 PM`, `16:05:30 UTC`, `11:02 AM PT`, `2023-06-10 04:00 UTC`, `2023-05-09   15:50`,
 * `2023-06-10T04:00Z`, `Mar 3, 9:41 AM`, `Tue 14 Feb 09:10`, `03/02/2023 14:00` (month first
 * unless the first number is over 12), `28.04.2025 16:10` and `31.10. 07:30` (day first), a bare
 * date, or a month (`Jul 2024`, coarse). Markdown emphasis, code and brackets around it are allowed.
 */
export function parseEntryTime(text: string): EntryTime | undefined {
  const lead = leadLength(text);
  const s = text.slice(lead);
  const done = (m: RegExpExecArray, time: EntryTime | undefined): EntryTime | undefined => {
    if (!time) return undefined;
    time.text = m[0].trim();
    time.length = lead + m[0].length;
    return time;
  };
  // Every form starts with a digit (a date or a clock) or an ASCII letter (a weekday or a month).
  const first = s.charCodeAt(0);
  const digit = isDigitCode(first);
  if (!digit && !((first | 32) >= 97 && (first | 32) <= 122)) return undefined;
  // One or two digits and a colon ("13:23 UTC", most entries) can only be a clock: every date form
  // has a letter, a space, '/', '.' or '-' after its first number.
  if (
    digit &&
    (s.charCodeAt(1) === 58 || (isDigitCode(s.charCodeAt(1)) && s.charCodeAt(2) === 58))
  ) {
    const clock = PATTERNS.clock.exec(s);
    return clock ? done(clock, clockTime(clock, 1)) : undefined;
  }
  let m = digit ? PATTERNS.iso.exec(s) : null;
  if (m) return done(m, withDate(ymd(m[1]!, m[2]!, m[3]!), m, 4, m[10]));
  m = digit ? null : PATTERNS.monthFirst.exec(s);
  if (m) return done(m, withDate(monthDate(m[3], m[1]!, m[2]!), m, 4, undefined));
  m = PATTERNS.dayFirst.exec(s);
  if (m) return done(m, withDate(monthDate(m[3], m[2]!, m[1]!), m, 4, undefined));
  if (!digit) {
    m = PATTERNS.monthYear.exec(s);
    if (m) return done(m, monthPrecision(m));
    m = PATTERNS.weekdayClock.exec(s);
    const time = m ? clockTime(m, 2) : undefined;
    if (time) time.weekday = WEEKDAYS.indexOf(m![1]!.slice(0, 3).toLowerCase());
    return m ? done(m, time) : undefined;
  }
  m = PATTERNS.slashed.exec(s);
  if (m) {
    const date = slashedDate(Number(m[1]), Number(m[2]), m[3], false);
    return done(m, withDate(date, m, 4, undefined));
  }
  m = PATTERNS.dotted.exec(s);
  if (m)
    return done(m, withDate(slashedDate(Number(m[1]), Number(m[2]), m[3], true), m, 4, undefined));
  m = PATTERNS.dottedShort.exec(s);
  if (m)
    return done(
      m,
      withDate(slashedDate(Number(m[1]), Number(m[2]), undefined, true), m, 3, undefined),
    );
  m = PATTERNS.monthDayDashed.exec(s);
  if (m) return done(m, withDate(calendar(undefined, Number(m[1]), Number(m[2])), m, 3, undefined));
  m = PATTERNS.dayMonthYear.exec(s);
  if (m) {
    const year = m[4]!.length === 2 ? `20${m[4]}` : m[4]!;
    return done(m, withDate(monthDate(year, m[3]!, m[1]!), m, 5, undefined));
  }
  m = PATTERNS.clock.exec(s);
  if (m) return done(m, clockTime(m, 1));
  return undefined;
}

/** A month and year alone ("Jul 2024"): a coarse entry, placed on the month's first day. */
function monthPrecision(m: RegExpExecArray): EntryTime {
  const month = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1;
  return {
    minutes: 0,
    date: `${m[2]}-${String(month).padStart(2, '0')}-01`,
    precision: 'month',
    text: '',
    length: 0,
  };
}

/** A date as YYYY-MM-DD or MM-DD (no year), or undefined when it is not a real day. */
type DatePart = { date?: string; monthDay?: string };

function calendar(year: string | undefined, month: number, day: number): DatePart | undefined {
  const mm = String(month).padStart(2, '0');
  const dd = String(day).padStart(2, '0');
  if (year) return isIsoDate(`${year}-${mm}-${dd}`) ? { date: `${year}-${mm}-${dd}` } : undefined;
  return month >= 1 && month <= 12 && day >= 1 && day <= 31
    ? { monthDay: `${mm}-${dd}` }
    : undefined;
}

/** The day of a numeric date `a/b[/year]`: month first unless `dayFirst` or `a` is over 12. */
function slashedDate(
  a: number,
  b: number,
  yearText: string | undefined,
  dayFirst: boolean,
): DatePart | undefined {
  const [month, day] = dayFirst || a > 12 ? [b, a] : [a, b];
  const year = yearText === undefined || yearText.length === 4 ? yearText : `20${yearText}`;
  return calendar(year, month, day);
}

function ymd(year: string, month: string, day: string): DatePart | undefined {
  return calendar(year, Number(month), Number(day));
}

function monthDate(year: string | undefined, monthName: string, day: string): DatePart | undefined {
  return calendar(year, MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1, Number(day));
}

/** The entry time of a date and the optional time matched from group `at` on (see TIME); the zone may follow the date alone. */
function withDate(
  date: DatePart | undefined,
  m: RegExpExecArray,
  at: number,
  dateZone: string | undefined,
): EntryTime | undefined {
  if (!date) return undefined;
  if (m[at] === undefined) return { minutes: 0, ...date, zone: dateZone, text: '', length: 0 };
  const time = clockTime(m, at);
  return time && { ...time, ...date };
}

/** A clock time from the groups of TIME starting at `at`: hour, minute, second, meridiem, meridiem of "4 PM", zone. */
function clockTime(m: RegExpExecArray, at: number): EntryTime | undefined {
  const hour = Number(m[at]);
  const minuteText = m[at + 1];
  const meridiem = m[at + 3] ?? m[at + 4];
  if (minuteText === undefined && !meridiem) return undefined;
  if (Number(m[at + 2] ?? 0) > 59) return undefined;
  const minutes = clock(hour, Number(minuteText ?? 0), meridiem);
  if (minutes === undefined) return undefined;
  return { minutes, zone: m[at + 5]?.replace(/\s+/g, ''), text: '', length: 0 };
}

/**
 * The calendar date a text names as a whole, as teams write due dates: 2024-03-01, 1 Mar 2024,
 * March 1, 2024, 03/01/2024 (month first unless the first number is over 12). Undefined for
 * anything else, a year-less date or a month ("Q1 2021", "Mar 2024") included.
 */
export function looseIsoDate(text: string): string | undefined {
  const t = parseEntryTime(text.trim());
  if (!t?.date || t.precision === 'month' || text.trim().length !== t.length) return undefined;
  return t.date;
}

/** Minutes east of UTC of a zone written in a timeline (a name such as PST, or ±hh:mm). */
export function entryZoneOffset(z: string): number {
  const named = ZONES[z.toUpperCase()];
  if (named !== undefined) return named;
  const m = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(z);
  return m
    ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0))
    : zoneOffsetMinutes(z);
}

/**
 * The day mark a heading or a line standing alone in a timeline makes: its date ("March 4, 2024 -
 * Detection", "**2023-05-10**", "2021-04-27 (all times UTC)"), "Day N", or, for a heading, only
 * the start of a new part. Undefined for a line that is neither.
 */
export function dayMark(
  text: string,
  offset: number,
  where: 'heading' | 'line',
): TimelineDay | undefined {
  const isHeading = where === 'heading';
  // A weekday before the date ("**Tuesday 4 March**", "Sunday, Oct 19") names the same day.
  text = text.replace(
    /^([\s*_`]*)(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?\s+(?=\d|\p{Lu})/iu,
    '$1',
  );
  const t = parseEntryTime(text);
  if (t && (t.date || t.monthDay) && !/\d:\d|[ap]\.?m\b/i.test(t.text)) {
    const rest = text.slice(t.length).replace(/[*_`]/g, '').trim();
    if (isHeading || rest === '' || /^\(.*\)$|^[-–—:]$/.test(rest))
      return t.date ? { offset, date: t.date } : { offset, monthDay: t.monthDay };
  }
  const n = /^[\s*_`]*day\s+(\d{1,2})\b/i.exec(text);
  if (n && (isHeading || !/\d:\d/.test(text))) return { offset, day: Number(n[1]) };
  return isHeading ? { offset } : undefined;
}

function clock(hour: number, minute: number, meridiem: string | undefined): number | undefined {
  if (minute > 59) return undefined;
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    const pm = meridiem.toLowerCase() === 'p';
    return ((hour % 12) + (pm ? 12 : 0)) * 60 + minute;
  }
  if (hour > 23) return undefined;
  return hour * 60 + minute;
}

/** "(next day)", "(+1)", "D+1" after an entry's time: the entry is a day after the one before. */
const NEXT_DAY = /^[\s*_`]*(?:\(\s*(?:next day|\+1d?|d\+1)\s*\)|next day\b)/i;

/**
 * A month and day without a year placed in `year`, or in the next year when that would put it
 * more than half a year before the day reached so far: "1 Jan" after "31 Dec" is the new year.
 */
function yearlessDay(year: string, monthDay: string, day: number): string | undefined {
  const date = `${year}-${monthDay}`;
  if (!isIsoDate(date)) return undefined;
  if (dayNumber(date) >= day - 183) return date;
  const next = `${Number(year) + 1}-${monthDay}`;
  return isIsoDate(next) ? next : date;
}

const SLASHED_TEXT = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?/;

/**
 * Reads a timeline's slashed dates one way: each is read month first unless its first number is
 * over 12 (parseEntryTime), so a day-first chronology ("11/05/2025" then "13/05/2025") mixed both
 * readings. When some entry can only be day first and none can only be month first, the entries
 * that could be either are read day first too.
 */
function settleSlashedDates(entries: TimelineEntry[]): void {
  const slashed: { time: EntryTime; a: number; b: number; year: string | undefined }[] = [];
  for (const e of entries) {
    const m = e.time && SLASHED_TEXT.exec(e.time.text);
    if (m) slashed.push({ time: e.time!, a: Number(m[1]), b: Number(m[2]), year: m[3] });
  }
  if (slashed.length === 0) return;
  if (settledNumericOrder(slashed.map((s) => [s.a, s.b] as const)) !== 'dmy') return;
  for (const { time, a, b, year } of slashed) {
    if (a > 12 || a === b) continue;
    const swapped = slashedDate(a, b, year, true);
    if (!swapped) continue;
    delete time.date;
    delete time.monthDay;
    Object.assign(time, swapped);
  }
}

/** An entry's clock time in minutes on the UTC clock (its written zone taken off). */
function utcClock(t: EntryTime): number {
  return t.minutes - (t.zone ? entryZoneOffset(t.zone) : 0);
}

/**
 * Whether a clock time hours before the one above it starts the next day: when it and every
 * entry after it (up to the next day mark) keep going forward and all stay before that time
 * ("11:20" then "00:00", "02:30", "08:40"), as a night's entries do. One misplaced entry among
 * later ones ("10:30", "09:15", "10:45") is not a new day.
 */
function restOfNight(
  entries: readonly TimelineEntry[],
  from: number,
  before: number,
  nextMark: number | undefined,
): boolean {
  let last = -Infinity;
  for (let i = from; i < entries.length; i++) {
    const e = entries[i]!;
    if (nextMark !== undefined && e.start > nextMark) break;
    const t = e.time;
    if (!t) continue;
    if (t.date || t.monthDay) return false;
    const at = utcClock(t);
    if (at < last || at >= before) return false;
    last = at;
  }
  return true;
}

/**
 * Places entries on an absolute clock and numbers their parts. Entries without a date take the
 * date of the entry before (or `baseDate`); a month and day without a year take the year of the
 * date before; a clock time more than twelve hours earlier than the previous one is read as the
 * next day, so a timeline may run past midnight, and so is one six or more hours earlier that the
 * entries after it follow through the night (restOfNight). Day marks set the date: a dated heading or date
 * line (`### 2023-06-11`, `**March 4, 2024**`), "Day 2" (the day after `baseDate`), and any other
 * sub-heading starts a new part without moving the date.
 */
export function placeEntries(
  entries: TimelineEntry[],
  baseDate: string | undefined,
  dayMarks: readonly TimelineDay[] = [],
): void {
  settleSlashedDates(entries);
  const base = baseDate && isIsoDate(baseDate) ? dayNumber(baseDate) : undefined;
  let day = base ?? 0;
  // A month and day without a year take the year of the date before them; with none anywhere, a
  // stand-in leap year keeps them in order against each other.
  let year =
    (baseDate && isIsoDate(baseDate)
      ? baseDate
      : (entries.find((e) => e.time?.date)?.time?.date ?? dayMarks.find((m) => m.date)?.date)
    )?.slice(0, 4) ?? '2000';
  let prev: number | undefined;
  let mark = 0;
  let part = 0;
  // Entries placed on the postmortem's date only, before any entry or mark named a date of its own.
  let leading: TimelineEntry[] | undefined = [];
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    while (mark < dayMarks.length && dayMarks[mark]!.offset < entry.start) {
      const m = dayMarks[mark]!;
      const date =
        m.date ??
        (m.monthDay && year && isIsoDate(`${year}-${m.monthDay}`)
          ? `${year}-${m.monthDay}`
          : undefined);
      if (date) {
        day = dayNumber(date);
        year = date.slice(0, 4);
        leading = undefined;
      } else if (m.day !== undefined && base !== undefined) {
        day = base + m.day - 1;
        leading = undefined;
      }
      prev = undefined;
      part++;
      mark++;
    }
    entry.part = part;
    const t = entry.time;
    if (!t) continue;
    const utc = utcClock(t);
    const date = t.date ?? (t.monthDay ? yearlessDay(year, t.monthDay, day) : undefined);
    if (date) {
      day = dayNumber(date);
      year = date.slice(0, 4);
      const at = day * 24 * 60 + utc;
      const last = leading?.[leading.length - 1]?.at;
      // The first date a timeline names, without a year ("Sat 12 Apr, 2:15 PM"), comes before the
      // entries placed on the postmortem's date (a publication date, not the incident's): those
      // entries were on the days before it. A date with its year is absolute: out of order stays so.
      if (last !== undefined && at < last && !t.date) {
        const shift = Math.ceil((last - at) / (24 * 60)) * 24 * 60;
        for (const e of leading!) e.at! -= shift;
      }
      leading = undefined;
    } else if (t.weekday !== undefined) {
      // "Mon 22:15" then "Tue 09:50": the weekday says which day, counted forward from the day
      // reached (1970-01-01, day 0, was a Thursday).
      day += (t.weekday - (((day % 7) + 11) % 7) + 7) % 7;
    } else if (
      // Compared on the UTC clock, so entries alternating zones (PDT, CEST) keep their order.
      (prev !== undefined && utc < prev - 12 * 60) ||
      NEXT_DAY.test(entry.text.slice(t.length)) ||
      (prev !== undefined &&
        utc <= prev - 6 * 60 &&
        restOfNight(entries, index, prev, dayMarks[mark]?.offset))
    ) {
      day++;
    }
    prev = utc;
    entry.at = day * 24 * 60 + utc;
    leading?.push(entry);
  }
}
