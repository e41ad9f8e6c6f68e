import type { CaseStatus } from '../domain/status';

/**
 * What the lifecycle needs to know about a case to decide the next transition. It is plain
 * JSON (it is stored, synced and sent to the renderer) and holds no dates: clocks are the
 * deadline engine's, computed from the history entries.
 */
export interface CaseLifecycleState {
  readonly status: CaseStatus;
  /** Transfers to the carrier, the first one and every re-transfer (rehandle) counted. */
  readonly transferCount: number;
  /**
   * Set once the case has needed more transfers than a round allows (the 2014 summoning ground
   * "转办企业处理3次后仍不符合结案条件", DOMAIN §1.10). Never cleared: it is a fact about the case.
   */
  readonly transferRoundsExceeded: boolean;
  /** The carrier is overdue and under supervision (督办); only ever true while `transferred`. */
  readonly supervised: boolean;
  /** Supervision reminders sent to the carrier over the case's life. */
  readonly supervisionReminders: number;
  /** Reported to the supervision division (serious violation, surge). Never cleared. */
  readonly escalatedToSupervision: boolean;
  readonly reopenCount: number;
}

/** The counters and flags that transition effects change. */
export type LifecycleCounter = 'transferCount' | 'supervisionReminders' | 'reopenCount';
export type LifecycleFlag = 'transferRoundsExceeded' | 'supervised' | 'escalatedToSupervision';

/** A case as it stands right after registration. */
export const REGISTERED_STATE: CaseLifecycleState = {
  status: 'registered',
  transferCount: 0,
  transferRoundsExceeded: false,
  supervised: false,
  supervisionReminders: 0,
  escalatedToSupervision: false,
  reopenCount: 0,
};
