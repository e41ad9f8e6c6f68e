import type { RegisterAppeal } from '../domain/appeal';
import type { Role } from '../domain/roles';
import { isOpenStatus } from '../domain/status';
import type { CaseStatus } from '../domain/status';
import { REGISTERED_STATE, checkTransition } from '../lifecycle';
import type { CaseLifecycleState, TransitionName } from '../lifecycle';
import type { MutationArgs, MutationName } from './mutations';
import { yuanToFen } from '../domain/money';

/** Columns a transition may set besides the lifecycle state, named as in the workstation's `cases` table. */
export type CaseColumns = Readonly<Record<string, string | number | null>>;

/** The server's copy of a case: what a pull delivers and what every rule decides on. */
export interface SyncCase {
  readonly id: string;
  readonly caseNo: string;
  readonly status: CaseStatus;
  readonly assigneeId: string | null;
  readonly lifecycle: CaseLifecycleState;
  readonly intake: RegisterAppeal;
  readonly columns: CaseColumns;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly version: number;
}

export type RejectionCode =
  | 'CASE_NOT_FOUND'
  | 'ALREADY_CLAIMED'
  | 'NOT_ASSIGNEE'
  | 'STALE_ASSIGNEE'
  | 'STALE_TRANSITION'
  | 'INVALID_TRANSITION'
  | 'FORBIDDEN'
  | 'INVALID_DATA'
  | 'VERSION_NOT_SUPPORTED'
  | 'INTERNAL';

/** The part of a case a rule changes. */
export type CaseChange = Pick<SyncCase, 'status' | 'assigneeId' | 'lifecycle' | 'columns'>;

export type RuleOutcome =
  | { readonly kind: 'applied'; readonly next: CaseChange; readonly event: { type: string; data: unknown } }
  | { readonly kind: 'noop' }
  | { readonly kind: 'rejected'; readonly code: RejectionCode; readonly details: Record<string, unknown> };

export interface Actor {
  readonly staffId: string;
  readonly roles: readonly Role[];
}

const SUPERVISORS: readonly Role[] = ['team_lead', 'admin'];
const isSupervisor = (actor: Actor) => actor.roles.some((r) => SUPERVISORS.includes(r));
const reject = (
  code: RejectionCode,
  current: SyncCase | null,
  extra: Record<string, unknown> = {},
): RuleOutcome => ({
  kind: 'rejected',
  code,
  details: current
    ? { status: current.status, assigneeId: current.assigneeId, version: current.version, ...extra }
    : extra,
});

/** The columns a transition sets besides its lifecycle state (as the workstation store does). */
export function transitionColumns(
  transition: TransitionName,
  data: Record<string, unknown>,
  at: number,
): Record<string, string | number | null> {
  if (transition === 'transfer') {
    return {
      carrier_id: data.carrierId as string,
      ...(data.outlet !== undefined ? { outlet: data.outlet as string } : {}),
    };
  }
  if (transition === 'close') {
    const satisfaction = data.satisfaction as { carrier: string; administration: string };
    return {
      valid_appeal: data.validAppeal ? 1 : 0,
      responsible_unit: (data.responsibleUnit as string | undefined) ?? null,
      satisfaction: satisfaction.administration,
      carrier_satisfaction: satisfaction.carrier,
      carrier_reply_untruthful: data.carrierReplyUntruthful ? 1 : 0,
      amount_recovered_fen: typeof data.recoveredYuan === 'number' ? yuanToFen(data.recoveredYuan) : null,
      closed_at: at,
    };
  }
  if (transition === 'reopen') {
    return { closed_at: null, valid_appeal: null, satisfaction: null, carrier_satisfaction: null };
  }
  return {};
}

/** A brand-new case as the server records it. */
export function newCase(
  args: MutationArgs<'createCase.v1'>,
  caseNo: string,
  at: number,
): Omit<SyncCase, 'version'> {
  return {
    id: args.id,
    caseNo,
    status: REGISTERED_STATE.status,
    assigneeId: null,
    lifecycle: REGISTERED_STATE,
    intake: args.input,
    columns: {},
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * What a mutation does to a case, decided on the server's current copy (`null`: no such case).
 * The same lifecycle code the workstation ran decides transitions; the server's order decides
 * which of two conflicting intents wins. `createCase.v1` is the server's own (it numbers cases).
 */
export function decide(
  name: Exclude<MutationName, 'createCase.v1'>,
  args: unknown,
  current: SyncCase | null,
  actor: Actor,
  at: number,
): RuleOutcome {
  if (!current) return reject('CASE_NOT_FOUND', null);
  const base = {
    status: current.status,
    assigneeId: current.assigneeId,
    lifecycle: current.lifecycle,
    columns: current.columns,
  };
  switch (name) {
    case 'claimCase.v1': {
      if (current.assigneeId === actor.staffId) return { kind: 'noop' };
      if (current.assigneeId !== null) return reject('ALREADY_CLAIMED', current);
      if (!isOpenStatus(current.status)) return reject('INVALID_TRANSITION', current);
      return {
        kind: 'applied',
        next: { ...base, assigneeId: actor.staffId },
        event: { type: 'claim', data: {} },
      };
    }
    case 'releaseCase.v1': {
      if (current.assigneeId === null) return { kind: 'noop' };
      if (current.assigneeId !== actor.staffId) return reject('NOT_ASSIGNEE', current);
      return { kind: 'applied', next: { ...base, assigneeId: null }, event: { type: 'release', data: {} } };
    }
    case 'reassignCase.v1': {
      const a = args as MutationArgs<'reassignCase.v1'>;
      if (!isSupervisor(actor)) return reject('FORBIDDEN', current);
      if (current.assigneeId === a.toUser) return { kind: 'noop' };
      if (current.assigneeId !== a.expectedAssignee) return reject('STALE_ASSIGNEE', current);
      return {
        kind: 'applied',
        next: { ...base, assigneeId: a.toUser },
        event: { type: 'reassign', data: { from: current.assigneeId, to: a.toUser, reason: a.reason } },
      };
    }
    case 'appendNote.v1': {
      const a = args as MutationArgs<'appendNote.v1'>;
      return {
        kind: 'applied',
        next: base,
        event: { type: 'note', data: { noteId: a.noteId, body: a.body } },
      };
    }
    case 'transitionStatus.v1': {
      const a = args as MutationArgs<'transitionStatus.v1'>;
      if (current.status !== a.from) return reject('STALE_TRANSITION', current, { expected: a.from });
      if (current.assigneeId !== null && current.assigneeId !== actor.staffId && !isSupervisor(actor)) {
        return reject('NOT_ASSIGNEE', current);
      }
      let refusal: RuleOutcome | null = null;
      for (const role of actor.roles) {
        const result = checkTransition(current.lifecycle, a.transition, role, a.data);
        if (result.ok) {
          const data = result.entry.data as Record<string, unknown>;
          return {
            kind: 'applied',
            next: {
              status: result.next.status,
              assigneeId: current.assigneeId,
              lifecycle: result.next,
              columns: { ...current.columns, ...transitionColumns(a.transition, data, at) },
            },
            event: { type: result.entry.type, data: { from: current.status, to: result.next.status, data } },
          };
        }
        const code = result.code === 'FORBIDDEN_ROLE' ? 'FORBIDDEN' : result.code;
        // The most telling refusal wins: a data problem beats a role that may not do it at all.
        if (!refusal || code !== 'FORBIDDEN') refusal = reject(code, current, { reason: result.reason });
      }
      return refusal ?? reject('FORBIDDEN', current);
    }
  }
}
