import { dayNumber, isIsoDate, zoneOffsetMinutes } from './dates';

/** A time read from the start of a timeline entry. */
export interface EntryTime {
  /** Minutes since midnight. */
  minutes: number;
  /** The date when the entry names one (YYYY-MM-DD). */
  date?: string;
  /** The zone as written (UTC, Z, +02:00, PST...), if any. */
  zone?: string;
  /** How many characters of the entry the time took. */
  length: number;
}

/** A day heading (or date line) inside the Timeline section: entries after it fall on that date. */
export interface TimelineDay {
  offset: number;
  date: string;
}

/** A timeline entry: one list item or table row of the Timeline section. */
export interface TimelineEntry {
  text: string;
  time?: EntryTime;
  /** Minutes since 1970-01-01 UTC, with midnight roll-over applied; undefined without a time. */
  at?: number;
  start: number;
  end: number;
}

/**
 * The entry every timeline reader builds for an item or row at [start, end) whose text is `text`;
 * its time is read from the start of `timeText` (the text itself, or a table's time cell).
 */
export function timelineEntry(text: string, start: number, end: number, timeText: string = text): TimelineEntry {
  return { text, time: parseEntryTime(timeText), start, end };
}

const LEAD = /^[\s*_`[(]*/;
/** Zone names written after times in real timelines, with their offsets in minutes. */
const ZONES: Record<string, number> = {
  UTC: 0, GMT: 0, Z: 0, BST: 60, CET: 60, CEST: 120, EET: 120, EEST: 180, IST: 330, SGT: 480, JST: 540,
  AEST: 600, AEDT: 660, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
};
const ZONE = `(?:\\s*\\(?(${Object.keys(ZONES).join('|')}|[+-]\\d{2}:?\\d{2})\\)?(?![A-Za-z]))?`;
const DATE_FIRST = new RegExp(`^(\\d{4}-\\d{2}-\\d{2})(?:(?:[T ]|,\\s*|\\s+at\\s+)(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?)?${ZONE}(?![\\w]|:\\d)`);
const CLOCK = new RegExp(`^(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\s*([AaPp])\\.?[Mm]\\.?)?${ZONE}(?!\\d|:\\d)`);
const HOUR_ONLY = new RegExp(`^(\\d{1,2})\\s*([AaPp])\\.?[Mm]\\.?${ZONE}(?!\\w)`);

/**
 * Reads the time at the start of a timeline entry: `04:00`, `4:00 AM`, `4 PM`, `16:05:30 UTC`,
 * `2023-06-10 04:00 UTC`, `2023-06-10T04:00Z` or a bare date. Markdown emphasis around it is allowed.
 */
export function parseEntryTime(text: string): EntryTime | undefined {
  const lead = LEAD.exec(text)?.[0].length ?? 0;
  const s = text.slice(lead);
  let m = DATE_FIRST.exec(s);
  if (m && isIsoDate(m[1]!)) {
    if (m[2] === undefined) return { minutes: 0, date: m[1], length: lead + m[0].length };
    const minutes = clock(Number(m[2]), Number(m[3]), undefined);
    if (minutes === undefined) return undefined;
    return { minutes, date: m[1], zone: m[5], length: lead + m[0].length };
  }
  m = CLOCK.exec(s);
  if (m) {
    const minutes = clock(Number(m[1]), Number(m[2]), m[4]);
    if (minutes === undefined || Number(m[3] ?? 0) > 59) return undefined;
    return { minutes, zone: m[5], length: lead + m[0].length };
  }
  m = HOUR_ONLY.exec(s);
  if (m) {
    const minutes = clock(Number(m[1]), 0, m[2]);
    if (minutes === undefined) return undefined;
    return { minutes, zone: m[3], length: lead + m[0].length };
  }
  return undefined;
}

/** Minutes east of UTC of a zone written in a timeline (a name such as PST, or ±hh:mm). */
export function entryZoneOffset(z: string): number {
  return ZONES[z.toUpperCase()] ?? zoneOffsetMinutes(z);
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

/**
 * Places entries on an absolute clock. Entries without a date take the date of the entry before
 * (or `baseDate`); a clock time more than twelve hours earlier than the previous one is read as the
 * next day, so a timeline may run past midnight. Day headings (`### 2023-06-11`) set the date too.
 */
export function placeEntries(entries: TimelineEntry[], baseDate: string | undefined, dayMarks: readonly TimelineDay[] = []): void {
  let day = baseDate && isIsoDate(baseDate) ? dayNumber(baseDate) : 0;
  let prev: number | undefined;
  let mark = 0;
  for (const entry of entries) {
    while (mark < dayMarks.length && dayMarks[mark]!.offset < entry.start) {
      day = dayNumber(dayMarks[mark]!.date);
      prev = undefined;
      mark++;
    }
    const t = entry.time;
    if (!t) continue;
    const offset = t.zone ? entryZoneOffset(t.zone) : 0;
    if (t.date) {
      day = dayNumber(t.date);
    } else if (prev !== undefined && t.minutes < prev - 12 * 60) {
      day++;
    }
    prev = t.minutes;
    entry.at = day * 24 * 60 + t.minutes - offset;
  }
}
