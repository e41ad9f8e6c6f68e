import type Database from 'better-sqlite3';
import type { DrillFilter } from '../../shared/stats/notice';
import { parsePeriod, type Period } from '../../shared/stats/period';
import type { DrillCase, TrendPoint } from '../../shared/stats/dto';

/** The SQL condition for the cases behind one number of the notice. */
export function drillWhere(filter: DrillFilter): { where: string; params: unknown[] } {
  const p = parsePeriod(filter.period);
  const parts = ['c.received_date >= ?', 'c.received_date < ?'];
  const params: unknown[] = [p.from, p.until];
  if (filter.kind)
    parts.push(filter.kind === 'express' ? "c.service_type = 'express'" : "c.service_type <> 'express'");
  const eq = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    parts.push(`${column} = ?`);
    params.push(value);
  };
  eq('c.carrier_id', filter.carrierId);
  eq('c.category', filter.category);
  eq('c.reason', filter.reason);
  eq('c.dest_province', filter.province);
  if (filter.valid !== undefined)
    parts.push(filter.valid ? 'c.valid_appeal = 1' : 'coalesce(c.valid_appeal, 0) = 0');
  if (filter.overdue) parts.push('c.supervision_reminders > 0');
  return { where: parts.join(' AND '), params };
}

export function drillCases(db: Database.Database, filter: DrillFilter, limit: number): DrillCase[] {
  const { where, params } = drillWhere(filter);
  return db
    .prepare(
      `SELECT c.id, c.case_no AS caseNo, c.received_date AS receivedDate, c.carrier_id AS carrierId, c.category,
              c.reason, c.status, c.valid_appeal AS validAppeal
         FROM cases c WHERE ${where} ORDER BY c.received_at, c.id LIMIT ?`,
    )
    .all(...params, limit)
    .map((r) => {
      const row = r as Omit<DrillCase, 'validAppeal'> & { validAppeal: number | null };
      return { ...row, validAppeal: row.validAppeal === null ? null : row.validAppeal === 1 };
    });
}

/** How many cases the drill-down holds (the number on screen, recounted). */
export function drillCount(db: Database.Database, filter: DrillFilter): number {
  const { where, params } = drillWhere(filter);
  return (db.prepare(`SELECT count(*) AS n FROM cases c WHERE ${where}`).get(...params) as { n: number }).n;
}

/** Appeals and valid appeals per month, for the trend chart. */
export function monthlyTrend(db: Database.Database, months: readonly Period[]): TrendPoint[] {
  const stmt = db.prepare<[string, string], { total: number; valid: number }>(
    `SELECT count(*) AS total, total(valid_appeal = 1) AS valid
       FROM cases INDEXED BY cases_stats_idx WHERE received_date >= ? AND received_date < ?`,
  );
  return months.map((m) => {
    const r = stmt.get(m.from, m.until)!;
    return { month: m.id, total: r.total, valid: r.valid };
  });
}
