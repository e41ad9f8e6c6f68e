import type Database from 'better-sqlite3';
import {
  availableTransitions,
  checkTransition,
  type CaseLifecycleState,
  type Refusal,
  type TransitionName,
} from '../../shared/lifecycle';
import type { Role } from '../../shared/domain/roles';
import { isOpenStatus, type CaseStatus } from '../../shared/domain/status';
import { RpcFailure } from '../../shared/rpc/errors';
import type { WorkingCalendar } from '../../shared/calendar';
import { AuditLog, type Actor } from './audit';
import { Outbox } from './outbox';
import { refreshDeadlines } from './search/deadlines';
import { yuanToFen } from '../../shared/domain/money';

interface LifecycleRow {
  id: string;
  status: CaseStatus;
  transfer_count: number;
  transfer_rounds_exceeded: number;
  supervised: number;
  supervision_reminders: number;
  escalated_to_supervision: number;
  reopen_count: number;
  carrier_id: string;
  outlet: string | null;
  version: number;
}

export function lifecycleOf(row: LifecycleRow): CaseLifecycleState {
  return {
    status: row.status,
    transferCount: row.transfer_count,
    transferRoundsExceeded: row.transfer_rounds_exceeded === 1,
    supervised: row.supervised === 1,
    supervisionReminders: row.supervision_reminders,
    escalatedToSupervision: row.escalated_to_supervision === 1,
    reopenCount: row.reopen_count,
  };
}

/** The lifecycle counters and flags, in the order a transition's record lists their changes. */
const COUNTERS_AND_FLAGS = [
  'transferCount',
  'transferRoundsExceeded',
  'supervised',
  'supervisionReminders',
  'escalatedToSupervision',
  'reopenCount',
] as const satisfies readonly (keyof CaseLifecycleState)[];

/**
 * What a transition's audit event records: the statuses, the transition's data, and the counters
 * and flags it changed as `[before, after]` (omitted when it changed none). The rest of the state
 * is the previous event's, so the states before and after follow from the chain. Events written
 * before this shape carry the whole states as `before` and `after` (readers accept both).
 */
export function transitionRecord(
  before: CaseLifecycleState,
  after: CaseLifecycleState,
  data: unknown,
): { from: CaseStatus; to: CaseStatus; data: unknown; changes?: Record<string, [unknown, unknown]> } {
  const record = { from: before.status, to: after.status, data };
  let changes: Record<string, [unknown, unknown]> | undefined;
  for (const key of COUNTERS_AND_FLAGS) {
    if (before[key] !== after[key]) (changes ??= {})[key] = [before[key], after[key]];
  }
  return changes ? { ...record, changes } : record;
}

/** What any of the staff member's roles may do next. */
export function availableFor(state: CaseLifecycleState, roles: readonly Role[]): TransitionName[] {
  const names = new Set(roles.flatMap((r) => availableTransitions(state, r)));
  return [...names];
}

/**
 * A person may hold several roles (a team lead who also handles cases): the transition is
 * allowed if any role allows it. A data error is reported as soon as a role that may act finds
 * it, since no other role would accept that data either.
 */
function checkForRoles(
  state: CaseLifecycleState,
  name: TransitionName,
  roles: readonly Role[],
  data: unknown,
) {
  let refusal: Refusal | null = null;
  for (const role of roles) {
    const result = checkTransition(state, name, role, data);
    if (result.ok || result.code === 'INVALID_DATA') return result;
    refusal ??= result;
  }
  return (
    refusal ??
    ({
      ok: false,
      code: 'FORBIDDEN_ROLE',
      reason: 'lifecycle.refused.role',
      params: { transition: name, role: '-' },
    } as Refusal)
  );
}

function failureFrom(refusal: Refusal): RpcFailure {
  if (refusal.code === 'INVALID_DATA') {
    return new RpcFailure(
      'VALIDATION_FAILED',
      'errors.VALIDATION_FAILED',
      {},
      (refusal.fieldErrors ?? []).map((f) => ({
        path: f.path ? `data.${f.path}` : 'data',
        key: f.key,
        params: { ...f.params },
      })),
    );
  }
  return new RpcFailure(
    refusal.code === 'FORBIDDEN_ROLE' ? 'FORBIDDEN' : 'INVALID_TRANSITION',
    refusal.reason,
    refusal.params,
  );
}

/** Applies lifecycle transitions: the shared state machine decides, this persists, in one transaction. */
export class TransitionCommands {
  private readonly audit: AuditLog;
  private readonly outbox: Outbox;
  private readonly load: Database.Statement<[string], LifecycleRow>;

  constructor(
    private readonly db: Database.Database,
    private readonly calendar: () => WorkingCalendar,
  ) {
    this.audit = new AuditLog(db);
    this.outbox = new Outbox(db);
    this.load = db.prepare(
      `SELECT id, status, transfer_count, transfer_rounds_exceeded, supervised, supervision_reminders,
              escalated_to_supervision, reopen_count, carrier_id, outlet, version
         FROM cases WHERE id = ?`,
    );
  }

  state(caseId: string): CaseLifecycleState | null {
    const row = this.load.get(caseId);
    return row ? lifecycleOf(row) : null;
  }

  apply(
    input: {
      caseId: string;
      transition: TransitionName;
      data: unknown;
      expectedStatus?: CaseStatus | undefined;
    },
    roles: readonly Role[],
    actor: Actor,
    now = Date.now(),
  ): void {
    this.db.transaction(() => {
      const row = this.load.get(input.caseId);
      if (!row) throw new RpcFailure('NOT_FOUND', 'errors.NOT_FOUND');
      // The screen the user acted on showed `expectedStatus`; if someone moved the case since, say so.
      if (input.expectedStatus && input.expectedStatus !== row.status) {
        throw new RpcFailure('CONFLICT', 'errors.CONFLICT', {}, [], { currentStatus: row.status });
      }
      const before = lifecycleOf(row);
      const result = checkForRoles(before, input.transition, roles, input.data);
      if (!result.ok) throw failureFrom(result);
      const next = result.next;
      const data = result.entry.data as Record<string, unknown>;
      const changes: Record<string, unknown> = {
        status: next.status,
        is_open: isOpenStatus(next.status) ? 1 : 0,
        transfer_count: next.transferCount,
        transfer_rounds_exceeded: next.transferRoundsExceeded ? 1 : 0,
        supervised: next.supervised ? 1 : 0,
        supervision_reminders: next.supervisionReminders,
        escalated_to_supervision: next.escalatedToSupervision ? 1 : 0,
        reopen_count: next.reopenCount,
      };
      if (input.transition === 'transfer') {
        changes.carrier_id = data.carrierId;
        if (data.outlet !== undefined) changes.outlet = data.outlet;
      }
      if (input.transition === 'close') {
        const satisfaction = data.satisfaction as { carrier: string; administration: string };
        Object.assign(changes, {
          valid_appeal: data.validAppeal ? 1 : 0,
          responsible_unit: (data.responsibleUnit as string | undefined) ?? null,
          satisfaction: satisfaction.administration,
          carrier_satisfaction: satisfaction.carrier,
          carrier_reply_untruthful: data.carrierReplyUntruthful ? 1 : 0,
          amount_recovered_fen: yuanToFen(data.recoveredYuan as number),
          closed_at: now,
        });
      }
      if (input.transition === 'reopen') {
        Object.assign(changes, {
          closed_at: null,
          valid_appeal: null,
          satisfaction: null,
          carrier_satisfaction: null,
        });
      }
      const columns = Object.keys(changes);
      this.db
        .prepare(
          `UPDATE cases SET ${columns.map((c) => `${c} = @${c}`).join(', ')}, version = version + 1, updated_at = @now WHERE id = @id`,
        )
        .run({ ...changes, now, id: input.caseId });
      this.audit.append(
        {
          caseId: input.caseId,
          type: result.entry.type,
          at: now,
          status: next.status,
          data: transitionRecord(before, next, result.entry.data),
        },
        actor,
      );
      // The intent, with the status the user saw: the server re-validates it (SYNC.md §3.2).
      this.outbox.append(
        'transitionStatus.v1',
        { caseId: input.caseId, transition: input.transition, from: before.status, data: result.entry.data },
        input.caseId,
        actor,
        now,
      );
      refreshDeadlines(this.db, input.caseId, this.calendar(), now);
    })();
  }
}
