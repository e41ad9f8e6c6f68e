import type { ClosureReason } from '../lifecycle/codes';
import type { TransitionName } from '../lifecycle/transitions';

/**
 * Codes of the mediation record (DOMAIN §1.8, §7.2 "Mediation"). They are stored and synced, so
 * they are stable; their labels are in ./messages and the renderer's catalogue.
 */
export const SESSION_MODES = ['phone', 'in_person', 'online'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

/** Who attended a session, by role: the record names people only through `parties`. */
export const ATTENDEES = [
  'appellant',
  'appellant_representative',
  'carrier_representative',
  'mediator',
] as const;
export type Attendee = (typeof ATTENDEES)[number];

/** The two sides of the dispute: the appellant (申请人) and the carrier (被申请人). */
export const SIDES = ['appellant', 'carrier'] as const;
export type Side = (typeof SIDES)[number];

/** Who put a proposal forward. */
export const PROPOSERS = ['appellant', 'carrier', 'mediator'] as const;
export type Proposer = (typeof PROPOSERS)[number];

export const MEDIATION_OUTCOMES = ['agreed', 'failed', 'withdrawn'] as const;
export type MediationOutcome = (typeof MEDIATION_OUTCOMES)[number];

/**
 * How each outcome ends the case in the lifecycle (shared/lifecycle: a mediating case closes
 * only on `mediation_agreed` / `mediation_failed`, or is withdrawn). Recording the outcome does
 * not move the case: the closing transition records its own statistics (satisfaction, valid
 * appeal), so the workspace offers it next with this reason.
 */
export const OUTCOME_CLOSURE: Readonly<
  Record<
    MediationOutcome,
    { transition: Extract<TransitionName, 'close' | 'withdraw'>; closureReason?: ClosureReason }
  >
> = {
  agreed: { transition: 'close', closureReason: 'mediation_agreed' },
  failed: { transition: 'close', closureReason: 'mediation_failed' },
  withdrawn: { transition: 'withdraw' },
};

/** The history fact that starts the 3-working-day feedback clock (shared/deadlines profiles). */
export const OPINION_ISSUED_EVENT = 'mediation.opinion_issued';
