import ExcelJS from 'exceljs';
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { neutralise } from '../../shared/stats/columns';
import type { Cell } from './rows';

/** Excel's sheet limit is 1,048,576 rows; one is the header. */
export const XLSX_ROWS_PER_SHEET = 1_048_575;

export interface WriteOptions {
  /** Called every `progressEvery` rows with the rows written so far. */
  onProgress?: (rows: number) => void;
  progressEvery?: number;
  /** Checked between rows: a cancelled export stops and reports it. */
  signal?: AbortSignal;
  /** For tests of the roll-over; defaults to Excel's limit. */
  rowsPerSheet?: number;
  sheetName?: string;
}

export class ExportCancelled extends Error {
  constructor() {
    super('Export cancelled');
  }
}

const safe = (c: Cell): Cell => (typeof c === 'string' ? neutralise(c) : c);

function csvField(c: Cell): string {
  if (c === null) return '';
  if (typeof c === 'number') return String(c);
  const text = neutralise(c);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

async function flush(out: WriteStream, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** CSV in UTF-8 with a BOM, so Excel in China opens the Chinese text correctly. */
export async function writeCsv(
  file: string,
  headers: readonly string[],
  rows: Iterable<Cell[]>,
  options: WriteOptions = {},
): Promise<number> {
  const out = createWriteStream(file);
  const every = options.progressEvery ?? 10_000;
  let buffer = '\uFEFF' + headers.map(csvField).join(',') + '\r\n';
  let n = 0;
  try {
    for (const row of rows) {
      buffer += row.map(csvField).join(',') + '\r\n';
      n++;
      if (buffer.length > 1 << 20) {
        await flush(out, buffer);
        buffer = '';
      }
      if (n % every === 0) {
        if (options.signal?.aborted) throw new ExportCancelled();
        options.onProgress?.(n);
        // Let a cancel message in.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    await flush(out, buffer);
    out.end();
    await once(out, 'finish');
  } catch (error) {
    out.destroy();
    throw error;
  }
  options.onProgress?.(n);
  return n;
}

/**
 * XLSX with exceljs's streaming writer: rows are committed as they come, so memory stays flat.
 * Beyond a sheet's limit the rows continue on a new sheet with the same header.
 */
export async function writeXlsx(
  file: string,
  headers: readonly string[],
  rows: Iterable<Cell[]>,
  options: WriteOptions = {},
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: false,
  });
  const perSheet = options.rowsPerSheet ?? XLSX_ROWS_PER_SHEET;
  const every = options.progressEvery ?? 10_000;
  const base = options.sheetName ?? '数据';
  let sheet: ExcelJS.Worksheet | null = null;
  let sheets = 0;
  let inSheet = 0;
  let n = 0;
  const startSheet = () => {
    sheet?.commit();
    sheets++;
    sheet = workbook.addWorksheet(sheets === 1 ? base : `${base}${sheets}`);
    const header = sheet.addRow([...headers]);
    header.font = { bold: true };
    header.commit();
    inSheet = 0;
  };
  startSheet();
  for (const row of rows) {
    if (inSheet === perSheet) startSheet();
    sheet!.addRow(row.map(safe)).commit();
    inSheet++;
    n++;
    if (n % every === 0) {
      if (options.signal?.aborted) throw new ExportCancelled();
      options.onProgress?.(n);
      // Lets a cancel message in, and the zip stream take what was written.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  (sheet as ExcelJS.Worksheet | null)?.commit();
  await workbook.commit();
  options.onProgress?.(n);
  return n;
}
