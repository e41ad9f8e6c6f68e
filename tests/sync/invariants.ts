import { expect } from 'vitest';
import type { SyncDb } from '../../server/db';
import { MediationRecords } from '../../main/store/mediationRecords';
import type { MediationRecord } from '../../shared/mediation/record';
import type { SyncEscalation } from '../../shared/sync/escalation';
import type { Workstation } from './workstation';

interface EventRow {
  case_id: string;
  type: string;
  actor_user_id: string;
  data: { from?: string; to?: string; to_user?: string } & Record<string, unknown>;
  mutation_id: string | null;
}

/** Safety, checked after every step: what must hold however the network and processes misbehave. */
export async function checkSafety(
  db: SyncDb,
  workstations: readonly Workstation[],
  cursors: Map<string, number>,
): Promise<void> {
  // Exactly one outcome per mutation, and no mutation's effects twice.
  const dupes = await db.query(
    'SELECT mutation_id FROM sync_mutations GROUP BY mutation_id HAVING count(*) > 1',
  );
  expect(dupes).toEqual([]);
  const twice = await db.query(
    'SELECT mutation_id FROM case_events WHERE mutation_id IS NOT NULL GROUP BY mutation_id HAVING count(*) > 1',
  );
  expect(twice).toEqual([]);
  const unrecorded = await db.query(
    `SELECT e.mutation_id FROM case_events e LEFT JOIN sync_mutations m ON m.mutation_id = e.mutation_id
      WHERE m.mutation_id IS NULL OR m.outcome <> 'applied'`,
  );
  expect(unrecorded).toEqual([]);

  // Claims alternate (at most one assignee at any time) and statuses follow legal paths, in server order.
  const events = await db.query<EventRow>(
    'SELECT case_id, type, actor_user_id, data, mutation_id FROM case_events ORDER BY version',
  );
  const assignee = new Map<string, string | null>();
  const status = new Map<string, string>();
  for (const e of events) {
    const holder = assignee.get(e.case_id) ?? null;
    if (e.type === 'transition.register') {
      expect(status.has(e.case_id)).toBe(false);
      status.set(e.case_id, 'registered');
    } else if (e.type === 'claim') {
      expect(holder).toBeNull();
      assignee.set(e.case_id, e.actor_user_id);
    } else if (e.type === 'release') {
      expect(holder).toBe(e.actor_user_id);
      assignee.set(e.case_id, null);
    } else if (e.type.startsWith('transition.')) {
      expect(e.data.from).toBe(status.get(e.case_id));
      status.set(e.case_id, e.data.to!);
    }
  }
  const cases = await db.query<{
    id: string;
    status: string;
    assignee_id: string | null;
    mediation: MediationRecord | null;
    field_versions: Record<string, number>;
    escalations: SyncEscalation[];
  }>('SELECT id, status, assignee_id, mediation, field_versions, escalations FROM cases');
  // A field's version counts its corrections: one applied correction naming it each.
  const corrections = new Map<string, Record<string, number>>();
  for (const e of events) {
    if (e.type !== 'case.fields_edited') continue;
    const counted = corrections.get(e.case_id) ?? {};
    for (const field of e.data.fields as string[]) counted[field] = (counted[field] ?? 0) + 1;
    corrections.set(e.case_id, counted);
  }
  // A mediation record's version counts its changes: one applied mediation event each.
  const mediationChanges = new Map<string, number>();
  for (const e of events) {
    if (e.type.startsWith('mediation.'))
      mediationChanges.set(e.case_id, (mediationChanges.get(e.case_id) ?? 0) + 1);
  }
  for (const c of cases) {
    expect(c.status).toBe(status.get(c.id));
    expect(c.assignee_id).toBe(assignee.get(c.id) ?? null);
    expect(c.mediation?.version ?? 0).toBe(mediationChanges.get(c.id) ?? 0);
    expect(c.field_versions).toEqual(corrections.get(c.id) ?? {});
    // Engines on several workstations escalate a case once: one escalation per rule and condition.
    const conditions = c.escalations.map((e) => `${e.ruleId}|${e.condition}`);
    expect(new Set(conditions).size).toBe(conditions.length);
  }

  // Cursors never go back; local outcomes agree with the server's.
  const outcomes = new Map(
    (
      await db.query<{ mutation_id: string; outcome: string }>(
        'SELECT mutation_id, outcome FROM sync_mutations',
      )
    ).map((m) => [m.mutation_id, m.outcome]),
  );
  for (const ws of workstations) {
    const cursor = ws.engine.cursor;
    expect(cursor).toBeGreaterThanOrEqual(cursors.get(ws.id) ?? 0);
    cursors.set(ws.id, cursor);
    for (const m of ws.outbox()) {
      const server = outcomes.get(m.mutation_id);
      if (m.state === 'acked') expect(['applied', 'noop']).toContain(server);
      if (m.state === 'rejected') expect(server).toBe('rejected');
    }
  }
}

/** At the end, once every workstation is healed and synced: convergence and a conflict per rejection. */
export async function checkConverged(db: SyncDb, workstations: readonly Workstation[]): Promise<void> {
  const server = await db.query<{
    id: string;
    case_no: string;
    status: string;
    assignee_id: string | null;
    mediation: MediationRecord | null;
    description: string;
    demand: string;
    field_versions: Record<string, number>;
    escalations: SyncEscalation[];
  }>(
    `SELECT id, case_no, status, assignee_id, mediation, intake->>'description' AS description,
            intake->>'demand' AS demand, field_versions, escalations FROM cases ORDER BY id`,
  );
  const outcomes = await db.query<{ mutation_id: string; outcome: string }>(
    'SELECT mutation_id, outcome FROM sync_mutations',
  );
  const byId = new Map(outcomes.map((o) => [o.mutation_id, o.outcome]));
  for (const ws of workstations) {
    expect(ws.outbox().filter((m) => m.state === 'pending')).toEqual([]);
    expect(ws.caseIds()).toEqual(server.map((c) => c.id));
    const records = new MediationRecords(ws.store.db);
    for (const c of server) {
      expect(ws.row(c.id)).toEqual({ case_no: c.case_no, status: c.status, assignee_id: c.assignee_id });
      expect(records.read(c.id)).toEqual(c.mediation);
      const details = ws.store.domains.cases.get(c.id, ['handler'])!;
      expect({
        description: details.description,
        demand: details.demand,
        versions: details.fieldVersions,
      }).toEqual({
        description: c.description,
        demand: c.demand,
        versions: c.field_versions,
      });
      const local = ws.store.db
        .prepare('SELECT id, rule_id AS ruleId, level, state FROM escalations WHERE case_id = ? ORDER BY id')
        .all(c.id);
      const theirs = c.escalations
        .map(({ id, ruleId, level, state }) => ({ id, ruleId, level, state }))
        .sort((x, y) => (x.id < y.id ? -1 : 1));
      expect(local).toEqual(theirs);
    }
    const conflicts = ws.conflicts();
    for (const m of ws.outbox()) {
      expect(byId.has(m.mutation_id)).toBe(true);
      const entries = conflicts.filter((c) => c.mutation_id === m.mutation_id);
      expect(entries).toHaveLength(byId.get(m.mutation_id) === 'rejected' ? 1 : 0);
    }
  }
}
