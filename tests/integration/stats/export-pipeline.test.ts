import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_COLUMN_KEYS, neutralise, type CaseExportRequest } from '../../../shared/stats/columns';
import { BATCH_ROWS, MAX_AHEAD } from '../../../main/export/pipeline';
import { caseRowsQuery, headersOf, rowMapper, type Cell, type RawRow } from '../../../main/export/rows';
import { ExportCancelled } from '../../../main/export/writers';
import { runJob, type JobControls } from '../../../main/jobs/run';
import { writeDemoData } from '../../../main/seed/write';
import { StoreService } from '../../../main/store/service';
import { tempDir } from '../../support/temp';
import { python, READ_CSV, READ_XLSX } from './read-back';

/**
 * The case export reads and maps its rows on a thread of its own (main/export/pipeline.ts) while
 * the job's thread writes the file. A seeded store, exported both ways, must read back as the
 * rows one plain query on one thread gives, in the same order. It holds more rows than the
 * writer's first progress step plus the batches the reader may run ahead, so that a change or a
 * cancel at the first progress finds the reader still reading.
 */
const CASES = 10_000 + (MAX_AHEAD + 6) * BATCH_ROWS + 1_234;
const NOW = Date.parse('2026-11-29T03:30:00Z');
const columns = [...EXPORT_COLUMN_KEYS];
const source: CaseExportRequest['source'] = { kind: 'view', view: 'all' };

const spec = (format: 'csv' | 'xlsx', file: string) => ({
  kind: 'caseExport' as const,
  request: { source, format, columns, includePersonal: false },
  staffId: 'staff-h001',
  revealPersonal: false,
  file,
});
const controls = (over: Partial<JobControls> = {}): JobControls => ({
  signal: new AbortController().signal,
  progress: () => undefined,
  ...over,
});

describe('the pipelined case export', () => {
  const dir = tempDir('desk-export-pipeline-');
  let store: StoreService;
  /** The expected cells: the same query, iterated and mapped on this thread. */
  let expected: Cell[][];

  beforeAll(() => {
    store = StoreService.open({ file: join(dir.path, 'desk.sqlite') });
    writeDemoData(store.db, { cases: CASES, seed: 7, now: NOW, batchSize: 5_000 });
    const { sql, params } = caseRowsQuery(source, 'staff-h001');
    const toCells = rowMapper(columns, false);
    expected = (
      store.db
        .prepare(sql)
        .raw()
        .all(...params) as RawRow[]
    ).map(toCells);
  }, 120_000);
  afterAll(() => {
    store.close();
    dir.cleanup();
  });

  it('CSV: every row, in order, as one thread would write it', async () => {
    const file = join(dir.path, 'all.csv');
    const totals: number[] = [];
    const result = await runJob(
      store.db,
      spec('csv', file),
      controls({ progress: (_done, total) => totals.push(total) }),
    );
    expect(result).toMatchObject({ rows: CASES });
    expect(new Set(totals)).toEqual(new Set([CASES]));
    expect(readFileSync(file).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, ...rows] = python(READ_CSV, file) as string[][];
    expect(header).toEqual(headersOf(columns));
    const text = (c: Cell) => (c === null ? '' : typeof c === 'number' ? String(c) : neutralise(c));
    expect(rows).toEqual(expected.map((r) => r.map(text)));
  });

  it('XLSX: every row, in order, numbers as numbers', { timeout: 120_000 }, async () => {
    const file = join(dir.path, 'all.xlsx');
    const result = await runJob(store.db, spec('xlsx', file), controls());
    expect(result).toMatchObject({ rows: CASES });
    const sheets = python(READ_XLSX, file) as Record<string, unknown[][]>;
    expect(Object.keys(sheets)).toEqual(['数据']);
    const [header, ...rows] = sheets['数据']!;
    expect(header).toEqual(headersOf(columns));
    const value = (c: Cell) => (typeof c === 'string' ? neutralise(c) : c);
    expect(rows).toEqual(expected.map((r) => r.map(value)));
  });

  it('reads one snapshot: changes committed while it runs are not in the file', async () => {
    const file = join(dir.path, 'snapshot.csv');
    const description = columns.indexOf('description');
    let changed = false;
    await runJob(
      store.db,
      spec('csv', file),
      controls({
        progress: () => {
          if (changed) return;
          store.db.prepare(`UPDATE cases SET description = 'changed meanwhile'`).run();
          changed = true;
        },
      }),
    );
    expect(changed).toBe(true);
    const rows = (python(READ_CSV, file) as string[][]).slice(1);
    expect(rows).toHaveLength(CASES);
    expect(rows.filter((r) => r[description] === 'changed meanwhile')).toEqual([]);
    expect(rows.map((r) => r[description])).toEqual(expected.map((r) => r[description]));
  });

  it('a cancel mid-export stops the reader, removes the file and reports the cancel', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      const file = join(dir.path, `cancelled.${format}`);
      const controller = new AbortController();
      const seen: number[] = [];
      await expect(
        runJob(
          store.db,
          spec(format, file),
          controls({
            signal: controller.signal,
            progress: (done) => {
              seen.push(done);
              controller.abort();
            },
          }),
        ),
      ).rejects.toBeInstanceOf(ExportCancelled);
      expect(seen.length).toBeGreaterThan(0);
      expect(Math.max(...seen)).toBeLessThan(CASES);
      expect(existsSync(file)).toBe(false);
    }
    // The reader's thread is gone, and its read snapshot with it: a writer can commit and the
    // write-ahead log can be folded back into the store completely (a reader holding an older
    // snapshot keeps that from finishing).
    store.db.prepare(`UPDATE cases SET description = 'after the cancel'`).run();
    const [checkpoint] = store.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number }[];
    expect(checkpoint).toEqual(expect.objectContaining({ busy: 0, log: 0 }));
  });

  it('a failing reader fails the job with its error, and leaves no file', async () => {
    // A SQLite file in WAL mode that the reader opens, but without the cases.
    const empty = new Database(join(dir.path, 'not-a-store.sqlite'));
    empty.pragma('journal_mode = WAL');
    empty.exec('CREATE TABLE other (x)');
    const file = join(dir.path, 'failed.csv');
    try {
      await expect(runJob(empty, spec('csv', file), controls())).rejects.toThrow(
        /Export reader failed: .*no such table/,
      );
    } finally {
      empty.close();
    }
    expect(existsSync(file)).toBe(false);
  });
});
