import ExcelJS from 'exceljs';
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { FORMULA_START, neutralise } from '../../shared/stats/columns';
import type { Cell } from './rows';

/** Excel's sheet limit is 1,048,576 rows; one is the header. */
export const XLSX_ROWS_PER_SHEET = 1_048_575;

export interface WriteOptions {
  /** Called about every `progressEvery` rows (between batches) with the rows written so far. */
  onProgress?: (rows: number) => void;
  progressEvery?: number;
  /** Checked between batches: a cancelled export stops and reports it. */
  signal?: AbortSignal;
  /** For tests of the roll-over; defaults to Excel's limit. */
  rowsPerSheet?: number;
  sheetName?: string;
}

/** An export's rows come in batches, as the reader thread (pipeline.ts) posts them. */
export type RowBatches = AsyncIterable<Cell[][]> | Iterable<Cell[][]>;

export class ExportCancelled extends Error {
  constructor() {
    super('Export cancelled');
  }
}

const safe = (c: Cell): Cell => (typeof c === 'string' ? neutralise(c) : c);

const NEEDS_QUOTES = /[",\r\n]/;
/** Most cells need neither neutralising nor quoting: one test finds the few that do (CSV ~30 % faster). */
const NEEDS_CARE = new RegExp(`${FORMULA_START.source}|${NEEDS_QUOTES.source}`);

function csvField(c: Cell): string {
  if (c === null) return '';
  if (typeof c === 'number') return String(c);
  if (!NEEDS_CARE.test(c)) return c;
  const text = neutralise(c);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Deflate level of the XLSX zip. exceljs leaves archiver at zlib's default (6), which at a million
 * rows costs more CPU than the whole 30 s budget; level 1 deflates ~5× faster for a ~15 % bigger file.
 */
export const XLSX_DEFLATE_LEVEL = 1;

/** How much uncompressed sheet XML may wait for the deflater before the writer pauses. */
const ZIP_BACKLOG_LIMIT = 8 << 20;

/**
 * exceljs's sheet stream pushes every row into archiver's PassThrough without heeding backpressure,
 * so when rows come faster than zlib deflates them the whole sheet piles up in memory (1.25 GB at
 * a million rows). This is that PassThrough (undocumented: exceljs's StreamBuf keeps its pipes, and
 * archiver's readable-stream 2 has no public `writableLength`), or undefined before zipping starts.
 */
type ZipInput = NodeJS.EventEmitter & { _writableState: { length: number } };
function zipInput(sheet: ExcelJS.Worksheet): ZipInput | undefined {
  return (sheet as unknown as { stream: { pipes: ZipInput[] } }).stream.pipes[0];
}

/** Waits while the deflater is behind; the same wait the benchmark's bare exceljs loop does. */
export async function waitForZip(sheet: ExcelJS.Worksheet): Promise<void> {
  const input = zipInput(sheet);
  if (input && input._writableState.length > ZIP_BACKLOG_LIMIT) await once(input, 'drain');
}

/** Rows between two turns of the event loop (~18 KB of sheet XML; measured: 4–64 all help). */
const ZIP_TURN_ROWS = 16;

/**
 * The deflater runs on the thread pool one chunk at a time, and the next chunk is handed to it
 * only when this thread's event loop takes the last one's result. Rendering many rows without a
 * turn of the loop leaves the pool idle: rendering and deflating then take turns instead of
 * running side by side (at 100k rows, a turn every 16 rows made the export ~13 % faster).
 */
async function zipTurn(sheet: ExcelJS.Worksheet): Promise<void> {
  await waitForZip(sheet);
  await new Promise<void>((resolve) => setImmediate(resolve));
}

/** The exceljs options of a case export: no shared strings, no styles (each styled cell costs ~2×). */
export function caseWorkbookOptions(file: string) {
  return {
    filename: file,
    useStyles: false,
    useSharedStrings: false,
    zip: { zlib: { level: XLSX_DEFLATE_LEVEL } },
  };
}

/** Between batches: stops if cancelled, and every `progressEvery` rows reports progress. */
function progressEvery(options: WriteOptions): (rows: number) => Promise<void> {
  const every = options.progressEvery ?? 10_000;
  let next = every;
  return async (rows) => {
    if (options.signal?.aborted) throw new ExportCancelled();
    if (rows < next) return;
    next = rows + every;
    options.onProgress?.(rows);
    // Lets a cancel message in (and the zip stream take what was written).
    await new Promise<void>((resolve) => setImmediate(resolve));
  };
}

async function flush(out: WriteStream, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** CSV in UTF-8 with a BOM, so Excel in China opens the Chinese text correctly. */
export async function writeCsv(
  file: string,
  headers: readonly string[],
  batches: RowBatches,
  options: WriteOptions = {},
): Promise<number> {
  const out = createWriteStream(file);
  const progress = progressEvery(options);
  let buffer = '\uFEFF' + headers.map(csvField).join(',') + '\r\n';
  let n = 0;
  try {
    for await (const rows of batches) {
      for (const row of rows) {
        buffer += row.map(csvField).join(',') + '\r\n';
        if (buffer.length > 1 << 20) {
          await flush(out, buffer);
          buffer = '';
        }
      }
      n += rows.length;
      await progress(n);
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
 * XLSX with exceljs's streaming writer: rows are committed as they come and the writer waits for
 * the deflater, so memory stays flat. The header is plain: styles are the notice workbook's.
 * Beyond a sheet's limit the rows continue on a new sheet with the same header.
 */
export async function writeXlsx(
  file: string,
  headers: readonly string[],
  batches: RowBatches,
  options: WriteOptions = {},
): Promise<number> {
  // Our own file stream (exceljs would open the same one), so that a failed export closes it.
  const out = createWriteStream(file);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ ...caseWorkbookOptions(file), stream: out });
  const perSheet = options.rowsPerSheet ?? XLSX_ROWS_PER_SHEET;
  const progress = progressEvery(options);
  const base = options.sheetName ?? '数据';
  let sheet: ExcelJS.Worksheet | null = null;
  let sheets = 0;
  let inSheet = 0;
  let n = 0;
  const startSheet = () => {
    sheet?.commit();
    sheets++;
    sheet = workbook.addWorksheet(sheets === 1 ? base : `${base}${sheets}`);
    sheet.addRow([...headers]).commit();
    inSheet = 0;
  };
  try {
    startSheet();
    for await (const rows of batches) {
      for (const row of rows) {
        if (inSheet === perSheet) startSheet();
        sheet!.addRow(row.map(safe)).commit();
        inSheet++;
        if (++n % ZIP_TURN_ROWS === 0) await zipTurn(sheet!);
      }
      await progress(n);
    }
    (sheet as ExcelJS.Worksheet | null)?.commit();
    await workbook.commit();
  } catch (error) {
    // The zip may still write what it had: into a closed file, quietly.
    out.on('error', () => undefined);
    out.destroy();
    throw error;
  }
  options.onProgress?.(n);
  return n;
}
