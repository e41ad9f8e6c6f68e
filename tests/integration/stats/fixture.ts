import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { openDatabase } from '../../../main/store/database';
import { ensureReferenceData } from '../../../main/store/reference';

/**
 * A small store whose notice for 2026-10 is known by construction (the expected figures are
 * worked out by hand in notice.test.ts). Times are noon in Shanghai on the given dates.
 */
export interface FixtureCase {
  date: string;
  carrier: string;
  service?: string;
  category: string;
  reason: string;
  valid?: boolean;
  admin?: 'satisfied' | 'unsatisfied';
  carrierSat?: 'satisfied' | 'unsatisfied';
  recoveredFen?: number;
  untruthful?: boolean;
  reminders?: number;
  province?: string;
  description?: string;
  name?: string;
}

const OCT = '2026-10-15';
const sf = (c: Partial<FixtureCase> & Pick<FixtureCase, 'category' | 'reason'>): FixtureCase => ({
  date: OCT,
  carrier: 'sf',
  ...c,
});
const zto = (c: Partial<FixtureCase> & Pick<FixtureCase, 'category' | 'reason'>): FixtureCase => ({
  date: OCT,
  carrier: 'zto',
  ...c,
});
const post = (
  service: string,
  c: Partial<FixtureCase> & Pick<FixtureCase, 'category' | 'reason'>,
): FixtureCase => ({
  date: OCT,
  carrier: 'china_post',
  service,
  ...c,
});
const times = (n: number, c: FixtureCase) => Array.from({ length: n }, () => ({ ...c }));

export const OCTOBER: FixtureCase[] = [
  sf({
    category: 'delivery',
    reason: 'false_signature',
    valid: true,
    admin: 'satisfied',
    carrierSat: 'satisfied',
    date: '2026-10-01',
  }),
  sf({
    category: 'delivery',
    reason: 'false_signature',
    valid: true,
    admin: 'satisfied',
    carrierSat: 'unsatisfied',
  }),
  sf({
    category: 'delivery',
    reason: 'false_signature',
    description: '=HYPERLINK("http://x")',
    name: '张三丰',
  }),
  sf({ category: 'delivery', reason: 'wrong_address' }),
  sf({
    category: 'delay',
    reason: 'transit_delay',
    valid: true,
    admin: 'satisfied',
    carrierSat: 'satisfied',
  }),
  sf({ category: 'delay', reason: 'transit_delay', reminders: 1, province: '440000' }),
  sf({ category: 'delay', reason: 'transit_delay', reminders: 2, province: '440000', date: '2026-10-31' }),
  sf({
    category: 'loss',
    reason: 'compensation_amount',
    valid: true,
    admin: 'satisfied',
    carrierSat: 'unsatisfied',
    recoveredFen: 12345,
  }),
  sf({
    category: 'loss',
    reason: 'compensation_amount',
    valid: true,
    admin: 'unsatisfied',
    carrierSat: 'satisfied',
  }),
  sf({ category: 'loss', reason: 'contents_missing' }),
  zto({
    category: 'loss',
    reason: 'compensation_amount',
    valid: true,
    admin: 'satisfied',
    carrierSat: 'unsatisfied',
    untruthful: true,
  }),
  zto({
    category: 'loss',
    reason: 'compensation_amount',
    untruthful: true,
    reminders: 1,
    province: '110000',
  }),
  ...times(4, zto({ category: 'damage', reason: 'damage_compensation_amount' })),
  post('postal_parcel', {
    category: 'delivery',
    reason: 'wrong_address',
    valid: true,
    admin: 'satisfied',
    carrierSat: 'satisfied',
    recoveredFen: 100,
  }),
  post('postal_parcel', { category: 'delivery', reason: 'false_signature' }),
  post('postal_letter', {
    category: 'delay',
    reason: 'transit_delay',
    valid: true,
    admin: 'unsatisfied',
    carrierSat: 'unsatisfied',
  }),
  post('postal_philately', { category: 'loss', reason: 'contents_missing' }),
];

export const SEPTEMBER: FixtureCase[] = [
  ...times(4, sf({ date: '2026-09-10', category: 'delivery', reason: 'false_signature', valid: true })),
  ...times(3, sf({ date: '2026-09-10', category: 'delivery', reason: 'false_signature' })),
  sf({ date: '2026-09-30', category: 'delay', reason: 'transit_delay', reminders: 1, province: '310000' }),
  ...times(2, post('postal_parcel', { date: '2026-09-20', category: 'delivery', reason: 'wrong_address' })),
];

export const OCTOBER_2025: FixtureCase[] = [
  ...times(5, zto({ date: '2025-10-05', category: 'delay', reason: 'transit_delay', valid: true })),
  ...times(11, zto({ date: '2025-10-05', category: 'delay', reason: 'transit_delay' })),
];

/** Outside every compared period: must count nowhere. */
export const NOVEMBER: FixtureCase[] = [
  sf({ date: '2026-11-01', category: 'loss', reason: 'contents_missing', valid: true }),
];

export const VOLUMES = [
  ['sf', '2026-10', 4_000_000],
  ['zto', '2026-10', 3_000_000],
  ['china_post', '2026-10', 1_000_000],
] as const;

let counter = 0;

export function insertCase(db: Database.Database, c: FixtureCase): string {
  const n = ++counter;
  const id = `case-${String(n).padStart(5, '0')}`;
  const receivedAt = Date.parse(`${c.date}T12:00:00+08:00`);
  const closed = c.valid !== undefined || c.admin !== undefined;
  db.prepare(
    `INSERT INTO cases (id, case_no, status, is_open, channel, received_at, received_date, appellant_role, carrier_id,
       waybill_no, service_type, origin_province, dest_province, category, reason, description, demand,
       prior_complaint_made, profile_id, profile_version, valid_appeal, satisfaction, carrier_satisfaction,
       carrier_reply_untruthful, amount_recovered_fen, supervision_reminders, closed_at, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'web', ?, ?, 'recipient', ?, ?, ?, '330000', ?, ?, ?, ?, 'explanation', 1, 'current', 1,
       ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    `SS${c.date.replaceAll('-', '')}${String(n).padStart(6, '0')}`,
    closed ? 'closed' : 'accepted',
    closed ? 0 : 1,
    receivedAt,
    c.date,
    c.carrier,
    `WB${n}`,
    c.service ?? 'express',
    c.province ?? '320000',
    c.category,
    c.reason,
    c.description ?? '快件问题描述',
    c.valid === undefined ? (closed ? 0 : null) : c.valid ? 1 : 0,
    c.admin ?? null,
    c.carrierSat ?? null,
    c.untruthful ? 1 : null,
    c.recoveredFen ?? null,
    c.reminders ?? 0,
    closed ? receivedAt + 86_400_000 : null,
    receivedAt,
    receivedAt,
  );
  db.prepare(
    `INSERT INTO parties (id, case_id, kind, name, phone, created_at) VALUES (?, ?, 'appellant', ?, '13812345678', ?)`,
  ).run(`p-${id}`, id, c.name ?? '李四', receivedAt);
  return id;
}

/** A migrated store in `dir` with the fixture's cases (and volumes unless `withVolumes` is false). */
export function buildFixtureStore(dir: string, withVolumes = true): { file: string; db: Database.Database } {
  const file = join(dir, 'desk.sqlite');
  const { db } = openDatabase({ file });
  ensureReferenceData(db);
  db.transaction(() => {
    for (const c of [...OCTOBER, ...SEPTEMBER, ...OCTOBER_2025, ...NOVEMBER]) insertCase(db, c);
    if (withVolumes) {
      for (const [carrier, period, pieces] of VOLUMES) {
        db.prepare(
          `INSERT INTO business_volumes (carrier_id, period, pieces, imported_at, imported_by, source) VALUES (?, ?, ?, 0, 'test', 'fixture')`,
        ).run(carrier, period, pieces);
      }
    }
  })();
  return { file, db };
}
