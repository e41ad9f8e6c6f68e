import type { QueueView, UserView, ViewDefinition } from '../../../shared/domain/views';
import { QUEUE_VIEWS } from '../../../shared/domain/views';
import type { CasePage } from '../../../shared/rpc/dto';
import type { StoreContext } from '../context';
import { QueueQueries, type Cursor } from '../queue';
import { catchUpDeadlines, refreshAllDeadlines } from '../search/deadlines';
import { CaseSearch, type SearchPage } from '../search/text';
import { UserViews } from '../search/user-views';

export type ViewCounts = Record<QueueView, number>;

/** Cases per background catch-up step: tens of milliseconds, so a call waits at most that long. */
const CATCH_UP_SLICE = 200;

/**
 * The queue: saved views, user-made views, counts, the search box, per-staff column
 * preferences, and the materialised deadlines the time-based views read.
 */
export function queueDomain(ctx: StoreContext) {
  const { db } = ctx;
  const queries = new QueueQueries(db);
  const search = new CaseSearch(db);
  const userViews = new UserViews(db);
  const readPref = db.prepare<[string, string], { value: string }>(
    'SELECT value FROM staff_preferences WHERE staff_id = ? AND key = ?',
  );
  const writePref = db.prepare<[string, string, string, number]>(
    `INSERT INTO staff_preferences (staff_id, key, value, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (staff_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );

  return {
    list: (
      view: QueueView,
      staffId: string,
      cursor: Cursor | null,
      limit: number,
      now = Date.now(),
    ): CasePage => queries.page(view, staffId, cursor, limit, now),

    count: (view: QueueView, staffId: string, now = Date.now()): number => queries.count(view, staffId, now),

    /** Every saved view's count in one call: the tabs show them all. */
    counts(staffId: string, now = Date.now()): ViewCounts {
      return Object.fromEntries(QUEUE_VIEWS.map((v) => [v, queries.count(v, staffId, now)])) as ViewCounts;
    },

    search: (text: string, cursor: Cursor | null, limit: number): SearchPage =>
      search.search(text, cursor, limit),

    views: (staffId: string): UserView[] => userViews.list(staffId),
    createView: (staffId: string, def: ViewDefinition, now = Date.now()): UserView =>
      userViews.create(staffId, def, now),
    updateView: (staffId: string, id: string, def: ViewDefinition, now = Date.now()): UserView =>
      userViews.update(staffId, id, def, now),
    deleteView: (staffId: string, id: string): void => userViews.remove(staffId, id),
    viewPage: (
      staffId: string,
      id: string,
      cursor: Cursor | null,
      limit: number,
      now = Date.now(),
    ): CasePage => userViews.page(userViews.get(staffId, id), { staffId, now }, cursor, limit),
    viewCount: (staffId: string, id: string, now = Date.now()): number =>
      userViews.count(userViews.get(staffId, id), { staffId, now }),

    preference(staffId: string, key: string): unknown {
      const row = readPref.get(staffId, key);
      return row ? (JSON.parse(row.value) as unknown) : null;
    },
    setPreference(staffId: string, key: string, value: unknown, now = Date.now()): void {
      writePref.run(staffId, key, JSON.stringify(value), now);
    },

    /** After a calendar import: every open case's clocks under the new calendar. */
    refreshOpenDeadlines(now = Date.now()): number {
      const n = refreshAllDeadlines(db, ctx.calendar.get(), now, { openOnly: true });
      ctx.changed({ tables: ['case_deadlines'] });
      return n;
    },

    /** After bulk writes that bypass the store's commands (demo data). */
    catchUpDeadlines(now = Date.now()): number {
      const { done } = catchUpDeadlines(db, ctx.calendar.get(), now);
      if (done > 0) ctx.changed({ tables: ['case_deadlines'] });
      return done;
    },
    /**
     * One bounded step of the same catch-up: the store worker runs these after it opened, between
     * calls, so a store with many uncomputed cases answers its first queries at once (the time-based
     * views fill in as it goes). Returns whether there is more to do.
     */
    catchUpDeadlinesSlice(maxCases = CATCH_UP_SLICE, now = Date.now()): boolean {
      const { done, more } = catchUpDeadlines(db, ctx.calendar.get(), now, maxCases);
      if (done > 0 && !more) ctx.changed({ tables: ['case_deadlines'] });
      return more;
    },
  };
}
