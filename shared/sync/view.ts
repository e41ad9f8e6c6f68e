/**
 * What the renderer sees of team sync (the RPC results and the `sync.status` push event). Main
 * owns the login and the worker; none of this carries a token.
 */

/** `standalone`: no server set (the default). `signedOut`: a server is set but nobody is signed in. */
export type SyncMode = 'standalone' | 'signedOut' | 'offline' | 'syncing' | 'online';

export interface SyncUser {
  id: string;
  name: string;
  username: string;
}

export interface SyncStatusView {
  mode: SyncMode;
  serverUrl: string | null;
  user: SyncUser | null;
  pendingCount: number;
  /** When the oldest unsent change was made (epoch ms), so the age stays live without events. */
  oldestPendingAt: number | null;
  lastSyncAt: number | null;
  openConflicts: number;
  /** Unsent changes wait for this user to sign in here (the queue goes in order). */
  blockedOnUser: string | null;
  /** The last failure as the worker saw it (network or server message), for the details panel. */
  lastError: string | null;
}

export interface SyncSettingsView {
  serverUrl: string | null;
  workstationName: string;
  workstationId: string;
  user: SyncUser | null;
}

/** What a conflict offers besides dismissing it. */
export type ConflictRetry = 'none' | 'retry';

export interface SyncConflictView {
  id: string;
  caseId: string | null;
  caseNo: string | null;
  /** The refused intent, e.g. `claimCase.v1`. */
  name: string;
  args: unknown;
  actorId: string;
  /** The server's rejection code (shared/sync/rules RejectionCode). */
  code: string;
  /** The server's copy when it refused: status, assigneeId, version … */
  serverState: Record<string, unknown>;
  detectedAt: number;
  resolvedAt: number | null;
  resolution: string | null;
  retry: ConflictRetry;
}
