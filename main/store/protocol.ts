import type { DataChanged } from '../../shared/rpc/dto';
import type { StoreService } from './service';

/** The StoreService methods main may call across the worker boundary. */
export const STORE_METHODS = [
  'info',
  'session',
  'setLocale',
  'reference',
  'listCases',
  'countCases',
  'getCase',
  'registerAppeal',
  'caseHistory',
  'caseClocks',
  'transitionCase',
  'demoStatus',
  'loadDemo',
  'verifyAudit',
] as const satisfies readonly (keyof StoreService)[];
export type StoreMethod = (typeof STORE_METHODS)[number];

export type StoreCall = { type: 'call'; id: number; method: StoreMethod; args: unknown[] } | { type: 'close' };

/** An error as it crosses the thread boundary; `rpc` carries an RpcFailure's fields. */
export interface WireError {
  name: string;
  message: string;
  code?: string;
  rpc?: { code: string; key: string; params: Record<string, string | number>; fields: unknown[]; extra: Record<string, unknown> };
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
