import type Database from 'better-sqlite3';
import { CARRIERS } from '../../shared/domain/carriers';
import type { Role } from '../../shared/domain/roles';
import type { CarrierRef, StaffMember } from '../../shared/rpc/dto';

/** Reference data every store starts with; administrators may edit it afterwards. */
export function ensureReferenceData(db: Database.Database, now = Date.now()): void {
  const insertCarrier = db.prepare(
    `INSERT OR IGNORE INTO carriers (id, name_zh, name_en, kind, waybill_pattern, accepts_s10, waybill_example)
     VALUES (@id, @zh, @en, @kind, @waybillPattern, @acceptsS10, @example)`,
  );
  const insertStaff = db.prepare(
    `INSERT OR IGNORE INTO staff (id, name, roles, team, created_at) VALUES (?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (const c of CARRIERS) insertCarrier.run({ ...c, acceptsS10: c.acceptsS10 ? 1 : 0 });
    // The workstation's own operator until staff accounts come from the sync server.
    insertStaff.run(
      LOCAL_OPERATOR_ID,
      '本机操作员',
      JSON.stringify(['handler', 'team_lead', 'admin']),
      null,
      now,
    );
  })();
}

export const LOCAL_OPERATOR_ID = 'local-operator';

export function listCarriers(db: Database.Database): CarrierRef[] {
  return (
    db
      .prepare(
        `SELECT id, name_zh AS nameZh, name_en AS nameEn, kind, waybill_pattern AS waybillPattern,
                accepts_s10 AS acceptsS10, waybill_example AS waybillExample
           FROM carriers WHERE active = 1 ORDER BY rowid`,
      )
      .all() as (Omit<CarrierRef, 'acceptsS10'> & { acceptsS10: number })[]
  ).map((c) => ({ ...c, acceptsS10: c.acceptsS10 === 1 }));
}

export function listStaff(db: Database.Database): StaffMember[] {
  return (
    db.prepare('SELECT id, name, roles, team FROM staff WHERE active = 1 ORDER BY name').all() as {
      id: string;
      name: string;
      roles: string;
      team: string | null;
    }[]
  ).map((s) => ({ ...s, roles: JSON.parse(s.roles) as Role[] }));
}

export function getStaff(db: Database.Database, id: string): StaffMember | null {
  const s = db.prepare('SELECT id, name, roles, team FROM staff WHERE id = ? AND active = 1').get(id) as
    { id: string; name: string; roles: string; team: string | null } | undefined;
  return s ? { ...s, roles: JSON.parse(s.roles) as Role[] } : null;
}

export function getMeta(db: Database.Database, key: string): string | null {
  return (
    (db.prepare('SELECT value FROM app_meta WHERE key = ?').get(key) as { value: string } | undefined)
      ?.value ?? null
  );
}

export function setMeta(db: Database.Database, key: string, value: string): void {
  db.prepare(
    'INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}
