import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  daysInYear,
  firstDayOfYear,
  formatDay,
  parseIsoDate,
  tryParseIsoDate,
  weekdayOf,
  yearOfDay,
} from '../../../shared/calendar/civil-date';
import {
  formatInstant,
  formatShanghaiMinute,
  parseInstant,
  parseTimeOfDay,
  shanghaiDay,
  startOfShanghaiDay,
} from '../../../shared/calendar/shanghai-time';

describe('calendar dates', () => {
  it('round-trips dates and rejects strings that are not calendar dates', () => {
    for (const d of ['2004-01-01', '2024-02-29', '2026-12-31', '2100-03-01'])
      expect(formatDay(parseIsoDate(d))).toBe(d);
    for (const bad of [
      '2027-02-29',
      '2026-02-30',
      '2026-13-01',
      '2026-1-5',
      '2026-01-05T00:00',
      '',
      '0099-01-01',
    ]) {
      expect(tryParseIsoDate(bad)).toBeUndefined();
    }
    expect(() => parseIsoDate('2026-02-30')).toThrow(RangeError);
  });

  it('computes dates and years by arithmetic exactly as Date does', () => {
    const day = fc.integer({ min: parseIsoDate('1900-01-01'), max: parseIsoDate('2200-12-31') });
    fc.assert(
      fc.property(day, (d) => {
        const date = new Date(d * DAY_MS);
        expect(formatDay(d)).toBe(date.toISOString().slice(0, 10));
        expect(yearOfDay(d)).toBe(date.getUTCFullYear());
        expect(firstDayOfYear(yearOfDay(d))).toBe(Date.UTC(date.getUTCFullYear(), 0, 1) / DAY_MS);
      }),
      { numRuns: 2000 },
    );
  });

  it('knows weekdays and leap years', () => {
    expect(weekdayOf(parseIsoDate('2026-02-14'))).toBe(6); // Saturday (a make-up working day)
    expect(weekdayOf(parseIsoDate('2025-09-28'))).toBe(0); // Sunday
    expect(weekdayOf(parseIsoDate('1969-12-31'))).toBe(3); // negative day numbers too
    expect([daysInYear(2024), daysInYear(2026), daysInYear(2100)]).toEqual([366, 365, 365]);
  });
});

describe('Asia/Shanghai instants', () => {
  it('puts 16:00 UTC on the next Shanghai day and 15:59 UTC on the same one', () => {
    expect(formatDay(shanghaiDay(Date.UTC(2026, 8, 30, 15, 59)))).toBe('2026-09-30');
    expect(formatDay(shanghaiDay(Date.UTC(2026, 8, 30, 16, 0)))).toBe('2026-10-01');
    expect(startOfShanghaiDay(parseIsoDate('2026-10-01'))).toBe(Date.UTC(2026, 8, 30, 16, 0));
  });

  it('parses only times that state their offset, and formats with +08:00', () => {
    const at = parseInstant('2026-09-30T16:10+08:00');
    expect(at).toBe(Date.UTC(2026, 8, 30, 8, 10));
    expect(parseInstant('2026-09-30T08:10:00Z')).toBe(at);
    expect(parseInstant('2026-09-29T20:10:00.000-12:00')).toBe(at);
    expect(formatInstant(at)).toBe('2026-09-30T16:10:00+08:00');
    expect(formatShanghaiMinute(at)).toBe('2026-09-30 16:10');
    for (const bad of [
      '2026-09-30T16:10',
      '2026-09-30 16:10+08:00',
      '2026-02-30T10:00+08:00',
      '2026-09-30T24:00+08:00',
    ]) {
      expect(() => parseInstant(bad), bad).toThrow(RangeError);
    }
  });

  it('writes 24:00 of a day as 00:00 of the next', () => {
    expect(formatInstant(startOfShanghaiDay(parseIsoDate('2026-10-30')) + 1440 * 60_000)).toBe(
      '2026-10-31T00:00:00+08:00',
    );
  });

  it('reads times of day, allowing 24:00 and nothing later', () => {
    expect(parseTimeOfDay('08:30')).toBe(510);
    expect(parseTimeOfDay('24:00')).toBe(1440);
    for (const bad of ['24:01', '8:30', '12:60', '']) expect(parseTimeOfDay(bad), bad).toBeUndefined();
  });
});
