import type { CaseStatus } from './status';

/**
 * The part of a case's audit trail that the lifecycle and the deadline engine read.
 * Every lifecycle transition appends one entry; other timed facts (a mediation opinion issued,
 * a callback attempt, a supervision reminder) append entries with their own `type` and the
 * unchanged `status`. Entries are in time order; `at` is UTC epoch milliseconds.
 */
export interface HistoryEntry {
  readonly at: number;
  /** `transition.<name>` for lifecycle transitions (e.g. `transition.accept`), or a fact type such as `mediation.opinion_issued`. */
  readonly type: string;
  /** The case status after this entry. */
  readonly status: CaseStatus;
}

/** The statutory and internal time limits a case can run (each defined by a rule profile). */
export const LIMIT_NAMES = [
  'acceptance', // acceptance decision (受理)
  'carrier_reply', // carrier's reply to the transferred appeal (企业答复)
  'mediation_feedback', // parties' feedback on the mediation opinion (调解意见反馈)
  'callback', // calling the user back (回访)
  'overall_answer', // answer to the user, 邮政法 Art.65 (30 days)
  'carrier_complaint', // the carrier's own complaint window, 快递暂行条例 Art.28 (7 days)
] as const;
export type LimitName = (typeof LIMIT_NAMES)[number];
