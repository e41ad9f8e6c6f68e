import type Database from 'better-sqlite3';
import type { WorkingCalendar } from '../../shared/calendar';
import type { EscalationRule, Level } from '../../shared/escalation/rules';
import type { CaseStatus } from '../../shared/domain/status';
import { AuditLog, type Actor } from '../store/audit';
import { Outbox } from '../store/outbox';
import { candidateQuery } from './candidates';
import { usePeriodShareFunction } from './period-share';

/** The engine acts as this actor in the audit trail. */
export const ENGINE_ACTOR: Actor = { staffId: 'system', workstation: 'escalation-engine' };

export interface Raised {
  id: string;
  ruleId: string;
  caseId: string;
  level: Level;
}

export interface PassResult {
  raised: Raised[];
  climbed: Raised[];
}

/**
 * One evaluation pass: every enabled rule over all open cases (caseId null) or over one case.
 * Runs in the caller's transaction. New escalations are inserted set-based (INSERT OR IGNORE on
 * the unique condition); only the newly raised rows are then walked to audit, queue for team sync
 * (`escalateCase.v1`) and act on them. A case the sync server already sent (it has a copy in
 * `sync_case_base`) is escalated once for the team, as the server decides: no new escalation while
 * one not resolved is at the rule's level or above, since the server would answer it with noop.
 */
export function evaluate(
  db: Database.Database,
  rules: readonly EscalationRule[],
  now: number,
  calendar: WorkingCalendar,
  caseId: string | null,
): PassResult {
  usePeriodShareFunction(db, calendar);
  const audit = new AuditLog(db);
  const outbox = new Outbox(db);
  const caseRow = db.prepare<[string], { status: CaseStatus; assigneeId: string | null; priority: number }>(
    'SELECT status, assignee_id AS assigneeId, priority FROM cases WHERE id = ?',
  );
  const setPriority = db.prepare('UPDATE cases SET priority = ?, updated_at = ? WHERE id = ?');
  const setAssignee = db.prepare('UPDATE cases SET assignee_id = ?, updated_at = ? WHERE id = ?');
  const notify = notifier(db);
  const raised: Raised[] = [];
  const climbed: Raised[] = [];

  // Snoozes that ran out are open again; escalations of closed cases are done with.
  db.prepare(`UPDATE escalations SET state = 'open' WHERE state = 'snoozed' AND snoozed_until <= ?`).run(now);
  db.prepare(
    `UPDATE escalations SET state = 'resolved', resolved_at = ?, resolved_by = 'system', resolution_note = 'case closed'
     WHERE state IN ('open', 'acknowledged', 'snoozed') AND case_id IN (SELECT id FROM cases WHERE is_open = 0)`,
  ).run(now);

  for (const rule of rules) {
    if (!rule.enabled) continue;
    const q = candidateQuery(rule.params, now, calendar, caseId);
    const rows = db
      .prepare<unknown[], { id: string; caseId: string; condition: string; evidence: string }>(
        `INSERT OR IGNORE INTO escalations (id, rule_id, case_id, condition, level, state, evidence, raised_at)
         SELECT lower(hex(randomblob(16))), ?, q.case_id, q.condition, ?, 'open', q.evidence, ? FROM (${q.sql}) q
         WHERE NOT EXISTS (SELECT 1 FROM escalations x WHERE x.case_id = q.case_id AND x.state <> 'resolved'
           AND x.level >= ? AND x.case_id IN (SELECT case_id FROM sync_case_base))
         RETURNING id, case_id AS caseId, condition, evidence`,
      )
      .all(rule.id, rule.level, now, ...q.params, rule.level);
    for (const row of rows) {
      const evidence = JSON.parse(row.evidence) as unknown;
      const c = caseRow.get(row.caseId)!;
      const changes: Record<string, unknown> = {};
      if (rule.actions.includes('raise_priority') && c.priority < rule.level) {
        setPriority.run(rule.level, now, row.caseId);
        changes.priority = { from: c.priority, to: rule.level };
      }
      if (rule.actions.includes('reassign') && rule.reassignTo && c.assigneeId !== rule.reassignTo) {
        setAssignee.run(rule.reassignTo, now, row.caseId);
        changes.assignee = { from: c.assigneeId, to: rule.reassignTo };
      }
      audit.append(
        {
          caseId: row.caseId,
          type: 'escalation.raised',
          at: now,
          status: c.status,
          data: {
            escalationId: row.id,
            rule: rule.id,
            level: rule.level,
            evidence,
            ...changes,
          },
        },
        ENGINE_ACTOR,
      );
      outbox.append(
        'escalateCase.v1',
        {
          caseId: row.caseId,
          escalationId: row.id,
          ruleId: rule.id,
          condition: row.condition,
          toLevel: rule.level,
          expectedLevel: 0,
          evidence,
        },
        row.caseId,
        ENGINE_ACTOR,
        now,
      );
      if (rule.actions.includes('notify')) notify(row.id, rule.level, now);
      raised.push({ id: row.id, ruleId: rule.id, caseId: row.caseId, level: rule.level });
    }
    if (rule.climbAfterMinutes > 0) climbed.push(...climb(db, audit, outbox, rule, now, caseId, notify));
  }
  return { raised, climbed };
}

/**
 * Unacknowledged escalations climb one level per `climbAfterMinutes` since they were raised, up to L3.
 * Each climb is queued for team sync from the level it left (`escalateCase.v1`'s `expectedLevel`).
 */
function climb(
  db: Database.Database,
  audit: AuditLog,
  outbox: Outbox,
  rule: EscalationRule,
  now: number,
  caseId: string | null,
  notify: (id: string, level: Level, now: number) => void,
): Raised[] {
  const target = `min(3, ? + CAST((? - raised_at) / ? AS INTEGER))`;
  const every = rule.climbAfterMinutes * 60_000;
  const rows = db
    .prepare<
      unknown[],
      {
        id: string;
        caseId: string;
        from: Level;
        level: Level;
        condition: string;
        evidence: string;
        status: CaseStatus;
      }
    >(
      `SELECT id, case_id AS caseId, level AS "from", ${target} AS level, condition, evidence,
         (SELECT status FROM cases WHERE id = case_id) AS status
       FROM escalations WHERE rule_id = ? AND state = 'open' AND level < ${target}${caseId ? ' AND case_id = ?' : ''}`,
    )
    .all(rule.level, now, every, rule.id, rule.level, now, every, ...(caseId ? [caseId] : []));
  const setLevel = db.prepare('UPDATE escalations SET level = ? WHERE id = ?');
  for (const r of rows) {
    setLevel.run(r.level, r.id);
    audit.append(
      {
        caseId: r.caseId,
        type: 'escalation.climbed',
        at: now,
        status: r.status,
        data: { escalationId: r.id, level: r.level },
      },
      ENGINE_ACTOR,
    );
    outbox.append(
      'escalateCase.v1',
      {
        caseId: r.caseId,
        escalationId: r.id,
        ruleId: rule.id,
        condition: r.condition,
        toLevel: r.level,
        expectedLevel: r.from,
        evidence: JSON.parse(r.evidence) as unknown,
      },
      r.caseId,
      ENGINE_ACTOR,
      now,
    );
    if (rule.actions.includes('notify')) notify(r.id, r.level, now);
  }
  return rows.map((r) => ({ id: r.id, ruleId: rule.id, caseId: r.caseId, level: r.level }));
}

/**
 * The in-app inbox: L1 the case's handler, L2 the team leads of the handler's team (every team
 * lead when the case has no handler or the handler no team), L3 the head of centre (admin role).
 * Also for escalations another workstation raised or climbed (main/sync/materializeEscalation.ts).
 */
export function notifier(db: Database.Database) {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO escalation_inbox (escalation_id, staff_id, created_at)
     SELECT e.id, s.id, ? FROM escalations e JOIN cases c ON c.id = e.case_id
       LEFT JOIN staff h ON h.id = c.assignee_id
       JOIN staff s ON s.active = 1 AND CASE ?
         WHEN 1 THEN s.id = c.assignee_id
         WHEN 2 THEN s.roles LIKE '%"team_lead"%' AND (h.team IS NULL OR s.team IS h.team)
         ELSE s.roles LIKE '%"admin"%' END
     WHERE e.id = ?`,
  );
  return (id: string, level: Level, now: number) => void insert.run(now, level, id);
}
