/**
 * The sync server of `bench/sync.ts`, in a worker thread of its own: in any deployment the server
 * is another process (or machine) than the workstation, so its work (PGlite's WebAssembly, the
 * `pg` driver, building and sending pages) must not share a thread with the workstation's apply.
 * The bench sends SQL for its setup (staff, the bootstrap's cases) as messages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildServer, createStaff } from '../server/app';
import { openPglite, openPostgres } from '../server/db';
import { migrateServer } from '../server/migrate';

export interface SyncServerData {
  /** PostgreSQL database to use (created by the bench); PGlite in memory when absent. */
  databaseUrl?: string;
  staff: Parameters<typeof createStaff>[1][];
}

export type ToSyncServer = { type: 'query'; id: number; sql: string; params: unknown[] } | { type: 'close' };

export type FromSyncServer =
  | { type: 'ready'; base: string }
  | { type: 'result'; id: number; rows: unknown[] }
  | { type: 'error'; id: number; message: string }
  | { type: 'closed' };

const data = workerData as SyncServerData;
const port = parentPort!;
const db = data.databaseUrl ? openPostgres(data.databaseUrl) : await openPglite();
await migrateServer(db);
for (const s of data.staff) await createStaff(db, s);
const app = await buildServer({ db });
const base = await app.listen({ host: '127.0.0.1', port: 0 });
const post = (message: FromSyncServer) => port.postMessage(message);

port.on('message', (message: ToSyncServer) => {
  if (message.type === 'close') {
    void (async () => {
      await app.close();
      await db.close();
      post({ type: 'closed' });
    })();
    return;
  }
  db.query(message.sql, message.params).then(
    (rows) => post({ type: 'result', id: message.id, rows }),
    (error: unknown) =>
      post({
        type: 'error',
        id: message.id,
        message: error instanceof Error ? error.message : String(error),
      }),
  );
});
post({ type: 'ready', base });
