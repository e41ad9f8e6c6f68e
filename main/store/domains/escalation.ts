import {
  DEFAULT_RULES,
  RULE_REFINEMENT_KEYS,
  ruleSchema,
  type EscalationRule,
  type Level,
} from '../../../shared/escalation/rules';
import { issueTexts } from '../../../shared/validation/issues';
import type {
  EscalationList,
  EscalationRow,
  EvaluationResult,
  RuleRow,
} from '../../../shared/escalation/dto';
import { RpcFailure } from '../../../shared/rpc/errors';
import { calendarDays, deadlineBoard, type BoardFilter } from '../../escalation/board';
import { evaluate, type PassResult } from '../../escalation/engine';
import { AuditLog, appendDeskEvent, type Actor } from '../audit';
import type { StoreContext } from '../context';
import { Outbox } from '../outbox';

interface RuleDb {
  id: string;
  level: number;
  enabled: number;
  params: string;
  actions: string;
  updatedAt: number;
  updatedBy: string;
}

const toRule = (r: RuleDb): RuleRow => {
  const extra = JSON.parse(r.actions) as {
    actions: EscalationRule['actions'];
    reassignTo: string | null;
    climbAfterMinutes: number;
  };
  return {
    id: r.id,
    level: r.level as Level,
    enabled: r.enabled === 1,
    params: JSON.parse(r.params) as EscalationRule['params'],
    actions: extra.actions,
    reassignTo: extra.reassignTo,
    climbAfterMinutes: extra.climbAfterMinutes,
    updatedAt: r.updatedAt,
    updatedBy: r.updatedBy,
  };
};

/** Escalation rules (as data), the engine's passes and the lead's actions on raised escalations. */
export function escalationDomain(ctx: StoreContext) {
  const { db } = ctx;
  const audit = new AuditLog(db);
  const outbox = new Outbox(db);
  const upsertRule = db.prepare(
    `INSERT INTO escalation_rules (id, kind, level, enabled, params, actions, updated_at, updated_by)
     VALUES (@id, @kind, @level, @enabled, @params, @actions, @updatedAt, @updatedBy)
     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, level = excluded.level, enabled = excluded.enabled,
       params = excluded.params, actions = excluded.actions, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  );
  const writeRule = (rule: EscalationRule, by: string, now: number) =>
    upsertRule.run({
      id: rule.id,
      kind: rule.params.kind,
      level: rule.level,
      enabled: rule.enabled ? 1 : 0,
      params: JSON.stringify(rule.params),
      // `actions` keeps the rule's whole behaviour: the action list and its settings.
      actions: JSON.stringify({
        actions: rule.actions,
        reassignTo: rule.reassignTo,
        climbAfterMinutes: rule.climbAfterMinutes,
      }),
      updatedAt: now,
      updatedBy: by,
    });

  const rules = (): RuleRow[] => {
    const rows = db
      .prepare<[], RuleDb>(
        'SELECT id, level, enabled, params, actions, updated_at AS updatedAt, updated_by AS updatedBy FROM escalation_rules ORDER BY id',
      )
      .all();
    if (rows.length > 0) return rows.map(toRule);
    // A new store gets the shipped rule set once; from then on the rows are the administrator's.
    const now = Date.now();
    db.transaction(() => DEFAULT_RULES.forEach((r) => writeRule(r, 'system', now)))();
    return rules();
  };

  const pass = (now: number, caseId: string | null): PassResult & EvaluationResult => {
    const started = performance.now();
    const active = rules();
    const result = db.transaction(() => evaluate(db, active, now, ctx.calendar.get(), caseId))();
    const caseIds = [...new Set([...result.raised, ...result.climbed].map((r) => r.caseId))];
    if (caseIds.length > 0)
      ctx.changed({ tables: ['escalations', 'cases', 'case_events'], caseIds: caseIds.slice(0, 1000) });
    return {
      ...result,
      raised: result.raised,
      climbed: result.climbed,
      ms: performance.now() - started,
    } as PassResult & EvaluationResult;
  };

  const getOne = db.prepare<[string], { caseId: string; state: string; level: Level; status: string }>(
    'SELECT e.case_id AS caseId, e.state, e.level, c.status FROM escalations e JOIN cases c ON c.id = e.case_id WHERE e.id = ?',
  );
  /** A lead's action, queued for team sync as `intent` with the level the lead saw (shared/sync/escalation.ts). */
  const act = (
    id: string,
    actor: Actor,
    type: string,
    intent: 'acknowledgeEscalation.v1' | 'resolveEscalation.v1' | 'snoozeEscalation.v1',
    sql: string,
    args: unknown[],
    data: Record<string, unknown>,
  ) => {
    const now = Date.now();
    db.transaction(() => {
      const e = getOne.get(id);
      if (!e) throw new RpcFailure('NOT_FOUND', 'escalation.notFound');
      if (e.state === 'resolved') throw new RpcFailure('CONFLICT', 'escalation.alreadyResolved');
      db.prepare(sql).run(...args.map((a) => (a === NOW ? now : a)), id);
      audit.append(
        { caseId: e.caseId, type, at: now, status: e.status as never, data: { escalationId: id, ...data } },
        actor,
      );
      outbox.append(
        intent,
        { caseId: e.caseId, escalationId: id, expectedLevel: e.level, ...data },
        e.caseId,
        actor,
        now,
      );
      ctx.changed({ tables: ['escalations'], caseIds: [e.caseId] });
    })();
  };
  const NOW = Symbol('now');

  return {
    rules,
    board: (filter: BoardFilter, now: number = Date.now()) => deadlineBoard(db, filter, now),
    calendar: (weeks: number, now: number = Date.now()) => calendarDays(ctx.calendar.get(), now, weeks),
    /** An administrator's edit, refused field by field; recorded as an intent with its author. */
    saveRule(input: unknown, actor: Actor, now: number = Date.now()): RuleRow {
      const parsed = ruleSchema.safeParse(input);
      if (!parsed.success) {
        const issues = issueTexts(parsed.error.issues, RULE_REFINEMENT_KEYS);
        throw new RpcFailure(
          'VALIDATION_FAILED',
          'escalation.rule.invalid',
          { count: issues.length },
          issues,
        );
      }
      db.transaction(() => {
        writeRule(parsed.data, actor.staffId, now);
        appendDeskEvent(db, { type: 'escalationRuleSaved', at: now, data: parsed.data }, actor);
        outbox.append('saveEscalationRule.v1', parsed.data, null, actor, now);
      })();
      ctx.changed({ tables: ['escalation_rules'] });
      return rules().find((r) => r.id === parsed.data.id)!;
    },
    /** One pass over all open cases (the timer) or one case (on a change); `now` is injectable for tests. */
    evaluateAll: (now: number = Date.now()) => pass(now, null),
    evaluateCase: (caseId: string, now: number = Date.now()) => pass(now, caseId),

    list(filter: {
      states: string[];
      ruleId?: string | null;
      level?: number | null;
      limit: number;
    }): EscalationList {
      const where = [`e.state IN (${filter.states.map(() => '?').join(', ')})`];
      const args: unknown[] = [...filter.states];
      if (filter.ruleId) {
        where.push('e.rule_id = ?');
        args.push(filter.ruleId);
      }
      if (filter.level) {
        where.push('e.level = ?');
        args.push(filter.level);
      }
      const rows = db
        .prepare<unknown[], Omit<EscalationRow, 'evidence'> & { evidence: string }>(
          `SELECT e.id, e.rule_id AS ruleId, r.kind, e.case_id AS caseId, c.case_no AS caseNo, c.assignee_id AS assigneeId,
             e.level, e.state, e.evidence, e.raised_at AS raisedAt, e.acknowledged_at AS acknowledgedAt,
             e.acknowledged_by AS acknowledgedBy, e.resolved_at AS resolvedAt, e.resolution_note AS resolutionNote,
             e.snoozed_until AS snoozedUntil, e.snooze_reason AS snoozeReason
           FROM escalations e JOIN cases c ON c.id = e.case_id LEFT JOIN escalation_rules r ON r.id = e.rule_id
           WHERE ${where.join(' AND ')} ORDER BY e.level DESC, e.raised_at ASC LIMIT ?`,
        )
        .all(...args, filter.limit);
      const counts = db
        .prepare<[], { level: Level; n: number }>(
          `SELECT level, COUNT(*) AS n FROM escalations WHERE state IN ('open', 'acknowledged', 'snoozed') GROUP BY level`,
        )
        .all();
      const byLevel: Record<Level, number> = { 1: 0, 2: 0, 3: 0 };
      for (const c of counts) byLevel[c.level] = c.n;
      return {
        rows: rows.map((r) => ({ ...r, evidence: JSON.parse(r.evidence) as EscalationRow['evidence'] })),
        byLevel,
      };
    },
    acknowledge(id: string, actor: Actor): void {
      act(
        id,
        actor,
        'escalation.acknowledged',
        'acknowledgeEscalation.v1',
        `UPDATE escalations SET state = 'acknowledged', acknowledged_at = ?, acknowledged_by = ? WHERE id = ?`,
        [NOW, actor.staffId],
        {},
      );
    },
    resolve(id: string, note: string, actor: Actor): void {
      act(
        id,
        actor,
        'escalation.resolved',
        'resolveEscalation.v1',
        `UPDATE escalations SET state = 'resolved', resolved_at = ?, resolved_by = ?, resolution_note = ? WHERE id = ?`,
        [NOW, actor.staffId, note],
        { note },
      );
    },
    snooze(id: string, until: number, reason: string, actor: Actor): void {
      act(
        id,
        actor,
        'escalation.snoozed',
        'snoozeEscalation.v1',
        `UPDATE escalations SET state = 'snoozed', snoozed_until = ?, snooze_reason = ? WHERE id = ?`,
        [until, reason],
        { until, reason },
      );
    },
    inbox(staffId: string, limit: number) {
      return db
        .prepare<[string, number], { escalationId: string; createdAt: number; readAt: number | null }>(
          `SELECT escalation_id AS escalationId, created_at AS createdAt, read_at AS readAt FROM escalation_inbox
           WHERE staff_id = ? ORDER BY created_at DESC LIMIT ?`,
        )
        .all(staffId, limit);
    },
  };
}
