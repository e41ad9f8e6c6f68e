import { z } from 'zod';
import { isOpenStatus } from '../domain/status';
import type { Role } from '../domain/roles';
import type { EscalationState, Evidence } from '../escalation/dto';
import type { Level } from '../escalation/rules';
import type { Actor, CaseChange, RejectionCode, RuleOutcome, SyncCase } from './rules';

/**
 * One escalation of a case as the sync server keeps it: a row of the workstation's `escalations`
 * table, with the same meaning. The server's copy of a case holds all of them in raise order.
 */
export interface SyncEscalation {
  readonly id: string;
  readonly ruleId: string;
  /** What exactly fired (a clock and its due time, a waybill…): a condition raises once per case. */
  readonly condition: string;
  readonly level: Level;
  readonly state: EscalationState;
  readonly evidence: Evidence;
  readonly raisedAt: number;
  readonly acknowledgedAt: number | null;
  readonly acknowledgedBy: string | null;
  readonly resolvedAt: number | null;
  readonly resolvedBy: string | null;
  readonly resolutionNote: string | null;
  readonly snoozedUntil: number | null;
  readonly snoozeReason: string | null;
}

const id = z.string().min(1).max(64);
const level = z.union([z.literal(1), z.literal(2), z.literal(3)]);
/** The level the sender saw: what a lead judged, or what the engine climbs from. */
const lead = { caseId: id, escalationId: id, expectedLevel: level };

/**
 * `escalate` of SYNC.md §3.2: a raise (`expectedLevel` 0: the engine saw no escalation of this
 * rule's condition) or a climb of `escalationId` from `expectedLevel` by time. Either applies only
 * while the case's level (its highest escalation not resolved) is below `toLevel`. The limits are
 * generous on purpose: an engine's intent the server refused would be raised again by the engine
 * on every pass, once the refusal removed its escalation here.
 */
const escalateCaseArgs = z
  .object({
    caseId: id,
    escalationId: id,
    ruleId: z.string().min(1).max(60),
    condition: z.string().min(1).max(2000),
    toLevel: level,
    expectedLevel: z.union([z.literal(0), level]),
    evidence: z
      .object({
        key: z.string().min(1).max(100),
        params: z.record(z.string(), z.union([z.string().max(20_000), z.number()])),
      })
      .strict(),
  })
  .strict()
  .refine((a) => a.expectedLevel < a.toLevel, { path: ['toLevel'] });

/** The catalogue entries of escalations (spread into MUTATIONS). */
export const ESCALATION_MUTATIONS = {
  'escalateCase.v1': escalateCaseArgs,
  'acknowledgeEscalation.v1': z.object(lead).strict(),
  'resolveEscalation.v1': z.object({ ...lead, note: z.string().trim().min(1).max(1000) }).strict(),
  'snoozeEscalation.v1': z
    .object({ ...lead, until: z.number().int().positive(), reason: z.string().trim().min(1).max(500) })
    .strict(),
} as const;

export type EscalationMutation = keyof typeof ESCALATION_MUTATIONS;
type Args<N extends EscalationMutation> = z.output<(typeof ESCALATION_MUTATIONS)[N]>;

const LEADS: readonly Role[] = ['team_lead', 'admin'];

/** A snooze that ran out is open again (the engine's pass does the same to its rows). */
const isOpen = (e: SyncEscalation, at: number) =>
  e.state === 'open' || (e.state === 'snoozed' && (e.snoozedUntil ?? 0) <= at);

/** The case's escalation level: its highest escalation not resolved, 0 for none. */
export const escalationLevel = (escalations: readonly SyncEscalation[]): number =>
  escalations.reduce((max, e) => (e.state !== 'resolved' && e.level > max ? e.level : max), 0);

/** When a case closes its escalations are over, as the engine's pass resolves them on a workstation. */
export function closedCaseEscalations(
  escalations: readonly SyncEscalation[],
  at: number,
): readonly SyncEscalation[] {
  if (!escalations.some((e) => e.state !== 'resolved')) return escalations;
  return escalations.map((e) =>
    e.state === 'resolved'
      ? e
      : { ...e, state: 'resolved', resolvedAt: at, resolvedBy: 'system', resolutionNote: 'case closed' },
  );
}

/**
 * The server's side of the escalation intents, on its copy of the case.
 *
 * - `escalateCase.v1`: `noop` when the case is already at `toLevel` or above, so engines on
 *   several workstations escalate a case once team-wide; a raise is also a `noop` when the case
 *   already has an escalation of the same rule and condition, resolved or not (a condition raises
 *   once, as on a workstation: a resolved one stays resolved, a new condition raises anew). A climb
 *   applies to an escalation still open at the level the engine climbed from: a lead's
 *   acknowledgement or snooze stops it (`ESCALATION_STALE`, as it stops the engine's climb).
 * - Lead actions (team lead or admin): on the escalation as the lead saw it, at that level;
 *   `ESCALATION_NOT_FOUND` for an id the server never got (a workstation's own duplicate of an
 *   escalation another raised first), `ESCALATION_RESOLVED` once resolved, `ESCALATION_STALE`
 *   when it climbed meanwhile. Acknowledging an acknowledged escalation is a `noop`.
 */
export function decideEscalation(
  name: EscalationMutation,
  args: unknown,
  current: SyncCase,
  base: CaseChange,
  actor: Actor,
  at: number,
): RuleOutcome {
  const list = base.escalations;
  const reject = (code: RejectionCode, extra: Record<string, unknown> = {}): RuleOutcome => ({
    kind: 'rejected',
    code,
    details: {
      status: current.status,
      assigneeId: current.assigneeId,
      version: current.version,
      escalationLevel: escalationLevel(list),
      ...extra,
    },
  });
  const replaced = (next: SyncEscalation, type: string, data: Record<string, unknown>): RuleOutcome => ({
    kind: 'applied',
    next: { ...base, escalations: list.map((e) => (e.id === next.id ? next : e)) },
    event: { type, data: { escalationId: next.id, ...data } },
  });

  if (name === 'escalateCase.v1') {
    const a = args as Args<'escalateCase.v1'>;
    if (!isOpenStatus(current.status)) return reject('CASE_CLOSED');
    if (escalationLevel(list) >= a.toLevel) return { kind: 'noop' };
    if (a.expectedLevel === 0) {
      if (list.some((e) => e.ruleId === a.ruleId && e.condition === a.condition)) return { kind: 'noop' };
      const raised: SyncEscalation = {
        id: a.escalationId,
        ruleId: a.ruleId,
        condition: a.condition,
        level: a.toLevel,
        state: 'open',
        evidence: a.evidence,
        raisedAt: at,
        acknowledgedAt: null,
        acknowledgedBy: null,
        resolvedAt: null,
        resolvedBy: null,
        resolutionNote: null,
        snoozedUntil: null,
        snoozeReason: null,
      };
      return {
        kind: 'applied',
        next: { ...base, escalations: [...list, raised] },
        event: {
          type: 'escalation.raised',
          data: { escalationId: raised.id, rule: a.ruleId, level: a.toLevel, evidence: a.evidence },
        },
      };
    }
    const e = list.find((x) => x.id === a.escalationId);
    if (!e || e.level !== a.expectedLevel || !isOpen(e, at)) {
      return reject('ESCALATION_STALE', e ? { escalation: { level: e.level, state: e.state } } : {});
    }
    return replaced({ ...e, state: 'open', level: a.toLevel }, 'escalation.climbed', { level: a.toLevel });
  }

  const a = args as Args<'acknowledgeEscalation.v1'>;
  if (!actor.roles.some((r) => LEADS.includes(r))) return reject('FORBIDDEN');
  const e = list.find((x) => x.id === a.escalationId);
  if (!e) return reject('ESCALATION_NOT_FOUND');
  const seen = { escalation: { level: e.level, state: e.state } };
  if (e.state === 'resolved') return reject('ESCALATION_RESOLVED', seen);
  if (e.level !== a.expectedLevel) return reject('ESCALATION_STALE', seen);
  switch (name) {
    case 'acknowledgeEscalation.v1':
      if (e.state === 'acknowledged') return { kind: 'noop' };
      return replaced(
        { ...e, state: 'acknowledged', acknowledgedAt: at, acknowledgedBy: actor.staffId },
        'escalation.acknowledged',
        {},
      );
    case 'resolveEscalation.v1': {
      const { note } = args as Args<'resolveEscalation.v1'>;
      return replaced(
        { ...e, state: 'resolved', resolvedAt: at, resolvedBy: actor.staffId, resolutionNote: note },
        'escalation.resolved',
        { note },
      );
    }
    case 'snoozeEscalation.v1': {
      const { until, reason } = args as Args<'snoozeEscalation.v1'>;
      return replaced(
        { ...e, state: 'snoozed', snoozedUntil: until, snoozeReason: reason },
        'escalation.snoozed',
        { until, reason },
      );
    }
  }
}
