import { describe, expect, it } from 'vitest';
import { buildCalendar, parseIsoDate } from '../../../shared/calendar';
import { findCalendarYearIssues } from '../../../shared/calendar/calendar-year';
import { estimateStatutoryYear } from '../../../shared/calendar/statutory-estimate';

const dates = (year: number) =>
  Object.fromEntries(estimateStatutoryYear(year).holidays.map((h) => [h.name, h.dates]));

describe('the statutory estimate for years without a notice', () => {
  it('computes the 13 days the 2025 rules fix for 2027', () => {
    expect(dates(2027)).toEqual({
      元旦: ['2027-01-01'],
      春节: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'], // 除夕 + 初一–初三 (new year 2027-02-06)
      清明节: ['2027-04-05'],
      劳动节: ['2027-05-01', '2027-05-02'],
      端午节: ['2027-06-09'],
      中秋节: ['2027-09-15'],
      国庆节: ['2027-10-01', '2027-10-02', '2027-10-03'],
    });
    expect(estimateStatutoryYear(2027).makeUpWorkdays).toEqual([]);
  });

  it('lists a 中秋 that falls on 国庆 once (2028-10-03)', () => {
    const d = dates(2028);
    expect(d['中秋节']).toEqual(['2028-10-03']);
    expect(d['国庆节']).toEqual(['2028-10-01', '2028-10-02']);
    expect(d['春节']).toEqual(['2028-01-25', '2028-01-26', '2028-01-27', '2028-01-28']);
    expect(findCalendarYearIssues(estimateStatutoryYear(2028))).toEqual([]);
  });

  it('agrees with the published notices of 2025 and 2026: every estimated day off is a day off', () => {
    const published = buildCalendar();
    for (const year of [2025, 2026]) {
      const estimated = estimateStatutoryYear(year).holidays.flatMap((h) => h.dates);
      expect(estimated).toHaveLength(13);
      for (const date of estimated) expect(published.kindOf(date).kind, date).toBe('holiday');
    }
  });

  it('is consistent for every year it may stand in for', () => {
    for (let year = 2027; year <= 2100; year++) {
      const data = estimateStatutoryYear(year);
      expect(findCalendarYearIssues(data), String(year)).toEqual([]);
      const days = new Set(data.holidays.flatMap((h) => h.dates).map(parseIsoDate));
      const midAutumnOnNationalDay = ['01', '02', '03'].some(
        (d) => dates(year)['中秋节']?.[0] === `${year}-10-${d}`,
      );
      expect(days.size, String(year)).toBe(midAutumnOnNationalDay ? 12 : 13);
    }
  });

  it('does not stand in for years under the older holiday rules', () => {
    expect(() => estimateStatutoryYear(2024)).toThrow(RangeError);
  });
});
