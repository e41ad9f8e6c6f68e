import type Database from 'better-sqlite3';
import type { SyncEscalation } from '../../shared/sync/escalation';
import type { SyncCase } from '../../shared/sync/rules';
import type { Level } from '../../shared/escalation/rules';
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
 * than here, notifies as the engine would have (unless this workstation's rule has no `notify`).
 * Cases without escalations on either side cost one set-based lookup per page.
 */
export class EscalationMaterializer {
  private readonly escalatedHere: Database.Statement<[string], { case_id: string }>;
  private readonly localOf: Database.Statement<
    [string],
    { id: string; rule_id: string; condition: string; level: number }
  >;
  private readonly ruleActions: Database.Statement<[string], { actions: string }>;
  private readonly notify: (id: string, level: Level, now: number) => void;
  private readonly moveNotices: Database.Statement<[string, string]>;
  private readonly dropNotices: Database.Statement<[string]>;
  private readonly remove: Database.Statement<[string]>;
  private readonly upsert: Database.Statement;

  constructor(db: Database.Database) {
    this.escalatedHere = db.prepare(`SELECT DISTINCT case_id FROM escalations WHERE case_id IN (${IN_LIST})`);
    this.localOf = db.prepare('SELECT id, rule_id, condition, level FROM escalations WHERE case_id = ?');
    this.ruleActions = db.prepare('SELECT actions FROM escalation_rules WHERE id = ?');
    this.notify = notifier(db);
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
      if (e.state !== 'resolved' && (levelHere.get(e.id) ?? 0) < e.level && this.notifies(e.ruleId)) {
        this.notify(e.id, e.level, at);
      }
    }
  }

  private notifies(ruleId: string): boolean {
    const rule = this.ruleActions.get(ruleId);
    return !rule || (JSON.parse(rule.actions) as { actions: string[] }).actions.includes('notify');
  }
}
