import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Worker } from 'node:worker_threads';
import type { JobProgress } from '../../shared/stats/dto';
import { siblingEntry, spawnWorker } from '../workers/spawn';
import type { JobReply, JobResult, JobSpec, JobWorkerData } from './protocol';

interface Entry {
  progress: JobProgress;
  lane: Worker;
  resolve(result: JobResult): void;
  reject(error: Error): void;
  result?: JobResult;
}

export class JobCancelled extends Error {
  constructor() {
    super('Job cancelled');
  }
}

/**
 * Two job workers, each with its own read-only connection: quick queries (the notice, a
 * drill-down) are never queued behind a long export. Emits `progress` (JobProgress).
 */
export class JobHost extends EventEmitter<{ progress: [JobProgress] }> {
  private readonly jobs = new Map<string, Entry>();

  private constructor(
    private readonly queries: Worker,
    private readonly exports: Worker,
  ) {
    super();
    for (const w of [queries, exports]) w.on('message', (reply: JobReply) => this.onReply(reply));
  }

  static async start(data: JobWorkerData): Promise<JobHost> {
    const spawn = () =>
      new Promise<Worker>((resolve, reject) => {
        const w = spawnWorker(siblingEntry(import.meta.url, 'worker', 'jobs-worker'), { ...data });
        w.once('message', () => resolve(w));
        w.once('error', reject);
      });
    const [queries, exports] = await Promise.all([spawn(), spawn()]);
    return new JobHost(queries, exports);
  }

  /** Starts a job; the promise settles when it ends. */
  start(spec: JobSpec): { jobId: string; finished: Promise<JobResult> } {
    const jobId = randomUUID();
    const lane = spec.kind === 'caseExport' || spec.kind === 'noticeExport' ? this.exports : this.queries;
    const finished = new Promise<JobResult>((resolve, reject) => {
      this.jobs.set(jobId, {
        progress: { jobId, state: 'running', done: 0, total: 0 },
        lane,
        resolve,
        reject,
      });
    });
    finished.catch(() => undefined);
    lane.postMessage({ type: 'start', jobId, spec });
    return { jobId, finished };
  }

  run(spec: JobSpec): Promise<JobResult> {
    return this.start(spec).finished;
  }

  cancel(jobId: string): boolean {
    const entry = this.jobs.get(jobId);
    if (!entry || entry.progress.state !== 'running') return false;
    entry.lane.postMessage({ type: 'cancel', jobId });
    return true;
  }

  progress(jobId: string): JobProgress | null {
    return this.jobs.get(jobId)?.progress ?? null;
  }

  result(jobId: string): JobResult | null {
    return this.jobs.get(jobId)?.result ?? null;
  }

  async close(): Promise<void> {
    await Promise.all([this.queries.terminate(), this.exports.terminate()]);
  }

  private onReply(reply: JobReply): void {
    if (reply.type === 'ready') return;
    const entry = this.jobs.get(reply.jobId);
    if (!entry) return;
    const p = entry.progress;
    if (reply.type === 'progress') {
      entry.progress = { ...p, done: reply.done, total: reply.total };
    } else if (reply.type === 'done') {
      entry.progress = { ...p, state: 'done', done: Math.max(p.done, p.total) };
      entry.result = reply.result;
      entry.resolve(reply.result);
    } else {
      entry.progress = { ...p, state: reply.cancelled ? 'cancelled' : 'failed', error: reply.error };
      entry.reject(reply.cancelled ? new JobCancelled() : new Error(reply.error));
    }
    this.emit('progress', entry.progress);
  }
}
