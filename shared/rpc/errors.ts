/** Errors cross the RPC boundary as data, never as thrown strings (ARCHITECTURE §3). */
export const RPC_ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNKNOWN_PROCEDURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_TRANSITION',
  'SHUTTING_DOWN',
  /** A service main depends on (the sync server) cannot be reached. */
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type RpcErrorCode = (typeof RPC_ERROR_CODES)[number];

export interface FieldError {
  /** Dotted path into the input, e.g. `appellant.phone`. */
  path: string;
  /** i18n key, e.g. `validation.phone.invalid`. */
  key: string;
  params?: Record<string, string | number>;
  /** The key translated into the caller's language. */
  message: string;
}

export interface RpcError {
  code: RpcErrorCode;
  /** i18n key of the summary message. */
  key: string;
  message: string;
  details?: { fields?: FieldError[]; [k: string]: unknown };
}

export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: RpcError };

/** Thrown inside main-side handlers; the router turns it into an RpcError. */
export class RpcFailure extends Error {
  constructor(
    readonly code: RpcErrorCode,
    readonly key: string,
    readonly params: Record<string, string | number> = {},
    readonly fields: Omit<FieldError, 'message'>[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(key);
  }
}
