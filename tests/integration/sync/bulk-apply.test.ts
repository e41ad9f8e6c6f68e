import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditTrail } from '../../../main/store/audit';
import { SyncEngine } from '../../../main/sync/engine';
import { tempDir } from '../../support/temp';
import { TestClock, openTestDb, startServer, type TestDb } from '../../sync/server';
import { InjectTransport, Workstation } from '../../sync/workstation';

// Pulled pages are written with multi-row statements (main/store/bulk.ts, 100 rows each) and one
// audit append per page: these pages cross that chunk size and hold several events of one case.
const CASES = 130;

let dir: ReturnType<typeof tempDir>;
let handle: TestDb;
let app: FastifyInstance;
let clock: TestClock;
let a: Workstation;
let b: Workstation;

beforeEach(async () => {
  dir = tempDir('desk-sync-bulk-');
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

const count = (w: Workstation, sql: string) => (w.store.db.prepare(sql).get() as { n: number }).n;

describe('a pulled page written in bulk', () => {
  it('lands whole: rows, appellants, search, queue counts, and audit chains that verify', async () => {
    const ids = Array.from({ length: CASES }, (_, i) => a.register(`SF${String(1234567890000 + i)}`));
    for (const id of ids.slice(0, 40)) a.accept(id);
    await a.engine.syncOnce();
    const pages = new SyncEngine(b.store.db, b.transport, clock, {
      userId: 'u-han',
      workstation: 'ws-b',
      pageLimit: 1000,
    });
    const effects = await pages.syncOnce();

    expect(new Set(effects.caseIds)).toEqual(new Set(ids));
    for (const id of [ids[0]!, ids[39]!, ids[40]!, ids[CASES - 1]!]) expect(b.row(id)).toEqual(a.row(id));
    expect(count(b, `SELECT count(*) AS n FROM parties WHERE kind = 'appellant'`)).toBe(CASES);
    expect(count(b, `SELECT count(*) AS n FROM case_search`)).toBe(CASES);
    const counts = Object.fromEntries(
      (b.store.db.prepare('SELECT key, n FROM queue_counts').all() as { key: string; n: number }[]).map(
        (r) => [r.key, r.n],
      ),
    );
    expect(counts).toMatchObject({ all: CASES, open: CASES, 'status:accepted': 40, 'status:registered': 90 });

    // Others' history joins the local chains: two events for the accepted cases, in order.
    const report = verifyAuditTrail(b.store.db);
    expect(report.firstBreak).toBeNull();
    expect(report).toMatchObject({ casesChecked: CASES, eventsChecked: CASES + 40 });
    const history = b.store.db
      .prepare('SELECT seq, type FROM case_events WHERE case_id = ? ORDER BY seq')
      .all(ids[0]) as { seq: number; type: string }[];
    expect(history).toEqual([
      { seq: 1, type: 'transition.register' },
      { seq: 2, type: 'transition.accept' },
    ]);
    expect(count(b, `SELECT count(*) AS n FROM cases WHERE audit_seq = 2`)).toBe(40);
    expect(count(b, `SELECT count(*) AS n FROM sync_case_base`)).toBe(CASES);
  });
});
