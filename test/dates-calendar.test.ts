import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, isIsoDate, parseDateTime } from '../core/src/dates';
import { propertyRuns } from './edits';

/** What a date is by the calendar of Date (how isIsoDate decided before it counted days itself). */
function byDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  );
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('dates', () => {
  it('counts the days of a date as Date.parse does, for real dates, impossible ones and other text', () => {
    const byParse = (value: string) => Math.floor(Date.parse(`${value}T00:00:00Z`) / 86_400_000);
    const differ: string[] = [];
    for (const year of [0, 99, 100, 999, 1000, 1582, 1900, 1970, 2000, 2024, 2100, 9999])
      for (let month = 0; month <= 13; month++)
        for (let day = 0; day <= 32; day++) {
          const value = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          if (!Object.is(dayNumber(value), byParse(value))) differ.push(value);
        }
    for (const value of ['', '2024-1-05', '2024-01-5', '2024/01/05', '2024-01-05x', '+2024-01-05'])
      if (!Object.is(dayNumber(value), byParse(value))) differ.push(value);
    expect(differ).toEqual([]);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('2024-02-30')).toBe(dayNumber('2024-03-01'));
  });

  it('takes as real dates exactly those the calendar of Date has, leap days and years before 100 included', () => {
    const differ: string[] = [];
    for (const year of [0, 1, 99, 100, 1582, 1900, 1999, 2000, 2023, 2024, 2100, 2400, 9999])
      for (let month = 0; month <= 13; month++)
        for (let day = 0; day <= 32; day++) {
          const value = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          if (isIsoDate(value) !== byDate(value)) differ.push(value);
        }
    expect(differ).toEqual([]);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
  });

  it('agrees with the calendar of Date on any short text', () => {
    const chars = fc.constantFrom(...'0123456789-T :Z٣'.split(''));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: chars, minLength: 8, maxLength: 12 }),
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
        ),
        (value) => {
          expect(isIsoDate(value)).toBe(byDate(value));
        },
      ),
      { numRuns: propertyRuns(2000) },
    );
  });

  it('refuses date-times that are not on the clock or the calendar, in every form', () => {
    for (const value of [
      '2023-06-10T24:00:00Z',
      '2023-06-10T23:60:00Z',
      '2023-06-10T23:59:60Z',
      '2023-02-30T01:00:00Z',
      '0099-01-01T01:00:00Z',
      '2023-06-10T0a:00:00Z',
      '2023-06-10 24:00 UTC',
    ])
      expect(parseDateTime(value), value).toBeUndefined();
    expect(parseDateTime(' 2023-06-10T04:05:06Z ')).toBe(Date.UTC(2023, 5, 10, 4, 5, 6));
  });

  it('reads a date-time as Date.parse reads its day, plus the time and zone', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0100-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom('Z', '', ' UTC', '+02:00', '-0530'),
        (d, zone) => {
          const iso = d.toISOString();
          const value = `${iso.slice(0, 19)}${zone}`;
          const offset = zone === '+02:00' ? 120 : zone === '-0530' ? -330 : 0;
          const expected = Date.parse(`${iso.slice(0, 19)}Z`) - offset * 60_000;
          expect(parseDateTime(value)).toBe(expected);
        },
      ),
      { numRuns: propertyRuns(1000) },
    );
  });
});
