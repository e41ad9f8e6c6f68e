import type Database from 'better-sqlite3';
import type { WorkingCalendar } from '../../shared/calendar';
import { workingMsBetween, type OfficeHours } from '../../shared/deadlines/office-hours';

/**
 * Whether at least `percent` of a clock's period has passed at `now`, both measured in working
 * time (office hours on working days) from the clock's start: a holiday inside the period uses
 * none of it. Pauses are not subtracted, as in the profiles' own elapsedPercent warning.
 * A period with no working time at all (due before the office next opens) counts as used up.
 */
export function periodShareReached(
  calendar: WorkingCalendar,
  hours: OfficeHours,
  startedAt: number,
  dueAt: number,
  now: number,
  percent: number,
): boolean {
  const total = workingMsBetween(calendar, hours, startedAt, dueAt);
  const used = workingMsBetween(calendar, hours, startedAt, Math.min(now, dueAt));
  return used * 100 >= percent * total;
}

const calendars = new WeakMap<Database.Database, { calendar: WorkingCalendar }>();

/**
 * Makes `desk_period_share_reached(started_at, due_at, now, percent, open_minute, close_minute)`
 * available to a connection's SQL, computing with `calendar` (the latest one given: an imported
 * year applies from the next pass). Registered once per connection.
 */
export function usePeriodShareFunction(db: Database.Database, calendar: WorkingCalendar): void {
  const holder = calendars.get(db);
  if (holder) {
    holder.calendar = calendar;
    return;
  }
  const fresh = { calendar };
  calendars.set(db, fresh);
  db.function(
    'desk_period_share_reached',
    { deterministic: false, varargs: false },
    (startedAt: unknown, dueAt: unknown, now: unknown, percent: unknown, open: unknown, close: unknown) =>
      periodShareReached(
        fresh.calendar,
        { start: Number(open), end: Number(close) },
        Number(startedAt),
        Number(dueAt),
        Number(now),
        Number(percent),
      )
        ? 1
        : 0,
  );
}
