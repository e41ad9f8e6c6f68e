import type Database from 'better-sqlite3';
import { maskName, maskPhone } from '../../shared/domain/phone';
import { shanghaiDate } from '../../shared/domain/time';
import type { QueueView } from '../../shared/domain/views';
import type { CaseListItem, CasePage } from '../../shared/rpc/dto';

/**
 * Saved queue views as keyset-paginated queries. Each view reads one index whose leading
 * columns match its WHERE clause and whose next columns are its sort key, so a page costs
 * O(limit) however large the store is (tests/integration/queue/query-plans.test.ts asserts
 * the plans). Counts of the big views come from trigger-kept counters (queue_counts); the
 * others count an index range that is small by construction.
 */
export interface ViewContext {
  staffId: string;
  now: number;
}

export interface ViewSql {
  /** FROM … JOIN … with the index forced, so a statistics quirk can never fall back to a scan. */
  from: string;
  where: string;
  params: (v: ViewContext) => unknown[];
  /** The sort key: an expression and the id column that breaks ties; the keyset is (key, id). */
  key: string;
  id: string;
  direction: 'ASC' | 'DESC';
  index: string;
  /** Counter keys whose sum is the view's count; absent: COUNT over the index range. */
  counters?: (v: ViewContext) => string[];
}

const DAY = 86_400_000;
const SHANGHAI = 8 * 3_600_000;

/** 00:00 Asia/Shanghai of the day after `now` (China has no daylight saving time). */
export function endOfShanghaiDay(now: number): number {
  return Math.floor((now + SHANGHAI) / DAY) * DAY + DAY - SHANGHAI;
}

/** [start, end) of the Asia/Shanghai calendar month containing `now`. */
export function shanghaiMonth(now: number): [number, number] {
  const [y, m] = shanghaiDate(now).split('-').map(Number) as [number, number];
  return [Date.UTC(y, m - 1, 1) - SHANGHAI, Date.UTC(y, m, 1) - SHANGHAI];
}

const byCase = (index: string) => `cases c INDEXED BY ${index}`;
const byDeadline = (index: string) => `case_deadlines d INDEXED BY ${index} JOIN cases c ON c.id = d.case_id`;
const newest = { key: 'c.received_at', id: 'c.id', direction: 'DESC' } as const;
const soonest = { key: 'd.due_at', id: 'd.case_id', direction: 'ASC' } as const;

export const VIEWS: Record<QueueView, ViewSql> = {
  mine: {
    from: byCase('cases_assignee_open_received_idx'),
    where: 'c.assignee_id = ? AND c.is_open = 1',
    params: (v) => [v.staffId],
    ...newest,
    index: 'cases_assignee_open_received_idx',
    counters: (v) => [`assignee:${v.staffId}`],
  },
  unassigned: {
    from: byCase('cases_assignee_open_received_idx'),
    where: 'c.assignee_id IS NULL AND c.is_open = 1',
    params: () => [],
    ...newest,
    index: 'cases_assignee_open_received_idx',
    counters: () => ['assignee:'],
  },
  // A running clock due later today (its due instant is at most 24:00 today), next deadline of the case.
  due_today: {
    from: byDeadline('case_deadlines_next_idx'),
    where: 'd.next = 1 AND d.due_at > ? AND d.due_at <= ?',
    params: (v) => [v.now, endOfShanghaiDay(v.now)],
    ...soonest,
    index: 'case_deadlines_next_idx',
  },
  overdue: {
    from: byDeadline('case_deadlines_next_idx'),
    where: 'd.next = 1 AND d.due_at <= ?',
    params: (v) => [v.now],
    ...soonest,
    index: 'case_deadlines_next_idx',
  },
  // The carrier's reply is late: its clock runs past due. Supervision (督办) is only issued on
  // such cases and does not stop that clock, so supervised cases are in this range too.
  carrier_overdue: {
    from: byDeadline('case_deadlines_carrier_idx'),
    where: "d.limit_name = 'carrier_reply' AND d.state = 'running' AND d.due_at <= ?",
    params: (v) => [v.now],
    ...soonest,
    index: 'case_deadlines_carrier_idx',
  },
  awaiting_callback: {
    from: byCase('cases_awaiting_callback_idx'),
    where: "c.status IN ('callback', 'carrier_replied')",
    params: () => [],
    ...newest,
    index: 'cases_awaiting_callback_idx',
    counters: () => ['status:callback', 'status:carrier_replied'],
  },
  mediating: {
    from: byCase('cases_status_received_idx'),
    where: "c.status = 'mediating'",
    params: () => [],
    ...newest,
    index: 'cases_status_received_idx',
    counters: () => ['status:mediating'],
  },
  closed_this_month: {
    from: byCase('cases_closed_at_idx'),
    where: "c.status = 'closed' AND c.closed_at >= ? AND c.closed_at < ?",
    params: (v) => shanghaiMonth(v.now),
    key: 'c.closed_at',
    id: 'c.id',
    direction: 'DESC',
    index: 'cases_closed_at_idx',
  },
  open: {
    from: byCase('cases_open_received_idx'),
    where: 'c.is_open = 1',
    params: () => [],
    ...newest,
    index: 'cases_open_received_idx',
    counters: () => ['open'],
  },
  all: {
    from: byCase('cases_received_idx'),
    where: '1 = 1',
    params: () => [],
    ...newest,
    index: 'cases_received_idx',
    counters: () => ['all'],
  },
  closed: {
    from: byCase('cases_open_received_idx'),
    where: 'c.is_open = 0',
    params: () => [],
    ...newest,
    index: 'cases_open_received_idx',
  },
};

export function viewIndex(view: QueueView): string {
  return VIEWS[view].index;
}

/** Where the previous page ended: the last row's sort key and id. */
export interface Cursor {
  key: number | string | null;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.key, c.id])).toString('base64url');
}

export function decodeCursor(raw: string): Cursor | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (
      Array.isArray(v) &&
      v.length === 2 &&
      ['number', 'string'].includes(typeof v[0]) &&
      typeof v[1] === 'string'
    ) {
      return { key: v[0] as number | string, id: v[1] };
    }
  } catch {
    // fall through: a malformed cursor is reported as invalid input by the caller
  }
  return null;
}

export interface Row {
  id: string;
  caseNo: string;
  status: CaseListItem['status'];
  channel: CaseListItem['channel'];
  receivedAt: number;
  appellantName: string;
  appellantPhone: string | null;
  carrierId: string;
  waybillNo: string;
  category: string;
  reason: string;
  assigneeId: string | null;
  priority: number;
}

export const COLUMNS = `c.id AS id, c.case_no AS caseNo, c.status, c.channel, c.received_at AS receivedAt,
  p.name AS appellantName, p.phone AS appellantPhone, c.carrier_id AS carrierId, c.waybill_no AS waybillNo,
  c.category, c.reason, c.assignee_id AS assigneeId, c.priority`;

/** A page query's row in raw mode: COLUMNS in their order, then the sort key. */
export type PageRow = unknown[];

/**
 * Page queries read rows as arrays (`statement.raw()`): better-sqlite3 makes them in ~60 % of
 * the time it takes to make objects with named keys, which at 51 rows is most of a page's cost.
 */
function rowOf(v: PageRow): Row {
  return {
    id: v[0] as string,
    caseNo: v[1] as string,
    status: v[2] as Row['status'],
    channel: v[3] as Row['channel'],
    receivedAt: v[4] as number,
    appellantName: v[5] as string,
    appellantPhone: v[6] as string | null,
    carrierId: v[7] as string,
    waybillNo: v[8] as string,
    category: v[9] as string,
    reason: v[10] as string,
    assigneeId: v[11] as string | null,
    priority: v[12] as number,
  };
}

export const APPELLANT = "JOIN parties p ON p.case_id = c.id AND p.kind = 'appellant'";

/** The keyset condition and order for a (key, id) sort: rows strictly after the cursor. */
export function keyset(key: string, id: string, direction: 'ASC' | 'DESC', withCursor: boolean) {
  const op = direction === 'DESC' ? '<' : '>';
  return {
    after: withCursor ? `AND (${key}, ${id}) ${op} (?, ?)` : '',
    order: `ORDER BY ${key} ${direction}, ${id} ${direction}`,
  };
}

export function pageSql(view: QueueView, withCursor: boolean): string {
  const v = VIEWS[view];
  const k = keyset(v.key, v.id, v.direction, withCursor);
  return `SELECT ${COLUMNS}, ${v.key} AS sortKey FROM ${v.from} ${APPELLANT}
    WHERE ${v.where} ${k.after} ${k.order} LIMIT ?`;
}

export function countSql(view: QueueView): string {
  const v = VIEWS[view];
  return `SELECT COUNT(*) AS n FROM ${v.from.replace(/ JOIN cases c ON c\.id = d\.case_id$/, '')} WHERE ${v.where}`;
}

export const COUNTER_SQL =
  'SELECT coalesce(sum(n), 0) AS n FROM queue_counts WHERE key IN (SELECT value FROM json_each(?))';

/** Rows leave the store masked: revealing personal data is a separate, audited action. */
export function toListItem(row: Row): CaseListItem {
  return {
    id: row.id,
    caseNo: row.caseNo,
    status: row.status,
    channel: row.channel,
    receivedAt: row.receivedAt,
    appellantName: maskName(row.appellantName),
    appellantPhone: row.appellantPhone ? maskPhone(row.appellantPhone) : '',
    carrierId: row.carrierId,
    waybillNo: row.waybillNo,
    category: row.category,
    reason: row.reason,
    assigneeId: row.assigneeId,
    priority: row.priority,
  };
}

/** A page of rows fetched with one extra to know whether there is a next page. */
export function toPage(rows: PageRow[], limit: number): CasePage {
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((v) => toListItem(rowOf(v))),
    nextCursor:
      more && last ? encodeCursor({ key: last[13] as number | string, id: last[0] as string }) : null,
  };
}

export class StatementCache {
  private readonly cache = new Map<string, Database.Statement>();
  constructor(private readonly db: Database.Database) {}

  get(sql: string): Database.Statement {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.cache.set(sql, s);
    }
    return s;
  }

  /** A page query, answering rows as arrays (PageRow). */
  pages(sql: string): Database.Statement<unknown[], PageRow> {
    const key = `pages:${sql}`;
    let s = this.cache.get(key);
    if (!s) {
      s = this.db.prepare(sql).raw();
      this.cache.set(key, s);
    }
    return s as Database.Statement<unknown[], PageRow>;
  }
}

export class QueueQueries {
  private readonly stmts: StatementCache;
  constructor(db: Database.Database) {
    this.stmts = new StatementCache(db);
  }

  page(view: QueueView, staffId: string, cursor: Cursor | null, limit: number, now = Date.now()): CasePage {
    const params = VIEWS[view].params({ staffId, now });
    if (cursor) params.push(cursor.key, cursor.id);
    return toPage(this.stmts.pages(pageSql(view, cursor !== null)).all(...params, limit + 1), limit);
  }

  count(view: QueueView, staffId: string, now = Date.now()): number {
    const v = VIEWS[view];
    const ctx = { staffId, now };
    if (v.counters)
      return (this.stmts.get(COUNTER_SQL).get(JSON.stringify(v.counters(ctx))) as { n: number }).n;
    if (view === 'closed') {
      const all = this.count('all', staffId, now);
      return all - this.count('open', staffId, now);
    }
    return (this.stmts.get(countSql(view)).get(...v.params(ctx)) as { n: number }).n;
  }
}
