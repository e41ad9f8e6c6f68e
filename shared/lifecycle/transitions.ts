import type { z } from 'zod';
import type { Role } from '../domain/roles';
import { CASE_STATUSES, TERMINAL_STATUSES, isOpenStatus } from '../domain/status';
import type { CaseStatus } from '../domain/status';
import { MEDIATION_OUTCOMES } from './codes';
import type { Effect } from './effects';
import {
  acceptData,
  carrierReplyData,
  closeData,
  escalateData,
  noData,
  notAcceptData,
  registerData,
  rehandleData,
  reopenData,
  startMediationData,
  superviseData,
  transferData,
  withdrawData,
} from './schemas';
import type { CaseLifecycleState, LifecycleFlag } from './state';

/**
 * The statutory case lifecycle (DOMAIN §1.12) as a table. Names are stable: the history records
 * each transition as `transition.<name>` and the deadline engine reads those entries.
 */
export const TRANSITION_NAMES = [
  'register',
  'accept',
  'not_accept',
  'transfer',
  'record_carrier_reply',
  'supervise',
  'start_verification',
  'start_mediation',
  'start_callback',
  'rehandle',
  'close',
  'withdraw',
  'reopen',
  'escalate_to_supervision',
] as const;
export type TransitionName = (typeof TRANSITION_NAMES)[number];

/** Which statuses each role may perform a transition from; a role that is absent may not perform it. */
export type RoleStatuses = Partial<Record<Role, readonly CaseStatus[]>>;

/**
 * One field's problem, shaped like the RPC layer's field error (shared/rpc/errors) less its
 * translation, so main can pass it on as it is.
 */
export interface FieldIssue {
  /** Dotted path into the transition data, e.g. `satisfaction.carrier`; '' for the data as a whole. */
  readonly path: string;
  /** i18n key, e.g. `validation.required`. */
  readonly key: string;
  /** Fills the message, e.g. `max` for `validation.tooLong`. */
  readonly params: Readonly<Record<string, number>>;
}

export interface TransitionDef<S extends z.ZodType = z.ZodType> {
  readonly by: RoleStatuses;
  /** `unchanged` for the flag transitions, which record a fact without moving the case. */
  readonly to: CaseStatus | 'unchanged';
  readonly schema: S;
  readonly effects: readonly Effect[];
  /** Refused while this flag is set, with this reason: the transition is a once-only fact. */
  readonly blockedBy?: { readonly flag: LifecycleFlag; readonly reason: string };
  /** Checks of the data that depend on the state (method syntax: each entry narrows the data type). */
  checkData?(state: CaseLifecycleState, data: z.output<S>): readonly FieldIssue[];
}

/**
 * Transfers a case may have before it is flagged: "转办企业处理3次后仍不符合结案条件" is a 2014
 * summoning ground (DOMAIN §1.9, §1.10), so the re-transfer that makes a 4th transfer sets the flag.
 */
export const TRANSFERS_BEFORE_FLAG = 3;

const OPEN: readonly CaseStatus[] = CASE_STATUSES.filter(isOpenStatus);

/** Handlers do the day-to-day path; team leads may do all that handlers do; admins everything. */
const dayToDay = (from: readonly CaseStatus[]) => ({ handler: from, team_lead: from, admin: from });

const countTransfer: readonly Effect[] = [
  { kind: 'increment', counter: 'transferCount' },
  {
    kind: 'flagAbove',
    flag: 'transferRoundsExceeded',
    counter: 'transferCount',
    limit: TRANSFERS_BEFORE_FLAG,
  },
];

const define = <S extends z.ZodType>(def: TransitionDef<S>) => def;

export const TRANSITIONS = {
  /** Done at intake; it creates the case, so there is no status to start from (see `registerCase`). */
  register: define({ by: dayToDay([]), to: 'registered', schema: registerData, effects: [] }),
  accept: define({ by: dayToDay(['registered']), to: 'accepted', schema: acceptData, effects: [] }),
  not_accept: define({
    by: dayToDay(['registered']),
    to: 'not_accepted',
    schema: notAcceptData,
    effects: [],
  }),
  transfer: define({
    by: dayToDay(['accepted']),
    to: 'transferred',
    schema: transferData,
    effects: countTransfer,
  }),
  record_carrier_reply: define({
    by: dayToDay(['transferred']),
    to: 'carrier_replied',
    schema: carrierReplyData,
    // The reply ends the overdue supervision; the reminders already sent stay counted.
    effects: [{ kind: 'set', flag: 'supervised', value: false }],
  }),
  /** 督办: the carrier is overdue. Repeatable, one reminder each time; the case keeps waiting for the reply. */
  supervise: define({
    by: dayToDay(['transferred']),
    to: 'unchanged',
    schema: superviseData,
    effects: [
      { kind: 'set', flag: 'supervised', value: true },
      { kind: 'increment', counter: 'supervisionReminders' },
    ],
  }),
  start_verification: define({
    by: dayToDay(['carrier_replied']),
    to: 'verifying',
    schema: noData,
    effects: [],
  }),
  start_mediation: define({
    by: { mediator: ['carrier_replied', 'verifying'], admin: ['carrier_replied', 'verifying'] },
    to: 'mediating',
    schema: startMediationData,
    effects: [],
  }),
  /** A mediator hands a mediated case on to the callback; handlers call back after reply or verification. */
  start_callback: define({
    by: { ...dayToDay(['carrier_replied', 'verifying', 'mediating']), mediator: ['mediating'] },
    to: 'callback',
    schema: noData,
    effects: [],
  }),
  /** 重新办理: a closure condition is not met, so the case goes back to the carrier. */
  rehandle: define({
    by: dayToDay(['carrier_replied', 'verifying', 'callback']),
    to: 'transferred',
    schema: rehandleData,
    effects: countTransfer,
  }),
  /** Handlers close after the callback; a mediator closes a case on the mediation's outcome. */
  close: define({
    by: { ...dayToDay(['callback']), mediator: ['mediating'], admin: ['callback', 'mediating'] },
    to: 'closed',
    schema: closeData,
    effects: [],
    checkData(state, data) {
      const outcomes: readonly string[] = MEDIATION_OUTCOMES;
      return state.status === 'mediating' && !outcomes.includes(data.closureReason)
        ? [{ path: 'closureReason', key: 'validation.lifecycle.mediationOutcomeRequired', params: {} }]
        : [];
    },
  }),
  withdraw: define({
    by: { ...dayToDay(OPEN), mediator: ['mediating'] },
    to: 'withdrawn',
    schema: withdrawData,
    effects: [{ kind: 'set', flag: 'supervised', value: false }],
  }),
  /**
   * A reopened case resumes as `accepted`, whatever it ended as: reopening is a team lead's
   * decision that the appeal needs handling (for a non-accepted one, that it should have been
   * accepted), and the next step is always to (re-)transfer it to the carrier.
   */
  reopen: define({
    by: { team_lead: TERMINAL_STATUSES, admin: TERMINAL_STATUSES },
    to: 'accepted',
    schema: reopenData,
    effects: [{ kind: 'increment', counter: 'reopenCount' }],
  }),
  /** 上报: serious violation or a surge goes to the bureau's supervision division, once. */
  escalate_to_supervision: define({
    by: { team_lead: OPEN, admin: OPEN },
    to: 'unchanged',
    schema: escalateData,
    effects: [{ kind: 'set', flag: 'escalatedToSupervision', value: true }],
    blockedBy: { flag: 'escalatedToSupervision', reason: 'lifecycle.refused.alreadyEscalated' },
  }),
} as const satisfies Record<TransitionName, TransitionDef>;

export type TransitionData<N extends TransitionName> = z.output<(typeof TRANSITIONS)[N]['schema']>;

/** Every status a transition can start from, for any role. */
export function fromStatuses(name: TransitionName): readonly CaseStatus[] {
  const by: RoleStatuses = TRANSITIONS[name].by;
  return CASE_STATUSES.filter((s) => Object.values(by).some((from) => from.includes(s)));
}
