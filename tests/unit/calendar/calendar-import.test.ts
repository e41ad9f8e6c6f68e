import { describe, expect, it } from 'vitest';
import { parseCalendarYearImport } from '../../../shared/calendar';
import type { CalendarIssueCode } from '../../../shared/calendar';

/** A made-up 2027 notice, in the shape an administrator types it. */
const valid = {
  year: 2027,
  holidays: [
    { name: '元旦', dates: ['2027-01-01', '2027-01-02', '2027-01-03'] },
    {
      name: '春节',
      dates: [
        '2027-02-11',
        '2027-02-05',
        '2027-02-06',
        '2027-02-07',
        '2027-02-08',
        '2027-02-09',
        '2027-02-10',
      ],
    },
  ],
  makeUpWorkdays: ['2027-02-20', '2027-01-31'],
};

function codes(input: unknown, expectedYear?: number): CalendarIssueCode[] {
  const result = parseCalendarYearImport(input, expectedYear);
  return result.ok ? [] : result.issues.map((i) => i.code);
}

describe('importing a year from the State Council notice', () => {
  it('accepts a consistent year, marks it imported and sorts its dates', () => {
    const result = parseCalendarYearImport(JSON.stringify(valid), 2027);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.year.source).toBe('import');
    expect(result.year.holidays[1]?.dates[0]).toBe('2027-02-05');
    expect(result.year.makeUpWorkdays).toEqual(['2027-01-31', '2027-02-20']);
  });

  it('reports text that is not JSON', () => {
    expect(codes('{ "year": 2027,')).toEqual(['invalid_json']);
  });

  it('reports the wrong year and a year out of range', () => {
    const result = parseCalendarYearImport(valid, 2028);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]).toMatchObject({
      code: 'year_mismatch',
      path: 'year',
      message: 'the file is for 2027, not 2028',
    });
    expect(codes({ ...valid, year: 1999 })).toEqual(['schema']);
  });

  it('reports dates outside the year, and where they are', () => {
    const result = parseCalendarYearImport({ ...valid, makeUpWorkdays: ['2026-12-26'] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      { code: 'date_outside_year', path: 'makeUpWorkdays.0', message: '2026-12-26 is not in 2027' },
    ]);
  });

  it('reports a make-up day that is not a weekend day', () => {
    const result = parseCalendarYearImport({ ...valid, makeUpWorkdays: ['2027-02-19'] });
    expect(result.ok ? [] : result.issues.map((i) => [i.code, i.path])).toEqual([
      ['makeup_not_weekend', 'makeUpWorkdays.0'],
    ]);
  });

  it('reports a date that is both a holiday and a make-up day', () => {
    // 2027-02-06 is a Saturday, so only the contradiction is wrong with it
    expect(codes({ ...valid, makeUpWorkdays: ['2027-02-06'] })).toEqual(['holiday_and_makeup']);
  });

  it('reports dates listed twice, within or across holidays', () => {
    const twice = { ...valid, holidays: [...valid.holidays, { name: '补假', dates: ['2027-01-03'] }] };
    expect(codes(twice)).toEqual(['duplicate_date']);
    expect(codes({ ...valid, makeUpWorkdays: ['2027-02-20', '2027-02-20'] })).toEqual(['duplicate_date']);
  });

  it('reports impossible dates and malformed ones', () => {
    expect(codes({ ...valid, holidays: [{ name: '春节', dates: ['2027-02-30'] }] })).toEqual([
      'invalid_date',
    ]);
    expect(codes({ ...valid, holidays: [{ name: '春节', dates: ['2027/02/05'] }] })).toEqual(['schema']);
  });

  it('reports missing fields, empty holidays and a relabelled source', () => {
    const result = parseCalendarYearImport({
      year: 2027,
      holidays: [{ name: ' ', dates: [] }],
      source: 'chinese-days',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path).sort()).toEqual([
      'holidays.0.dates',
      'holidays.0.name',
      'makeUpWorkdays',
      'source',
    ]);
    expect(result.issues.find((i) => i.path === 'source')?.message).toMatch(/source 'import'/);
  });

  it('reports every problem at once', () => {
    // 2027-03-03 is a Wednesday; 2027-01-02 a Saturday off for 元旦; 2028-01-01 the next year
    expect(codes({ ...valid, makeUpWorkdays: ['2027-03-03', '2027-01-02', '2028-01-01'] }, 2026)).toEqual([
      'year_mismatch',
      'makeup_not_weekend',
      'holiday_and_makeup',
      'date_outside_year',
    ]);
  });
});
