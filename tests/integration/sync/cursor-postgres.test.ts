import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { SyncStore } from '../../../server/store';
import { registerAppealSchema } from '../../../shared/domain/appeal';
import { validAppeal } from '../../support/appeals';
import { TestClock, openTestDb } from '../../sync/server';

const url = process.env.DATABASE_URL;
if (!url)
  console.log(
    'cursor-postgres: skipped, DATABASE_URL is unset (needs two real connections; see scripts/ci-postgres.sh)',
  );

/**
 * SYNC.md §4.3: a pull running while an earlier version is still uncommitted must not move the
 * cursor past it, or that row would be skipped for ever. Needs two real connections: PostgreSQL.
 */
describe.skipIf(!url)('version cursor on PostgreSQL', () => {
  it('never skips a row committed after a later version was taken', async () => {
    const clock = new TestClock();
    const handle = await openTestDb();
    const store = new SyncStore(handle.db, clock);
    const session = { staffId: 'u-li', workstationId: 'ws-1' };
    const create = (seq: number) => ({
      seq,
      id: randomUUID(),
      name: 'createCase.v1',
      args: {
        id: randomUUID(),
        caseNo: `SS2026112000000${seq}`,
        input: registerAppealSchema.parse(validAppeal({ receivedAt: clock.now() })),
      },
      actorUserId: 'u-li',
      occurredAt: clock.now(),
    });
    const client = randomUUID();
    await store.push(session, client, clock.now(), [create(1)]);
    const before = await store.pull(session, {
      clientId: client,
      serverEpoch: null,
      cursor: 0,
      lastAckedMutationId: 0,
      limit: 100,
    });
    expect(before.toVersion).toBe(1);

    // Transaction A takes version 2 the way push does, and holds it uncommitted.
    const [{ db }] = (await handle.db.query<{ db: string }>('SELECT current_database() AS db')) as [
      { db: string },
    ];
    const own = new URL(url!);
    own.pathname = `/${db}`;
    const a = new pg.Client({ connectionString: own.href });
    await a.connect();
    try {
      await a.query('BEGIN');
      const [{ version }] = (await a.query(`UPDATE sync_spaces SET version = version + 1 RETURNING version`))
        .rows as [{ version: string }];
      await a.query(
        `INSERT INTO cases (id, space_id, case_no, status, lifecycle, intake, columns, created_at, updated_at, version)
         VALUES ($1, 'site', 'SS20261120999999', 'registered', '{}', '{}', '{}', 0, 0, $2)`,
        [randomUUID(), version],
      );
      // Transaction B (the real push) must wait for A's counter lock.
      let bDone = false;
      const b = store.push(session, client, clock.now(), [create(2)]).then((r) => {
        bDone = true;
        return r;
      });
      await new Promise((r) => setTimeout(r, 500));
      expect(bDone).toBe(false);
      const during = await store.pull(session, {
        clientId: client,
        serverEpoch: null,
        cursor: 1,
        lastAckedMutationId: 1,
        limit: 100,
      });
      expect(during.toVersion).toBe(1);
      expect(during.cases).toEqual([]);
      await a.query('COMMIT');
      expect((await b).results[0]).toMatchObject({ outcome: 'applied', version: 3 });
      const after = await store.pull(session, {
        clientId: client,
        serverEpoch: null,
        cursor: during.toVersion,
        lastAckedMutationId: 1,
        limit: 100,
      });
      expect(after.cases.map((c) => c.version)).toEqual([2, 3]);
    } finally {
      await a.end();
      await handle.dispose();
    }
  });
});
