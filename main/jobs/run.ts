import type Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { parsePeriod } from '../../shared/stats/period';
import { countRows, caseRowsQuery, headersOf, rowMapper, type RawRow } from '../export/rows';
import { writeNoticeCsv, writeNoticeXlsx } from '../export/notice';
import { writeCsv, writeXlsx } from '../export/writers';
import { drillCases, monthlyTrend } from '../stats/drill';
import { postLockDifferences } from '../stats/locks';
import { noticeFor } from '../stats/notice';
import type { JobResult, JobSpec } from './protocol';

export interface JobControls {
  signal: AbortSignal;
  progress(done: number, total: number): void;
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
      const total = countRows(db, request.source, spec.staffId);
      const { sql, params } = caseRowsQuery(request.source, spec.staffId);
      const toCells = rowMapper(request.columns, spec.revealPersonal);
      const rows = (function* () {
        for (const r of db
          .prepare(sql)
          .raw()
          .iterate(...params) as IterableIterator<RawRow>)
          yield toCells(r);
      })();
      const write = request.format === 'xlsx' ? writeXlsx : writeCsv;
      const n = await write(spec.file, headersOf(request.columns), rows, {
        signal: controls.signal,
        onProgress: (done) => controls.progress(done, total),
      });
      return { file: spec.file, rows: n, bytes: statSync(spec.file).size };
    }
  }
}
