import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { siblingEntry, spawnWorker } from '../workers/spawn';
import { demoBatches, type Batch, type BatchParams } from './batches';
import { CONSUMED, PRODUCED, type WorkerMessage } from './protocol';

/**
 * Where the writer gets its batches: from a worker thread, so that generating and hashing the
 * next batch runs on the second core while this thread writes the current one to SQLite, or
 * inline (small loads, where starting a thread costs more than it saves, or when the worker
 * file is not there). Either way `next()` is synchronous: the writer's transaction loop, and
 * the store worker that calls it, stay synchronous.
 */
export interface BatchSource {
  /** The next batch, or null when all cases have been produced. */
  next(): Batch | null;
  close(): void;
}

const STALL_MS = 120_000;

export function inlineSource(params: BatchParams): BatchSource {
  const batches = demoBatches(params);
  return {
    next: () => {
      const r = batches.next();
      return r.done ? null : r.value;
    },
    close: () => void batches.return(undefined),
  };
}

/** The worker entry next to this module, or null where it was not built (then: inline). */
export function workerEntry(): URL | null {
  const entry = siblingEntry(import.meta.url, 'worker', 'seed-worker');
  return existsSync(fileURLToPath(entry)) ? entry : null;
}

export function workerSource(entry: URL, params: BatchParams): BatchSource {
  const signal = new SharedArrayBuffer(8);
  const flags = new Int32Array(signal);
  const channel = new MessageChannel();
  const worker = spawnWorker(entry, { params, signal });
  // The writer blocks in Atomics.wait, so it never runs the event loop that would deliver the
  // worker's messages: it pulls them from a port of its own with receiveMessageOnPort.
  worker.postMessage({ port: channel.port2 }, [channel.port2]);
  worker.unref();
  const port: MessagePort = channel.port1;
  let finished = false;

  return {
    next() {
      if (finished) return null;
      let waited = 0;
      for (;;) {
        const seen = Atomics.load(flags, PRODUCED);
        const received = receiveMessageOnPort(port);
        if (received) {
          const message = received.message as WorkerMessage;
          if (message.kind === 'batch') {
            Atomics.add(flags, CONSUMED, 1);
            Atomics.notify(flags, CONSUMED);
            return message.batch;
          }
          finished = true;
          if (message.kind === 'done') return null;
          throw new Error(`demo data worker failed: ${message.message}`);
        }
        if (Atomics.wait(flags, PRODUCED, seen, 1000) === 'timed-out') {
          waited += 1000;
          if (waited >= STALL_MS) throw new Error('demo data worker stopped responding');
        }
      }
    },
    close() {
      finished = true;
      port.close();
      void worker.terminate();
    },
  };
}
