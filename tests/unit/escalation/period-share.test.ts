import { describe, expect, it } from 'vitest';
import { periodShareReached } from '../../../main/escalation/period-share';
import { buildCalendar } from '../../../shared/calendar';
import { DEFAULT_RULES, ruleSchema } from '../../../shared/escalation/rules';

const calendar = buildCalendar();
const OFFICE = { start: 510, end: 1050 }; // 08:30–17:30, 9 working hours a day
const sh = (iso: string) => Date.parse(`${iso}+08:00`);
const reached = (start: string, due: string, now: string, percent: number) =>
  periodShareReached(calendar, OFFICE, sh(start), sh(due), sh(now), percent);

describe('pre-breach as a share of the period (working time)', () => {
  // Wed 09-30 08:30 to Fri 10-09 17:30 over National Day (10-01..10-07 off): 3 working days, 27 hours.
  const START = '2026-09-30T08:30';
  const DUE = '2026-10-09T17:30';

  it('does not count the holiday: half the period is used only at noon of the first day after it', () => {
    // On 10-05, 56% of the wall-clock time has passed but only 9 of 27 working hours.
    expect(reached(START, DUE, '2026-10-05T12:00', 50)).toBe(false);
    expect(reached(START, DUE, '2026-10-07T23:59', 34)).toBe(false);
    expect(reached(START, DUE, '2026-10-07T23:59', 33)).toBe(true);
    // 9 h + 4.5 h on Thu 10-08 = 13.5 h, exactly half.
    expect(reached(START, DUE, '2026-10-08T12:59', 50)).toBe(false);
    expect(reached(START, DUE, '2026-10-08T13:00', 50)).toBe(true);
  });

  it('counts a make-up working day (Sat 10-10) as working time', () => {
    // Fri 10-09 17:30 to Mon 10-12 17:30: the make-up Saturday and Monday, 18 hours.
    expect(reached('2026-10-09T17:30', '2026-10-12T17:30', '2026-10-10T17:30', 50)).toBe(true);
    expect(reached('2026-10-09T17:30', '2026-10-12T17:30', '2026-10-10T17:29', 50)).toBe(false);
    // An ordinary weekend (10-17, 10-18) runs no working time.
    expect(reached('2026-10-16T08:30', '2026-10-19T17:30', '2026-10-18T20:00', 51)).toBe(false);
  });

  it('runs only in office hours on an ordinary working day', () => {
    const start = '2026-11-02T08:30'; // Monday
    const due = '2026-11-03T17:30'; // 18 hours
    expect(reached(start, due, '2026-11-02T20:00', 50)).toBe(true);
    expect(reached(start, due, '2026-11-02T17:29', 50)).toBe(false);
    expect(reached(start, due, '2026-11-03T08:30', 51)).toBe(false);
  });

  it('treats a period with no working time, or one already due, as used up', () => {
    expect(reached('2026-10-02T09:00', '2026-10-03T09:00', '2026-10-02T09:00', 99)).toBe(true);
    expect(reached(START, DUE, '2026-10-12T09:00', 99)).toBe(true);
  });
});

describe('pre-breach rule parameters', () => {
  const base = DEFAULT_RULES.find((r) => r.id === 'pre_breach.4h')!;
  const withParams = (params: Record<string, unknown>) =>
    ruleSchema.safeParse({ ...base, params: { kind: 'pre_breach', limits: [], ...params } });

  it('takes a share of the period instead of working hours', () => {
    expect(withParams({ periodPercent: 80 }).success).toBe(true);
    expect(withParams({ workingHoursBefore: 4 }).success).toBe(true);
  });

  it('refuses both thresholds, neither, or a share outside 1–99%', () => {
    expect(withParams({ periodPercent: 80, workingHoursBefore: 4 }).success).toBe(false);
    expect(withParams({}).success).toBe(false);
    expect(withParams({ periodPercent: 100 }).success).toBe(false);
    expect(withParams({ periodPercent: 0 }).success).toBe(false);
    expect(withParams({ periodPercent: 50.5 }).success).toBe(false);
  });
});
