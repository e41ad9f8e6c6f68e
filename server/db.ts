import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * The two back ends behind one small interface: PGlite (embedded, single connection) and
 * PostgreSQL (a pool). All SQL is PostgreSQL; nothing here knows about sync.
 */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

export type Isolation = 'read committed' | 'repeatable read';

export interface SyncDb extends Sql {
  readonly kind: 'pglite' | 'postgres';
  tx<T>(fn: (sql: Sql) => Promise<T>, isolation?: Isolation): Promise<T>;
  /** Subscribes to NOTIFY on `channel`; resolves to an unsubscribe function. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** PGlite on a data folder, or in memory when `dataDir` is undefined. */
export async function openPglite(dataDir?: string): Promise<SyncDb> {
  return pgliteDb(await PGlite.create(dataDir));
}

/** Wraps an open PGlite (tests load theirs from a prepared dump, which is much faster than initdb). */
export function pgliteDb(db: PGlite): SyncDb {
  return {
    kind: 'pglite',
    async query<T>(text: string, params: unknown[] = []) {
      return (await db.query<T>(text, params)).rows;
    },
    tx(fn, isolation = 'read committed') {
      return db.transaction(async (t) => {
        await t.query(`SET TRANSACTION ISOLATION LEVEL ${isolation.toUpperCase()}`);
        return fn({
          query: async <T>(text: string, params: unknown[] = []) => (await t.query<T>(text, params)).rows,
        });
      });
    },
    async listen(channel, onPayload) {
      const stop = await db.listen(channel, onPayload);
      return () => stop();
    },
    close: () => db.close(),
  };
}

export function openPostgres(url: string): SyncDb {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection that PostgreSQL drops (restart, failover, DROP DATABASE) must not crash the
  // service: the pool discards it and opens a new one for the next query.
  pool.on('error', (error) => console.error('[sync-db] idle connection lost:', error.message));
  // int8 as JS numbers: versions and epoch ms stay far below 2^53.
  const types = {
    getTypeParser: (oid: number, format?: string) =>
      oid === 20 ? Number : pg.types.getTypeParser(oid, format as 'text'),
  };
  return {
    kind: 'postgres',
    async query<T>(text: string, params: unknown[] = []) {
      return (await pool.query<T & pg.QueryResultRow>({ text, values: params, types })).rows;
    },
    async tx(fn, isolation = 'read committed') {
      const client = await pool.connect();
      try {
        await client.query(`BEGIN ISOLATION LEVEL ${isolation.toUpperCase()}`);
        const result = await fn({
          query: async <T>(text: string, params: unknown[] = []) =>
            (await client.query<T & pg.QueryResultRow>({ text, values: params, types })).rows,
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async listen(channel, onPayload) {
      const client = new pg.Client({ connectionString: url });
      // A lost LISTEN connection only costs wake-up speed: long-polls still re-read every second.
      client.on('error', (error) => console.error(`[sync-db] LISTEN ${channel} lost:`, error.message));
      await client.connect();
      client.on('notification', (n) => {
        if (n.channel === channel) onPayload(n.payload ?? '');
      });
      await client.query(`LISTEN ${channel}`);
      return () => client.end();
    },
    close: () => pool.end(),
  };
}

export async function openSyncDb(
  databaseUrl: string | undefined,
  dataDir: string | undefined,
): Promise<SyncDb> {
  return databaseUrl ? openPostgres(databaseUrl) : openPglite(dataDir);
}
