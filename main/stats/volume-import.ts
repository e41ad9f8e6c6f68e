import type Database from 'better-sqlite3';
import type { VolumeRow } from '../../shared/stats/volumes';
import { appendDeskEvent, type Actor } from '../store/audit';
import { Outbox } from '../store/outbox';

/** Step two of a volume import: writes the accepted rows (replacing a carrier's period) in one transaction. */
export function importVolumeRows(
  db: Database.Database,
  rows: readonly VolumeRow[],
  source: string,
  actor: Actor,
  at: number,
): number {
  const upsert = db.prepare(
    `INSERT INTO business_volumes (carrier_id, period, pieces, imported_at, imported_by, source)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (carrier_id, period) DO UPDATE SET pieces = excluded.pieces, imported_at = excluded.imported_at,
       imported_by = excluded.imported_by, source = excluded.source`,
  );
  db.transaction(() => {
    for (const r of rows) upsert.run(r.carrierId, r.period, r.pieces, at, actor.staffId, source);
    const intent = rows.map((r) => ({ carrierId: r.carrierId, period: r.period, pieces: r.pieces }));
    appendDeskEvent(db, { type: 'volumesImported', at, data: { rows: intent, source } }, actor);
    new Outbox(db).append('importVolumes.v1', { rows: intent, source }, null, actor, at);
  })();
  return rows.length;
}
