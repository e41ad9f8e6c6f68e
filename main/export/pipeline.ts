import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CaseExportRequest, ExportColumnKey } from '../../shared/stats/columns';
import { siblingEntry, spawnWorker } from '../workers/spawn';
import { rowMapper, type Cell, type RawRow } from './rows';

/** What the reader thread (reader.ts) is asked to read: the export's rows. */
export interface ReaderData {
  file: string;
  nativeBinding?: string | undefined;
  source: CaseExportRequest['source'];
  staffId: string;
  columns: readonly ExportColumnKey[];
  revealPersonal: boolean;
  now: number;
  /** Rows mapped to cells on the reader's thread, or posted raw and mapped on the writer's. */
  mapOnReader: boolean;
  batchRows: number;
  maxAhead: number;
}

/** What the reader posts; the writer answers each `rows` it takes with one message (a credit). */
export type ReaderMessage =
  | { kind: 'total'; rows: number }
  | { kind: 'rows'; rows: (Cell[] | RawRow)[] }
  | { kind: 'done' }
  | { kind: 'error'; message: string };

/** Rows per batch: a message costs next to nothing per row (1,000 and 4,000 measured the same). */
export const BATCH_ROWS = 4_000;
/** Batches the reader may run ahead of the writer: bounds memory to a few batches. */
export const MAX_AHEAD = 4;

/** The reader's worker entry: `reader.ts` from source, `export-reader.js` in the flat bundle. */
function readerEntry(): URL {
  const entry = siblingEntry(import.meta.url, 'reader', 'export-reader');
  if (!existsSync(fileURLToPath(entry))) {
    // No slower inline path to fall back on: a bundle without the entry is a broken build.
    throw new Error(
      `The export reader thread's entry is missing: ${fileURLToPath(entry)} (electron.vite.config.ts builds it as 'export-reader')`,
    );
  }
  return entry;
}

/**
 * The rows of a case export, read on a thread of their own while the caller's thread writes the
 * file: a pipeline over the machine's two cores. Rows are mapped to cells on whichever side
 * `mapOnReader` says. The reader has its own read-only connection and reads the count and the
 * rows in one read transaction (one snapshot). At most MAX_AHEAD batches wait for the writer.
 * Leaving the loop early (a cancel, a writer's error) stops the reader; a reader's error is
 * thrown here.
 */
export async function* caseRowBatches(
  data: Omit<ReaderData, 'batchRows' | 'maxAhead'>,
  onTotal: (rows: number) => void,
): AsyncGenerator<Cell[][]> {
  const worker = spawnWorker(readerEntry(), { ...data, batchRows: BATCH_ROWS, maxAhead: MAX_AHEAD });
  const toCells = data.mapOnReader ? null : rowMapper(data.columns, data.revealPersonal);
  const queue: ReaderMessage[] = [];
  let wake: (() => void) | null = null;
  const push = (message: ReaderMessage) => {
    queue.push(message);
    wake?.();
    wake = null;
  };
  worker.on('message', push);
  worker.on('error', (error) => push({ kind: 'error', message: error.message }));
  worker.on('exit', (code) =>
    push({ kind: 'error', message: `the export reader stopped (exit code ${code})` }),
  );
  try {
    for (;;) {
      const message =
        queue.shift() ?? (await new Promise<void>((resolve) => (wake = resolve)), queue.shift()!);
      switch (message.kind) {
        case 'total':
          onTotal(message.rows);
          break;
        case 'rows':
          worker.postMessage(1);
          yield toCells ? message.rows.map(toCells) : (message.rows as Cell[][]);
          break;
        case 'done':
          return;
        case 'error':
          throw new Error(`Export reader failed: ${message.message}`);
      }
    }
  } finally {
    await worker.terminate();
  }
}
