import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { twoWorkstations, type SyncPair } from '../../sync/pair';
import { InjectTransport, Workstation } from '../../sync/workstation';

const pair = twoWorkstations('desk-sync-ws-');
let dir: SyncPair['dir'];
let handle: SyncPair['handle'];
let app: SyncPair['app'];
let clock: SyncPair['clock'];
let a: SyncPair['a'];
let b: SyncPair['b'];
beforeEach(() => {
  ({ dir, handle, app, clock, a, b } = pair);
});

describe('two workstations', () => {
  it('a case registered and accepted on A appears on B, with its history', async () => {
    const id = a.register();
    a.accept(id);
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    expect(b.row(id)).toEqual(a.row(id));
    expect(b.row(id)?.status).toBe('accepted');
    const history = b.store.db
      .prepare('SELECT type FROM case_events WHERE case_id = ? ORDER BY seq')
      .all(id) as { type: string }[];
    expect(history.map((h) => h.type)).toEqual(['transition.register', 'transition.accept']);
    expect(a.outbox().every((m) => m.state === 'acked')).toBe(true);
    expect(a.engine.status()).toMatchObject({ online: true, pendingCount: 0, openConflicts: 0 });
  });

  it('claimed on both while B is offline: one assignee, and a conflict on B only', async () => {
    const id = a.register();
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    b.transport.partitioned = true;
    a.claim(id);
    b.claim(id);
    await a.engine.syncOnce();
    await expect(b.engine.syncOnce()).rejects.toThrow('network unreachable');
    expect(b.engine.status()).toMatchObject({ online: false, pendingCount: 1 });
    b.transport.partitioned = false;
    await b.engine.syncOnce();
    expect(b.row(id)?.assignee_id).toBe('u-li');
    expect(a.row(id)?.assignee_id).toBe('u-li');
    expect(b.conflicts()).toMatchObject([{ code: 'ALREADY_CLAIMED', case_id: id }]);
    expect(a.conflicts()).toEqual([]);
    expect(b.engine.status()).toMatchObject({ pendingCount: 0, openConflicts: 1 });
  });

  it('numbers cases uniquely across workstations registering on the same day', async () => {
    const fromA = a.register();
    const fromB = b.register();
    expect(a.row(fromA)?.case_no).toBe(b.row(fromB)?.case_no);
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    await a.engine.syncOnce();
    const numbers = [a.row(fromA)!.case_no, a.row(fromB)!.case_no];
    expect(new Set(numbers).size).toBe(2);
    expect(numbers.every((n) => /^SS\d{14}$/.test(n))).toBe(true);
    expect(b.row(fromA)?.case_no).toBe(numbers[0]);
    expect(b.row(fromB)?.case_no).toBe(numbers[1]);
    // The next local number does not reuse one the server gave out.
    const third = a.register('SF1234567890999');
    expect(numbers).not.toContain(a.row(third)!.case_no);
  });

  it('a lost push response costs nothing: the outcome comes with the next pull and nothing is applied twice', async () => {
    const id = a.register();
    a.transport.next = 'dropResponse';
    await expect(a.engine.syncOnce()).rejects.toThrow('response lost');
    a.accept(id);
    await a.engine.syncOnce();
    expect(a.outbox().map((m) => m.state)).toEqual(['acked', 'acked']);
    const applied = await handle.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM sync_mutations`);
    expect(applied[0]!.n).toBe(2);
    const events = await handle.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM case_events`);
    expect(events[0]!.n).toBe(2);
  });
});

describe("the workstation's own intents (escalation engine, work before the first sign-in)", () => {
  const engine = { staffId: 'system', workstation: 'escalation-engine' };
  const localOperator = { staffId: 'local-operator', workstation: 'ws-a' };
  let lead: Workstation;
  beforeEach(() => {
    lead = new Workstation(
      dir.path,
      'ws-z',
      'u-zhao',
      new InjectTransport(app, 'zhao', 'zhao-password', 'ws-z'),
      clock,
    );
  });
  afterEach(() => lead.close());
  const actors = (ws: Workstation) =>
    ws.store.db.prepare('SELECT actor_id AS actor, state FROM sync_outbox ORDER BY seq').all();
  const serverCase = async (id: string) =>
    (
      await handle.db.query<{ assignee_id: string | null }>('SELECT assignee_id FROM cases WHERE id = $1', [
        id,
      ])
    )[0];

  it('a local-operator claim made before sign-in is pushed as the signed-in user, and the queue goes on', async () => {
    const id = a.register();
    a.store.domains.casework.claim(id, localOperator, clock.now());
    a.accept(id);
    expect(actors(a)).toEqual([
      { actor: 'u-li', state: 'pending' },
      { actor: 'local-operator', state: 'pending' },
      { actor: 'u-li', state: 'pending' },
    ]);
    await a.engine.syncOnce();
    expect(a.outbox().map((m) => m.state)).toEqual(['acked', 'acked', 'acked']);
    expect(a.engine.status()).toMatchObject({ pendingCount: 0, blockedOnUser: null, openConflicts: 0 });
    expect(await serverCase(id)).toEqual({ assignee_id: 'u-li' });
    await b.engine.syncOnce();
    expect(b.row(id)).toMatchObject({ status: 'accepted', assignee_id: 'u-li' });
  });

  it('a local-operator reassignment of a case it claimed itself expects the signed-in user on the server', async () => {
    const id = lead.register();
    // Colleagues reach the workstation's staff list from the server's GET /staff.
    lead.store.db
      .prepare(
        `INSERT INTO staff (id, name, roles, team, created_at) VALUES ('u-li', '李雷', '["handler"]', NULL, 0)`,
      )
      .run();
    lead.store.domains.casework.claim(id, localOperator, clock.now());
    lead.store.domains.casework.assign(
      { caseId: id, toUser: 'u-li', expectedAssignee: 'local-operator', reason: 'handover' },
      localOperator,
      ['team_lead'],
      clock.now(),
    );
    await lead.engine.syncOnce();
    expect(lead.outbox().map((m) => m.state)).toEqual(['acked', 'acked', 'acked']);
    expect(lead.conflicts()).toEqual([]);
    expect(await serverCase(id)).toEqual({ assignee_id: 'u-li' });
  });

  it("a system reassign is pushed as the signed-in lead's, and the queue goes on", async () => {
    const id = lead.register();
    lead.store.domains.casework.assign(
      { caseId: id, toUser: 'u-zhao', expectedAssignee: null, reason: 'overdue' },
      engine,
      ['team_lead'],
      clock.now(),
    );
    lead.accept(id);
    await lead.engine.syncOnce();
    expect(lead.outbox().map((m) => m.state)).toEqual(['acked', 'acked', 'acked']);
    expect(lead.engine.status()).toMatchObject({ pendingCount: 0, blockedOnUser: null, openConflicts: 0 });
    expect(await serverCase(id)).toEqual({ assignee_id: 'u-zhao' });
  });

  it('a refused system intent is marked rejected without a conflict for a person; a local-operator one opens one', async () => {
    const id = lead.register();
    await lead.engine.syncOnce();
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    b.claim(id);
    await b.engine.syncOnce();
    lead.store.domains.casework.assign(
      { caseId: id, toUser: 'u-zhao', expectedAssignee: null, reason: 'overdue' },
      engine,
      ['team_lead'],
      clock.now(),
    );
    await lead.engine.syncOnce();
    expect(
      lead.store.db.prepare('SELECT state, last_error AS error FROM sync_outbox ORDER BY seq').all(),
    ).toEqual([
      { state: 'acked', error: null },
      { state: 'rejected', error: 'STALE_ASSIGNEE' },
    ]);
    expect(lead.conflicts()).toEqual([]);
    expect(lead.engine.status()).toMatchObject({ pendingCount: 0, openConflicts: 0 });
    // The server's copy replaces the engine's optimistic reassignment.
    expect(lead.row(id)?.assignee_id).toBe('u-han');

    // A, not yet synced since, still sees the case unassigned.
    a.store.domains.casework.claim(id, localOperator, clock.now());
    await a.engine.syncOnce();
    expect(a.conflicts()).toEqual([expect.objectContaining({ code: 'ALREADY_CLAIMED', case_id: id })]);
  });
});
