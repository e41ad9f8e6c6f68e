import { formatDay, parseIsoDate } from '../../../shared/calendar/civil-date';
import { shanghaiDay, shanghaiTimeOfDayMs } from '../../../shared/calendar/shanghai-time';
import type { ClockState, ClockStatus, TimeUnit } from '../../../shared/deadlines';

/**
 * What the deadlines section says about a clock, as pure functions of the clock and the time
 * they are shown at, so the text can be tested without a DOM and without the host's time zone:
 * every date here is a Beijing date (fixed +08:00).
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/**
 * A due instant as the law states it: the end of the last day is 24:00 of that day, not 00:00 of
 * the next. So an instant at exactly 00:00 (+08:00) is shown as the previous day at `24:00`.
 */
export function formatDueTime(dueAt: number): string {
  const ofDay = shanghaiTimeOfDayMs(dueAt);
  if (ofDay === 0) return `${formatDay(shanghaiDay(dueAt) - 1)} 24:00`;
  const minutes = Math.floor(ofDay / MINUTE_MS);
  const hm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return `${formatDay(shanghaiDay(dueAt))} ${hm}`;
}

/** A clock that has not stopped: its countdown is shown and ticks. */
export function isRunning(clock: Pick<ClockStatus, 'stoppedAt'>): boolean {
  return clock.stoppedAt === undefined;
}

/** Counted down in hours (the server's `remaining` is then hours, to two decimals). */
const isHourUnit = (unit: TimeUnit) => unit === 'hours' || unit === 'working_hours';

/**
 * The state as of `now`. The server computed it when the clocks were fetched; between fetches a
 * running clock can reach its due day or due time, which needs no calendar to see.
 */
export function liveState(clock: ClockStatus, now: number): ClockState {
  if (!isRunning(clock) || clock.paused) return clock.state;
  if (now >= clock.dueAt) return 'overdue';
  if (clock.state !== 'overdue' && formatDay(shanghaiDay(now)) === clock.dueDate) return 'due_today';
  return clock.state;
}

/** An i18n key and its parameters; the key's plural forms are picked by `count`. */
export interface Message {
  readonly key: string;
  readonly params: Readonly<Record<string, number | string>>;
}

export type Tone = 'normal' | 'warning' | 'danger' | 'muted';

export interface Countdown extends Message {
  readonly tone: Tone;
}

const toneOf: Record<ClockState, Tone> = {
  on_track: 'normal',
  warning: 'warning',
  due_today: 'danger',
  overdue: 'danger',
  met: 'muted',
  missed: 'muted',
};

/** Remaining time in the clock's unit as of `now` (negative once past due). */
function remainingAt(clock: ClockStatus, now: number): number {
  if (clock.paused) return clock.remaining;
  switch (clock.unit) {
    case 'calendar_days':
      // Days after today up to the due date: Beijing dates, no calendar needed.
      return parseIsoDate(clock.dueDate) - shanghaiDay(now);
    case 'hours':
      return (clock.dueAt - now) / HOUR_MS;
    default:
      // Working days and working hours need the working calendar: main's figure, refetched.
      return clock.remaining;
  }
}

function hoursAndMinutes(hours: number): { hours: number; minutes: number } {
  // Whole minutes, rounded towards zero: a countdown never shows a minute that has not passed.
  const total = Math.floor(Math.abs(hours) * 60 + 1e-9);
  return { hours: Math.floor(total / 60), minutes: total % 60 };
}

/**
 * The countdown of a running clock ("剩余 3 个工作日", "已超时 2 天"), or null for a stopped one.
 * On its last day a day-counted clock counts down the hours to its due time instead. Keys:
 * `clock.left.<unit>` and `clock.over.<unit>` (with `count` for day units, `hours` and `minutes`
 * for hour units), `clock.dueToday`, `clock.lessThanOne.<unit>`, `clock.overdueNow`.
 */
export function countdown(clock: ClockStatus, now: number): Countdown | null {
  if (!isRunning(clock)) return null;
  const state = liveState(clock, now);
  const tone = toneOf[state];
  const left = remainingAt(clock, now);
  const unit = clock.unit;

  if (isHourUnit(unit)) {
    const past = state === 'overdue' || left < 0;
    // Just past due, before main's next figure for working hours arrives: overdue by nothing yet.
    const shown = past ? Math.min(left, 0) : left;
    return { key: `clock.${past ? 'over' : 'left'}.${unit}`, params: hoursAndMinutes(shown), tone };
  }
  // The last day: what matters now is the hours left to its due time, on the wall clock.
  if (state === 'due_today' && !clock.paused) {
    return { key: 'clock.left.hours', params: hoursAndMinutes((clock.dueAt - now) / HOUR_MS), tone };
  }
  if (left < 0) return { key: `clock.over.${unit}`, params: { count: -left }, tone };
  if (state === 'overdue') return { key: 'clock.overdueNow', params: {}, tone };
  if (left === 0) {
    return state === 'due_today'
      ? { key: 'clock.dueToday', params: {}, tone }
      : { key: `clock.lessThanOne.${unit}`, params: {}, tone };
  }
  return { key: `clock.left.${unit}`, params: { count: left }, tone };
}

/** The countdown as text, with i18next's `t` (or anything shaped like it). */
export function countdownText(
  clock: ClockStatus,
  now: number,
  t: (key: string, params?: Record<string, unknown>) => string,
): string | null {
  const c = countdown(clock, now);
  return c && t(c.key, c.params);
}
