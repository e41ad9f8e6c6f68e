import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { RpcFailure } from '../../../shared/rpc/errors';
import type { CasePage } from '../../../shared/rpc/dto';
import {
  viewDefinitionSchema,
  type SortColumn,
  type UserView,
  type ViewDefinition,
  type ViewFilters,
} from '../../../shared/domain/views';
import {
  APPELLANT,
  COLUMNS,
  endOfShanghaiDay,
  keyset,
  StatementCache,
  toPage,
  type Cursor,
  type PageRow,
  type ViewContext,
} from '../queue';

/**
 * User-made views: stored per staff member, turned into SQL on each call. Unlike the saved
 * views they have no index made for them; a received-date range or a status narrows the
 * scan through the existing indexes, and counts stop at COUNT_CAP so a broad view never
 * walks the whole store to count.
 */
export const COUNT_CAP = 10_000;
export const MAX_VIEWS_PER_STAFF = 50;

const SORT_SQL: Record<SortColumn, string> = {
  receivedAt: 'c.received_at',
  caseNo: 'c.case_no',
  status: 'c.status',
  channel: 'c.channel',
  carrierId: 'c.carrier_id',
  waybillNo: 'c.waybill_no',
  category: 'c.category',
  // Unassigned sorts first ascending: '' is before every id, and the keyset needs no NULLs.
  assigneeId: "coalesce(c.assignee_id, '')",
  priority: 'c.priority',
};

const SHANGHAI = 8 * 3_600_000;
const dayStart = (date: string) => Date.parse(`${date}T00:00:00Z`) - SHANGHAI;

const anyOf = (column: string, values: readonly string[], where: string[], params: unknown[]) => {
  where.push(`${column} IN (${values.map(() => '?').join(', ')})`);
  params.push(...values);
};

/** The WHERE clause of a view's filters; every value is a bound parameter. */
export function filterSql(f: ViewFilters, v: ViewContext): { where: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (f.status?.length) anyOf('c.status', f.status, where, params);
  if (f.carrierId?.length) anyOf('c.carrier_id', f.carrierId, where, params);
  if (f.category?.length) anyOf('c.category', f.category, where, params);
  if (f.channel?.length) anyOf('c.channel', f.channel, where, params);
  if (f.province?.length) {
    const marks = f.province.map(() => '?').join(', ');
    where.push(`(c.origin_province IN (${marks}) OR c.dest_province IN (${marks}))`);
    params.push(...f.province, ...f.province);
  }
  if (f.assignee === 'none') where.push('c.assignee_id IS NULL');
  else if (f.assignee) {
    where.push('c.assignee_id = ?');
    params.push(f.assignee === 'me' ? v.staffId : f.assignee);
  }
  if (f.receivedFrom) {
    where.push('c.received_at >= ?');
    params.push(dayStart(f.receivedFrom));
  }
  if (f.receivedTo) {
    where.push('c.received_at < ?');
    params.push(dayStart(f.receivedTo) + 86_400_000);
  }
  if (f.clock) {
    const next = 'SELECT 1 FROM case_deadlines d WHERE d.case_id = c.id AND d.next = 1';
    if (f.clock === 'overdue') {
      where.push(`EXISTS (${next} AND d.due_at <= ?)`);
      params.push(v.now);
    } else if (f.clock === 'due_today') {
      where.push(`EXISTS (${next} AND d.due_at > ? AND d.due_at <= ?)`);
      params.push(v.now, endOfShanghaiDay(v.now));
    } else if (f.clock === 'running') where.push(`EXISTS (${next})`);
    else where.push(`NOT EXISTS (${next})`);
  }
  return { where: where.length ? where.join(' AND ') : '1 = 1', params };
}

interface StoredView {
  id: string;
  name: string;
  definition: string;
  created_at: number;
  updated_at: number;
}

function fromRow(r: StoredView): UserView {
  const def = JSON.parse(r.definition) as Omit<ViewDefinition, 'name'>;
  return {
    id: r.id,
    name: r.name,
    filters: def.filters,
    sort: def.sort,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export class UserViews {
  private readonly stmts: StatementCache;
  constructor(private readonly db: Database.Database) {
    this.stmts = new StatementCache(db);
  }

  list(staffId: string): UserView[] {
    return (
      this.stmts
        .get(
          'SELECT id, name, definition, created_at, updated_at FROM queue_views WHERE staff_id = ? ORDER BY name, id',
        )
        .all(staffId) as StoredView[]
    ).map(fromRow);
  }

  get(staffId: string, id: string): UserView {
    const row = this.stmts
      .get(
        'SELECT id, name, definition, created_at, updated_at FROM queue_views WHERE staff_id = ? AND id = ?',
      )
      .get(staffId, id) as StoredView | undefined;
    if (!row) throw new RpcFailure('NOT_FOUND', 'errors.NOT_FOUND');
    return fromRow(row);
  }

  create(staffId: string, input: ViewDefinition, now: number): UserView {
    const def = viewDefinitionSchema.parse(input);
    const id = randomUUID();
    this.db.transaction(() => {
      const n = (
        this.stmts.get('SELECT COUNT(*) AS n FROM queue_views WHERE staff_id = ?').get(staffId) as {
          n: number;
        }
      ).n;
      if (n >= MAX_VIEWS_PER_STAFF)
        throw new RpcFailure('CONFLICT', 'queue.errors.tooManyViews', { max: MAX_VIEWS_PER_STAFF });
      this.stmts
        .get(
          'INSERT INTO queue_views (id, staff_id, name, definition, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(id, staffId, def.name, JSON.stringify({ filters: def.filters, sort: def.sort }), now, now);
    })();
    return this.get(staffId, id);
  }

  update(staffId: string, id: string, input: ViewDefinition, now: number): UserView {
    const def = viewDefinitionSchema.parse(input);
    const changed = this.stmts
      .get('UPDATE queue_views SET name = ?, definition = ?, updated_at = ? WHERE staff_id = ? AND id = ?')
      .run(def.name, JSON.stringify({ filters: def.filters, sort: def.sort }), now, staffId, id).changes;
    if (changed === 0) throw new RpcFailure('NOT_FOUND', 'errors.NOT_FOUND');
    return this.get(staffId, id);
  }

  remove(staffId: string, id: string): void {
    const changed = this.stmts
      .get('DELETE FROM queue_views WHERE staff_id = ? AND id = ?')
      .run(staffId, id).changes;
    if (changed === 0) throw new RpcFailure('NOT_FOUND', 'errors.NOT_FOUND');
  }

  page(view: UserView, ctx: ViewContext, cursor: Cursor | null, limit: number): CasePage {
    const { where, params } = filterSql(view.filters, ctx);
    const key = SORT_SQL[view.sort.column];
    const k = keyset(key, 'c.id', view.sort.direction === 'asc' ? 'ASC' : 'DESC', cursor !== null);
    if (cursor) params.push(cursor.key, cursor.id);
    const sql = `SELECT ${COLUMNS}, ${key} AS sortKey FROM cases c ${APPELLANT} WHERE ${where} ${k.after} ${k.order} LIMIT ?`;
    return toPage(
      this.db
        .prepare(sql)
        .raw()
        .all(...params, limit + 1) as PageRow[],
      limit,
    );
  }

  /** The count, or COUNT_CAP + 1 meaning "more than COUNT_CAP". */
  count(view: UserView, ctx: ViewContext): number {
    const { where, params } = filterSql(view.filters, ctx);
    const sql = `SELECT COUNT(*) AS n FROM (SELECT 1 FROM cases c WHERE ${where} LIMIT ${COUNT_CAP + 1})`;
    return (this.db.prepare(sql).get(...params) as { n: number }).n;
  }
}
