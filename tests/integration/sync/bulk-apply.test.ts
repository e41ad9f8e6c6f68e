import { beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditTrail } from '../../../main/store/audit';
import { SyncEngine } from '../../../main/sync/engine';
import { validAppeal } from '../../support/appeals';
import { twoWorkstations, type SyncPair } from '../../sync/pair';
import type { Workstation } from '../../sync/workstation';

// Pulled pages are written with multi-row statements (main/store/bulk.ts, 100 rows each) and one
// audit append per page: these pages cross that chunk size and hold several events of one case.
const CASES = 130;

const pair = twoWorkstations('desk-sync-bulk-');
let handle: SyncPair['handle'];
let clock: SyncPair['clock'];
let a: SyncPair['a'];
let b: SyncPair['b'];
beforeEach(() => {
  ({ handle, clock, a, b } = pair);
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

  it('continues the audit chains that earlier pages started', async () => {
    const ids = Array.from({ length: 6 }, (_, i) => a.register(`SF${String(1234567890000 + i)}`));
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    for (const id of ids.slice(0, 4)) a.accept(id);
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    a.claim(ids[0]!);
    a.claim(ids[1]!);
    await a.engine.syncOnce();
    await b.engine.syncOnce();

    expect(verifyAuditTrail(b.store.db).firstBreak).toBeNull();
    const types = (id: string) =>
      (
        b.store.db.prepare('SELECT type FROM case_events WHERE case_id = ? ORDER BY seq').all(id) as {
          type: string;
        }[]
      ).map((r) => r.type);
    expect(types(ids[0]!)).toEqual(['transition.register', 'transition.accept', 'case.claimed']);
    expect(types(ids[3]!)).toEqual(['transition.register', 'transition.accept']);
    expect(types(ids[5]!)).toEqual(['transition.register']);
    expect(count(b, `SELECT count(*) AS n FROM cases WHERE audit_seq = 3`)).toBe(2);
    expect(count(b, `SELECT count(*) AS n FROM cases WHERE audit_seq = 2`)).toBe(2);
  });

  it('is read by the server in chunks of one snapshot without losing or repeating a case or event', async () => {
    // 2,500 cases written straight into the server (as bench/sync.ts does): one 5,000-case page
    // is three read chunks of cases and three version ranges of events.
    const intake = JSON.parse(JSON.stringify(validAppeal({ receivedAt: clock.now() }))) as object;
    await handle.db.query(
      `WITH n AS (SELECT g FROM generate_series(1, 2500) g),
       c AS (INSERT INTO cases (id, space_id, case_no, status, assignee_id, lifecycle, intake, columns, created_at, updated_at, version)
         SELECT 'bulk-' || g, 'site', 'SS20261120' || lpad(g::text, 6, '0'), 'registered', NULL,
                '{"status":"registered","transferCount":0,"transferRoundsExceeded":false,"supervised":false,"supervisionReminders":0,"escalatedToSupervision":false,"reopenCount":0}'::jsonb,
                $1::jsonb, '{}'::jsonb, 0, 0, g FROM n RETURNING id, version)
       INSERT INTO case_events (case_id, space_id, version, type, actor_user_id, workstation, data, occurred_at, applied_at, mutation_id)
         SELECT id, 'site', version, 'transition.register', 'u-li', 'ws-a', '{}'::jsonb, 0, 0, NULL FROM c`,
      [JSON.stringify(intake)],
    );
    await handle.db.query(
      `INSERT INTO sync_spaces (space_id, version) VALUES ('site', 2500)
       ON CONFLICT (space_id) DO UPDATE SET version = 2500`,
    );
    const pages: number[] = [];
    const engine = new SyncEngine(
      b.store.db,
      {
        push: (req) => b.transport.push(req),
        pull: async (req) => {
          const page = await b.transport.pull(req);
          pages.push(page.cases.length);
          return page;
        },
      },
      clock,
      { userId: 'u-han', workstation: 'ws-b', pageLimit: 5000 },
    );
    await engine.syncOnce();
    expect(pages).toEqual([2500]);
    expect(count(b, 'SELECT count(DISTINCT id) AS n FROM cases')).toBe(2500);
    expect(count(b, 'SELECT count(*) AS n FROM case_events')).toBe(2500);
    expect(verifyAuditTrail(b.store.db).firstBreak).toBeNull();
    expect(engine.cursor).toBe(2500);
  });
});
