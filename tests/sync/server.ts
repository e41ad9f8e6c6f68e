import { PGlite } from '@electric-sql/pglite';
import type { FastifyInstance } from 'fastify';
import { buildServer, createStaff } from '../../server/app';
import { openPostgres, pgliteDb, type SyncDb } from '../../server/db';
import { migrateServer } from '../../server/migrate';

/** A settable clock: tests move time instead of sleeping. */
export class TestClock {
  constructor(public ms = Date.UTC(2026, 10, 20, 2, 0, 0)) {}
  now = () => this.ms;
  advance(ms: number) {
    this.ms += ms;
  }
}

export const STAFF = [
  { id: 'u-li', username: 'li', name: '李雷', roles: ['handler'], password: 'li-password' },
  { id: 'u-han', username: 'han', name: '韩梅梅', roles: ['handler'], password: 'han-password' },
  {
    id: 'u-zhao',
    username: 'zhao',
    name: '赵组长',
    roles: ['handler', 'team_lead'],
    password: 'zhao-password',
  },
  { id: 'u-admin', username: 'admin', name: 'Admin', roles: ['admin'], password: 'admin-password' },
] as const;

export const usingPostgres = () => Boolean(process.env.DATABASE_URL);

async function prepare(db: SyncDb): Promise<void> {
  await migrateServer(db);
  for (const s of STAFF) await createStaff(db, { ...s, roles: [...s.roles] }, Date.UTC(2026, 0, 1));
}

let template: Promise<Blob> | null = null;

/** initdb takes seconds on PGlite: every test starts from one migrated, staffed dump. */
function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const pg = await PGlite.create();
    await prepare(pgliteDb(pg));
    const dump = await pg.dumpDataDir('none');
    await pg.close();
    return dump;
  })();
  return template;
}

export interface TestDb {
  db: SyncDb;
  /** Closes the database and opens it again with its data: a server restart. */
  restart(): Promise<SyncDb>;
  /** A backup of the data now; `restore` puts it back (the database is closed and reopened). */
  backup(): Promise<{ restore(): Promise<SyncDb> }>;
  dispose(): Promise<void>;
}

/**
 * A migrated, staffed database for the sync server: PGlite in memory by default, or a fresh
 * schema on the PostgreSQL of DATABASE_URL (the same tests then run on a real server).
 */
export async function openTestDb(): Promise<TestDb> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    let pg = await PGlite.create({ loadDataDir: await pgliteTemplate() });
    const handle: TestDb = {
      db: pgliteDb(pg),
      async restart() {
        const dump = await pg.dumpDataDir('none');
        await pg.close();
        pg = await PGlite.create({ loadDataDir: dump });
        handle.db = pgliteDb(pg);
        return handle.db;
      },
      async backup() {
        const dump = await pg.dumpDataDir('none');
        return {
          async restore() {
            await pg.close();
            pg = await PGlite.create({ loadDataDir: dump });
            handle.db = pgliteDb(pg);
            return handle.db;
          },
        };
      },
      dispose: async () => {
        if (!pg.closed) await pg.close();
      },
    };
    return handle;
  }
  // A database per test: drizzle's SQL names the public schema, so schemas cannot isolate tests.
  const name = `desk_test_${Math.random().toString(36).slice(2, 10)}`;
  const admin = openPostgres(url);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.close();
  const scoped = new URL(url);
  scoped.pathname = `/${name}`;
  const backups: string[] = [];
  /** Runs SQL on the cluster with the test's database closed (a template copy needs it idle). */
  const onCluster = async (statements: string[]) => {
    await handle.db.close();
    const a = openPostgres(url);
    for (const statement of statements) await a.query(statement);
    await a.close();
    handle.db = openPostgres(scoped.href);
    return handle.db;
  };
  const handle: TestDb = {
    db: openPostgres(scoped.href),
    async restart() {
      await handle.db.close();
      handle.db = openPostgres(scoped.href);
      return handle.db;
    },
    async backup() {
      const copy = `${name}_b${backups.length}`;
      backups.push(copy);
      await onCluster([`CREATE DATABASE ${copy} TEMPLATE ${name}`]);
      return {
        restore: () =>
          onCluster([`DROP DATABASE ${name} WITH (FORCE)`, `CREATE DATABASE ${name} TEMPLATE ${copy}`]),
      };
    },
    async dispose() {
      await handle.db.close().catch(() => undefined);
      const a = openPostgres(url);
      for (const db of [name, ...backups]) await a.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
      await a.close();
    },
  };
  await prepare(handle.db);
  return handle;
}

export async function startServer(db: SyncDb, clock: TestClock, pollMs = 50): Promise<FastifyInstance> {
  return buildServer({ db, clock, pollMs });
}
