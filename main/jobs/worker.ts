import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../store/database';
import { ExportCancelled } from '../export/writers';
import type { JobReply, JobRequest, JobWorkerData } from './protocol';
import { runJob } from './run';

/**
 * The job worker: statistics and exports on their own read-only connection (WAL lets it read
 * while the store worker writes), so long work never blocks main's thread or the store's.
 */
const data = workerData as JobWorkerData;
const port = parentPort!;
const { db } = openDatabase({ file: data.file, readonly: true, nativeBinding: data.nativeBinding });
const running = new Map<string, AbortController>();
const post = (reply: JobReply) => port.postMessage(reply);

port.on('message', (request: JobRequest) => {
  if (request.type === 'cancel') {
    running.get(request.jobId)?.abort();
    return;
  }
  const { jobId, spec } = request;
  const controller = new AbortController();
  running.set(jobId, controller);
  runJob(db, spec, {
    signal: controller.signal,
    progress: (done, total) => post({ type: 'progress', jobId, done, total }),
    nativeBinding: data.nativeBinding,
  })
    .then((result) => post({ type: 'done', jobId, result }))
    .catch((error: unknown) =>
      post({
        type: 'failed',
        jobId,
        error: error instanceof Error ? error.message : String(error),
        cancelled: error instanceof ExportCancelled,
      }),
    )
    .finally(() => running.delete(jobId));
});
post({ type: 'ready' });
