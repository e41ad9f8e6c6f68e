import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp';
import { TestClock, openTestDb, startServer, type TestDb } from '../../sync/server';
import { InjectTransport, Workstation } from '../../sync/workstation';

let dir: ReturnType<typeof tempDir>;
let handle: TestDb;
let app: FastifyInstance;
let clock: TestClock;
let a: Workstation;
let b: Workstation;

beforeEach(async () => {
  dir = tempDir('desk-sync-ws-');
  clock = new TestClock();
  handle = await openTestDb();
  app = await startServer(handle.db, clock);
  a = new Workstation(dir.path, 'ws-a', 'u-li', new InjectTransport(app, 'li', 'li-password', 'ws-a'), clock);
  b = new Workstation(
    dir.path,
    'ws-b',
    'u-han',
    new InjectTransport(app, 'han', 'han-password', 'ws-b'),
    clock,
  );
});
afterEach(async () => {
  a.close();
  b.close();
  await app.close();
  await handle.dispose();
  dir.cleanup();
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
