import type { DayNumber } from '../calendar/civil-date';
import { shanghaiDay, startOfShanghaiDay } from '../calendar/shanghai-time';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { addWorkingMs, workingMsBetween } from './office-hours';
import type { OfficeHours } from './office-hours';
import type { TimeUnit } from './profile-schema';

/** A span of time in which a clock did not run; epoch ms, half-open [from, to). */
export interface PauseInterval {
  readonly from: number;
  readonly to: number;
}

export interface PeriodSpec {
  readonly unit: TimeUnit;
  readonly amount: number;
  readonly rollForward: boolean;
  /** Minutes after 00:00 of the last day at which a day period ends; 1440 is 24:00. */
  readonly dueAtMinute: number;
  /** Required for `working_hours`. */
  readonly officeHours?: OfficeHours;
}

export interface PausedDaySpan {
  readonly from: DayNumber;
  readonly to: DayNumber;
  /** Counted days (of the period's unit) the span took out of the period; 0 if it came after the end. */
  readonly lost: number;
  /** The last counted day once this span is taken into account. */
  readonly lastAfter: DayNumber;
}

export interface DayPeriodTrace {
  readonly kind: 'days';
  readonly unit: 'calendar_days' | 'working_days';
  readonly amount: number;
  readonly startDay: DayNumber;
  /** The last day had nothing been paused. */
  readonly plainLastDay: DayNumber;
  readonly pausedSpans: readonly PausedDaySpan[];
  /** The last counted day, pauses included, before roll-forward. */
  readonly lastCountedDay: DayNumber;
  readonly rollForward: boolean;
  readonly dueDay: DayNumber;
  readonly dueAtMinute: number;
}

export interface PausedHours {
  readonly from: number;
  readonly to: number;
  readonly lostMs: number;
}

export interface HourPeriodTrace {
  readonly kind: 'hours';
  readonly unit: 'hours' | 'working_hours';
  readonly amount: number;
  readonly startAt: number;
  readonly plainDueAt: number;
  readonly pauses: readonly PausedHours[];
  readonly officeHours: OfficeHours | undefined;
}

export interface Due {
  readonly dueAt: number;
  /** The period's last day; for hour periods the date of the due instant (24:00 belongs to the day before). */
  readonly dueDay: DayNumber;
  /** The result depends on a calendar year that is only estimated. */
  readonly provisional: boolean;
  readonly trace: DayPeriodTrace | HourPeriodTrace;
}

const HOUR_MS = 3_600_000;

/**
 * When a period that starts at `startAt` ends (DOMAIN §5.2, 民法典 Art.200–204):
 * - day periods do not count the start day; the period ends at `dueAtMinute` (24:00) of its last day;
 * - working-day periods count only working days; with rollForward a calendar-day period whose
 *   last day is not a working day ends on the next working day;
 * - pauses: a day on which the clock was paused for any part of it is not counted (a pause is
 *   rounded up to whole days, as a limit in days has no smaller unit). A calendar-day period
 *   therefore grows by every paused day, a working-day period only by the paused working days;
 *   a pause after the last day changes nothing. Hour periods grow by the paused time itself
 *   (only office time, for working hours).
 */
export function computeDue(
  startAt: number,
  spec: PeriodSpec,
  pauses: readonly PauseInterval[],
  calendar: WorkingCalendar,
): Due {
  if (!Number.isInteger(spec.amount) || spec.amount <= 0)
    throw new RangeError(`a period needs a whole number > 0 of units, got ${spec.amount}`);
  const sorted =
    pauses.length === 0 ? pauses : [...pauses].filter((p) => p.to > p.from).sort((a, b) => a.from - b.from);
  return spec.unit === 'calendar_days' || spec.unit === 'working_days'
    ? dayPeriod(startAt, spec.unit, spec, sorted, calendar)
    : hourPeriod(startAt, spec.unit, spec, sorted, calendar);
}

function dayPeriod(
  startAt: number,
  unit: 'calendar_days' | 'working_days',
  spec: PeriodSpec,
  pauses: readonly PauseInterval[],
  calendar: WorkingCalendar,
): Due {
  const working = unit === 'working_days';
  const startDay = shanghaiDay(startAt);
  const plainLastDay = addUnits(calendar, working, startDay, spec.amount);
  let last = plainLastDay;
  const spans = pausedDaySpans(pauses, startDay);
  const pausedSpans: PausedDaySpan[] = [];
  // Spans are in order, so each one that starts by the current last day takes its counted days
  // out of the period, and the period resumes after both the span and the old last day.
  for (const span of spans) {
    const lost = span.from <= last ? unitsIn(calendar, working, span.from, Math.min(span.to, last)) : 0;
    if (lost > 0) last = addUnits(calendar, working, Math.max(last, span.to), lost);
    pausedSpans.push({ ...span, lost, lastAfter: last });
  }

  let dueDay = last;
  if (spec.rollForward) {
    for (;;) {
      const inSpan = spans.find((s) => s.from <= dueDay && dueDay <= s.to);
      if (inSpan) dueDay = inSpan.to + 1;
      else if (!calendar.isWorkingDay(dueDay)) dueDay = calendar.nextWorkingDay(dueDay);
      else break;
    }
  }
  return {
    dueAt: startOfShanghaiDay(dueDay) + spec.dueAtMinute * 60_000,
    dueDay,
    // A calendar-day period that does not roll forward never asks the calendar anything.
    provisional: (working || spec.rollForward) && calendar.anyProvisional(startDay, dueDay),
    trace: {
      kind: 'days',
      unit,
      amount: spec.amount,
      startDay,
      plainLastDay,
      pausedSpans,
      lastCountedDay: last,
      rollForward: spec.rollForward,
      dueDay,
      dueAtMinute: spec.dueAtMinute,
    },
  };
}

function addUnits(calendar: WorkingCalendar, working: boolean, day: DayNumber, n: number): DayNumber {
  return working ? calendar.addWorkingDays(day, n) : day + n;
}

/** The days of the period's unit in from..to, inclusive. */
function unitsIn(calendar: WorkingCalendar, working: boolean, from: DayNumber, to: DayNumber): number {
  return working ? calendar.workingDaysBetween(from - 1, to) : to - from + 1;
}

/** The days touched by pauses, after the start day (which is never counted anyway), merged. */
function pausedDaySpans(
  pauses: readonly PauseInterval[],
  startDay: DayNumber,
): { from: DayNumber; to: DayNumber }[] {
  const spans: { from: DayNumber; to: DayNumber }[] = [];
  for (const p of pauses) {
    const from = Math.max(shanghaiDay(p.from), startDay + 1);
    const to = shanghaiDay(p.to - 1);
    if (from > to) continue;
    const prev = spans.at(-1);
    if (prev !== undefined && from <= prev.to + 1) prev.to = Math.max(prev.to, to);
    else spans.push({ from, to });
  }
  return spans;
}

function hourPeriod(
  startAt: number,
  unit: 'hours' | 'working_hours',
  spec: PeriodSpec,
  pauses: readonly PauseInterval[],
  calendar: WorkingCalendar,
): Due {
  const office = unit === 'working_hours' ? spec.officeHours : undefined;
  if (unit === 'working_hours' && office === undefined)
    throw new RangeError('working_hours periods need office hours');
  const add = (at: number, ms: number) => (office ? addWorkingMs(calendar, office, at, ms) : at + ms);
  const between = (a: number, b: number) => (office ? workingMsBetween(calendar, office, a, b) : b - a);

  const plainDueAt = add(startAt, spec.amount * HOUR_MS);
  let dueAt = plainDueAt;
  const traced: PausedHours[] = [];
  for (const p of pauses) {
    const from = Math.max(p.from, startAt);
    const lostMs = from < dueAt && p.to > from ? between(from, Math.min(p.to, dueAt)) : 0;
    if (lostMs > 0) dueAt = add(Math.max(dueAt, p.to), lostMs);
    traced.push({ from, to: p.to, lostMs });
  }
  const dueDay = shanghaiDay(dueAt - 1);
  return {
    dueAt,
    dueDay,
    provisional: office !== undefined && calendar.anyProvisional(shanghaiDay(startAt), dueDay),
    trace: {
      kind: 'hours',
      unit,
      amount: spec.amount,
      startAt,
      plainDueAt,
      pauses: traced,
      officeHours: office,
    },
  };
}
