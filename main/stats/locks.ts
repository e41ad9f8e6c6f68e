import type Database from 'better-sqlite3';
import type { PeriodLock, PostLockDifference } from '../../shared/stats/dto';
import { parsePeriod } from '../../shared/stats/period';
import { fingerprintSql } from './aggregate';
import { averagingSetting, computeNotice } from './notice';

/**
 * Freezes a period as reported: the notice as computed now, and what each case contributed,
 * in one transaction so the snapshot and the fingerprints describe the same moment.
 * Returns false when the period was already locked (a lock is never overwritten).
 */
export function lockPeriod(db: Database.Database, periodId: string, staffId: string, at: number): boolean {
  const period = parsePeriod(periodId);
  return db.transaction(() => {
    if (db.prepare('SELECT 1 FROM stats_period_locks WHERE period = ?').get(period.id)) return false;
    const notice = computeNotice(db, period, averagingSetting(db));
    db.prepare(
      'INSERT INTO stats_period_locks (period, locked_at, locked_by, notice) VALUES (?, ?, ?, ?)',
    ).run(period.id, at, staffId, JSON.stringify(notice));
    db.prepare(
      `INSERT INTO stats_locked_cases (period, case_id, fingerprint)
       SELECT ?, c.id, ${fingerprintSql('c')} FROM cases c WHERE received_date >= ? AND received_date < ?`,
    ).run(period.id, period.from, period.until);
    return true;
  })();
}

export function periodLocks(db: Database.Database): PeriodLock[] {
  return db
    .prepare<[], PeriodLock>(
      'SELECT period, locked_at AS lockedAt, locked_by AS lockedBy FROM stats_period_locks ORDER BY period DESC',
    )
    .all();
}

/** Cases whose contribution to a locked period differs from the snapshot's. */
export function postLockDifferences(db: Database.Database, periodId: string): PostLockDifference[] {
  const period = parsePeriod(periodId);
  if (!db.prepare('SELECT 1 FROM stats_period_locks WHERE period = ?').get(period.id)) return [];
  const fp = fingerprintSql('c');
  const rows = db
    .prepare<unknown[], { caseId: string; caseNo: string; before: string | null; after: string | null }>(
      `SELECT c.id AS caseId, c.case_no AS caseNo, l.fingerprint AS before, ${fp} AS after
         FROM cases c LEFT JOIN stats_locked_cases l ON l.period = ? AND l.case_id = c.id
        WHERE c.received_date >= ? AND c.received_date < ? AND (l.fingerprint IS NULL OR l.fingerprint <> ${fp})
       UNION ALL
       SELECT c.id, c.case_no, l.fingerprint, NULL
         FROM stats_locked_cases l JOIN cases c ON c.id = l.case_id
        WHERE l.period = ? AND NOT (c.received_date >= ? AND c.received_date < ?)
        ORDER BY 2`,
    )
    .all(period.id, period.from, period.until, period.id, period.from, period.until);
  return rows.map((r) => ({
    caseId: r.caseId,
    caseNo: r.caseNo,
    change: r.before === null ? 'added' : r.after === null ? 'removed' : 'changed',
    before: r.before === null ? null : (JSON.parse(r.before) as unknown[]),
    after: r.after === null ? null : (JSON.parse(r.after) as unknown[]),
  }));
}
