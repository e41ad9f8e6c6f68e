import type { SyncErrorCode } from '../shared/sync/protocol';

const STATUS: Record<SyncErrorCode, number> = {
  BadRequest: 400,
  Unauthorized: 401,
  TokenExpired: 401,
  Forbidden: 403,
  PayloadTooLarge: 413,
  OutOfOrder: 409,
  ClientStateDiverged: 409,
  ResyncRequired: 410,
  VersionNotSupported: 400,
  Unavailable: 503,
};

/** A refusal the HTTP layer turns into `{error, message}` with the matching status. */
export class SyncError extends Error {
  readonly status: number;
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.status = STATUS[code];
  }
}
