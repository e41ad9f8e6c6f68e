import { z } from 'zod';
import type { RejectionCode, SyncCase } from './rules';

/** The wire protocol of team sync (SYNC.md §3.6). Bump PROTOCOL_VERSION on any incompatible change. */
export const PROTOCOL_VERSION = 1;
export const MAX_PUSH_MUTATIONS = 50;
export const MAX_BODY_BYTES = 1024 * 1024;
/** A page is one snapshot on the server and one transaction on the workstation; big pages make bootstrap cheap. */
export const MAX_PULL_LIMIT = 5000;
export const MAX_WAIT_MS = 30_000;
/** One space per site for now: a locked counter row orders every change (SYNC.md §3.5). */
export const DEFAULT_SPACE = 'site';

export const pushRequestSchema = z
  .object({
    clientId: z.uuid(),
    protocolVersion: z.number().int(),
    clientNow: z.number().int(),
    mutations: z
      .array(
        z
          .object({
            seq: z.number().int().positive(),
            id: z.uuid(),
            name: z.string().min(1).max(60),
            args: z.unknown(),
            actorUserId: z.string().min(1).max(64),
            occurredAt: z.number().int(),
          })
          .strict(),
      )
      .max(MAX_PUSH_MUTATIONS),
  })
  .strict();
export type PushRequest = z.infer<typeof pushRequestSchema>;
export type PushMutation = PushRequest['mutations'][number];

export type Outcome = 'applied' | 'noop' | 'rejected';

export interface MutationResult {
  readonly seq: number;
  readonly id: string;
  readonly outcome: Outcome;
  readonly code: RejectionCode | null;
  readonly details: Record<string, unknown> | null;
  readonly version: number | null;
}

export interface PushResponse {
  readonly serverEpoch: string;
  readonly lastMutationId: number;
  readonly results: MutationResult[];
}

export const pullRequestSchema = z
  .object({
    clientId: z.uuid(),
    protocolVersion: z.number().int(),
    serverEpoch: z.string().max(64).nullable(),
    cursor: z.number().int().nonnegative(),
    lastAckedMutationId: z.number().int().nonnegative(),
    waitMs: z.number().int().min(0).max(MAX_WAIT_MS).default(0),
    limit: z.number().int().min(1).max(MAX_PULL_LIMIT).default(500),
  })
  .strict();
export type PullRequest = z.input<typeof pullRequestSchema>;

export interface SyncEvent {
  readonly caseId: string;
  readonly version: number;
  readonly type: string;
  readonly actorUserId: string;
  readonly workstation: string;
  readonly data: unknown;
  readonly occurredAt: number;
  readonly appliedAt: number;
  readonly mutationId: string | null;
}

export interface PullResponse {
  readonly serverEpoch: string;
  readonly lastMutationId: number;
  /** Outcomes of this client's mutations after `lastAckedMutationId`, so a lost push response costs nothing. */
  readonly mutationResults: MutationResult[];
  readonly fromVersion: number;
  readonly toVersion: number;
  readonly hasMore: boolean;
  readonly cases: SyncCase[];
  readonly events: SyncEvent[];
}

/** Error bodies: `error` is a stable code, `message` says it in English for logs. */
export type SyncErrorCode =
  | 'BadRequest'
  | 'Unauthorized'
  | 'TokenExpired'
  | 'Forbidden'
  | 'PayloadTooLarge'
  | 'OutOfOrder'
  | 'ClientStateDiverged'
  | 'ResyncRequired'
  | 'VersionNotSupported'
  | 'Unavailable';

export interface SyncErrorBody {
  readonly error: SyncErrorCode;
  readonly message: string;
  readonly expectedSeq?: number;
}
