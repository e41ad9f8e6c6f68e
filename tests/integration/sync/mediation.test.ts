import { beforeEach, describe, expect, it } from 'vitest';
import { createStaff } from '../../../server/app';
import { MediationRecords } from '../../../main/store/mediationRecords';
import { EMPTY_RECORD } from '../../../shared/sync/mediation';
import type { Role } from '../../../shared/domain/roles';
import type { TransitionName } from '../../../shared/lifecycle';
import type { MediationView } from '../../../shared/mediation/dto';
import { twoWorkstations } from '../../sync/pair';
import { InjectTransport, Workstation } from '../../sync/workstation';
import { VALID_DATA } from '../../unit/lifecycle/fixtures';

/**
 * Mediation over team sync: li registers and carries the case to the carrier's reply, the
 * mediator (u-med) mediates it on her workstation, the team lead (u-zhao) sees and keeps the
 * same record on his. Real store commands, real engine, real server on PGlite.
 */
const pair = twoWorkstations('desk-sync-mediation-');
let li: Workstation;
let med: Workstation;
let lead: Workstation;
const MED: Role[] = ['mediator'];
const LEAD: Role[] = ['team_lead'];
const MINUTE = 60_000;

beforeEach(async () => {
  li = pair.a;
  await createStaff(
    pair.handle.db,
    { id: 'u-med', username: 'med', name: '孙调解', roles: ['mediator'], password: 'med-password' },
    Date.UTC(2026, 0, 1),
  );
  const at = (ws: string, userId: string, user: string) =>
    new Workstation(
      pair.dir.path,
      ws,
      userId,
      new InjectTransport(pair.app, user, `${user}-password`, ws),
      pair.clock,
    );
  med = at('ws-m', 'u-med', 'med');
  lead = at('ws-z', 'u-zhao', 'zhao');
  // Colleagues' names arrive with GET /staff (sync.upsertStaff); here written directly.
  for (const ws of [med, lead]) {
    ws.store.db
      .prepare(
        `INSERT INTO staff (id, name, roles, team, created_at) VALUES (?, ?, '[]', NULL, 0)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name`,
      )
      .run('u-med', '孙调解');
  }
  return () => {
    med.close();
    lead.close();
  };
});

const step = (ws: Workstation, caseId: string, transition: TransitionName, roles: Role[]) => {
  ws.store.domains.cases.transition(
    { caseId, transition, data: VALID_DATA[transition] },
    ws.actor,
    roles,
    pair.clock.now(),
  );
  pair.clock.advance(MINUTE);
};
const mediation = (ws: Workstation) => ws.store.domains.mediation;
const view = (ws: Workstation, caseId: string, roles: Role[]) => mediation(ws).view(caseId, ws.actor, roles);
const record = (ws: Workstation, caseId: string) => new MediationRecords(ws.store.db).read(caseId);
/** What the record shows, without who may do what (that depends on the viewer). */
const content = ({ mayEdit: _e, mayExport: _x, ...v }: MediationView) => v;
const mediationEvents = (ws: Workstation, caseId: string) =>
  (
    ws.store.db
      .prepare(
        `SELECT type, data FROM case_events WHERE case_id = ? AND type LIKE 'mediation.%' ORDER BY seq`,
      )
      .all(caseId) as { type: string; data: string }[]
  ).map((e) => {
    const { remote: _remote, ...data } = JSON.parse(e.data) as Record<string, unknown>;
    return { type: e.type, data };
  });
const feedbackDeadline = (ws: Workstation, caseId: string) =>
  ws.store.db
    .prepare(
      `SELECT started_at AS startedAt, due_at AS dueAt, state FROM case_deadlines
        WHERE case_id = ? AND limit_name = 'mediation_feedback'`,
    )
    .get(caseId);
/** One sync round as the app runs it: the worker's round, then main refreshes the synced cases' deadlines. */
const sync = async (ws: Workstation) => {
  const effects = await ws.engine.syncOnce();
  ws.store.domains.sync.refreshSyncedDeadlines(effects.caseIds, pair.clock.now());
  return effects;
};

/** A case in mediation held by the mediator, known to all three workstations. */
async function mediatedCase(): Promise<string> {
  const id = li.register();
  for (const t of ['accept', 'transfer', 'record_carrier_reply'] as const) step(li, id, t, ['handler']);
  await sync(li);
  await sync(med);
  med.store.domains.casework.claim(id, med.actor, pair.clock.now());
  step(med, id, 'start_mediation', MED);
  await sync(med);
  await sync(lead);
  expect(lead.row(id)).toMatchObject({ status: 'mediating', assignee_id: 'u-med' });
  return id;
}

describe('the mediation record over team sync', () => {
  it("the mediator's record reaches the lead's workstation whole: content, ids, version, history and the opinion's deadline", async () => {
    const id = await mediatedCase();
    const now = () => pair.clock.now();
    let version = 0;
    const next = () => version++;
    mediation(med).setRepresentative(
      { caseId: id, expectedVersion: next(), side: 'carrier', name: '周经理', phone: '13800001111' },
      med.actor,
      MED,
      now(),
    );
    mediation(med).setRepresentative(
      { caseId: id, expectedVersion: next(), side: 'appellant', name: '王大明' },
      med.actor,
      MED,
      now(),
    );
    mediation(med).revise(
      { caseId: id, expectedVersion: next(), facts: '快件丢失。', carrierPosition: '同意部分赔付' },
      med.actor,
      MED,
      now(),
    );
    mediation(med).addSession(
      {
        caseId: id,
        expectedVersion: next(),
        heldAt: now() - 30 * MINUTE,
        mode: 'phone',
        attendees: ['appellant', 'mediator'],
        notes: '首次电话调解',
      },
      med.actor,
      MED,
      now(),
    );
    mediation(med).addProposal(
      { caseId: id, expectedVersion: next(), by: 'carrier', terms: '赔付200元', amountYuan: 200 },
      med.actor,
      MED,
      now(),
    );
    mediation(med).addProposal(
      { caseId: id, expectedVersion: next(), by: 'appellant', terms: '要求书面道歉' },
      med.actor,
      MED,
      now(),
    );
    mediation(med).issueOpinion(
      { caseId: id, expectedVersion: next(), opinion: '企业赔付250.5元' },
      med.actor,
      MED,
      now(),
    );
    const issuedAt = now();
    mediation(med).recordAgreement(
      { caseId: id, expectedVersion: next(), terms: '企业于5日内赔付', amountYuan: 250.5 },
      med.actor,
      MED,
      now(),
    );
    const mine = view(med, id, MED);
    expect(mine.version).toBe(8);
    const localDeadline = feedbackDeadline(med, id);
    // Issued Friday 2026-11-20 10:00 in Shanghai: three working days end with Wednesday 11-25.
    expect(localDeadline).toEqual({
      startedAt: issuedAt,
      dueAt: Date.parse('2026-11-26T00:00:00+08:00'),
      state: 'running',
    });

    await sync(med);
    expect(med.outbox().every((m) => m.state === 'acked')).toBe(true);
    expect(med.conflicts()).toEqual([]);
    await sync(lead);

    const theirs = view(lead, id, LEAD);
    expect(content(theirs)).toEqual(content(view(med, id, MED)));
    expect(content(theirs)).toMatchObject({
      version: 8,
      facts: '快件丢失。',
      positions: { appellant: '', carrier: '同意部分赔付' },
      representatives: {
        appellant: { name: '王**', phone: null },
        carrier: { name: '周**', phone: '138****1111' },
      },
      opinion: { text: '企业赔付250.5元', issuedAt, issuedByName: '孙调解' },
      agreement: { terms: '企业于5日内赔付', amountFen: 25050 },
      outcome: null,
    });
    // The same sessions and proposals, under the ids the mediator's workstation gave them.
    expect(theirs.sessions.map((s) => s.id)).toEqual(mine.sessions.map((s) => s.id));
    expect(theirs.proposals.map((p) => [p.id, p.by, p.amountFen])).toEqual(
      mine.proposals.map((p) => [p.id, p.by, p.amountFen]),
    );
    expect(theirs.mayEdit).toBe(true);
    // The whole record, personal data included, is the same in both stores.
    expect(record(lead, id)).toEqual(record(med, id));
    expect(record(lead, id)?.representatives.carrier).toEqual({ name: '周经理', phone: '13800001111' });
    // The lead's audit chain holds the mediator's events with the same types and data.
    expect(mediationEvents(lead, id)).toEqual(mediationEvents(med, id));
    expect(mediationEvents(lead, id)).toHaveLength(8);
    expect(JSON.stringify(mediationEvents(lead, id))).not.toContain('周经理');
    // The opinion issued elsewhere starts the same 3 working days here.
    expect(feedbackDeadline(lead, id)).toEqual(localDeadline);

    // The lead records the outcome; the mediator sees the record closed.
    pair.clock.advance(MINUTE);
    mediation(lead).recordOutcome(
      { caseId: id, expectedVersion: 8, outcome: 'agreed', note: '双方签字' },
      lead.actor,
      LEAD,
      now(),
    );
    await sync(lead);
    await sync(med);
    expect(view(med, id, MED)).toMatchObject({
      version: 9,
      mayEdit: false,
      outcome: { outcome: 'agreed', note: '双方签字' },
    });
    expect(record(med, id)).toEqual(record(lead, id));
  });

  it('two changes from the same version offline: the first to arrive wins, the other is one MEDIATION_STALE conflict and its change disappears', async () => {
    const id = await mediatedCase();
    mediation(med).revise(
      { caseId: id, expectedVersion: 0, facts: '初步事实' },
      med.actor,
      MED,
      pair.clock.now(),
    );
    await sync(med);
    await sync(lead);
    expect(view(lead, id, LEAD).version).toBe(1);

    med.transport.partitioned = true;
    lead.transport.partitioned = true;
    mediation(med).revise(
      { caseId: id, expectedVersion: 1, facts: '调解员的版本' },
      med.actor,
      MED,
      pair.clock.now(),
    );
    mediation(lead).addSession(
      {
        caseId: id,
        expectedVersion: 1,
        heldAt: pair.clock.now(),
        mode: 'in_person',
        attendees: ['mediator'],
        notes: '组长的记录',
      },
      lead.actor,
      LEAD,
      pair.clock.now(),
    );
    expect(view(lead, id, LEAD)).toMatchObject({
      version: 2,
      facts: '初步事实',
      sessions: [{ notes: '组长的记录' }],
    });
    med.transport.partitioned = false;
    lead.transport.partitioned = false;

    await sync(med);
    const effects = await sync(lead);
    expect(effects.conflictsAdded).toBe(1);
    expect(med.conflicts()).toEqual([]);
    const conflicts = lead.store.db
      .prepare('SELECT case_id, name, code, server_state FROM sync_conflicts')
      .all() as { case_id: string; name: string; code: string; server_state: string }[];
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ case_id: id, name: 'reviseMediation.v1', code: 'MEDIATION_STALE' });
    expect(JSON.parse(conflicts[0]!.server_state)).toMatchObject({
      status: 'mediating',
      mediationVersion: 2,
    });
    // The lead's session is gone; the lead's workstation shows the server's record.
    expect(view(lead, id, LEAD)).toMatchObject({ version: 2, facts: '调解员的版本', sessions: [] });
    expect(record(lead, id)).toEqual(record(med, id));
    const serverRecord = await pair.handle.db.query<{ mediation: { version: number; facts: string } }>(
      'SELECT mediation FROM cases WHERE id = $1',
      [id],
    );
    expect(serverRecord[0]!.mediation).toMatchObject({ version: 2, facts: '调解员的版本', sessions: [] });
  });

  it('a first change refused by the server leaves no record behind where the server has none', async () => {
    const id = await mediatedCase();
    lead.transport.partitioned = true;
    mediation(lead).setRepresentative(
      { caseId: id, expectedVersion: 0, side: 'carrier', name: '周经理', phone: '13800001111' },
      lead.actor,
      LEAD,
      pair.clock.now(),
    );
    expect(record(lead, id)?.version).toBe(1);
    // Meanwhile the mediator hands the case on to the callback: it is no longer in mediation.
    step(med, id, 'start_callback', MED);
    await sync(med);
    lead.transport.partitioned = false;
    await sync(lead);
    expect(lead.conflicts()).toMatchObject([{ code: 'NOT_MEDIATING', case_id: id }]);
    expect(lead.row(id)?.status).toBe('callback');
    expect(record(lead, id)).toBeNull();
    const representatives = lead.store.db
      .prepare(`SELECT count(*) AS n FROM parties WHERE case_id = ? AND kind <> 'appellant'`)
      .get(id) as { n: number };
    expect(representatives.n).toBe(0);
  });

  it('a record kept on a workstation before mediation synced (never sent) stays when the case is pulled again', async () => {
    const id = await mediatedCase();
    const local = { ...EMPTY_RECORD, version: 2, facts: '升级前的记录' };
    new MediationRecords(lead.store.db).write(id, local, pair.clock.now());
    step(med, id, 'start_callback', MED);
    await sync(med);
    await sync(lead);
    expect(lead.row(id)?.status).toBe('callback');
    expect(record(lead, id)).toEqual(local);
  });
});
