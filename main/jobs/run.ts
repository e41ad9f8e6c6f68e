import type Database from 'better-sqlite3';
import { rmSync, statSync } from 'node:fs';
import { parsePeriod } from '../../shared/stats/period';
import { caseRowBatches } from '../export/pipeline';
import { countRows, headersOf } from '../export/rows';
import { writeNoticeCsv, writeNoticeXlsx } from '../export/notice';
import { writeCsv, writeXlsx } from '../export/writers';
import { drillCases, monthlyTrend } from '../stats/drill';
import { postLockDifferences } from '../stats/locks';
import { noticeFor } from '../stats/notice';
import type { JobResult, JobSpec } from './protocol';

export interface JobControls {
  signal: AbortSignal;
  progress(done: number, total: number): void;
  /** The better-sqlite3 addon that threads a job starts open the store with (Electron's own build). */
  nativeBinding?: string | undefined;
}

/** Runs one job on a read-only connection (the worker's, or the CLI's and the benchmark's). */
export async function runJob(
  db: Database.Database,
  spec: JobSpec,
  controls: JobControls,
): Promise<JobResult> {
  switch (spec.kind) {
    case 'notice':
      return noticeFor(db, spec.period);
    case 'drill':
      return drillCases(db, spec.filter, spec.limit);
    case 'differences':
      return postLockDifferences(db, spec.period);
    case 'countCases':
      return { rows: countRows(db, spec.source, spec.staffId) };
    case 'trend':
      return monthlyTrend(db, spec.months.map(parsePeriod));
    case 'noticeExport': {
      const notice = noticeFor(db, spec.period);
      await (spec.format === 'xlsx' ? writeNoticeXlsx(notice, spec.file) : writeNoticeCsv(notice, spec.file));
      return { file: spec.file, rows: 0, bytes: statSync(spec.file).size };
    }
    case 'caseExport': {
      const { request } = spec;
      let total = 0;
      const batches = caseRowBatches(
        {
          file: db.name,
          nativeBinding: controls.nativeBinding,
          source: request.source,
          staffId: spec.staffId,
          columns: request.columns,
          revealPersonal: spec.revealPersonal,
          now: Date.now(),
          // Balances the two threads (measured at 1M rows): exceljs keeps the writer busy, so XLSX
          // rows come mapped; CSV text is cheap to make, so its reader only reads.
          mapOnReader: request.format === 'xlsx',
        },
        (rows) => (total = rows),
      );
      const write = request.format === 'xlsx' ? writeXlsx : writeCsv;
      try {
        const n = await write(spec.file, headersOf(request.columns), batches, {
          signal: controls.signal,
          onProgress: (done) => controls.progress(done, total),
        });
        return { file: spec.file, rows: n, bytes: statSync(spec.file).size };
      } catch (error) {
        // A cancelled or failed export leaves no partial file behind.
        rmSync(spec.file, { force: true });
        throw error;
      }
    }
  }
}
