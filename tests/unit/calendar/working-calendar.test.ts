import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildCalendar,
  CalendarDataError,
  CalendarRangeError,
  formatDay,
  parseIsoDate,
} from '../../../shared/calendar';
import type { CalendarYear } from '../../../shared/calendar';
import { IMPORTED_2027 } from '../../support/calendar';

const calendar = buildCalendar();

/** The obvious day-by-day walk, as the oracle for the indexed arithmetic. */
function walkWorkingDays(from: number, n: number): number {
  let day = from;
  for (let left = n; left > 0;) if (calendar.isWorkingDay(++day)) left--;
  return day;
}

describe('published calendars (State Council notices via chinese-days)', () => {
  it.each([
    // Spring Festival 2026: off 15–23 Feb, make-up Saturdays 14 and 28 Feb
    ['2026-02-13', 'workday', undefined],
    ['2026-02-14', 'makeup_workday', undefined],
    ['2026-02-15', 'holiday', '春节'],
    ['2026-02-23', 'holiday', '春节'],
    ['2026-02-24', 'workday', undefined],
    ['2026-02-28', 'makeup_workday', undefined],
    ['2026-03-01', 'weekend', undefined],
    // National Day + Mid-Autumn 2025: off 1–8 Oct, make-up Sun 28 Sep and Sat 11 Oct
    ['2025-09-28', 'makeup_workday', undefined],
    ['2025-10-01', 'holiday', '国庆节'],
    ['2025-10-06', 'holiday', '中秋节'],
    ['2025-10-08', 'holiday', '国庆节'],
    ['2025-10-11', 'makeup_workday', undefined],
    ['2025-10-12', 'weekend', undefined],
    // Labour Day 2024: off 1–5 May, make-up Sun 28 Apr and Sat 11 May
    ['2024-04-28', 'makeup_workday', undefined],
    ['2024-05-01', 'holiday', '劳动节'],
    ['2024-05-05', 'holiday', '劳动节'],
    ['2024-05-06', 'workday', undefined],
    ['2024-05-11', 'makeup_workday', undefined],
  ] as const)('%s is a %s', (date, kind, holiday) => {
    const info = calendar.kindOf(date);
    expect(info).toEqual({ date, kind, holiday, provisional: false });
    expect(calendar.isWorkingDay(date)).toBe(kind === 'workday' || kind === 'makeup_workday');
  });

  it('lists 2026 as the notice has it', () => {
    const { data, provisional } = calendar.year(2026);
    expect(provisional).toBe(false);
    expect(data.source).toBe('chinese-days');
    expect(data.makeUpWorkdays).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(data.holidays.find((h) => h.name === '春节')?.dates).toHaveLength(9);
  });

  it.each([
    // from, n, expected: counting starts after `from`
    ['2026-02-13', 1, '2026-02-14'], // a make-up Saturday counts
    ['2026-02-13', 2, '2026-02-24'], // the whole Spring Festival block is skipped
    ['2026-02-14', 2, '2026-02-25'], // starting on a make-up Saturday
    ['2026-02-27', 1, '2026-02-28'],
    ['2025-09-27', 1, '2025-09-28'], // make-up Sunday
    ['2025-09-30', 3, '2025-10-11'], // 9 and 10 Oct, then the make-up Saturday
    ['2024-04-26', 3, '2024-04-30'], // 28 Apr (Sun, make-up), 29, 30
    ['2024-04-30', 2, '2024-05-07'],
    ['2024-05-10', 1, '2024-05-11'],
    ['2026-12-30', 3, '2027-01-05'], // across into the estimated 2027
  ] as const)('%s + %i working days = %s', (from, n, expected) => {
    expect(calendar.addWorkingDays(from, n)).toBe(expected);
    expect(calendar.workingDaysBetween(from, expected)).toBe(n);
    expect(calendar.workingDaysBetween(expected, from)).toBe(-n);
  });

  it('answers next working day and n = 0', () => {
    expect(calendar.nextWorkingDay('2026-02-14')).toBe('2026-02-24');
    expect(calendar.nextWorkingDay(parseIsoDate('2025-10-10'))).toBe(parseIsoDate('2025-10-11'));
    expect(calendar.addWorkingDays('2026-02-15', 0)).toBe('2026-02-15');
    expect(() => calendar.addWorkingDays('2026-02-15', -1)).toThrow(RangeError);
  });

  it('counts a whole year of working days in one lookup that agrees with the walk', () => {
    const from = parseIsoDate('2025-12-31');
    const to = parseIsoDate('2026-12-31');
    let walked = 0;
    for (let d = from + 1; d <= to; d++) if (calendar.isWorkingDay(d)) walked++;
    expect(calendar.workingDaysBetween(from, to)).toBe(walked);
    // 261 weekdays − 19 weekday holidays (2 元旦, 6 春节, 1 清明, 3 劳动, 1 端午, 1 中秋, 5 国庆) + 6 make-up days
    expect(walked).toBe(248);
  });

  it('refuses years it has no data for', () => {
    expect(() => calendar.kindOf('2003-05-01')).toThrow(CalendarRangeError);
    expect(() => calendar.kindOf('2101-01-01')).toThrow(CalendarRangeError);
  });
});

describe('working-day arithmetic (properties)', () => {
  const days = fc.integer({ min: parseIsoDate('2004-01-01'), max: parseIsoDate('2027-12-31') });
  const counts = fc.integer({ min: 1, max: 60 });

  it('lands on a working day, agrees with a day-by-day walk and with workingDaysBetween', () => {
    fc.assert(
      fc.property(days, counts, (from, n) => {
        const due = calendar.addWorkingDays(from, n);
        expect(calendar.isWorkingDay(due)).toBe(true);
        expect(due).toBe(walkWorkingDays(from, n));
        expect(calendar.workingDaysBetween(from, due)).toBe(n);
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same dates through strings and day numbers', () => {
    fc.assert(
      fc.property(days, counts, (from, n) => {
        expect(calendar.addWorkingDays(formatDay(from), n)).toBe(formatDay(calendar.addWorkingDays(from, n)));
      }),
    );
  });
});

describe('years beyond the published data', () => {
  it('estimates 2027 and marks it provisional until the notice is imported', () => {
    expect(calendar.isProvisional(2026)).toBe(false);
    expect(calendar.isProvisional(2027)).toBe(true);
    expect(calendar.kindOf('2027-02-08')).toEqual({
      date: '2027-02-08',
      kind: 'holiday',
      holiday: '春节',
      provisional: true,
    });
    expect(calendar.kindOf('2027-02-09').kind).toBe('workday');
    expect(calendar.provisionalYears('2026-12-01', '2028-01-05')).toEqual([2027, 2028]);
  });

  it('lets an imported year win over the estimate', () => {
    const withImport = buildCalendar([IMPORTED_2027]);
    expect(withImport.isProvisional(2027)).toBe(false);
    expect(withImport.kindOf('2027-02-09').kind).toBe('holiday');
    expect(withImport.kindOf('2027-02-20').kind).toBe('makeup_workday');
    expect(withImport.kindOf('2027-10-01').kind).toBe('workday'); // the import is the whole year
    expect(withImport.addWorkingDays('2027-02-04', 2)).toBe('2027-02-15');
  });

  it('lets an imported year win over the bundled data too (a correction)', () => {
    const corrected = buildCalendar([{ year: 2026, source: 'import', holidays: [], makeUpWorkdays: [] }]);
    expect(corrected.kindOf('2026-10-01').kind).toBe('workday');
    expect(corrected.year(2026).data.source).toBe('import');
  });

  it('refuses contradictory or duplicate imports', () => {
    const bad: CalendarYear = { ...IMPORTED_2027, makeUpWorkdays: ['2027-02-08'] };
    expect(() => buildCalendar([bad])).toThrow(CalendarDataError);
    expect(() => buildCalendar([IMPORTED_2027, IMPORTED_2027])).toThrow(/imported more than once/);
  });
});
