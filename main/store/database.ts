import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { defaultMigrationsDir, loadMigrations, migrate, type MigrationReport } from './migrate';

export interface OpenOptions {
  file: string;
  migrationsDir?: string | undefined;
  /**
   * Path to a better-sqlite3 addon built for this runtime's ABI. Electron passes its own
   * build (see docs/native-modules.md); plain Node uses the one in node_modules.
   */
  nativeBinding?: string | undefined;
  readonly?: boolean;
}

export interface OpenedDatabase {
  db: Database.Database;
  migrations: MigrationReport;
}

export function openDatabase(options: OpenOptions): OpenedDatabase {
  if (!options.readonly) mkdirSync(dirname(options.file), { recursive: true });
  const db = new Database(options.file, {
    readonly: options.readonly ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    // A new store gets 16 KiB pages: fewer pages to write and to split for the same rows (the
    // 1M-case demo load's writer CPU fell by about 15 %). It only takes effect before the first
    // table exists; an existing store keeps the page size it was created with.
    if (!options.readonly) db.pragma('page_size = 16384');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) beginImmediately(db);
    const migrations = options.readonly
      ? { applied: [], alreadyApplied: 0 }
      : migrate(db, loadMigrations(options.migrationsDir ?? defaultMigrationsDir()));
    return { db, migrations };
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * More than one connection writes a store (the store worker, the sync worker, a CLI command
 * while the app runs). A deferred transaction that reads and then writes fails at once with
 * "database is locked" when another connection committed in between (WAL's busy snapshot):
 * busy_timeout cannot help it. So every transaction of a writing connection begins IMMEDIATE:
 * it takes the write lock first, waiting up to busy_timeout for it. Nested calls stay savepoints.
 */
function beginImmediately(db: Database.Database): void {
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn: (...args: never[]) => unknown) =>
    transaction(fn).immediate) as typeof db.transaction;
}
