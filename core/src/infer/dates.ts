import { isIsoDate, settledNumericOrder, WEEKDAYS } from '../dates';

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
const MONTH = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const WEEKDAY =
  '(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\\.?,?\\s+)?';

/** A date found in free text, with where it starts and how it was written. */
export interface FoundDate {
  iso: string;
  index: number;
  length: number;
  /** `iso` (2024-03-13), `words` (March 13, 2024) or `numeric` (03/13/2024, read US-style; less sure). */
  kind: 'iso' | 'words' | 'numeric';
}

const PATTERNS: {
  re: RegExp;
  kind: FoundDate['kind'];
  read: (m: RegExpExecArray) => [number, number, number];
}[] = [
  // Ranges: "2-6 August 2021", "May 9-11, 2023": the first day.
  {
    re: new RegExp(
      `(?<![\\p{L}\\d])(\\d{1,2})\\s*[-–]\\s*\\d{1,2}\\s+(${MONTH})\\.?,?\\s+(\\d{4})(?!\\d)`,
      'giu',
    ),
    kind: 'words',
    read: (m) => [+m[3]!, MONTHS[m[2]!.toLowerCase()]!, +m[1]!],
  },
  {
    re: new RegExp(
      `(?<![\\p{L}])(${MONTH})\\.?\\s+(\\d{1,2})\\s*[-–]\\s*\\d{1,2},?\\s+(\\d{4})(?!\\d)`,
      'giu',
    ),
    kind: 'words',
    read: (m) => [+m[3]!, MONTHS[m[1]!.toLowerCase()]!, +m[2]!],
  },
  {
    // 2024-03-13, 2024/3/13, 2024.03.13; not a version such as "2025.08.3" or "2024.1.2.7".
    re: /(?<![\d.-])(\d{4})(?:([-/])(\d{1,2})\2(\d{1,2})|\.(\d{2})\.(\d{2}))(?!\d|\.\d)/g,
    kind: 'iso',
    read: (m) => [+m[1]!, +(m[3] ?? m[5])!, +(m[4] ?? m[6])!],
  },
  {
    re: new RegExp(
      `(?<![\\p{L}])${WEEKDAY}(${MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`,
      'giu',
    ),
    kind: 'words',
    read: (m) => [+m[3]!, MONTHS[m[1]!.toLowerCase()]!, +m[2]!],
  },
  {
    re: new RegExp(
      `(?<![\\p{L}\\d])${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH})\\.?,?\\s+(\\d{4})(?!\\d)`,
      'giu',
    ),
    kind: 'words',
    read: (m) => [+m[3]!, MONTHS[m[2]!.toLowerCase()]!, +m[1]!],
  },
  // Jira's "14/Mar/25" and "14/Mar/2025"; "04-Mar-2025" as many reports and databases write it.
  {
    re: new RegExp(
      `(?<![\\d/.-])(\\d{1,2})([/-])(${MONTH})\\2(\\d{4}|\\d{2})(?![\\d/]|-\\d)`,
      'giu',
    ),
    kind: 'words',
    read: (m) => [
      m[4]!.length === 2 ? 2000 + +m[4]! : +m[4]!,
      MONTHS[m[3]!.toLowerCase()]!,
      +m[1]!,
    ],
  },
  {
    // 03/13/2024, and 13-03-2024 written with dashes.
    re: /(?<![\d/.-])(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?![\d/-])/g,
    kind: 'numeric',
    read: (m) => [+m[3]!, +m[1]!, +m[2]!],
  },
  {
    re: /(?<![\d/.-])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])/g,
    kind: 'numeric',
    read: (m) => [+m[3]!, +m[2]!, +m[1]!],
  },
];

function iso(y: number, m: number, d: number): string | undefined {
  const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return y >= 1970 && y <= 2100 && isIsoDate(s) ? s : undefined;
}

/** How a document writes numeric dates such as 04/03/2025: day first (`dmy`) or month first (`mdy`). */
export type NumericOrder = 'dmy' | 'mdy';

/**
 * Every full calendar date written in a text (ISO, "March 13, 2024", "13 March 2024", "14/Mar/25",
 * "03/13/2024"), in order. A slashed numeric date is read month first unless `order` says the
 * document writes the day first (see numericDateOrder); one that can only be read one way is.
 * The first day of a range whose year is written once ("14 January to 18 January 2025") is found too.
 */
export function findDates(text: string, order: NumericOrder = 'mdy'): FoundDate[] {
  const found: FoundDate[] = [];
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    const slashed = p.kind === 'numeric' && !p.re.source.includes('\\.');
    for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
      const [y, mo, d] = p.read(m);
      let value = slashed && order === 'dmy' ? iso(y, d, mo) : iso(y, mo, d);
      // 13/03/2024 cannot be US-style (nor 03/13/2024 day first); read it the other way.
      if (!value && slashed) value = order === 'dmy' ? iso(y, mo, d) : iso(y, d, mo);
      if (
        value &&
        !found.some((f) => f.index < m!.index + m![0].length && m!.index < f.index + f.length)
      ) {
        found.push({ iso: value, index: m.index, length: m[0].length, kind: p.kind });
      }
    }
  }
  for (const f of [...found]) {
    if (f.kind === 'words' || f.kind === 'iso') {
      const start = rangeStart(text, f);
      if (start && !found.some((g) => g.index < f.index && g.index + g.length > start.index))
        found.push(start);
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

const RANGE_START = new RegExp(
  `(?<![\\p{L}\\d])${WEEKDAY}(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH})|(${MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?)\\.?,?\\s*(?:and|to|until|till|through|thru|[-–—→])\\s*$`,
  'iu',
);

/** "Tuesday 14 January" before "and|to|–" and a full date: the range's first day, in the full date's year. */
function rangeStart(text: string, end: FoundDate): FoundDate | undefined {
  const from = Math.max(0, end.index - 50);
  const m = RANGE_START.exec(text.slice(from, end.index));
  if (!m) return undefined;
  const month = MONTHS[(m[2] ?? m[3])!.toLowerCase()]!;
  const day = Number(m[1] ?? m[4]);
  const year = Number(end.iso.slice(0, 4));
  let value = iso(year, month, day);
  if (value && value > end.iso) value = iso(year - 1, month, day);
  return value
    ? { iso: value, index: from + m.index, length: m[0].length, kind: 'words' }
    : undefined;
}

/**
 * Whether a document writes slashed dates day first or month first: a number above 12 in the first
 * place (31/10/2025) or the second (10/31/2025) decides, then what the document says of them ("US
 * format", "DD/MM/YYYY"); failing that, the way it writes dates in words ("8 April" day first,
 * "April 8" month first) suggests, and `sure` is false.
 */
export function numericDateOrder(text: string): { order: NumericOrder; sure: boolean } | undefined {
  const pairs = [
    ...text.matchAll(/(?<![\d/.-])(\d{1,2})[/-](\d{1,2})[/-](?:\d{4}|\d{2})(?![\d/-])/g),
  ].map((m) => [Number(m[1]), Number(m[2])] as const);
  if (!pairs.length) return undefined;
  const settled = settledNumericOrder(pairs);
  if (settled) return { order: settled, sure: true };
  // "10/07/2024 (US format)", "dates are DD/MM/YYYY": the document says how it writes them.
  if (/\b(?:US[- ](?:format|style)|MM\/DD(?:\/YY(?:YY)?)?|month\/day\/year)\b/i.test(text))
    return { order: 'mdy', sure: true };
  if (
    /\b(?:DD\/MM(?:\/YY(?:YY)?)?|day\/month\/year|(?:UK|European|EU)[- ](?:format|style))\b/i.test(
      text,
    )
  )
    return { order: 'dmy', sure: true };
  const dayFirst =
    text.match(new RegExp(`(?<![\\p{L}\\d])\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTH})\\b`, 'giu'))
      ?.length ?? 0;
  const monthFirst =
    text.match(new RegExp(`(?<![\\p{L}])(?:${MONTH})\\.?\\s+\\d{1,2}(?!\\d|:)`, 'giu'))?.length ??
    0;
  return { order: dayFirst > monthFirst ? 'dmy' : 'mdy', sure: false };
}

/**
 * "April 17" or "17 April" without a year, read in the year that puts it on or before `before`
 * (a post's publication date): "Last Wednesday, April 17" in a post dated 2019-04-24.
 */
export function findYearlessDates(text: string, before: string): FoundDate[] {
  const year = Number(before.slice(0, 4));
  const out: FoundDate[] = [];
  const patterns: [RegExp, (m: RegExpExecArray) => [number, number]][] = [
    [
      new RegExp(
        `(?<![\\p{L}])(${MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:]|,?\\s+\\d{4})`,
        'giu',
      ),
      (m) => [MONTHS[m[1]!.toLowerCase()]!, +m[2]!],
    ],
    [
      new RegExp(
        `(?<![\\p{L}\\d])(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH})(?![\\p{L}]|\\.?,?\\s+\\d{4})`,
        'giu',
      ),
      (m) => [MONTHS[m[2]!.toLowerCase()]!, +m[1]!],
    ],
  ];
  // "Tuesday the 23rd": the day of the post's month (or the month before) that falls on that weekday.
  const weekdayDay = new RegExp(
    `(?<![\\p{L}])(mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)(?![\\p{L}\\d]|\\s+(?:of\\s+)?(?:${MONTH}))`,
    'giu',
  );
  for (let m = weekdayDay.exec(text); m; m = weekdayDay.exec(text)) {
    const [y, mo] = [Number(before.slice(0, 4)), Number(before.slice(5, 7))];
    const day = +m[2]!;
    let value = iso(y, mo, day);
    if (!value || value > before) value = mo === 1 ? iso(y - 1, 12, day) : iso(y, mo - 1, day);
    const weekday = WEEKDAYS.indexOf(m[1]!.toLowerCase());
    if (value && new Date(`${value}T00:00:00Z`).getUTCDay() === weekday)
      out.push({ iso: value, index: m.index, length: m[0].length, kind: 'words' });
  }
  for (const [re, read] of patterns) {
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const [mo, d] = read(m);
      let value = iso(year, mo, d);
      if (value && value > before) value = iso(year - 1, mo, d);
      if (value) out.push({ iso: value, index: m.index, length: m[0].length, kind: 'words' });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/** The first date written in a text, or undefined. */
export function firstDate(text: string, order?: NumericOrder): FoundDate | undefined {
  return findDates(text, order)[0];
}
