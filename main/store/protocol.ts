import type { DataChanged } from '../../shared/rpc/dto';

/** `json`: the worker answers with the result serialised (see StoreJson). */
export type StoreCall =
  | { type: 'call'; id: number; domain: string; method: string; args: unknown[]; json?: boolean }
  | { type: 'close' };

/** An error as it crosses the thread boundary; `rpc` carries an RpcFailure's fields. */
export interface WireError {
  name: string;
  message: string;
  code?: string;
  rpc?: {
    code: string;
    key: string;
    params: Record<string, string | number>;
    fields: unknown[];
    extra: Record<string, unknown>;
  };
}

export type StoreReply =
  | { type: 'ready' }
  | { type: 'fatal'; error: WireError }
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: true; json: string }
  | { type: 'result'; id: number; ok: false; error: WireError }
  | { type: 'changed'; change: DataChanged }
  | { type: 'closed' };

export interface StoreWorkerData {
  file: string;
  migrationsDir?: string;
  nativeBinding?: string;
}

/**
 * A store result as JSON text, made by the worker and handed to the transport unparsed. A page
 * of the queue costs ~4x more to structured-clone across the thread boundary (and then to
 * serialise again for the wire) than to serialise once in the worker and pass the string.
 * `T` is the type the text decodes to.
 */
export class StoreJson<T> {
  declare readonly decodesTo?: T;
  constructor(readonly json: string) {}
}
