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

/** A timeline entry: one list item or table row of the Timeline section. */
export interface TimelineEntry {
  text: string;
  time?: EntryTime;
  /** Minutes since 1970-01-01 UTC, with midnight roll-over applied; undefined without a time. */
  at?: number;
  start: number;
  end: number;
}

const LEAD = /^[\s*_`[(]*/;
const DATE_FIRST = /^(\d{4}-\d{2}-\d{2})(?:(?:[T ]|,\s*|\s+at\s+)(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?(?:\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2}|\(?[A-Z]{2,5}\)?))?(?![\d:])/;
const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?(?:\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2}|\(?[A-Z]{2,5}\)?))?(?![\d:])/;
const HOUR_ONLY = /^(\d{1,2})\s*([AaPp])\.?[Mm]\.?(?:\s*(UTC|GMT|\(?[A-Z]{2,5}\)?))?(?![\w])/;

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
    return { minutes, date: m[1], zone: zone(m[5]), length: lead + m[0].length };
  }
  m = CLOCK.exec(s);
  if (m) {
    const minutes = clock(Number(m[1]), Number(m[2]), m[4]);
    if (minutes === undefined || Number(m[3] ?? 0) > 59) return undefined;
    return { minutes, zone: zone(m[5]), length: lead + m[0].length };
  }
  m = HOUR_ONLY.exec(s);
  if (m) {
    const minutes = clock(Number(m[1]), 0, m[2]);
    if (minutes === undefined) return undefined;
    return { minutes, zone: zone(m[3]), length: lead + m[0].length };
  }
  return undefined;
}

function zone(z: string | undefined): string | undefined {
  return z?.replace(/[()]/g, '');
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
export function placeEntries(entries: TimelineEntry[], baseDate: string | undefined, dayMarks: { offset: number; date: string }[] = []): void {
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
    const offset = t.zone ? zoneOffsetMinutes(t.zone) : 0;
    if (t.date) {
      day = dayNumber(t.date);
    } else if (prev !== undefined && t.minutes < prev - 12 * 60) {
      day++;
    }
    prev = t.minutes;
    entry.at = day * 24 * 60 + t.minutes - offset;
  }
}
