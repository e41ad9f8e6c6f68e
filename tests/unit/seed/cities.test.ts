import { describe, expect, it } from 'vitest';
import { CITIES, citiesOf, findCity } from '../../../shared/domain/cities';
import { PROVINCES, provinceOf } from '../../../shared/domain/regions';

const MAINLAND = PROVINCES.filter((p) => !['710000', '810000', '820000'].includes(p.code));
const MUNICIPALITIES = ['110000', '120000', '310000', '500000'];

describe('shared/domain/cities', () => {
  it('covers all 31 mainland provinces, two or more cities each except the municipalities', () => {
    expect(MAINLAND).toHaveLength(31);
    for (const p of MAINLAND) {
      const cities = citiesOf(p.code);
      if (MUNICIPALITIES.includes(p.code)) {
        // A municipality has no prefecture level: its districts share the xx0100 code.
        expect(cities.map((c) => c.code)).toEqual([`${p.code.slice(0, 2)}0100`]);
      } else {
        expect(cities.length, p.zh).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('uses prefecture-level GB/T 2260 codes of their own province, each once', () => {
    const codes = new Set<string>();
    for (const c of CITIES) {
      expect(c.code).toMatch(/^[1-6]\d{3}00$/);
      expect(c.code.slice(2, 4)).not.toBe('00');
      expect(
        MAINLAND.some((p) => p.code === provinceOf(c.code)),
        c.zh,
      ).toBe(true);
      expect(codes.has(c.code), c.code).toBe(false);
      codes.add(c.code);
      expect(c.zh).toMatch(/(市|州|地区)$/);
      expect(c.en.length).toBeGreaterThan(0);
    }
    expect(new Set(CITIES.map((c) => c.zh)).size).toBe(CITIES.length);
  });

  it('has the well-known codes right', () => {
    const known: Record<string, string> = {
      '440100': '广州市',
      '440300': '深圳市',
      '441900': '东莞市',
      '330100': '杭州市',
      '330700': '金华市',
      '320500': '苏州市',
      '510100': '成都市',
      '420100': '武汉市',
      '610100': '西安市',
      '650100': '乌鲁木齐市',
      '540100': '拉萨市',
    };
    for (const [code, zh] of Object.entries(known)) expect(findCity(code)?.zh).toBe(zh);
  });
});
