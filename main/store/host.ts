import { EventEmitter } from 'node:events';
import type { Worker } from 'node:worker_threads';
import type { DataChanged } from '../../shared/rpc/dto';
import { RpcFailure, type FieldError, type RpcErrorCode } from '../../shared/rpc/errors';
import { siblingEntry, spawnWorker } from '../workers/spawn';
import type { DomainName, MethodName, MethodOf } from './domains';
import { StoreJson, type StoreReply, type StoreWorkerData, type WireError } from './protocol';

export class StoreOpenError extends Error {
  constructor(readonly wire: WireError) {
    super(wire.message);
    this.name = wire.name;
  }
}

function fromWire(e: WireError): Error {
  if (e.rpc) {
    return new RpcFailure(
      e.rpc.code as RpcErrorCode,
      e.rpc.key,
      e.rpc.params,
      e.rpc.fields as Omit<FieldError, 'message'>[],
      e.rpc.extra,
    );
  }
  const error = new Error(e.message);
  error.name = e.name;
  return error;
}

/**
 * Main's handle on the store worker. Calls are queued in the worker (it is single-threaded),
 * so a mutation and the reads after it see each other in order. `close()` refuses new calls,
 * waits for those in flight, then lets the worker checkpoint and close the database.
 */
export class StoreHost extends EventEmitter<{ changed: [DataChanged]; exit: [number] }> {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly inflight = new Set<Promise<unknown>>();
  private closing: Promise<void> | null = null;

  private constructor(private readonly worker: Worker) {
    super();
    worker.on('message', (reply: StoreReply) => this.onReply(reply));
    worker.on('exit', (code) => {
      for (const p of this.pending.values()) p.reject(new Error(`Store worker exited (${code})`));
      this.pending.clear();
      this.emit('exit', code);
    });
  }

  static start(data: StoreWorkerData): Promise<StoreHost> {
    const worker = spawnWorker(siblingEntry(import.meta.url, 'worker', 'store-worker'), { ...data });
    return new Promise((resolve, reject) => {
      const onFirst = (reply: StoreReply) => {
        if (reply.type === 'ready') {
          worker.off('error', reject);
          resolve(new StoreHost(worker));
        } else if (reply.type === 'fatal') {
          reject(new StoreOpenError(reply.error));
        } else {
          worker.once('message', onFirst);
        }
      };
      worker.once('message', onFirst);
      worker.once('error', reject);
    });
  }

  call<D extends DomainName, M extends MethodName<D>>(
    domain: D,
    method: M,
    ...args: Parameters<MethodOf<D, M>>
  ): Promise<ReturnType<MethodOf<D, M>>> {
    return this.send(domain, method, args, false) as Promise<ReturnType<MethodOf<D, M>>>;
  }

  /** Like `call`, but the result arrives as JSON text for a transport to pass on as is. */
  callJson<D extends DomainName, M extends MethodName<D>>(
    domain: D,
    method: M,
    ...args: Parameters<MethodOf<D, M>>
  ): Promise<StoreJson<ReturnType<MethodOf<D, M>>>> {
    return this.send(domain, method, args, true) as Promise<StoreJson<ReturnType<MethodOf<D, M>>>>;
  }

  private send(domain: string, method: string, args: unknown[], json: boolean): Promise<unknown> {
    if (this.closing) return Promise.reject(new RpcFailure('SHUTTING_DOWN', 'errors.SHUTTING_DOWN'));
    const id = this.nextId++;
    const call = new Promise<unknown>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ type: 'call', id, domain, method, args, json });
    });
    this.inflight.add(call);
    const forget = () => this.inflight.delete(call);
    call.then(forget, forget);
    return call;
  }

  private onReply(reply: StoreReply): void {
    if (reply.type === 'result') {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (!reply.ok) p.reject(fromWire(reply.error));
      else p.resolve('json' in reply ? new StoreJson(reply.json) : reply.value);
    } else if (reply.type === 'changed') {
      this.emit('changed', reply.change);
    }
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.allSettled([...this.inflight]);
      await new Promise<void>((resolve) => {
        this.worker.once('exit', () => resolve());
        this.worker.postMessage({ type: 'close' });
      });
    })();
    return this.closing;
  }
}
