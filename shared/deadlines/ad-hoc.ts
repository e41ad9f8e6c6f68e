import { formatDay } from '../calendar/civil-date';
import { formatInstant, formatShanghaiMinute, parseInstant } from '../calendar/shanghai-time';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { LimitName } from '../domain/history';
import { periodSpecOf } from './engine';
import { emptyExplanation, explainDue, say } from './explain';
import type { Explanation } from './explain';
import { computeDue } from './period';
import type { PauseInterval, PeriodSpec } from './period';
import type { RuleProfile } from './profile-schema';

/** A pause given as ISO 8601 times with offsets, half-open [from, to). */
export interface AdHocPause {
  readonly from: string;
  readonly to: string;
}

export interface AdHocInput {
  /** The start, ISO 8601 with an offset (`2026-09-30T16:10+08:00`). */
  readonly from: string;
  /** Exactly one of workingDays and calendarDays. */
  readonly workingDays?: number;
  readonly calendarDays?: number;
  /** 民法典 Art.203 roll-forward for calendar days (working-day periods always end on a working day). */
  readonly rollForward?: boolean;
  readonly paused?: readonly AdHocPause[];
  readonly calendar: WorkingCalendar;
}

export interface AdHocDue {
  readonly dueAt: number;
  /** `dueAt` as ISO 8601 with +08:00. */
  readonly dueAtIso: string;
  /** The last day of the period, YYYY-MM-DD in Asia/Shanghai. */
  readonly dueDate: string;
  readonly provisional: boolean;
  readonly explanation: Explanation;
}

/** A one-off "when is N days from this moment due" question, as asked on the command line. */
export function dueFromAdHoc(input: AdHocInput): AdHocDue {
  const { workingDays, calendarDays } = input;
  if ((workingDays === undefined) === (calendarDays === undefined)) {
    throw new RangeError('give exactly one of workingDays and calendarDays');
  }
  const spec: PeriodSpec = {
    unit: workingDays === undefined ? 'calendar_days' : 'working_days',
    amount: workingDays ?? calendarDays ?? 0,
    rollForward: input.rollForward ?? false,
    dueAtMinute: 1440,
  };
  return dueFor(input.from, spec, input.paused ?? [], input.calendar);
}

export interface LimitDueInput {
  readonly from: string;
  readonly profile: RuleProfile;
  readonly limit: LimitName;
  readonly paused?: readonly AdHocPause[];
  readonly calendar: WorkingCalendar;
}

/** When a profile's limit would be due if its clock started at `from`. */
export function dueForLimit(input: LimitDueInput): AdHocDue {
  const rule = input.profile.limits[input.limit];
  if (rule === undefined) throw new RangeError(`profile ${input.profile.id} has no ${input.limit} limit`);
  return dueFor(input.from, periodSpecOf(rule, input.profile), input.paused ?? [], input.calendar);
}

function dueFor(
  from: string,
  spec: PeriodSpec,
  paused: readonly AdHocPause[],
  calendar: WorkingCalendar,
): AdHocDue {
  const startAt = parseInstant(from);
  const pauses: PauseInterval[] = paused.map((p) => {
    const interval = { from: parseInstant(p.from), to: parseInstant(p.to) };
    if (interval.to <= interval.from)
      throw new RangeError(`a pause must end after it starts: ${p.from}/${p.to}`);
    return interval;
  });
  const due = computeDue(startAt, spec, pauses, calendar);
  const explanation = emptyExplanation();
  const at = formatShanghaiMinute(startAt);
  say(explanation, `start ${at} (+08:00)`, `起算时间：${at}（北京时间）`);
  explainDue(due, calendar, explanation);
  return {
    dueAt: due.dueAt,
    dueAtIso: formatInstant(due.dueAt),
    dueDate: formatDay(due.dueDay),
    provisional: due.provisional,
    explanation,
  };
}
