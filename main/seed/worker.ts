import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { demoBatches, type BatchParams } from './batches';
import { CONSUMED, MAX_AHEAD, PRODUCED, type WorkerMessage } from './protocol';

/**
 * Worker entry (see source.ts): generates, numbers and hashes demo batches and hands them
 * to the writer, staying at most MAX_AHEAD batches ahead of it.
 */
const { params, signal } = workerData as { params: BatchParams; signal: SharedArrayBuffer };
const flags = new Int32Array(signal);

function post(port: MessagePort, message: WorkerMessage): void {
  port.postMessage(message);
  Atomics.add(flags, PRODUCED, 1);
  Atomics.notify(flags, PRODUCED);
}

parentPort!.once('message', ({ port }: { port: MessagePort }) => {
  try {
    for (const batch of demoBatches(params)) {
      for (;;) {
        const consumed = Atomics.load(flags, CONSUMED);
        if (Atomics.load(flags, PRODUCED) - consumed < MAX_AHEAD) break;
        Atomics.wait(flags, CONSUMED, consumed, 1000);
      }
      post(port, { kind: 'batch', batch });
    }
    post(port, { kind: 'done' });
  } catch (error) {
    post(port, {
      kind: 'error',
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  } finally {
    port.close();
  }
});
