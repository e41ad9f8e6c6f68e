import type Database from 'better-sqlite3';
import type { Period } from '../../shared/stats/period';
import { CONTRIBUTION_FIELDS, type ContributionField } from '../../shared/stats/dto';

/** One group of a period's cases: everything the notice needs, summed in SQL. */
export interface CaseGroup {
  carrierId: string;
  serviceType: string;
  category: string;
  reason: string;
  n: number;
  valid: number;
  satisfiedAdmin: number;
  satisfiedCarrier: number;
  recoveredFen: number;
  untruthful: number;
  overdue: number;
}

export interface OverdueGroup {
  carrierId: string;
  province: string;
  n: number;
}

// Every column read here is in cases_stats_idx, so a period is one index range scan.
const GROUPS_SQL = `
  SELECT carrier_id AS carrierId, service_type AS serviceType, category, reason,
         count(*) AS n,
         total(valid_appeal = 1) AS valid,
         total(valid_appeal = 1 AND satisfaction = 'satisfied') AS satisfiedAdmin,
         total(valid_appeal = 1 AND carrier_satisfaction = 'satisfied') AS satisfiedCarrier,
         total(amount_recovered_fen) AS recoveredFen,
         total(carrier_reply_untruthful = 1) AS untruthful,
         total(supervision_reminders > 0) AS overdue
    FROM cases INDEXED BY cases_stats_idx
   WHERE received_date >= ? AND received_date < ?
   GROUP BY carrier_id, service_type, category, reason`;

const OVERDUE_SQL = `
  SELECT carrier_id AS carrierId, dest_province AS province, count(*) AS n
    FROM cases INDEXED BY cases_stats_idx
   WHERE received_date >= ? AND received_date < ? AND supervision_reminders > 0
   GROUP BY carrier_id, dest_province`;

const PROVINCE_SQL = `
  SELECT dest_province AS province, count(*) AS count
    FROM cases INDEXED BY cases_stats_idx
   WHERE received_date >= ? AND received_date < ?
   GROUP BY dest_province`;

export function provinceGroups(db: Database.Database, period: Period): { province: string; count: number }[] {
  return db
    .prepare<[string, string], { province: string; count: number }>(PROVINCE_SQL)
    .all(period.from, period.until);
}

export function caseGroups(db: Database.Database, period: Period): CaseGroup[] {
  return db.prepare<[string, string], CaseGroup>(GROUPS_SQL).all(period.from, period.until);
}

export function overdueGroups(db: Database.Database, period: Period): OverdueGroup[] {
  return db.prepare<[string, string], OverdueGroup>(OVERDUE_SQL).all(period.from, period.until);
}

/**
 * What a case contributes to its period's figures, as one string: a locked period keeps these,
 * and a case whose string changes later is a post-lock difference.
 */
const FINGERPRINT_COLUMNS: Record<ContributionField, string> = {
  receivedDate: 'received_date',
  carrier: 'carrier_id',
  serviceType: 'service_type',
  category: 'category',
  reason: 'reason',
  validAppeal: 'valid_appeal',
  satisfaction: 'satisfaction',
  carrierSatisfaction: 'carrier_satisfaction',
  amountRecovered: 'amount_recovered_fen',
  untruthfulReply: 'carrier_reply_untruthful',
  overdue: 'supervision_reminders > 0',
  destProvince: 'dest_province',
};

export function fingerprintSql(alias: string): string {
  return `json_array(${CONTRIBUTION_FIELDS.map((f) => `${alias}.${FINGERPRINT_COLUMNS[f]}`).join(', ')})`;
}

/** Pieces per carrier for the period: its own row, or for a quarter the sum of its three months. */
export function volumesFor(db: Database.Database, period: Period): Map<string, number> {
  const ids = [period.id, ...(period.kind === 'quarter' ? period.months : [])];
  const rows = db
    .prepare<string[], { carrierId: string; period: string; pieces: number }>(
      `SELECT carrier_id AS carrierId, period, pieces FROM business_volumes WHERE period IN (${ids.map(() => '?').join(',')})`,
    )
    .all(...ids);
  const own = new Map<string, number>();
  const months = new Map<string, { pieces: number; count: number }>();
  for (const r of rows) {
    if (r.period === period.id) own.set(r.carrierId, r.pieces);
    else {
      const m = months.get(r.carrierId) ?? { pieces: 0, count: 0 };
      months.set(r.carrierId, { pieces: m.pieces + r.pieces, count: m.count + 1 });
    }
  }
  for (const [carrier, m] of months) {
    if (!own.has(carrier) && m.count === period.months.length) own.set(carrier, m.pieces);
  }
  return own;
}
