import type { HistoryEntry } from '../domain/history';
import type { CaseStatus } from '../domain/status';
import type { PauseInterval } from './period';
import type { LimitRule, StartTrigger, StopTrigger } from './profile-schema';

/** When one limit's clock ran, read from the case history. */
export interface ClockWindow {
  readonly startedAt: number;
  readonly startedBy: StartTrigger;
  /** Earlier starts that a restart superseded. */
  readonly restarts: number;
  readonly stoppedAt: number | undefined;
  readonly stoppedBy: StopTrigger | undefined;
  readonly pauses: readonly PauseInterval[];
  /** The status that pauses the clock right now, if any. */
  readonly pausedIn: CaseStatus | undefined;
}

/**
 * Finds the clock's start (the first start trigger, or the latest when the rule restarts), its
 * stop (the first stop trigger after that start) and the spans spent in pausing statuses.
 * History entries after `now` are ignored, so the same history gives the clocks as they stood at
 * any past moment. Returns undefined while the clock has not started.
 *
 * This runs for every limit of every case in a bulk recomputation, hence plain loops and no
 * closures or intermediate arrays.
 */
export function findClockWindow(
  rule: LimitRule,
  receivedAt: number,
  history: readonly HistoryEntry[],
  now: number,
): ClockWindow | undefined {
  let visible = 0;
  while (visible < history.length && history[visible]!.at <= now) visible++;

  // The start: its time, its trigger and the index of the last entry before it.
  let startAt = 0;
  let startedBy: StartTrigger | undefined;
  let after = -1;
  let starts = 0;
  const received = receivedAt <= now ? findReceived(rule.start) : undefined;
  let receivedAfter = 0;
  while (receivedAfter < visible && history[receivedAfter]!.at < receivedAt) receivedAfter++;
  for (let i = 0; i <= visible; i++) {
    if (received !== undefined && i === receivedAfter) {
      if (starts === 0 || rule.restartOnReentry) {
        startAt = receivedAt;
        startedBy = received;
        after = i - 1;
      }
      starts++;
    }
    const trigger = i < visible ? firstMatch(rule.start, history, i) : undefined;
    if (trigger === undefined) continue;
    if (starts === 0 || rule.restartOnReentry) {
      startAt = history[i]!.at;
      startedBy = trigger;
      after = i;
    }
    starts++;
  }
  if (startedBy === undefined) return undefined;

  let stopIndex = visible;
  let stoppedBy: StopTrigger | undefined;
  for (let i = after + 1; i < visible && stoppedBy === undefined; i++) {
    stoppedBy = firstMatch(rule.stop, history, i);
    if (stoppedBy !== undefined) stopIndex = i;
  }
  const stoppedAt = stoppedBy === undefined ? undefined : history[stopIndex]!.at;

  const pauses: PauseInterval[] = [];
  let pausedSince = pausesIn(rule, history[after]?.status) ? startAt : undefined;
  for (let i = after + 1; i < stopIndex; i++) {
    const entry = history[i]!;
    if (pausesIn(rule, entry.status)) pausedSince ??= entry.at;
    else if (pausedSince !== undefined) {
      if (entry.at > pausedSince) pauses.push({ from: pausedSince, to: entry.at });
      pausedSince = undefined;
    }
  }
  const end = stoppedAt ?? now;
  if (pausedSince !== undefined && end > pausedSince) pauses.push({ from: pausedSince, to: end });

  return {
    startedAt: startAt,
    startedBy,
    restarts: rule.restartOnReentry ? starts - 1 : 0,
    stoppedAt,
    stoppedBy,
    pauses,
    pausedIn: stoppedAt === undefined && pausedSince !== undefined ? history[visible - 1]?.status : undefined,
  };
}

function findReceived(triggers: readonly StartTrigger[]): StartTrigger | undefined {
  for (const t of triggers) if (t.on === 'received') return t;
  return undefined;
}

/** The first of the triggers that entry i fires; `received` is not an entry and never matches here. */
function firstMatch<T extends StartTrigger>(
  triggers: readonly T[],
  history: readonly HistoryEntry[],
  i: number,
): T | undefined {
  const entry = history[i]!;
  for (const t of triggers) {
    if (
      t.on === 'event'
        ? entry.type === t.type
        : t.on === 'status' && entry.status === t.status && history[i - 1]?.status !== t.status
    ) {
      return t;
    }
  }
  return undefined;
}

function pausesIn(rule: LimitRule, status: CaseStatus | undefined): boolean {
  return status !== undefined && rule.pauseIn.includes(status);
}
