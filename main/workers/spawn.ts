import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread from a bundled `.js` entry (the app, the web host) or, when running
 * from source, from a `.ts` entry through the tsx bootstrap.
 */
export function spawnWorker(entry: URL, workerData: Record<string, unknown>): Worker {
  if (entry.pathname.endsWith('.ts')) {
    return new Worker(new URL('./ts-bootstrap.mjs', import.meta.url), {
      workerData: { ...workerData, __entry: entry.href },
    });
  }
  return new Worker(entry, { workerData });
}

/** The worker file next to the calling module: `name.ts` from source, `name.js` in the flat bundle. */
export function siblingEntry(callerUrl: string, sourceName: string, bundleName: string): URL {
  return new URL(callerUrl.endsWith('.ts') ? `./${sourceName}.ts` : `./${bundleName}.js`, callerUrl);
}
