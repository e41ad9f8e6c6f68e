import type { Evidence } from '../../../shared/escalation/dto';
import type { StoreContext } from '../context';

/** Where quiet mode is kept: the staff member's own preferences, so it follows them. */
const QUIET_KEY = 'notify.quiet';

export interface EscalationNoticeRow {
  id: string;
  caseId: string;
  caseNo: string;
  level: number;
  evidence: Evidence;
}

export interface AssignedRow {
  caseId: string;
  caseNo: string;
  /** Who handed it over: a staff name, or null for the escalation engine. */
  byName: string | null;
}

/**
 * What main needs to decide who gets a desktop notification: the escalation inbox rows of the
 * signed-in user, the assignments to them since a cursor, and their quiet-mode setting.
 */
export function notifyDomain({ db }: StoreContext) {
  const readQuiet = db.prepare<[string, string], { value: string }>(
    'SELECT value FROM staff_preferences WHERE staff_id = ? AND key = ?',
  );
  const writeQuiet = db.prepare<[string, string, string, number]>(
    `INSERT INTO staff_preferences (staff_id, key, value, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (staff_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  const lastEvent = db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM case_events');
  // Walks only the events after the cursor (the rowid), however large the trail.
  const assignedBetween = db.prepare<[number, number, string, string, string], AssignedRow>(
    `SELECT e.case_id AS caseId, c.case_no AS caseNo,
            CASE WHEN e.type = 'case.assigned' THEN coalesce(s.name, e.actor_id) END AS byName
       FROM case_events e JOIN cases c ON c.id = e.case_id LEFT JOIN staff s ON s.id = e.actor_id
      WHERE e.id > ? AND e.id <= ? AND e.actor_id <> ?
        AND ((e.type = 'case.assigned' AND e.data ->> '$.to' = ?)
          OR (e.type = 'escalation.raised' AND e.data ->> '$.assignee.to' = ?))
      ORDER BY e.id`,
  );

  const quiet = (staffId: string): boolean => readQuiet.get(staffId, QUIET_KEY)?.value === 'true';

  return {
    quiet,
    setQuiet(staffId: string, on: boolean, now = Date.now()): boolean {
      writeQuiet.run(staffId, QUIET_KEY, JSON.stringify(on), now);
      return quiet(staffId);
    },

    /** Of these escalations, the ones whose inbox includes `staffId`, at their current level. */
    escalationsFor(staffId: string, ids: readonly string[]): EscalationNoticeRow[] {
      if (ids.length === 0) return [];
      const rows = db
        .prepare<unknown[], Omit<EscalationNoticeRow, 'evidence'> & { evidence: string }>(
          `SELECT e.case_id AS caseId, c.case_no AS caseNo, e.level, e.evidence
             FROM escalation_inbox i JOIN escalations e ON e.id = i.escalation_id JOIN cases c ON c.id = e.case_id
            WHERE i.staff_id = ? AND e.id IN (${ids.map(() => '?').join(', ')}) AND e.state = 'open'
            ORDER BY e.level DESC, e.raised_at`,
        )
        .all(staffId, ...ids);
      return rows.map((r) => ({ ...r, evidence: JSON.parse(r.evidence) as Evidence }));
    },

    /**
     * Cases someone else (a lead, the engine, another workstation through sync) assigned to
     * `staffId` after the audit event `after`; with no cursor yet, none: only what happens from now on.
     */
    assignedSince(staffId: string, after: number | null): { cursor: number; rows: AssignedRow[] } {
      const cursor = lastEvent.get()?.id ?? 0;
      if (after === null) return { cursor, rows: [] };
      return { cursor, rows: assignedBetween.all(after, cursor, staffId, staffId, staffId) };
    },
  };
}
