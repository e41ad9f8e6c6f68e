import type Database from 'better-sqlite3';
import type { DataChanged } from '../../shared/rpc/dto';
import type { CalendarSource } from '../calendar/imported-years';

/** What every store domain gets: the one connection, and a way to announce committed changes. */
export interface StoreContext {
  readonly db: Database.Database;
  readonly dataDir: string;
  readonly schema: readonly string[];
  readonly calendar: CalendarSource;
  /** Call after a commit; main refreshes what the renderer shows. */
  changed(change: DataChanged): void;
}
