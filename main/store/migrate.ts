import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';

/**
 * Applies drizzle-kit's SQL migrations by identity (tag), not by drizzle's timestamp watermark:
 * a migration merged with an older timestamp would otherwise be skipped silently
 * (drizzle-orm #5316). All pending migrations run in one transaction.
 */

export class DatabaseFromNewerVersionError extends Error {
  readonly code = 'DB_FROM_NEWER_VERSION';
  constructor(readonly unknownTags: string[]) {
    super(
      `This data folder was written by a newer version of Postal Complaint Desk (unknown migrations: ${unknownTags.join(', ')}). Update the app; nothing was changed.`,
    );
  }
}

export class MigrationChangedError extends Error {
  readonly code = 'MIGRATION_CHANGED';
  constructor(readonly tag: string) {
    super(`Migration ${tag} differs from the one applied to this database; refusing to continue.`);
  }
}

export interface Migration {
  tag: string;
  statements: string[];
  checksum: string;
}

interface Journal {
  entries: { idx: number; tag: string }[];
}

export function loadMigrations(dir: string): Migration[] {
  const journal = JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')) as Journal;
  return [...journal.entries]
    .sort((a, b) => a.idx - b.idx)
    .map(({ tag }) => {
      const sqlText = readFileSync(join(dir, `${tag}.sql`), 'utf8');
      return {
        tag,
        statements: sqlText
          .split('--> statement-breakpoint')
          .map((s) => s.trim())
          .filter(Boolean),
        checksum: createHash('sha256').update(sqlText).digest('hex'),
      };
    });
}

/** Finds the shipped `drizzle/` folder from source (main/store) or from the bundle (out/main). */
export function defaultMigrationsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'drizzle');
    if (existsSync(join(candidate, 'meta', '_journal.json'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('Cannot find the drizzle/ migrations folder');
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

export function migrate(db: Database.Database, migrations: Migration[]): MigrationReport {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    tag TEXT PRIMARY KEY NOT NULL,
    checksum TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  )`);
  const appliedRows = db.prepare('SELECT tag, checksum FROM schema_migrations').all() as {
    tag: string;
    checksum: string;
  }[];
  const known = new Map(migrations.map((m) => [m.tag, m]));
  const unknown = appliedRows.filter((r) => !known.has(r.tag)).map((r) => r.tag);
  if (unknown.length > 0) throw new DatabaseFromNewerVersionError(unknown);
  for (const row of appliedRows) {
    if (known.get(row.tag)!.checksum !== row.checksum) throw new MigrationChangedError(row.tag);
  }
  const done = new Set(appliedRows.map((r) => r.tag));
  const pending = migrations.filter((m) => !done.has(m.tag));
  const record = db.prepare('INSERT INTO schema_migrations (tag, checksum, applied_at) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const m of pending) {
      for (const statement of m.statements) db.exec(statement);
      record.run(m.tag, m.checksum, Date.now());
    }
  })();
  return { applied: pending.map((m) => m.tag), alreadyApplied: done.size };
}
