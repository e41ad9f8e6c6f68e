import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { buildServer, createStaff } from './app';
import { openSyncDb } from './db';
import { migrateServer, rotateServerEpoch } from './migrate';

/**
 * `npm run server`: PostgreSQL when DATABASE_URL is set, otherwise PGlite in SYNC_DATA_DIR
 * (default ./sync-data). HOST/PORT choose where it listens (default 127.0.0.1:8787).
 * `npm run server -- rotate-epoch`, run once after restoring the database from a backup, renames
 * its history and exits (docs/sync.md).
 */
const databaseUrl = process.env.DATABASE_URL || undefined;
const dataDir = process.env.SYNC_DATA_DIR ?? join(process.cwd(), 'sync-data');
const db = await openSyncDb(databaseUrl, dataDir);
await migrateServer(db);
if (process.argv[2] === 'rotate-epoch') {
  console.log(
    `New server epoch ${await rotateServerEpoch(db)}: workstations will resync and resend what was lost.`,
  );
  await db.close();
  process.exit(0);
}
const [{ count }] = (await db.query<{ count: number }>('SELECT count(*)::int AS count FROM staff')) as [
  { count: number },
];
if (count === 0) {
  const password = process.env.SYNC_ADMIN_PASSWORD ?? randomBytes(9).toString('base64url');
  await createStaff(db, {
    id: 'admin',
    username: 'admin',
    name: 'Administrator',
    roles: ['admin'],
    password,
  });
  console.log(`Created the first account: admin / ${password} (change it, or set SYNC_ADMIN_PASSWORD)`);
}
const app = await buildServer({ db });
const address = await app.listen({
  host: process.env.HOST ?? '127.0.0.1',
  port: Number(process.env.PORT ?? 8787),
});
console.log(`Sync server on ${address} (${databaseUrl ? 'PostgreSQL' : `PGlite in ${dataDir}`})`);
const shutdown = async () => {
  await app.close();
  await db.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
