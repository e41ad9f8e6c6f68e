import { RpcFailure } from '../../../shared/rpc/errors';
import type { CaseExportRequest, ExportColumnKey } from '../../../shared/stats/columns';
import { AVERAGING_METHODS, type AveragingMethod } from '../../../shared/stats/rates';
import type { VolumeRow } from '../../../shared/stats/volumes';
import { lockPeriod, periodLocks } from '../../stats/locks';
import { AVERAGING_SETTING, averagingSetting } from '../../stats/notice';
import { importVolumeRows } from '../../stats/volume-import';
import { appendDeskEvent, type Actor } from '../audit';
import type { StoreContext } from '../context';
import { Outbox } from '../outbox';

/** What the audit keeps of an unmasked personal-data export. */
export interface PersonalExportRecord {
  source: CaseExportRequest['source'];
  format: CaseExportRequest['format'];
  columns: ExportColumnKey[];
  personalColumns: ExportColumnKey[];
  /** The rows the export holds, counted just before it starts. */
  rows: number;
}

/**
 * The statistics' writes: business volumes, period locks and the averaging setting. Reading
 * (the notice, exports) happens in the job worker on its own read-only connection.
 */
export function statsDomain(ctx: StoreContext) {
  const { db } = ctx;
  const outbox = new Outbox(db);
  return {
    /** Step two of a volume import: the rows the preview accepted (the caller decides on rejects). */
    importVolumes(rows: VolumeRow[], source: string, actor: Actor): { imported: number } {
      const imported = importVolumeRows(db, rows, source, actor, Date.now());
      ctx.changed({ tables: ['business_volumes'] });
      return { imported };
    },
    lock(period: string, actor: Actor): { locked: true } {
      const at = Date.now();
      const done = db.transaction(() => {
        const ok = lockPeriod(db, period, actor.staffId, at);
        if (ok) {
          appendDeskEvent(db, { type: 'periodLocked', at, data: { period } }, actor);
          outbox.append('lockPeriod.v1', { period }, null, actor, at);
        }
        return ok;
      })();
      if (!done) throw new RpcFailure('CONFLICT', 'stats.period.locked', { period });
      ctx.changed({ tables: ['stats_period_locks'] });
      return { locked: true };
    },
    locks: () => periodLocks(db),
    averaging: (): { averaging: AveragingMethod } => ({ averaging: averagingSetting(db) }),
    /**
     * An unmasked export of personal data is recorded before the file is written (PIPL Art.51):
     * in the desk's hash-chained audit (who, when, what, how many rows, which personal columns)
     * and as a sync intent, in one transaction. Returns the audit event's seq.
     */
    recordPersonalExport(what: PersonalExportRecord, actor: Actor): { auditSeq: number } {
      const at = Date.now();
      return db.transaction(() => {
        const auditSeq = appendDeskEvent(db, { type: 'personalDataExported', at, data: what }, actor);
        outbox.append('exportPersonalData.v1', what, null, actor, at);
        return { auditSeq };
      })();
    },
    setAveraging(method: AveragingMethod): { averaging: AveragingMethod } {
      if (!AVERAGING_METHODS.includes(method))
        throw new RpcFailure('VALIDATION_FAILED', 'errors.VALIDATION_FAILED');
      db.prepare(
        'INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ).run(AVERAGING_SETTING, method);
      ctx.changed({ tables: ['app_meta'] });
      return { averaging: method };
    },
  };
}
