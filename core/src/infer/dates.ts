import { isIsoDate } from '../dates';

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
    re: /(?<![\d-])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/g,
    kind: 'iso',
    read: (m) => [+m[1]!, +m[2]!, +m[3]!],
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
  {
    re: /(?<![\d/.-])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/g,
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

/** Every full calendar date written in a text (ISO, "March 13, 2024", "13 March 2024", "03/13/2024"), in order. */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
      const [y, mo, d] = p.read(m);
      let value = iso(y, mo, d);
      // 13/03/2024 cannot be US-style; read it day first.
      if (!value && p.kind === 'numeric' && p.re.source.includes('\\/')) value = iso(y, d, mo);
      if (
        value &&
        !found.some((f) => f.index < m!.index + m![0].length && m!.index < f.index + f.length)
      ) {
        found.push({ iso: value, index: m.index, length: m[0].length, kind: p.kind });
      }
    }
  }
  return found.sort((a, b) => a.index - b.index);
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
export function firstDate(text: string): FoundDate | undefined {
  return findDates(text)[0];
}
