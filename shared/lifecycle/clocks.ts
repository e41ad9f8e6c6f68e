import type { LimitName } from '../domain/history';
import type { TransitionName } from './transitions';

/**
 * Which time limits each transition starts, stops or pauses under the default rule profile, so
 * the case screen can say "accepting stops the acceptance limit", and so the deadline engine has
 * one written statement to test itself against. The engine computes the clocks from the history
 * entries (`transition.<name>`); nothing here is a date.
 *
 * Starting a limit that already runs restarts it; stopping one that does not run does nothing.
 * Some limits are started or stopped by facts that are not transitions, and are not listed:
 * - `mediation_feedback` starts when the mediation opinion is issued (`mediation.opinion_issued`);
 * - `callback` is also met by the first callback attempt, a fact recorded in the callback status;
 * - `carrier_complaint` (the carrier's own 7 days, 快递暂行条例 Art.28) runs from the user's
 *   complaint to the carrier, before the appeal: the registration form's prior-complaint date.
 *
 * Nothing pauses a limit under the default profile: Measures Art.4 keeps the 30-day answer
 * running through mediation (DOMAIN §1.8). `pauses` is there for profiles that do.
 */
export interface LimitEffects {
  readonly starts: readonly LimitName[];
  readonly stops: readonly LimitName[];
  readonly pauses: readonly LimitName[];
}

const limits = (starts: readonly LimitName[], stops: readonly LimitName[]): LimitEffects => ({
  starts,
  stops,
  pauses: [],
});

/** Every limit that can run while a case is open: what ending the case stops. */
const ALL_RUNNING: readonly LimitName[] = [
  'acceptance',
  'carrier_reply',
  'mediation_feedback',
  'callback',
  'overall_answer',
];

export const LIMIT_EFFECTS: Readonly<Record<TransitionName, LimitEffects>> = {
  // Receipt starts the acceptance decision and the 30-day answer (邮政法 Art.65).
  register: limits(['acceptance', 'overall_answer'], []),
  accept: limits([], ['acceptance']),
  // The non-acceptance notice is the answer the user is owed.
  not_accept: limits([], ['acceptance', 'overall_answer']),
  transfer: limits(['carrier_reply'], []),
  record_carrier_reply: limits(['callback'], ['carrier_reply']),
  // 督办 urges the carrier; it neither extends nor ends its limit.
  supervise: limits([], []),
  // Verification is done within the callback limit.
  start_verification: limits([], []),
  // Mediation is itself contact with the user, so the callback limit no longer applies.
  start_mediation: limits([], ['callback']),
  start_callback: limits([], ['callback', 'mediation_feedback']),
  // The carrier's re-handling has its own, shorter limit in some profiles (5 days in 2011): the
  // engine picks the duration by the entry type.
  rehandle: limits(['carrier_reply'], ['callback']),
  close: limits([], ALL_RUNNING),
  withdraw: limits([], ALL_RUNNING),
  // A reopened case owes the user a fresh answer: a local choice, the Measures say nothing [U].
  reopen: limits(['overall_answer'], []),
  escalate_to_supervision: limits([], []),
};
