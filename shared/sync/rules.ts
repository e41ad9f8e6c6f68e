import type { RegisterAppeal } from '../domain/appeal';
import type { Role } from '../domain/roles';
import { isOpenStatus } from '../domain/status';
import type { CaseStatus } from '../domain/status';
import { REGISTERED_STATE, checkTransition } from '../lifecycle';
import type { CaseLifecycleState, TransitionName } from '../lifecycle';
import type { MutationArgs, MutationName } from './mutations';
import { yuanToFen } from '../domain/money';
import {
  editedIntake,
  fieldEditEventData,
  fieldValue,
  PERSONAL_FIELDS,
  sameValue,
  type EditableField,
  type FieldValue,
} from '../domain/caseEdits';
import type { MediationRecord } from '../mediation/record';
import { decideMediation } from './mediation';
import { closedCaseEscalations, decideEscalation, type SyncEscalation } from './escalation';

/** Columns a transition may set besides the lifecycle state, named as in the workstation's `cases` table. */
export type CaseColumns = Readonly<Record<string, string | number | null>>;

/**
 * How often each descriptive field of a case was edited (`editCaseFields.v1`, SYNC.md §3.1): an
 * edit names the version it started from and applies only if the field is still there. A field
 * never edited is at version 0 and has no entry.
 */
export type FieldVersions = Readonly<Record<string, number>>;

/** The server's copy of a case: what a pull delivers and what every rule decides on. */
export interface SyncCase {
  readonly id: string;
  readonly caseNo: string;
  readonly status: CaseStatus;
  readonly assigneeId: string | null;
  readonly lifecycle: CaseLifecycleState;
  readonly intake: RegisterAppeal;
  readonly columns: CaseColumns;
  /** Absent in copies stored before field edits and mediation synced: read as `{}` and `null`. */
  readonly fieldVersions?: FieldVersions;
  readonly mediation?: MediationRecord | null;
  /** Absent in copies stored before escalations synced: read as `[]`. */
  readonly escalations?: readonly SyncEscalation[];
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
  | 'FIELD_CONFLICT'
  | 'CASE_CLOSED'
  | 'MEDIATION_STALE'
  | 'NOT_MEDIATING'
  | 'MEDIATION_CONCLUDED'
  | 'ESCALATION_STALE'
  | 'ESCALATION_NOT_FOUND'
  | 'ESCALATION_RESOLVED'
  | 'VERSION_NOT_SUPPORTED'
  | 'INTERNAL';

/** The part of a case a rule changes. */
export type CaseChange = Pick<SyncCase, 'status' | 'assigneeId' | 'lifecycle' | 'columns' | 'intake'> & {
  readonly fieldVersions: FieldVersions;
  readonly mediation: MediationRecord | null;
  readonly escalations: readonly SyncEscalation[];
};

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
    fieldVersions: {},
    mediation: null,
    escalations: [],
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
  const base: CaseChange = {
    status: current.status,
    assigneeId: current.assigneeId,
    lifecycle: current.lifecycle,
    columns: current.columns,
    intake: current.intake,
    fieldVersions: current.fieldVersions ?? {},
    mediation: current.mediation ?? null,
    escalations: current.escalations ?? [],
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
    case 'editCaseFields.v1':
      return decideFieldEdit(args as MutationArgs<'editCaseFields.v1'>, current, base, actor);
    case 'reviseMediation.v1':
      return decideMediation(args as MutationArgs<'reviseMediation.v1'>, current, base, actor, at);
    case 'escalateCase.v1':
    case 'acknowledgeEscalation.v1':
    case 'resolveEscalation.v1':
    case 'snoozeEscalation.v1':
      return decideEscalation(name, args, current, base, actor, at);
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
              ...base,
              status: result.next.status,
              lifecycle: result.next,
              columns: { ...current.columns, ...transitionColumns(a.transition, data, at) },
              escalations: isOpenStatus(result.next.status)
                ? base.escalations
                : closedCaseEscalations(base.escalations, at),
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

/**
 * A correction of descriptive fields: compare-and-set per field on its version (SYNC.md §3.1).
 * One mutation applies whole or not at all, since its fields were corrected together (a category
 * and its reason) and the server validates the result as a whole. The refusal lists each field
 * that moved on with the server's version and value (personal data by name only: the value
 * stays masked on the server), and the workstation keeps the loser's values in its conflict inbox.
 */
function decideFieldEdit(
  a: MutationArgs<'editCaseFields.v1'>,
  current: SyncCase,
  base: CaseChange,
  actor: Actor,
): RuleOutcome {
  if (!isOpenStatus(current.status)) return reject('CASE_CLOSED', current);
  if (current.assigneeId !== null && current.assigneeId !== actor.staffId && !isSupervisor(actor)) {
    return reject('NOT_ASSIGNEE', current);
  }
  const edits = Object.entries(a.fields) as [EditableField, { value: FieldValue; baseVersion: number }][];
  const moved = edits.filter(([field, edit]) => (base.fieldVersions[field] ?? 0) !== edit.baseVersion);
  if (moved.length > 0) {
    return reject('FIELD_CONFLICT', current, {
      fields: moved.map(([field]) => ({
        field,
        serverVersion: base.fieldVersions[field] ?? 0,
        ...(PERSONAL_FIELDS.has(field) ? {} : { serverValue: fieldValue(current.intake, field) }),
      })),
    });
  }
  const changed = edits.filter(
    ([field, edit]) => !sameValue(field, fieldValue(current.intake, field), edit.value),
  );
  if (changed.length === 0) return { kind: 'noop' };
  const result = editedIntake(current.intake, Object.fromEntries(changed.map(([f, e]) => [f, e.value])));
  if (!result.ok) return reject('INVALID_DATA', current, { issues: result.issues });
  const fieldVersions = { ...base.fieldVersions };
  for (const [field] of changed) fieldVersions[field] = (fieldVersions[field] ?? 0) + 1;
  return {
    kind: 'applied',
    next: { ...base, intake: result.intake, fieldVersions },
    event: { type: 'case.fields_edited', data: fieldEditEventData(current.intake, result.intake, changed) },
  };
}
