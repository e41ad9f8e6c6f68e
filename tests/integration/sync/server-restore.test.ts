import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rotateServerEpoch } from '../../../server/migrate';
import type { SyncDb } from '../../../server/db';
import { tempDir } from '../../support/temp';
import { TestClock, openTestDb, startServer, type TestDb } from '../../sync/server';
import { InjectTransport, Workstation } from '../../sync/workstation';

/**
 * The server's database is restored from a backup taken before some of the workstations' work:
 * after `rotate-epoch`, each workstation pulls the restored history from the start, finds which of
 * its acknowledged intents the server no longer has, and sends those again before its pending ones.
 */
let dir: ReturnType<typeof tempDir>;
let clock: TestClock;
let handle: TestDb;
let app: FastifyInstance;
let transports: InjectTransport[];
let a: Workstation;
let b: Workstation;

beforeEach(async () => {
  dir = tempDir('desk-sync-restore-');
  clock = new TestClock();
  handle = await openTestDb();
  app = await startServer(handle.db, clock);
  const li = new InjectTransport(app, 'li', 'li-password', 'ws-a');
  const han = new InjectTransport(app, 'han', 'han-password', 'ws-b');
  transports = [li, han];
  a = new Workstation(dir.path, 'ws-a', 'u-li', li, clock);
  b = new Workstation(dir.path, 'ws-b', 'u-han', han, clock);
});
afterEach(async () => {
  a.close();
  b.close();
  await app.close();
  await handle.dispose();
  dir.cleanup();
});

/** Stops the server, lets `meanwhile` take a backup or restore one, and starts it on the result. */
async function restartServer(meanwhile: () => Promise<SyncDb>): Promise<void> {
  await app.close();
  app = await startServer(await meanwhile(), clock);
  for (const t of transports) t.app = app;
}

const serverCase = async (id: string) =>
  (
    await handle.db.query<{ status: string; assignee_id: string | null }>(
      'SELECT status, assignee_id FROM cases WHERE id = $1',
      [id],
    )
  )[0];
const eventCount = async (id: string) =>
  (
    await handle.db.query<{ n: number }>('SELECT count(*)::int AS n FROM case_events WHERE case_id = $1', [
      id,
    ])
  )[0]!.n;

describe('a server restored from a backup', () => {
  it('gets back what the restore lost, from each workstation, in order and once', async () => {
    const x = a.register();
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    let backup!: Awaited<ReturnType<TestDb['backup']>>;
    await restartServer(async () => {
      backup = await handle.backup();
      return handle.db;
    });

    // After the backup: A claims X, B registers Y; both acknowledged by the server.
    a.claim(x);
    await a.engine.syncOnce();
    const y = b.register('SF1234567890555');
    await b.engine.syncOnce();
    expect(a.outbox().map((m) => m.state)).toEqual(['acked', 'acked']);
    expect(await serverCase(x)).toMatchObject({ assignee_id: 'u-li' });

    await restartServer(() => backup.restore());
    await rotateServerEpoch(handle.db);
    expect(await serverCase(x)).toMatchObject({ assignee_id: null });
    expect(await serverCase(y)).toBeUndefined();

    // Offline work meanwhile: A accepts X, which needs its (lost) claim to go first.
    a.accept(x);
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    await a.engine.syncOnce();

    expect(await serverCase(x)).toEqual({ status: 'accepted', assignee_id: 'u-li' });
    expect(await serverCase(y)).toMatchObject({ status: 'registered' });
    // Register (kept), claim (sent again), accept: each applied once.
    expect(await eventCount(x)).toBe(3);
    expect(await eventCount(y)).toBe(1);
    for (const ws of [a, b]) {
      expect(ws.row(x)).toMatchObject({ status: 'accepted', assignee_id: 'u-li' });
      expect(ws.row(y)).toMatchObject({ status: 'registered' });
      expect(ws.conflicts()).toEqual([]);
      expect(ws.engine.status()).toMatchObject({ pendingCount: 0, openConflicts: 0 });
      expect(ws.outbox().every((m) => m.state === 'acked')).toBe(true);
    }
    // The register that survived the restore was recognised in the history, not sent again.
    expect(a.outbox()).toHaveLength(3);
    const restoreState = a.store.db.prepare('SELECT count(*) AS n FROM sync_unconfirmed').get() as {
      n: number;
    };
    expect(restoreState.n).toBe(0);
  });

  it('sends nothing again when the restore lost nothing of a workstation’s', async () => {
    const x = a.register();
    await a.engine.syncOnce();
    let backup!: Awaited<ReturnType<TestDb['backup']>>;
    await restartServer(async () => {
      backup = await handle.backup();
      return handle.db;
    });
    await restartServer(() => backup.restore());
    await rotateServerEpoch(handle.db);

    await a.engine.syncOnce();
    expect(a.outbox()).toEqual([expect.objectContaining({ seq: 1, state: 'acked' })]);
    expect(await eventCount(x)).toBe(1);
    expect(a.row(x)).toMatchObject({ status: 'registered' });
  });
});
