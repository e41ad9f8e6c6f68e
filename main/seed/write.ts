import type Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import type { CalendarYear } from '../../shared/calendar';
import { DEFAULT_PROFILE } from '../store/cases';
import { ruleProfiles } from '../store/profiles';
import { ensureReferenceData } from '../store/reference';
import { DEADLINES_MARK_KEY } from '../store/search/deadlines';
import {
  CASE_COLUMNS,
  CASE_WIDTH,
  DEADLINE_WIDTH,
  EVENT_WIDTH,
  PARTY_WIDTH,
  renumberDay,
  type Batch,
  type BatchParams,
} from './batches';
import { DAY_MS, shanghaiDayNo, dayKey } from './calendar';
import { demoStaff } from './people';
import { DEFAULT_SPAN_DAYS } from './plan';
import { inlineSource, workerEntry, workerSource, type BatchSource } from './source';

export interface WriteDemoOptions {
  cases: number;
  /** Same seed, same data (default 20260101). */
  seed?: number;
  /** The end of the two-year span of received times (default: now). */
  now?: number;
  /** Cases per transaction (default 10,000; rounded up to whole batches of up to 1,000). */
  batchSize?: number;
  /** Recorded as the workstation of every audit event (default `demo-seed`). */
  actorWorkstation?: string;
  /** Called after each committed transaction with the number of cases written so far. */
  onProgress?: ((written: number) => void) | undefined;
  /**
   * Generate on a worker thread (default: from 20,000 cases, when the worker is available).
   * The data is the same either way; this only decides which core does the work.
   */
  useWorker?: boolean;
  /**
   * The data folder's imported calendar years (loadImportedYears): the cases' deadlines are
   * computed with them as the store would (default: none, the bundled calendar only).
   */
  calendarYears?: CalendarYear[];
}

export const DEFAULT_SEED = 20260101;
export const MAX_DEMO_CASES = 5_000_000;
const WORKER_FROM = 20_000;
/** Cases per batch handed from the generator to the writer. */
const MESSAGE_CASES = 1_000;

/**
 * Bulk-loads demo appeals (main/seed/generate.ts) with raw prepared statements, one transaction
 * per batch. The audit chains are hashed with the store's own `eventHash` as the batches are
 * built (AuditLog.append would re-read each chain head from the file, millions of times), and
 * cases.audit_seq is set to each chain's length. Case numbers continue the store's per-day
 * counters, so it also appends to a store that has cases; ids are salted by the case count.
 */
export function writeDemoData(
  db: Database.Database,
  opts: WriteDemoOptions,
): { written: number; ms: number } {
  const started = performance.now();
  const total = opts.cases;
  if (!Number.isInteger(total) || total < 0 || total > MAX_DEMO_CASES) {
    throw new RangeError(`cases must be an integer from 0 to ${MAX_DEMO_CASES}, not ${total}`);
  }
  const now = opts.now ?? Date.now();
  const txSize = Math.max(1, Math.floor(opts.batchSize ?? 10_000));
  const params: BatchParams = {
    seed: (opts.seed ?? DEFAULT_SEED) >>> 0,
    count: total,
    now,
    idSalt: (db.prepare('SELECT COUNT(*) AS n FROM cases').get() as { n: number }).n,
    batchSize: Math.min(MESSAGE_CASES, txSize),
    workstation: opts.actorWorkstation ?? 'demo-seed',
    counters: readCounters(db, now),
    calendarYears: opts.calendarYears ?? [],
    profile: ruleProfiles(db).resolve(DEFAULT_PROFILE.id, DEFAULT_PROFILE.version),
  };
  ensureReferenceData(db);
  insertStaff(db, params.seed, now);
  if (total === 0) return { written: 0, ms: performance.now() - started };

  const entry = opts.useWorker === false ? null : workerEntry();
  const useWorker = entry !== null && (opts.useWorker ?? total >= WORKER_FROM);
  const source: BatchSource = useWorker ? workerSource(entry, params) : inlineSource(params);
  const written = writeBatches(db, source, { batchSize: txSize, onProgress: opts.onProgress });
  return { written, ms: performance.now() - started };
}

/**
 * Writes every batch of `source` (and closes it), whole batches per transaction until each has
 * at least `batchSize` cases. Exported for tests, which feed it batches numbered from a stale
 * view of the counters to check the renumbering.
 */
export function writeBatches(
  db: Database.Database,
  source: BatchSource,
  opts: { batchSize: number; onProgress?: ((written: number) => void) | undefined },
): number {
  // Durability off for the load only. In WAL mode the file stays consistent if this process
  // dies; only an OS crash or power cut during the load could lose or damage what it wrote,
  // and the remedy for a broken demo load is to delete the store and seed again. The larger
  // cache keeps the indexes being appended to in memory. Foreign keys hold by construction
  // (carriers and the demo staff are ensured first, events follow their case in the same
  // transaction), so the load skips checking them row by row. All restored whatever happens.
  const synchronous = db.pragma('synchronous', { simple: true }) as number;
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  db.pragma('foreign_keys = OFF');
  try {
    const s = statements(db);
    const searchTrigger = s.searchTrigger.get()?.sql ?? null;
    const insertBatch = (b: Batch) => {
      for (const day of b.days) {
        // Someone registered cases on this day since the counters were read: continue after them.
        const current = s.readCounter.get(day.date)?.last ?? 0;
        const last = current === day.from ? day.to : renumberDay(b, day.date, current);
        s.saveCounter.run(day.date, last);
      }
      s.cases.insert(b.cases);
      s.parties.insert(b.parties);
      s.events.insert(b.events);
      s.deadlines.insert(b.deadlines);
    };
    // Small batches cross from the worker (their arrays die young, which keeps garbage
    // collection cheap); a transaction takes whole batches until it has `batchSize` cases.
    let exhausted = false;
    const writeTransaction = db.transaction((): number => {
      // The batches carry their cases' deadlines, so the catch-up's mark moves past them, unless
      // cases before them still wait for it (then it recomputes these too, as before).
      const before = maxRowid(s);
      const caughtUp = deadlinesMark(s) >= before;
      // case_search is filled set-based after the batches instead of row by row by its trigger.
      // The trigger is dropped and re-created inside this transaction, so if anything fails the
      // rollback restores it: no store is ever left without it.
      if (searchTrigger) db.exec('DROP TRIGGER case_search_party_insert');
      let n = 0;
      while (n < opts.batchSize) {
        const b = source.next();
        if (b === null) {
          exhausted = true;
          break;
        }
        insertBatch(b);
        n += b.count;
      }
      if (searchTrigger) {
        s.fillSearch.run(before);
        db.exec(searchTrigger);
      }
      if (caughtUp && n > 0) s.saveMark.run(String(maxRowid(s)));
      return n;
    });
    let written = 0;
    while (!exhausted) {
      const n = writeTransaction.immediate();
      written += n;
      if (n > 0) opts.onProgress?.(written);
    }
    return written;
  } finally {
    source.close();
    db.pragma(`foreign_keys = ${foreignKeys}`);
    db.pragma(`cache_size = ${cacheSize}`);
    db.pragma(`synchronous = ${synchronous}`);
  }
}

/**
 * Inserts rows given as one flat array, many rows per statement. One statement execution per
 * 25–50 rows instead of per row saves the per-call overhead (binding, stepping, resetting);
 * measured at about a tenth of the insert CPU. The b-tree work itself is the same.
 */
class MultiRowInsert {
  private readonly many: Database.Statement<unknown[]>;
  private readonly one: Database.Statement<unknown[]>;

  constructor(
    db: Database.Database,
    head: string,
    private readonly row: string,
    private readonly width: number,
    private readonly rowsPerStatement: number,
  ) {
    this.many = db.prepare(
      `${head} VALUES ${Array.from({ length: rowsPerStatement }, () => row).join(', ')}`,
    );
    this.one = db.prepare(`${head} VALUES ${row}`);
  }

  insert(values: unknown[]): void {
    const chunk = this.width * this.rowsPerStatement;
    let at = 0;
    for (; at + chunk <= values.length; at += chunk) this.many.run(values.slice(at, at + chunk));
    for (; at < values.length; at += this.width) this.one.run(values.slice(at, at + this.width));
  }
}

const placeholders = (n: number) => `(${Array.from({ length: n }, () => '?').join(', ')})`;

function statements(db: Database.Database) {
  return {
    cases: new MultiRowInsert(
      db,
      `INSERT INTO cases (${CASE_COLUMNS.join(', ')})`,
      placeholders(CASE_WIDTH),
      CASE_WIDTH,
      25,
    ),
    parties: new MultiRowInsert(
      db,
      'INSERT INTO parties (id, case_id, kind, name, phone, created_at)',
      "(?, ?, 'appellant', ?, ?, ?)",
      PARTY_WIDTH,
      50,
    ),
    events: new MultiRowInsert(
      db,
      'INSERT INTO case_events (case_id, seq, type, actor_id, workstation, at, status, data, prev_hash, hash)',
      placeholders(EVENT_WIDTH),
      EVENT_WIDTH,
      50,
    ),
    deadlines: new MultiRowInsert(
      db,
      'INSERT INTO case_deadlines (case_id, limit_name, started_at, due_at, due_date, state, provisional, next)',
      placeholders(DEADLINE_WIDTH),
      DEADLINE_WIDTH,
      50,
    ),
    maxRowid: db.prepare<[], { m: number | null }>('SELECT max(rowid) AS m FROM cases'),
    searchTrigger: db.prepare<[], { sql: string }>(
      "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'case_search_party_insert'",
    ),
    // What case_search_party_insert (drizzle/0005) inserts, for all the cases after a rowid.
    fillSearch: db.prepare<[number]>(
      `INSERT INTO case_search (rowid, case_id, description, name)
       SELECT c.rowid, c.id, c.description, p.name
         FROM cases c JOIN parties p ON p.case_id = c.id AND p.kind = 'appellant'
        WHERE c.rowid > ?`,
    ),
    // The high-water mark of catchUpDeadlines (main/store/search/deadlines.ts).
    readMark: db.prepare<[], { value: string }>(
      `SELECT value FROM app_meta WHERE key = '${DEADLINES_MARK_KEY}'`,
    ),
    saveMark: db.prepare<[string]>(
      `INSERT INTO app_meta (key, value) VALUES ('${DEADLINES_MARK_KEY}', ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    ),
    readCounter: db.prepare<[string], { last: number }>(
      'SELECT last FROM case_number_counters WHERE day = ?',
    ),
    // max(): never lowers a counter, whatever raced ahead of it.
    saveCounter: db.prepare<[string, number]>(
      `INSERT INTO case_number_counters (day, last) VALUES (?, ?)
       ON CONFLICT (day) DO UPDATE SET last = max(last, excluded.last)`,
    ),
  };
}

type Statements = ReturnType<typeof statements>;
const maxRowid = (s: Statements) => s.maxRowid.get()?.m ?? 0;
const deadlinesMark = (s: Statements) => Number(s.readMark.get()?.value ?? 0);

/** The store's counters for the days the demo spans (a day's counter is checked again before use). */
function readCounters(db: Database.Database, now: number): Record<string, number> {
  const first = dayKey(shanghaiDayNo(now - DEFAULT_SPAN_DAYS * DAY_MS));
  const rows = db.prepare('SELECT day, last FROM case_number_counters WHERE day >= ?').all(first) as {
    day: string;
    last: number;
  }[];
  return Object.fromEntries(rows.map((r) => [r.day, r.last]));
}

function insertStaff(db: Database.Database, seed: number, now: number): void {
  // OR IGNORE: a store seeded before keeps its roster (and the names its cases refer to).
  const insert = db.prepare(
    'INSERT OR IGNORE INTO staff (id, name, roles, team, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const joined = now - 800 * DAY_MS;
  db.transaction(() => {
    for (const m of demoStaff(seed)) insert.run(m.id, m.name, JSON.stringify(m.roles), m.team, joined);
  })();
}
