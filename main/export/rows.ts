import type Database from 'better-sqlite3';
import { maskName, maskPhone } from '../../shared/domain/phone';
import { EXPORT_COLUMNS, type CaseExportRequest, type ExportColumnKey } from '../../shared/stats/columns';
import {
  carrierLabel,
  categoryLabel,
  provinceLabel,
  reasonLabel,
  serviceTypeLabel,
} from '../../shared/stats/labels';
import { parsePeriod } from '../../shared/stats/period';
import { VIEWS } from '../store/queue';

/** One exported cell: text, a number, or empty. Numbers stay numbers in XLSX. */
export type Cell = string | number | null;

export interface RawCaseRow {
  caseNo: string;
  receivedDate: string;
  status: string;
  channel: string;
  carrierId: string;
  serviceType: string;
  waybillNo: string;
  originProvince: string;
  destProvince: string;
  category: string;
  reason: string;
  validAppeal: number | null;
  satisfaction: string | null;
  carrierSatisfaction: string | null;
  amountRecoveredFen: number | null;
  description: string;
  appellantName: string;
  appellantPhone: string | null;
}

const SELECT = `SELECT c.case_no AS caseNo, c.received_date AS receivedDate, c.status, c.channel,
  c.carrier_id AS carrierId, c.service_type AS serviceType, c.waybill_no AS waybillNo,
  c.origin_province AS originProvince, c.dest_province AS destProvince, c.category, c.reason,
  c.valid_appeal AS validAppeal, c.satisfaction, c.carrier_satisfaction AS carrierSatisfaction,
  c.amount_recovered_fen AS amountRecoveredFen, c.description,
  p.name AS appellantName, p.phone AS appellantPhone`;
const JOIN = `JOIN parties p ON p.case_id = c.id AND p.kind = 'appellant'`;

/** The SQL and parameters of an export's rows: a queue view in the queue's own order and index. */
export function caseRowsQuery(
  source: CaseExportRequest['source'],
  staffId: string,
  now = Date.now(),
): { sql: string; params: unknown[] } {
  switch (source.kind) {
    case 'view': {
      const v = VIEWS[source.view];
      return {
        sql: `${SELECT} FROM ${v.from} ${JOIN} WHERE ${v.where} ORDER BY ${v.key} ${v.direction}, ${v.id} ${v.direction}`,
        params: v.params({ staffId, now }),
      };
    }
    case 'period': {
      const p = parsePeriod(source.period);
      return {
        sql: `${SELECT} FROM cases c ${JOIN} WHERE c.received_date >= ? AND c.received_date < ? ORDER BY c.received_at, c.id`,
        params: [p.from, p.until],
      };
    }
    case 'selection':
      return {
        sql: `${SELECT} FROM cases c ${JOIN} WHERE c.id IN (SELECT value FROM json_each(?)) ORDER BY c.received_at DESC, c.id DESC`,
        params: [JSON.stringify(source.caseIds)],
      };
  }
}

export function countRows(
  db: Database.Database,
  source: CaseExportRequest['source'],
  staffId: string,
  now = Date.now(),
): number {
  const { sql, params } = caseRowsQuery(source, staffId, now);
  const from = sql.indexOf(' FROM ');
  const orderBy = sql.lastIndexOf(' ORDER BY ');
  // Every case has exactly one appellant, so the count needs no join (at 1M rows: ~1.5 s → ~0.1 s).
  const counted = sql.slice(from, orderBy).replace(` ${JOIN}`, '');
  return (db.prepare(`SELECT count(*) AS n${counted}`).get(...params) as { n: number }).n;
}

const yesNo = (v: number | null) => (v === null ? null : v === 1 ? '是' : '否');
const SATISFACTION_ZH: Readonly<Record<string, string>> = {
  satisfied: '满意',
  unsatisfied: '不满意',
  unknown: '未表态',
};

/** The SELECT's columns in order: rows are read raw (arrays), which is markedly faster for big exports. */
const RAW_KEYS: readonly (keyof RawCaseRow)[] = [
  'caseNo',
  'receivedDate',
  'status',
  'channel',
  'carrierId',
  'serviceType',
  'waybillNo',
  'originProvince',
  'destProvince',
  'category',
  'reason',
  'validAppeal',
  'satisfaction',
  'carrierSatisfaction',
  'amountRecoveredFen',
  'description',
  'appellantName',
  'appellantPhone',
];

export type RawRow = unknown[];

/** Turns a stored (raw) row into the chosen cells; personal columns masked unless `revealPersonal`. */
export function rowMapper(
  columns: readonly ExportColumnKey[],
  revealPersonal: boolean,
): (r: RawRow) => Cell[] {
  const get = <K extends keyof RawCaseRow>(key: K) => {
    const i = RAW_KEYS.indexOf(key);
    return (r: RawRow) => r[i] as RawCaseRow[K];
  };
  const text = (key: keyof RawCaseRow, label: (code: string) => string) => {
    const v = get(key);
    return (r: RawRow) => label(v(r) as string);
  };
  const satisfaction = (key: 'satisfaction' | 'carrierSatisfaction') => {
    const v = get(key);
    return (r: RawRow) => {
      const s = v(r);
      return s ? (SATISFACTION_ZH[s] ?? s) : null;
    };
  };
  const valid = get('validAppeal');
  const amount = get('amountRecoveredFen');
  const name = get('appellantName');
  const phone = get('appellantPhone');
  const cell: Record<ExportColumnKey, (r: RawRow) => Cell> = {
    caseNo: get('caseNo'),
    receivedDate: get('receivedDate'),
    status: get('status'),
    channel: get('channel'),
    carrier: text('carrierId', carrierLabel),
    serviceType: text('serviceType', serviceTypeLabel),
    waybillNo: get('waybillNo'),
    originProvince: text('originProvince', provinceLabel),
    destProvince: text('destProvince', provinceLabel),
    category: text('category', categoryLabel),
    reason: text('reason', reasonLabel),
    validAppeal: (r) => yesNo(valid(r)),
    satisfaction: satisfaction('satisfaction'),
    carrierSatisfaction: satisfaction('carrierSatisfaction'),
    amountRecovered: (r) => {
      const fen = amount(r);
      return fen === null ? null : fen / 100;
    },
    description: get('description'),
    appellantName: (r) => (revealPersonal ? name(r) : maskName(name(r))),
    appellantPhone: (r) => {
      const p = phone(r);
      return p === null ? null : revealPersonal ? p : maskPhone(p);
    },
  };
  const fns = columns.map((k) => cell[k]);
  return (r) => fns.map((f) => f(r));
}

export function headersOf(columns: readonly ExportColumnKey[]): string[] {
  return columns.map((k) => EXPORT_COLUMNS.find((c) => c.key === k)!.zh);
}
