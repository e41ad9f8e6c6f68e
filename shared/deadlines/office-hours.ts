import type { DayNumber } from '../calendar/civil-date';
import { shanghaiDay, shanghaiTimeOfDayMs, startOfShanghaiDay } from '../calendar/shanghai-time';
import type { WorkingCalendar } from '../calendar/working-calendar';

/** Office hours on working days, [start, end) in minutes after midnight (Asia/Shanghai). */
export interface OfficeHours {
  readonly start: number;
  readonly end: number;
}

/**
 * Working time for `working_hours` limits: only time inside office hours on working days runs.
 * Both functions reduce to working-day arithmetic on the calendar index, so their cost does not
 * grow with the length of the period.
 */
export function workingMsBetween(
  calendar: WorkingCalendar,
  hours: OfficeHours,
  a: number,
  b: number,
): number {
  if (b < a) return -workingMsBetween(calendar, hours, b, a);
  const perDay = (hours.end - hours.start) * 60_000;
  const dayA = shanghaiDay(a);
  const dayB = shanghaiDay(b);
  return (
    perDay * calendar.workingDaysBetween(dayA - 1, dayB - 1) +
    usedOn(calendar, hours, dayB, b) -
    usedOn(calendar, hours, dayA, a)
  );
}

/** The instant at which `ms` of working time has run after `at`. */
export function addWorkingMs(calendar: WorkingCalendar, hours: OfficeHours, at: number, ms: number): number {
  if (ms <= 0) return at;
  const perDay = (hours.end - hours.start) * 60_000;
  const open = hours.start * 60_000;
  const day = shanghaiDay(at);
  let rest = ms;
  if (calendar.isWorkingDay(day)) {
    const used = usedOn(calendar, hours, day, at);
    if (rest <= perDay - used) return startOfShanghaiDay(day) + open + used + rest;
    rest -= perDay - used;
  }
  const k = Math.ceil(rest / perDay);
  return startOfShanghaiDay(calendar.addWorkingDays(day, k)) + open + rest - (k - 1) * perDay;
}

/** Office time already past at `at` on its own day (0 on a non-working day). */
function usedOn(calendar: WorkingCalendar, hours: OfficeHours, day: DayNumber, at: number): number {
  if (!calendar.isWorkingDay(day)) return 0;
  const perDay = (hours.end - hours.start) * 60_000;
  return Math.min(perDay, Math.max(0, shanghaiTimeOfDayMs(at) - hours.start * 60_000));
}
