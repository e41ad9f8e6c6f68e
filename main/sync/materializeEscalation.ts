import type Database from 'better-sqlite3';
import type { SyncEscalation } from '../../shared/sync/escalation';
import type { SyncCase } from '../../shared/sync/rules';
import { DEFAULT_RULES, type Level } from '../../shared/escalation/rules';
import { notifier } from '../escalation/engine';

/** A page's ids as one JSON parameter. */
const IN_LIST = 'SELECT value FROM json_each(?)';

/**
 * The escalations of the server's copy of cases, written into the workstation's `escalations`
 * (called by CaseMaterializer inside the page transaction, after the cases' rows, for cases with
 * no intent pending here). The server's list is the case's: each escalation at the server's id
 * and state, and any other local row goes, such as this engine's own raise of a case another
 * workstation escalated first (the server answered it with noop); its notices move to the
 * server's escalation of the same rule and condition. An escalation new here, or at a higher level
 * than here, notifies and raises the case's priority as the engine would have, by this
 * workstation's rule (its `notify` and `raise_priority` actions; the engine's `reassign` is a
 * change of the case, not synced with the escalation).
 * Cases without escalations on either side cost one set-based lookup per page.
 */
export class EscalationMaterializer {
  private readonly escalatedHere: Database.Statement<[string], { case_id: string }>;
  private readonly localOf: Database.Statement<
    [string],
    { id: string; rule_id: string; condition: string; level: number }
  >;
  private readonly ruleRow: Database.Statement<[string], { level: number; actions: string }>;
  private readonly notify: (id: string, level: Level, now: number) => void;
  private readonly raisePriority: Database.Statement<[number, string, number]>;
  private readonly moveNotices: Database.Statement<[string, string]>;
  private readonly dropNotices: Database.Statement<[string]>;
  private readonly remove: Database.Statement<[string]>;
  private readonly upsert: Database.Statement;

  constructor(db: Database.Database) {
    this.escalatedHere = db.prepare(`SELECT DISTINCT case_id FROM escalations WHERE case_id IN (${IN_LIST})`);
    this.localOf = db.prepare('SELECT id, rule_id, condition, level FROM escalations WHERE case_id = ?');
    this.ruleRow = db.prepare('SELECT level, actions FROM escalation_rules WHERE id = ?');
    this.notify = notifier(db);
    this.raisePriority = db.prepare('UPDATE cases SET priority = ? WHERE id = ? AND priority < ?');
    this.moveNotices = db.prepare(
      'UPDATE OR IGNORE escalation_inbox SET escalation_id = ? WHERE escalation_id = ?',
    );
    this.dropNotices = db.prepare('DELETE FROM escalation_inbox WHERE escalation_id = ?');
    this.remove = db.prepare('DELETE FROM escalations WHERE id = ?');
    this.upsert = db.prepare(
      `INSERT INTO escalations (id, rule_id, case_id, condition, level, state, evidence, raised_at, acknowledged_at,
         acknowledged_by, resolved_at, resolved_by, resolution_note, snoozed_until, snooze_reason)
       VALUES (@id, @ruleId, @caseId, @condition, @level, @state, @evidence, @raisedAt, @acknowledgedAt,
         @acknowledgedBy, @resolvedAt, @resolvedBy, @resolutionNote, @snoozedUntil, @snoozeReason)
       ON CONFLICT (id) DO UPDATE SET level = excluded.level, state = excluded.state, raised_at = excluded.raised_at,
         acknowledged_at = excluded.acknowledged_at, acknowledged_by = excluded.acknowledged_by,
         resolved_at = excluded.resolved_at, resolved_by = excluded.resolved_by,
         resolution_note = excluded.resolution_note, snoozed_until = excluded.snoozed_until,
         snooze_reason = excluded.snooze_reason`,
    );
  }

  /** `known`: the cases that were here before this page (only they can hold local escalations). */
  apply(cases: readonly SyncCase[], known: { has(caseId: string): boolean }): void {
    const without: string[] = [];
    for (const c of cases) {
      const list = c.escalations ?? [];
      if (list.length > 0) this.write(c.id, list, known.has(c.id), c.updatedAt);
      else if (known.has(c.id)) without.push(c.id);
    }
    if (without.length === 0) return;
    for (const { case_id } of this.escalatedHere.all(JSON.stringify(without)))
      this.write(case_id, [], true, 0);
  }

  private write(caseId: string, list: readonly SyncEscalation[], known: boolean, at: number): void {
    /** The level each server escalation had here (its own row or the duplicate it replaces). */
    const levelHere = new Map<string, number>();
    if (known) {
      const kept = new Set(list.map((e) => e.id));
      for (const row of this.localOf.all(caseId)) {
        if (kept.has(row.id)) {
          levelHere.set(row.id, row.level);
          continue;
        }
        const same = list.find((e) => e.ruleId === row.rule_id && e.condition === row.condition);
        if (same) {
          this.moveNotices.run(same.id, row.id);
          levelHere.set(same.id, row.level);
        }
        this.dropNotices.run(row.id);
        this.remove.run(row.id);
      }
    }
    for (const e of list) {
      this.upsert.run({ ...e, caseId, evidence: JSON.stringify(e.evidence) });
      if (e.state === 'resolved' || (levelHere.get(e.id) ?? 0) >= e.level) continue;
      const rule = this.ruleOf(e.ruleId);
      // As the engine: the priority goes to the rule's level when raised, the notice to each level.
      if (!levelHere.has(e.id) && rule.actions.includes('raise_priority')) {
        this.raisePriority.run(rule.level, caseId, rule.level);
      }
      if (rule.actions.includes('notify')) this.notify(e.id, e.level, at);
    }
  }

  /** This workstation's rule, else the shipped one (a store whose engine never ran has no rules yet). */
  private ruleOf(ruleId: string): { level: number; actions: readonly string[] } {
    const row = this.ruleRow.get(ruleId);
    if (row) return { level: row.level, actions: (JSON.parse(row.actions) as { actions: string[] }).actions };
    return DEFAULT_RULES.find((r) => r.id === ruleId) ?? { level: 0, actions: ['notify'] };
  }
}
