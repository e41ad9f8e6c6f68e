import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../store/database';
import { SyncEngine } from './engine';
import { SyncLoop } from './loop';
import { HttpTransport } from './transport';

/**
 * The sync worker thread (SYNC.md §3.11): its own SQLite connection, short page transactions.
 * Main sends `{type:'token', accessToken}` (it owns the login) and `{type:'nudge'}` after local
 * writes or when the network comes back; the worker posts `status`, `changed` and `authRequired`.
 */
export interface SyncWorkerData {
  dbPath: string;
  nativeBinding?: string;
  serverUrl: string;
  userId: string;
  workstation: string;
  accessToken: string;
}

export type ToSyncWorker = { type: 'token'; accessToken: string } | { type: 'nudge' } | { type: 'stop' };

const data = workerData as SyncWorkerData;
const port = parentPort!;
let token = data.accessToken;
const { db } = openDatabase({ file: data.dbPath, nativeBinding: data.nativeBinding });
const transport = new HttpTransport(data.serverUrl, { accessToken: async () => token });
const engine = new SyncEngine(
  db,
  transport,
  { now: () => Date.now() },
  { userId: data.userId, workstation: data.workstation },
);
const loop = new SyncLoop(engine, {
  status: (status) => port.postMessage({ type: 'status', status }),
  changed: (effects) => port.postMessage({ type: 'changed', ...effects }),
  authRequired: () => port.postMessage({ type: 'authRequired' }),
});
port.on('message', (msg: ToSyncWorker) => {
  if (msg.type === 'token') {
    token = msg.accessToken;
    loop.nudge();
  } else if (msg.type === 'nudge') loop.nudge();
  else {
    void loop.stop().then(() => {
      db.close();
      port.close();
    });
  }
});
loop.start();
