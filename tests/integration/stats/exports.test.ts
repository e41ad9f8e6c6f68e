import type Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_COLUMN_KEYS } from '../../../shared/stats/columns';
import { noticeTables } from '../../../shared/stats/tables';
import type { Notice } from '../../../shared/stats/notice';
import { writeNoticeCsv, writeNoticeXlsx } from '../../../main/export/notice';
import { writeXlsx } from '../../../main/export/writers';
import { runJob } from '../../../main/jobs/run';
import { noticeFor } from '../../../main/stats/notice';
import { tempDir } from '../../support/temp';
import { buildFixtureStore } from './fixture';
import { python, READ_CSV, READ_XLSX } from './read-back';

const noop = { signal: new AbortController().signal, progress: () => undefined };

describe('exports read back by independent software', () => {
  const dir = tempDir('desk-stats-export-');
  let db: Database.Database;
  let notice: Notice;

  beforeAll(() => {
    db = buildFixtureStore(dir.path).db;
    notice = noticeFor(db, '2026-10');
  });
  afterAll(() => {
    db.close();
    dir.cleanup();
  });

  it('the notice XLSX: one sheet per table, Chinese headers, every number equal to the engine’s', async () => {
    const file = join(dir.path, 'notice.xlsx');
    await writeNoticeXlsx(notice, file);
    const sheets = python(READ_XLSX, file) as Record<string, unknown[][]>;
    const tables = noticeTables(notice);
    expect(Object.keys(sheets)).toEqual(tables.map((t) => t.name));
    for (const t of tables) {
      const [header, ...rows] = sheets[t.name]!;
      expect(header).toEqual(t.headers);
      expect(rows).toEqual(t.rows);
    }
    const carriers = sheets['主要快递企业']!;
    expect(carriers[1]!.slice(0, 6)).toEqual(['顺丰速运', 4_000_000, 10, 5, 2.5, 1.25]);
    expect(sheets['总体情况']![1]).toEqual(['申诉总量', 20, null, 100, 25]);
  });

  it('rates are shown with two decimals in the workbook', () => {
    const file = join(dir.path, 'notice.xlsx');
    const formats = python(
      `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws, fig = wb['主要快递企业'], wb['主要指标']
print(json.dumps([ws.cell(row=2, column=5).number_format, ws.cell(row=2, column=2).number_format,
  fig.cell(row=3, column=2).number_format, fig.cell(row=5, column=2).number_format, fig.cell(row=9, column=2).number_format]))
`,
      file,
    );
    // Rates 0.00, counts #,##0; in the list of figures each row has its own: rate, yuan, count.
    expect(formats).toEqual(['0.00', '#,##0', '0.00', '#,##0.00', '#,##0']);
  });

  it('the notice CSV keeps its Chinese text and numbers', async () => {
    const file = join(dir.path, 'notice.csv');
    await writeNoticeCsv(notice, file);
    expect(readFileSync(file).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = python(READ_CSV, file) as string[][];
    expect(rows[0]).toEqual(['2026-10 总体情况']);
    expect(rows[1]).toEqual(['项目', '数量', '占比(%)', '环比(%)', '同比(%)']);
    expect(rows[2]).toEqual(['申诉总量', '20', '', '100', '25']);
    expect(rows.some((r) => r[0] === '顺丰速运' && r[4] === '2.5')).toBe(true);
  });

  it('a case export (CSV): Chinese intact, formulas neutralised, personal data masked', async () => {
    const file = join(dir.path, 'cases.csv');
    const result = await runJob(
      db,
      {
        kind: 'caseExport',
        request: {
          source: { kind: 'period', period: '2026-10' },
          format: 'csv',
          columns: [...EXPORT_COLUMN_KEYS],
          includePersonal: false,
        },
        staffId: 'x',
        revealPersonal: false,
        file,
      },
      noop,
    );
    expect(result).toMatchObject({ rows: 20 });
    const [header, ...rows] = python(READ_CSV, file) as string[][];
    expect(header![0]).toBe('申诉编号');
    expect(rows).toHaveLength(20);
    const col = (k: string) => EXPORT_COLUMN_KEYS.indexOf(k as (typeof EXPORT_COLUMN_KEYS)[number]);
    const injected = rows.find((r) => r[col('description')]!.includes('HYPERLINK'))!;
    expect(injected[col('description')]).toBe(`'=HYPERLINK("http://x")`);
    expect(injected[col('appellantName')]).toBe('张**');
    expect(injected[col('appellantPhone')]).toBe('138****5678');
    expect(injected[col('carrier')]).toBe('顺丰速运');
  });

  it('a case export (XLSX) with chosen columns, personal data revealed when allowed', async () => {
    const file = join(dir.path, 'cases.xlsx');
    await runJob(
      db,
      {
        kind: 'caseExport',
        request: {
          source: { kind: 'view', view: 'all' },
          format: 'xlsx',
          columns: ['caseNo', 'appellantName', 'amountRecovered', 'description'],
          includePersonal: true,
        },
        staffId: 'x',
        revealPersonal: true,
        file,
      },
      noop,
    );
    const sheets = python(READ_XLSX, file) as Record<string, unknown[][]>;
    const rows = sheets['数据']!;
    expect(rows[0]).toEqual(['申诉编号', '申诉人', '挽回损失(元)', '申诉内容']);
    expect(rows).toHaveLength(1 + 47);
    expect(rows.find((r) => r[1] === '张三丰')![3]).toBe(`'=HYPERLINK("http://x")`);
    expect(rows.find((r) => r[2] === 123.45)).toBeDefined();
  });

  it('rows beyond a sheet’s limit continue on a new sheet under the same header', async () => {
    const file = join(dir.path, 'rollover.xlsx');
    const rows = Array.from({ length: 7 }, (_, i) => [`行${i}`, i]);
    await writeXlsx(file, ['名称', '序号'], [rows], { rowsPerSheet: 3 });
    const sheets = python(READ_XLSX, file) as Record<string, unknown[][]>;
    expect(Object.keys(sheets)).toEqual(['数据', '数据2', '数据3']);
    expect(sheets['数据']).toEqual([
      ['名称', '序号'],
      ['行0', 0],
      ['行1', 1],
      ['行2', 2],
    ]);
    expect(sheets['数据3']).toEqual([
      ['名称', '序号'],
      ['行6', 6],
    ]);
  });

  it('a cancelled export stops', async () => {
    const controller = new AbortController();
    controller.abort();
    const batches = (function* () {
      for (let i = 0; ; i++) yield [[i]];
    })();
    await expect(
      writeXlsx(join(dir.path, 'cancelled.xlsx'), ['n'], batches, {
        signal: controller.signal,
        progressEvery: 100,
      }),
    ).rejects.toThrow('Export cancelled');
  });
});
