import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import type { DataChanged } from '../../shared/rpc/dto';
import { CalendarSource } from '../calendar/imported-years';
import type { StoreContext } from './context';
import { openDatabase, type OpenOptions } from './database';
import { createDomains, type Domains } from './domains';
import { ensureReferenceData, getMeta, setMeta } from './reference';

export type { SessionState } from './domains/session';

/**
 * The case store: the one connection and its domains. It runs inside the store worker (the one
 * writer); main reaches the domains only through StoreHost messages, so arguments and results
 * are plain data. Tests and the CLI may open it in-process.
 */
export class StoreService {
  readonly domains: Domains;
  private changeListener: (change: DataChanged) => void = () => {};

  private constructor(
    readonly db: Database.Database,
    schema: string[],
    dataDir: string,
  ) {
    ensureReferenceData(db);
    if (!getMeta(db, 'workstation.id')) setMeta(db, 'workstation.id', randomUUID());
    const ctx: StoreContext = {
      db,
      dataDir,
      schema,
      calendar: new CalendarSource(dataDir),
      changed: (change) => this.changeListener(change),
    };
    this.domains = createDomains(ctx);
  }

  static open(options: OpenOptions): StoreService {
    const { db } = openDatabase(options);
    // 64 MiB of page cache instead of SQLite's 2 MiB (125 pages of 16 KiB): at a million cases the
    // indexes' upper levels and the recent rows then stay in memory between the queue's pages.
    db.pragma('cache_size = -65536');
    const schema = (
      db.prepare('SELECT tag FROM schema_migrations ORDER BY tag').all() as { tag: string }[]
    ).map((r) => r.tag);
    return new StoreService(db, schema, dirname(options.file));
  }

  onChange(listener: (change: DataChanged) => void): void {
    this.changeListener = listener;
  }

  close(): void {
    if (this.db.open) {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
      this.db.close();
    }
  }
}
