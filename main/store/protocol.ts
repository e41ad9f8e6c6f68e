import type { DataChanged } from '../../shared/rpc/dto';

export type StoreCall =
  { type: 'call'; id: number; domain: string; method: string; args: unknown[] } | { type: 'close' };

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
  | { type: 'result'; id: number; ok: false; error: WireError }
  | { type: 'changed'; change: DataChanged }
  | { type: 'closed' };

export interface StoreWorkerData {
  file: string;
  migrationsDir?: string;
  nativeBinding?: string;
}
