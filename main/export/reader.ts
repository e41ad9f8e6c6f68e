import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../store/database';
import type { ReaderData, ReaderMessage } from './pipeline';
import { caseRowsQuery, countRows, rowMapper, type Cell, type RawRow } from './rows';

/**
 * Worker entry (see pipeline.ts): reads an export's rows on its own read-only connection, maps
 * them to cells (labels, masking) if asked to, and posts them in batches, staying at most
 * `maxAhead` batches ahead of the writer.
 */
const data = workerData as ReaderData;
const port = parentPort!;
const post = (message: ReaderMessage) => port.postMessage(message);

let credits = data.maxAhead;
let wake: (() => void) | null = null;
port.on('message', () => {
  credits++;
  wake?.();
  wake = null;
});

async function send(rows: (Cell[] | RawRow)[]): Promise<void> {
  if (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
  credits--;
  post({ kind: 'rows', rows });
}

async function read(): Promise<void> {
  const { db } = openDatabase({ file: data.file, readonly: true, nativeBinding: data.nativeBinding });
  try {
    // The count and the rows from one snapshot, however the store changes meanwhile.
    db.exec('BEGIN');
    post({ kind: 'total', rows: countRows(db, data.source, data.staffId, data.now) });
    const { sql, params } = caseRowsQuery(data.source, data.staffId, data.now);
    const toCells = data.mapOnReader ? rowMapper(data.columns, data.revealPersonal) : null;
    let batch: (Cell[] | RawRow)[] = [];
    for (const r of db
      .prepare(sql)
      .raw()
      .iterate(...params) as IterableIterator<RawRow>) {
      batch.push(toCells ? toCells(r) : r);
      if (batch.length === data.batchRows) {
        await send(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await send(batch);
    db.exec('COMMIT');
  } finally {
    db.close();
  }
  post({ kind: 'done' });
}

read().catch((error: unknown) =>
  post({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
);
