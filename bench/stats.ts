/**
 * `npm run bench:stats -- [--cases N] [--data-dir D]`: the notice tables of a month and a quarter,
 * and exporting every case to XLSX and CSV, each beside the bare way of doing the same work.
 * Each export runs in its own child process so that its peak RSS is its own.
 */
import ExcelJS from 'exceljs';
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { EXPORT_COLUMN_KEYS } from '../shared/stats/columns';
import { parsePeriod, previousPeriod } from '../shared/stats/period';
import { storeFile } from '../main/config/paths';
import { caseRowsQuery, headersOf, type Cell } from '../main/export/rows';
import { caseWorkbookOptions, waitForZip } from '../main/export/writers';
import { runJob } from '../main/jobs/run';
import { averagingSetting, computeNotice } from '../main/stats/notice';
import { openDatabase } from '../main/store/database';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '1000000' },
    'data-dir': { type: 'string' },
    runs: { type: 'string', default: '7' },
    child: { type: 'string' },
    out: { type: 'string' },
  },
});

const SOURCE = { kind: 'view', view: 'all' } as const;

/**
 * Child mode: one export, then `{ seconds, rows, bytes, peak_rss_mb }` on stdout. Ours is the code
 * the job worker runs: two threads (main/export/pipeline.ts reads and maps rows on one while
 * this one writes). The floor is one thread doing the bare work.
 */
async function child(mode: string, file: string, out: string): Promise<void> {
  const { db } = openDatabase({ file, readonly: true });
  const started = performance.now();
  let rows = 0;
  if (mode === 'xlsx' || mode === 'csv') {
    const result = await runJob(
      db,
      {
        kind: 'caseExport',
        request: { source: SOURCE, format: mode, columns: [...EXPORT_COLUMN_KEYS], includePersonal: false },
        staffId: 'bench',
        revealPersonal: false,
        file: out,
      },
      { signal: new AbortController().signal, progress: () => undefined },
    );
    rows = 'rows' in result ? result.rows : 0;
  } else {
    // The floor: the same query and columns, every stored value written as it comes, nothing else.
    const { sql, params } = caseRowsQuery(SOURCE, 'bench');
    const headers = headersOf([...EXPORT_COLUMN_KEYS]);
    const iterate = () =>
      db
        .prepare(sql)
        .raw()
        .iterate(...params) as IterableIterator<unknown[]>;
    if (mode === 'floor-csv') {
      const field = (v: unknown) =>
        v === null
          ? ''
          : typeof v === 'number'
            ? String(v)
            : /[",\r\n]/.test(v as string)
              ? `"${(v as string).replaceAll('"', '""')}"`
              : (v as string);
      const stream = createWriteStream(out);
      let buffer = '\uFEFF' + headers.join(',') + '\r\n';
      for (const r of iterate()) {
        buffer += r.map(field).join(',') + '\r\n';
        rows++;
        if (buffer.length > 1 << 20) {
          if (!stream.write(buffer)) await once(stream, 'drain');
          buffer = '';
        }
      }
      stream.end(buffer);
      await once(stream, 'finish');
    } else {
      // The same exceljs options and the same wait for the deflater as ours (without it exceljs
      // holds the whole sheet in memory). Ours also turns the event loop every 16 rows (zipTurn).
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter(caseWorkbookOptions(out));
      const sheet = wb.addWorksheet('数据');
      sheet.addRow(headers).commit();
      for (const r of iterate()) {
        sheet.addRow(r as Cell[]).commit();
        if (++rows % 1000 === 0) await waitForZip(sheet);
        if (rows % 10_000 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      }
      sheet.commit();
      await wb.commit();
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const peak = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ seconds, rows, bytes: statSync(out).size, peak_rss_mb: Math.round(peak) }));
  db.close();
}

interface ChildResult {
  seconds: number;
  rows: number;
  bytes: number;
  peak_rss_mb: number;
}

function runChild(mode: string, file: string, dir: string): ChildResult {
  const out = join(dir, `export-${mode}.${mode.endsWith('xlsx') ? 'xlsx' : 'csv'}`);
  const self = fileURLToPath(import.meta.url);
  const run = spawnSync(
    join(process.cwd(), 'node_modules', '.bin', 'tsx'),
    [self, '--child', mode, '--data-dir', file, '--out', out],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  if (run.status !== 0) throw new Error(`${mode} failed: ${run.stderr}`);
  rmSync(out, { force: true });
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as ChildResult;
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const r2 = (n: number) => Math.round(n * 100) / 100;

async function main(): Promise<void> {
  if (values.child) return child(values.child, values['data-dir']!, values.out!);
  const cases = Number(values.cases);
  let dataDir = values['data-dir'];
  const scratch = mkdtempSync(join(tmpdir(), 'bench-stats-'));
  if (!dataDir || !existsSync(storeFile(dataDir))) {
    dataDir ??= join(scratch, 'data');
    console.log(`Seeding ${cases.toLocaleString('en-US')} cases into ${dataDir} …`);
    const seed = spawnSync(
      join(process.cwd(), 'node_modules', '.bin', 'tsx'),
      ['main/cli/main.ts', 'seed', '--cases', String(cases), '--data-dir', dataDir],
      { stdio: 'inherit' },
    );
    if (seed.status !== 0) throw new Error('seeding failed');
  }
  const file = storeFile(dataDir);
  // Writable once, so that the store is migrated (the statistics index); then read-only like the job worker.
  openDatabase({ file }).db.close();
  const { db } = openDatabase({ file, readonly: true });
  const { n, last } = db.prepare('SELECT count(*) AS n, max(received_date) AS last FROM cases').get() as {
    n: number;
    last: string;
  };
  // The last complete month and quarter before the newest case.
  const month = previousPeriod(parsePeriod(last.slice(0, 7)));
  const quarter = previousPeriod(
    parsePeriod(`${last.slice(0, 4)}-Q${Math.ceil(Number(last.slice(5, 7)) / 3)}`),
  );
  const averaging = averagingSetting(db);
  const time = (periodId: string) => {
    const times: number[] = [];
    for (let i = 0; i < Number(values.runs) + 1; i++) {
      const t = performance.now();
      computeNotice(db, parsePeriod(periodId), averaging);
      if (i > 0) times.push(performance.now() - t); // the first run warms the page cache
    }
    times.sort((a, b) => a - b);
    return { p50: r2(quantile(times, 0.5)), p95: r2(quantile(times, 0.95)) };
  };
  const m = time(month.id);
  const q = time(quarter.id);
  // Each export and its floor read the same ~1 GB of pages (at 1M cases): read them once first, so
  // that whichever runs first does not pay the disk for both.
  const { sql, params } = caseRowsQuery(SOURCE, 'bench');
  const rows = db
    .prepare(sql)
    .raw()
    .iterate(...params);
  let warmed = 0;
  while (!rows.next().done) warmed++;
  console.log(`page cache warmed with ${warmed.toLocaleString('en-US')} export rows`);
  db.close();
  console.log(`stats.month ${month.id}: p50 ${m.p50} ms, p95 ${m.p95} ms`);
  console.log(`stats.quarter ${quarter.id}: p50 ${q.p50} ms, p95 ${q.p95} ms`);

  const metrics: object[] = [
    { name: 'stats.month', unit: 'ms', ...m },
    { name: 'stats.quarter', unit: 'ms', ...q },
  ];
  for (const format of ['csv', 'xlsx'] as const) {
    const ours = runChild(format, file, scratch);
    const floor = runChild(`floor-${format}`, file, scratch);
    console.log(
      `export.${format}: ${ours.rows.toLocaleString('en-US')} rows in ${r2(ours.seconds)} s (${Math.round(ours.bytes / 1e6)} MB, ` +
        `peak RSS ${ours.peak_rss_mb} MB); bare loop ${r2(floor.seconds)} s (peak RSS ${floor.peak_rss_mb} MB)`,
    );
    metrics.push({
      name: `export.${format}`,
      unit: 's',
      value: r2(ours.seconds),
      baseline: r2(floor.seconds),
      ratio: r2(ours.seconds / floor.seconds),
      peak_rss_mb: ours.peak_rss_mb,
      baseline_peak_rss_mb: floor.peak_rss_mb,
      rows: ours.rows,
    });
  }
  rmSync(scratch, { recursive: true, force: true });
  console.log(
    JSON.stringify({ bench: 'stats', params: { cases: n, month: month.id, quarter: quarter.id }, metrics }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
