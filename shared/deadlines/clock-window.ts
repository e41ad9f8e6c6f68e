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

/** A start trigger firing; `after` is the index of the last history entry that precedes it. */
interface Start {
  readonly at: number;
  readonly after: number;
  readonly trigger: StartTrigger;
}

/**
 * Finds the clock's start (the first start trigger, or the latest when the rule restarts), its
 * stop (the first stop trigger after that start) and the spans spent in pausing statuses.
 * History entries after `now` are ignored, so the same history gives the clocks as they stood at
 * any past moment. Returns undefined while the clock has not started.
 */
export function findClockWindow(
  rule: LimitRule,
  receivedAt: number,
  history: readonly HistoryEntry[],
  now: number,
): ClockWindow | undefined {
  let visible = 0;
  while (visible < history.length && history[visible]!.at <= now) visible++;

  const enters = (i: number, status: CaseStatus) =>
    history[i]!.status === status && history[i - 1]?.status !== status;
  const matches = (i: number, t: StartTrigger | StopTrigger) =>
    t.on === 'status' ? enters(i, t.status) : t.on === 'event' && history[i]!.type === t.type;

  const starts: Start[] = [];
  const received = rule.start.find((t) => t.on === 'received');
  let entriesBeforeReceipt = 0;
  while (entriesBeforeReceipt < visible && history[entriesBeforeReceipt]!.at < receivedAt)
    entriesBeforeReceipt++;
  for (let i = 0; i <= visible; i++) {
    if (received && i === entriesBeforeReceipt && receivedAt <= now) {
      starts.push({ at: receivedAt, after: i - 1, trigger: received });
    }
    const trigger = i < visible ? rule.start.find((t) => matches(i, t)) : undefined;
    if (trigger) starts.push({ at: history[i]!.at, after: i, trigger });
  }
  const start = rule.restartOnReentry ? starts.at(-1) : starts[0];
  if (start === undefined) return undefined;

  let stopIndex = visible;
  let stoppedBy: StopTrigger | undefined;
  for (let i = start.after + 1; i < visible && stoppedBy === undefined; i++) {
    stoppedBy = rule.stop.find((t) => matches(i, t));
    if (stoppedBy !== undefined) stopIndex = i;
  }
  const stoppedAt = stoppedBy === undefined ? undefined : history[stopIndex]!.at;

  const pausing = (status: CaseStatus | undefined) => status !== undefined && rule.pauseIn.includes(status);
  const pauses: PauseInterval[] = [];
  let pausedSince = pausing(history[start.after]?.status) ? start.at : undefined;
  for (let i = start.after + 1; i < stopIndex; i++) {
    const entry = history[i]!;
    if (pausing(entry.status)) pausedSince ??= entry.at;
    else if (pausedSince !== undefined) {
      pauses.push({ from: pausedSince, to: entry.at });
      pausedSince = undefined;
    }
  }
  const end = stoppedAt ?? now;
  if (pausedSince !== undefined && end > pausedSince) pauses.push({ from: pausedSince, to: end });

  return {
    startedAt: start.at,
    startedBy: start.trigger,
    restarts: rule.restartOnReentry ? starts.length - 1 : 0,
    stoppedAt,
    stoppedBy,
    pauses: pauses.filter((p) => p.to > p.from),
    pausedIn: stoppedAt === undefined && pausedSince !== undefined ? history[visible - 1]?.status : undefined,
  };
}
