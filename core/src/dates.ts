const DAY_MS = 86_400_000;

/** The number written by the ASCII digits of text[from, to), or -1 when another character is there. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Days in a month of the proleptic Gregorian calendar (month 1-12). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * True for a real calendar date written as YYYY-MM-DD. Years before 100 are refused, as they
 * always were here (Date.UTC reads them as 1900-1999).
 */
export function isIsoDate(value: string): boolean {
  return value.length === 10 && isIsoDateAt(value);
}

/** Whether the text starts with a real calendar date written as YYYY-MM-DD (see isIsoDate). */
function isIsoDateAt(value: string): boolean {
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  return year >= 100 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i;

/**
 * Parses an ISO date-time (`2023-06-10T04:00:00Z`, `2023-06-10 04:00 UTC`, `2023-06-10T04:00+02:00`)
 * to epoch milliseconds. A value without a zone is read as UTC. Returns undefined when unreadable.
 */
export function parseDateTime(value: string): number | undefined {
  // `2023-06-10T04:00:00Z`, the form nearly every front matter holds, without the regular expression.
  if (
    value.length === 20 &&
    value.charCodeAt(10) === 84 &&
    value.charCodeAt(13) === 58 &&
    value.charCodeAt(16) === 58 &&
    value.charCodeAt(19) === 90
  ) {
    const hour = digits(value, 11, 13);
    const minute = digits(value, 14, 16);
    const second = digits(value, 17, 19);
    if (hour >= 0 && minute >= 0 && second >= 0) {
      if (!isIsoDateAt(value) || hour > 23 || minute > 59 || second > 59) return undefined;
      const day = Date.UTC(digits(value, 0, 4), digits(value, 5, 7) - 1, digits(value, 8, 10));
      return day + ((hour * 60 + minute) * 60 + second) * 1000;
    }
  }
  const m = DATE_TIME.exec(value.trim());
  if (!m || !isIsoDate(m[1]!)) return undefined;
  const hour = Number(m[2]);
  const minute = Number(m[3]);
  const second = Number(m[4] ?? 0);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const date = m[1]!;
  const day = Date.UTC(digits(date, 0, 4), digits(date, 5, 7) - 1, digits(date, 8, 10));
  const base = day + ((hour * 60 + minute) * 60 + second) * 1000;
  return base - zoneOffsetMinutes(m[5]) * 60_000;
}

/** Minutes east of UTC for Z, UTC or ±hh:mm; 0 when absent. */
export function zoneOffsetMinutes(zone: string | undefined): number {
  if (!zone || /^(z|utc|gmt)$/i.test(zone)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** Days since 1970-01-01 for an ISO date. */
export function dayNumber(isoDate: string): number {
  // A real date (isIsoDate: year 100 on, which Date.UTC reads as written) from its digits:
  // Date.parse of a built string was a tenth of placing a timeline. Anything else as Date.parse
  // reads it, NaN included.
  if (isIsoDate(isoDate))
    return Math.floor(
      Date.UTC(digits(isoDate, 0, 4), digits(isoDate, 5, 7) - 1, digits(isoDate, 8, 10)) / DAY_MS,
    );
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

/** Today's date as YYYY-MM-DD in UTC. */
export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A duration in minutes as a short human string: "45 min", "2 h 35 min", "3 d 4 h". */
export function formatMinutes(minutes: number): string {
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  if (m < 24 * 60) {
    const h = Math.floor(m / 60);
    const rest = m % 60;
    return rest ? `${h} h ${rest} min` : `${h} h`;
  }
  const d = Math.floor(m / (24 * 60));
  const h = Math.round((m % (24 * 60)) / 60);
  return h ? `${d} d ${h} h` : `${d} d`;
}

/**
 * How numeric dates `a/b/yyyy` are written when some can only be read one way: day first
 * (`dmy`) when a first number is over 12 (31/10/2025) and no second one is, month first (`mdy`)
 * the other way round; undefined when none decides or both do. Pairs over 12 in both places are
 * no dates and decide nothing.
 */
export function settledNumericOrder(
  pairs: Iterable<readonly [number, number]>,
): 'dmy' | 'mdy' | undefined {
  let dmy = false;
  let mdy = false;
  for (const [a, b] of pairs) {
    if (a > 12 && b <= 12) dmy = true;
    else if (b > 12 && a <= 12) mdy = true;
  }
  return dmy && !mdy ? 'dmy' : mdy && !dmy ? 'mdy' : undefined;
}

/** Weekdays by their first three letters, Sunday first (as `Date.getUTCDay` numbers them). */
export const WEEKDAYS: readonly string[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
