import type Database from 'better-sqlite3';
import type { QueueView } from '../../shared/domain/views';
import type { CaseListItem, CasePage } from '../../shared/rpc/dto';
import { maskName, maskPhone } from '../../shared/domain/phone';

/**
 * Queue views as keyset-paginated queries, newest first. Each view's WHERE clause matches the
 * leading columns of one index, so a page costs O(limit) however large the store is
 * (tests/integration/store/query-plans.test.ts asserts the plans).
 */
interface ViewSql {
  where: string;
  params: (staffId: string) => unknown[];
  index: string;
}

const VIEWS: Record<QueueView, ViewSql> = {
  all: { where: '1 = 1', params: () => [], index: 'cases_received_idx' },
  open: { where: 'c.is_open = 1', params: () => [], index: 'cases_open_received_idx' },
  closed: { where: 'c.is_open = 0', params: () => [], index: 'cases_open_received_idx' },
  mine: { where: 'c.assignee_id = ? AND c.is_open = 1', params: (s) => [s], index: 'cases_assignee_open_received_idx' },
  unassigned: {
    where: 'c.assignee_id IS NULL AND c.is_open = 1',
    params: () => [],
    index: 'cases_assignee_open_received_idx',
  },
};

export function viewIndex(view: QueueView): string {
  return VIEWS[view].index;
}

interface Cursor {
  receivedAt: number;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.receivedAt, c.id])).toString('base64url');
}

export function decodeCursor(raw: string): Cursor | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (Array.isArray(v) && typeof v[0] === 'number' && typeof v[1] === 'string') return { receivedAt: v[0], id: v[1] };
  } catch {
    // fall through: a malformed cursor is reported as invalid input by the caller
  }
  return null;
}

interface Row {
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

const COLUMNS = `c.id, c.case_no AS caseNo, c.status, c.channel, c.received_at AS receivedAt,
  p.name AS appellantName, p.phone AS appellantPhone, c.carrier_id AS carrierId, c.waybill_no AS waybillNo,
  c.category, c.reason, c.assignee_id AS assigneeId, c.priority`;

export function pageSql(view: QueueView, withCursor: boolean): string {
  const v = VIEWS[view];
  const after = withCursor ? 'AND (c.received_at, c.id) < (?, ?)' : '';
  return `SELECT ${COLUMNS}
    FROM cases c INDEXED BY ${v.index}
    JOIN parties p ON p.case_id = c.id AND p.kind = 'appellant'
    WHERE ${v.where} ${after}
    ORDER BY c.received_at DESC, c.id DESC
    LIMIT ?`;
}

export function countSql(view: QueueView): string {
  return `SELECT COUNT(*) AS n FROM cases c INDEXED BY ${VIEWS[view].index} WHERE ${VIEWS[view].where}`;
}

/** Rows leave the store masked: revealing personal data is a separate, audited action. */
export function toListItem(row: Row): CaseListItem {
  return {
    ...row,
    appellantName: maskName(row.appellantName),
    appellantPhone: row.appellantPhone ? maskPhone(row.appellantPhone) : '',
  };
}

export class QueueQueries {
  private readonly cache = new Map<string, Database.Statement>();
  constructor(private readonly db: Database.Database) {}

  private stmt(sql: string): Database.Statement {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.cache.set(sql, s);
    }
    return s;
  }

  page(view: QueueView, staffId: string, cursor: Cursor | null, limit: number): CasePage {
    const params = [...VIEWS[view].params(staffId)];
    if (cursor) params.push(cursor.receivedAt, cursor.id);
    const rows = this.stmt(pageSql(view, cursor !== null)).all(...params, limit + 1) as Row[];
    const more = rows.length > limit;
    const items = rows.slice(0, limit).map(toListItem);
    const last = items.at(-1);
    return { items, nextCursor: more && last ? encodeCursor({ receivedAt: last.receivedAt, id: last.id }) : null };
  }

  count(view: QueueView, staffId: string): number {
    return (this.stmt(countSql(view)).get(...VIEWS[view].params(staffId)) as { n: number }).n;
  }
}
