// Runs a TypeScript worker entry from source (tests, tsx scripts). Node 20 does not pass the
// parent's module hooks to worker threads, so the worker registers tsx itself first.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.__entry);
