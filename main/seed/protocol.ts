import type { Batch } from './batches';

/** What the seed worker (worker.ts) tells the writer (source.ts), and how they pace each other. */
export type WorkerMessage =
  { kind: 'batch'; batch: Batch } | { kind: 'done' } | { kind: 'error'; message: string };

/** Int32 slots of the shared buffer: batches posted, batches taken. */
export const PRODUCED = 0;
export const CONSUMED = 1;
/** Batches the worker may run ahead of the writer: bounds memory to a few batches. */
export const MAX_AHEAD = 2;
