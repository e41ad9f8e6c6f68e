import type Database from 'better-sqlite3';
import type { WorkingCalendar } from '../../../shared/calendar';
import { computeClockStatuses, type ClockStatus, type RuleProfile } from '../../../shared/deadlines';
import type { HistoryEntry } from '../../../shared/domain/history';
import { ruleProfiles } from '../profiles';

/**
 * The materialised clocks of `case_deadlines`: what the queue's "due today", "overdue" and
 * "carrier overdue" views read as index ranges. Written from the same engine that the case
 * screen uses (computeClockStatuses), whenever a case's history changes, and in bulk after
 * seeding or a calendar import. A clock's state here is as of its last computation: a running
 * clock becomes overdue by the passing of time alone, which the views compare against `now`.
 */
export type DeadlineState = 'running' | 'met' | 'missed' | 'stopped';

export interface DeadlineRow {
  caseId: string;
  limitName: string;
  startedAt: number;
  dueAt: number;
  dueDate: string;
  state: DeadlineState;
  provisional: boolean;
  next: boolean;
}

function stateOf(c: ClockStatus): DeadlineState {
  if (c.stoppedAt !== undefined) return c.state === 'missed' ? 'missed' : 'met';
  return c.paused ? 'stopped' : 'running';
}

/**
 * The rows for one case under the exact profile version it was recorded with (none if the store
 * does not know that version): `next` marks the running clock due first, the case's next deadline.
 */
export function deadlineRows(
  caseId: string,
  receivedAt: number,
  profile: RuleProfile | undefined,
  history: readonly HistoryEntry[],
  calendar: WorkingCalendar,
  now: number,
): DeadlineRow[] {
  if (!profile) return [];
  const rows: DeadlineRow[] = computeClockStatuses({ receivedAt, history, profile, calendar, now }).map(
    (c) => ({
      caseId,
      limitName: c.limit,
      startedAt: c.startedAt,
      dueAt: c.dueAt,
      dueDate: c.dueDate,
      state: stateOf(c),
      provisional: c.provisional,
      next: false,
    }),
  );
  let first: DeadlineRow | undefined;
  for (const r of rows) if (r.state === 'running' && (!first || r.dueAt < first.dueAt)) first = r;
  if (first) first.next = true;
  return rows;
}

interface Statements {
  caseRow: Database.Statement<[string], { received_at: number; profile_id: string; profile_version: number }>;
  history: Database.Statement<[string], HistoryEntry>;
  remove: Database.Statement<[string]>;
  insert: Database.Statement<[string, string, number, number, string, string, number, number]>;
}

const cache = new WeakMap<Database.Database, Statements>();

function statements(db: Database.Database): Statements {
  let s = cache.get(db);
  if (!s) {
    s = {
      caseRow: db.prepare('SELECT received_at, profile_id, profile_version FROM cases WHERE id = ?'),
      history: db.prepare('SELECT at, type, status FROM case_events WHERE case_id = ? ORDER BY seq'),
      remove: db.prepare('DELETE FROM case_deadlines WHERE case_id = ?'),
      insert: db.prepare(
        `INSERT INTO case_deadlines (case_id, limit_name, started_at, due_at, due_date, state, provisional, next)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
    };
    cache.set(db, s);
  }
  return s;
}

function write(s: Statements, caseId: string, rows: readonly DeadlineRow[]): void {
  s.remove.run(caseId);
  for (const r of rows)
    s.insert.run(
      caseId,
      r.limitName,
      r.startedAt,
      r.dueAt,
      r.dueDate,
      r.state,
      r.provisional ? 1 : 0,
      r.next ? 1 : 0,
    );
}

/** Recomputes one case's deadlines; call inside the transaction that changed its history. */
export function refreshDeadlines(
  db: Database.Database,
  caseId: string,
  calendar: WorkingCalendar,
  now: number,
): void {
  const s = statements(db);
  const row = s.caseRow.get(caseId);
  if (!row) return;
  write(
    s,
    caseId,
    deadlineRows(
      caseId,
      row.received_at,
      ruleProfiles(db).resolve(row.profile_id, row.profile_version),
      s.history.all(caseId),
      calendar,
      now,
    ),
  );
}

export interface BulkRefresh {
  /** Only open cases (after a calendar import: closed cases keep the clocks they closed with). */
  openOnly?: boolean;
  /** Only cases whose rowid is above this (cases appended since the last full refresh)… */
  afterRowid?: number;
  /** …and at most this. */
  upToRowid?: number;
  /** Runs in each chunk's write transaction with the chunk's last rowid. */
  onChunk?: (rowid: number) => void;
}

const CHUNK = 5_000;

/**
 * Recomputes the deadlines of many cases, a rowid range at a time: one read of cases joined to
 * their events per chunk, then one write transaction, so neither memory nor a transaction grows
 * with the store. Returns how many cases it recomputed.
 */
export function refreshAllDeadlines(
  db: Database.Database,
  calendar: WorkingCalendar,
  now: number,
  opts: BulkRefresh = {},
): number {
  const s = statements(db);
  const profiles = ruleProfiles(db);
  const read = db.prepare<
    [number, number],
    {
      rid: number;
      id: string;
      received_at: number;
      profile_id: string;
      profile_version: number;
      at: number;
      type: string;
      status: HistoryEntry['status'];
    }
  >(
    `SELECT c.rowid AS rid, c.id, c.received_at, c.profile_id, c.profile_version, e.at, e.type, e.status
       FROM cases c JOIN case_events e ON e.case_id = c.id
      WHERE c.rowid > ? AND c.rowid <= ? ${opts.openOnly ? 'AND c.is_open = 1' : ''}
      ORDER BY c.rowid, e.seq`,
  );
  const maxRowid =
    opts.upToRowid ?? (db.prepare('SELECT max(rowid) AS m FROM cases').get() as { m: number | null }).m ?? 0;
  const writeChunk = db.transaction((batch: DeadlineRow[][], ids: string[], last: number) => {
    for (let i = 0; i < ids.length; i++) write(s, ids[i]!, batch[i]!);
    opts.onChunk?.(last);
  });
  let done = 0;
  for (let from = opts.afterRowid ?? 0; from < maxRowid; from += CHUNK) {
    const to = Math.min(from + CHUNK, maxRowid);
    const rows = read.all(from, to);
    const batch: DeadlineRow[][] = [];
    const ids: string[] = [];
    for (let i = 0; i < rows.length;) {
      const head = rows[i]!;
      const history: HistoryEntry[] = [];
      for (; i < rows.length && rows[i]!.rid === head.rid; i++) {
        const r = rows[i]!;
        history.push({ at: r.at, type: r.type, status: r.status });
      }
      ids.push(head.id);
      const profile = profiles.resolve(head.profile_id, head.profile_version);
      batch.push(deadlineRows(head.id, head.received_at, profile, history, calendar, now));
    }
    writeChunk(batch, ids, to);
    done += ids.length;
  }
  return done;
}

/** app_meta key: the last cases.rowid whose deadlines are materialised (the seed writer moves it too). */
export const DEADLINES_MARK_KEY = 'case_deadlines.rowid';
/** Set once every case_deadlines row has its started_at (stores from before migration 0009 recompute once). */
const STARTED_AT_KEY = 'case_deadlines.started_at';

/**
 * Brings case_deadlines up to date with cases written without it (bulk demo data, a store
 * from before the table existed): every case above the last recorded rowid is recomputed, the
 * mark moving with each chunk's write so an interrupted catch-up resumes where it stopped.
 * `maxCases` bounds one call (the store worker catches up a slice at a time between calls).
 * Cheap when nothing is new. Returns how many cases it recomputed and whether some are left.
 */
export function catchUpDeadlines(
  db: Database.Database,
  calendar: WorkingCalendar,
  now: number,
  maxCases = Infinity,
): { done: number; more: boolean } {
  const mark = db.prepare(
    'INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const read = (key: string) =>
    (db.prepare('SELECT value FROM app_meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  if (read(STARTED_AT_KEY) === undefined) {
    // Rows written before case_deadlines had started_at lack it (share-of-period escalations skip
    // them): if there are any, recompute every case once, by the same resumable mark.
    const stale = db.prepare('SELECT 1 FROM case_deadlines WHERE started_at IS NULL LIMIT 1').get();
    db.transaction(() => {
      mark.run(STARTED_AT_KEY, 'filled');
      if (stale) mark.run(DEADLINES_MARK_KEY, '0');
    })();
  }
  const hwm = Number(read(DEADLINES_MARK_KEY) ?? 0);
  const max = (db.prepare('SELECT max(rowid) AS m FROM cases').get() as { m: number | null }).m ?? 0;
  const upTo = Math.min(max, hwm + maxCases);
  if (upTo <= hwm) return { done: 0, more: false };
  const done = refreshAllDeadlines(db, calendar, now, {
    afterRowid: hwm,
    upToRowid: upTo,
    onChunk: (rowid) => mark.run(DEADLINES_MARK_KEY, String(rowid)),
  });
  return { done, more: upTo < max };
}
