import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import { DAY_MS, WorkCalendar, dayKey, shanghaiDayNo } from '../../../main/seed/calendar';
import { ArrivalPlan, type Arrival } from '../../../main/seed/plan';
import { SHANGHAI_OFFSET_MS } from '../../../shared/domain/time';

const NOW = Date.parse('2026-11-29T03:30:00Z'); // 11:30 in Shanghai, a Sunday
const N = 60_000;

function arrivals(count = N, now = NOW): { day: number; a: Arrival }[] {
  const out: { day: number; a: Arrival }[] = [];
  for (const { dayNo, arrivals } of new ArrivalPlan(9, count, now, new WorkCalendar()).days()) {
    for (const a of arrivals) out.push({ day: dayNo, a });
  }
  return out;
}

const minutesOfDay = (at: number) => Math.floor(((at + SHANGHAI_OFFSET_MS) % DAY_MS) / 60_000);

describe('arrival plan', () => {
  const all = arrivals();

  it('spreads exactly N cases over the two years before now, in time order', () => {
    expect(all).toHaveLength(N);
    for (let i = 1; i < all.length; i++)
      expect(all[i]!.a.receivedAt).toBeGreaterThanOrEqual(all[i - 1]!.a.receivedAt);
    expect(all[0]!.a.receivedAt).toBeGreaterThanOrEqual(NOW - 730 * DAY_MS);
    expect(all.at(-1)!.a.receivedAt).toBeLessThanOrEqual(NOW);
    for (const { day, a } of all.slice(0, 1000)) expect(shanghaiDayNo(a.receivedAt)).toBe(day);
  });

  it('takes calls only on working days, 8:30–17:30; online appeals any day', () => {
    for (const { day, a } of all) {
      if (
        a.channel === 'phone_12305' ||
        a.channel === 'letter' ||
        a.channel === 'fax' ||
        a.channel === 'hotline_12345'
      ) {
        expect(chineseDays.isWorkday(dayKey(day)), dayKey(day)).toBe(true);
        const m = minutesOfDay(a.receivedAt);
        expect(m).toBeGreaterThanOrEqual(8 * 60 + 30);
        expect(m).toBeLessThan(17 * 60 + 30);
      }
    }
    expect(all.some(({ day, a }) => a.channel === 'wechat' && !chineseDays.isWorkday(dayKey(day)))).toBe(
      true,
    );
  });

  it('has fewer appeals on weekends and holidays, more after 双十一 and 618', () => {
    const perDay = new Map<number, number>();
    for (const { day } of all) perDay.set(day, (perDay.get(day) ?? 0) + 1);
    const first = shanghaiDayNo(NOW) - 729;
    const mean = (pred: (d: number) => boolean) => {
      let sum = 0;
      let days = 0;
      for (let d = first; d < shanghaiDayNo(NOW); d++) {
        if (!pred(d)) continue;
        sum += perDay.get(d) ?? 0;
        days++;
      }
      return sum / days;
    };
    const workday = mean((d) => chineseDays.isWorkday(dayKey(d)));
    const off = mean((d) => !chineseDays.isWorkday(dayKey(d)));
    expect(workday / off).toBeGreaterThan(3);
    const inRange = (from: string, to: string) => (d: number) => dayKey(d) >= from && dayKey(d) <= to;
    const afterDouble11 = mean(
      (d) => inRange('2025-11-15', '2025-12-05')(d) && chineseDays.isWorkday(dayKey(d)),
    );
    const beforeDouble11 = mean(
      (d) => inRange('2025-10-09', '2025-11-10')(d) && chineseDays.isWorkday(dayKey(d)),
    );
    expect(afterDouble11 / beforeDouble11).toBeGreaterThan(1.3);
    const after618 = mean((d) => inRange('2026-06-22', '2026-07-10')(d) && chineseDays.isWorkday(dayKey(d)));
    const before618 = mean((d) => inRange('2026-05-06', '2026-06-12')(d) && chineseDays.isWorkday(dayKey(d)));
    expect(after618 / before618).toBeGreaterThan(1.1);
    // National Day week (2025-10-01 … 08) is a holiday: quiet.
    expect(mean(inRange('2025-10-01', '2025-10-08'))).toBeLessThan(workday / 3);
  });

  it('counts only the part of today that has passed', () => {
    const morning = arrivals(20_000, Date.parse('2026-11-27T01:00:00Z')); // Friday 09:00 Shanghai
    const today = morning.filter(({ day }) => day === shanghaiDayNo(Date.parse('2026-11-27T01:00:00Z')));
    const yesterday = morning.filter(({ day }) => day === shanghaiDayNo(Date.parse('2026-11-26T01:00:00Z')));
    expect(today.length).toBeLessThan(yesterday.length / 4);
    for (const { a } of today) expect(a.receivedAt).toBeLessThanOrEqual(Date.parse('2026-11-27T01:00:00Z'));
  });
});
