import { describe, expect, it } from 'vitest';
import { neutralise } from '../../../shared/stats/columns';
import { parsePeriod, previousPeriod, trailingMonths, yearAgoPeriod } from '../../../shared/stats/period';
import { averageRate, changePercent, percent, perMillion, round } from '../../../shared/stats/rates';

describe('periods', () => {
  it('months and quarters with their bounds', () => {
    expect(parsePeriod('2026-10')).toMatchObject({
      kind: 'month',
      from: '2026-10-01',
      until: '2026-11-01',
      months: ['2026-10'],
    });
    expect(parsePeriod('2026-12').until).toBe('2027-01-01');
    expect(parsePeriod('2026-Q4')).toMatchObject({
      kind: 'quarter',
      from: '2026-10-01',
      until: '2027-01-01',
      months: ['2026-10', '2026-11', '2026-12'],
    });
    expect(() => parsePeriod('2026-13')).toThrow();
    expect(() => parsePeriod('2026-Q5')).toThrow();
  });

  it('环比 and 同比 periods cross the year', () => {
    expect(previousPeriod(parsePeriod('2026-01')).id).toBe('2025-12');
    expect(previousPeriod(parsePeriod('2026-Q1')).id).toBe('2025-Q4');
    expect(yearAgoPeriod(parsePeriod('2026-Q3')).id).toBe('2025-Q3');
    expect(trailingMonths(parsePeriod('2026-Q1'), 3).map((p) => p.id)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
  });
});

describe('rates and rounding', () => {
  it('per million pieces to two decimals; no volume, no rate', () => {
    expect(perMillion(1, 3_000_000)).toBe(0.33);
    expect(perMillion(2, 3_000_000)).toBe(0.67);
    expect(perMillion(66_997, 40_118_000_000)).toBe(1.67); // 2023-Q2: 1.67 per million (DOMAIN §3.4)
    expect(perMillion(5, 0)).toBeNull();
    expect(perMillion(5, null)).toBeNull();
  });

  it('rounds half away from zero on the decimal value', () => {
    expect(round(1.005, 2)).toBe(1.01);
    expect(round(0.375, 2)).toBe(0.38);
    expect(round(-81.25, 1)).toBe(-81.3);
    expect(round(2.344, 2)).toBe(2.34);
  });

  it('shares and changes', () => {
    expect(percent(1, 3)).toBe(33.33);
    expect(percent(1, 0)).toBeNull();
    expect(changePercent(18_715, 21_659)).toBe(-13.6);
    expect(changePercent(5, 0)).toBeNull();
  });

  it('the carriers’ average: unweighted mean by default, volume-weighted as a setting', () => {
    const carriers = [
      { count: 10, pieces: 4_000_000 },
      { count: 6, pieces: 3_000_000 },
      { count: 99, pieces: 0 },
    ];
    expect(averageRate(carriers, 'unweighted')).toBe(2.25);
    expect(averageRate(carriers, 'volume_weighted')).toBe(2.29);
    expect(averageRate([], 'unweighted')).toBeNull();
  });
});

describe('formula injection', () => {
  it('neutralises every string starting with = + - @ tab or CR, and only those', () => {
    for (const s of ['=1+1', '+86 138', '-2', '@SUM(A1)', '\tx', '\rx']) expect(neutralise(s)).toBe(`'${s}`);
    for (const s of ['申诉', 'a=b', '1-2', '']) expect(neutralise(s)).toBe(s);
  });
});
