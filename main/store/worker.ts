import { parentPort, workerData } from 'node:worker_threads';
import { RpcFailure } from '../../shared/rpc/errors';
import type { StoreCall, StoreReply, StoreWorkerData, WireError } from './protocol';
import { StoreService } from './service';

/** The store worker: owns the only write connection and answers StoreHost calls one at a time. */
const port = parentPort!;
const send = (reply: StoreReply) => port.postMessage(reply);

function toWire(error: unknown): WireError {
  if (error instanceof RpcFailure) {
    return {
      name: 'RpcFailure',
      message: error.message,
      rpc: {
        code: error.code,
        key: error.key,
        params: error.params,
        fields: error.fields,
        extra: error.extra,
      },
    };
  }
  const e = error instanceof Error ? error : new Error(String(error));
  return {
    name: e.name,
    message: e.message,
    ...((e as { code?: string }).code ? { code: (e as { code?: string }).code } : {}),
  };
}

let service: StoreService;
try {
  const data = workerData as StoreWorkerData;
  service = StoreService.open({
    file: data.file,
    migrationsDir: data.migrationsDir,
    nativeBinding: data.nativeBinding,
  });
  service.onChange((change) => send({ type: 'changed', change }));
  send({ type: 'ready' });
} catch (error) {
  send({ type: 'fatal', error: toWire(error) });
  process.exit(1);
}

// Deadlines of cases written around the store (demo data, an old store) are computed after the
// store is open, a slice per turn of the event loop: calls that arrive meanwhile are answered
// between slices instead of waiting for the whole catch-up (~1 min at a million cases).
const catchUp = () => {
  if (!service.db.open) return;
  try {
    if (service.domains.queue.catchUpDeadlinesSlice()) setImmediate(catchUp);
  } catch (error) {
    console.error('[store] deadline catch-up stopped', error);
  }
};
setImmediate(catchUp);

/** Only the domains' own functions are callable: nothing inherited, nothing else in the worker. */
function lookup(domain: string, method: string): ((...args: unknown[]) => unknown) | null {
  const domains = service.domains as unknown as Record<string, Record<string, unknown>>;
  if (!Object.hasOwn(domains, domain)) return null;
  const fns = domains[domain]!;
  return Object.hasOwn(fns, method) && typeof fns[method] === 'function'
    ? (fns[method] as (...args: unknown[]) => unknown)
    : null;
}

port.on('message', (msg: StoreCall) => {
  if (msg.type === 'close') {
    service.close();
    send({ type: 'closed' });
    port.close();
    return;
  }
  try {
    const fn = lookup(msg.domain, msg.method);
    if (!fn) throw new Error(`Unknown store call ${msg.domain}.${msg.method}`);
    const value = fn(...msg.args);
    send(
      msg.json
        ? { type: 'result', id: msg.id, ok: true, json: JSON.stringify(value) ?? 'null' }
        : { type: 'result', id: msg.id, ok: true, value },
    );
  } catch (error) {
    send({ type: 'result', id: msg.id, ok: false, error: toWire(error) });
  }
});
