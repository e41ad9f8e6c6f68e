import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SyncDb } from './db';

/** drizzle-kit's SQL migrations for the server, applied by tag in one transaction each. */
export const SERVER_MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'drizzle', 'server');

export async function migrateServer(db: SyncDb, dir = SERVER_MIGRATIONS_DIR): Promise<string[]> {
  await db.query(
    'CREATE TABLE IF NOT EXISTS server_migrations (tag text PRIMARY KEY, applied_at bigint NOT NULL)',
  );
  const journal = JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  const applied: string[] = [];
  for (const { tag } of journal.entries) {
    const statements = readFileSync(join(dir, `${tag}.sql`), 'utf8')
      .split('--> statement-breakpoint')
      .map((s) => s.trim())
      .filter(Boolean);
    const done = await db.tx(async (sql) => {
      // Two instances starting together: the first one migrates, the other waits and skips.
      await sql.query('LOCK TABLE server_migrations IN EXCLUSIVE MODE');
      if ((await sql.query('SELECT 1 FROM server_migrations WHERE tag = $1', [tag])).length > 0) return false;
      for (const statement of statements) await sql.query(statement);
      await sql.query('INSERT INTO server_migrations (tag, applied_at) VALUES ($1, $2)', [tag, Date.now()]);
      return true;
    });
    if (done) applied.push(tag);
  }
  // The epoch names this database's history; restoring a backup must rotate it (docs/sync.md).
  await db.query(
    `INSERT INTO sync_meta (key, value) VALUES ('server_epoch', $1) ON CONFLICT (key) DO NOTHING`,
    [randomUUID()],
  );
  await db.query(
    `INSERT INTO sync_meta (key, value) VALUES ('token_secret', $1) ON CONFLICT (key) DO NOTHING`,
    [randomBytes(32).toString('base64url')],
  );
  return applied;
}

/**
 * A new name for the database's history, after it was restored from a backup: every workstation's
 * next pull is refused with ResyncRequired, so each pulls the restored history from the start and
 * sends again what the restore lost (docs/sync.md "Restoring the server").
 */
export async function rotateServerEpoch(db: SyncDb): Promise<string> {
  const epoch = randomUUID();
  await db.query(`UPDATE sync_meta SET value = $1 WHERE key = 'server_epoch'`, [epoch]);
  return epoch;
}
