import { EventEmitter } from 'node:events';
import type { Worker } from 'node:worker_threads';
import type { DataChanged } from '../../shared/rpc/dto';
import { RpcFailure } from '../../shared/rpc/errors';
import type { SyncMode, SyncSettingsView, SyncStatusView } from '../../shared/sync/view';
import type { StoreHost } from '../store/host';
import { siblingEntry, spawnWorker } from '../workers/spawn';
import { normalizeServerUrl, SignInRefused, syncAuth, type ServerSession } from './auth';
import type { SyncEffects, SyncStatus } from './engine';
import type { SecretStore } from './secrets';
import type { SyncWorkerData, ToSyncWorker } from './worker';

export interface SyncServiceOptions {
  store: StoreHost;
  /** The store's SQLite file: the worker opens its own connection to it. */
  dbFile: string;
  nativeBinding?: string | undefined;
  secrets: SecretStore;
}

type FromSyncWorker =
  { type: 'status'; status: SyncStatus } | ({ type: 'changed' } & SyncEffects) | { type: 'authRequired' };

/** The tables a pulled page may write (materialize*.ts, the audit trail, colleagues' notes, the inbox). */
const SYNC_TABLES = [
  'cases',
  'parties',
  'staff',
  'case_events',
  'case_notes',
  'case_deadlines',
  'mediations',
  'mediation_sessions',
  'mediation_proposals',
  'escalations',
  'escalation_inbox',
  'sync_conflicts',
  'sync_outbox',
];
const STOP_TIMEOUT_MS = 10_000;
const RESTART_AFTER_CRASH_MS = 5_000;

/**
 * Team sync in main: settings, signing in and out, the refresh token (main only, in the data
 * folder via SecretStore), and the sync worker's life. With no server set (the default) it does
 * nothing: the workstation is standalone. Signed in, it runs main/sync/worker.ts, hands it
 * access tokens, nudges it after local writes, and re-emits its news as `changed` (for the
 * existing data.changed push) and `status` (for the status bar).
 */
export class SyncService extends EventEmitter<{ status: [SyncStatusView]; changed: [DataChanged] }> {
  private worker: Worker | null = null;
  private workerStatus: SyncStatus | null = null;
  private refreshing: Promise<string | null> | null = null;
  private restartTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly options: SyncServiceOptions) {
    super();
  }

  private get store() {
    return this.options.store;
  }

  /**
   * Resumes the saved session: one refresh, then the worker. The network is not awaited, so an
   * unreachable server never delays opening the app; offline, the worker starts anyway and retries.
   */
  async start(): Promise<void> {
    const settings = await this.store.call('sync', 'settings');
    if (!settings.serverUrl || !settings.user || !this.options.secrets.read()) return;
    void this.refreshToken()
      .catch(() => '')
      .then((token) => {
        if (token !== null && !this.closed && !this.worker) this.startWorker(settings, token);
      });
  }

  async settings(): Promise<SyncSettingsView> {
    return this.store.call('sync', 'settings');
  }

  async setSettings(input: { serverUrl: string; workstationName: string }): Promise<SyncSettingsView> {
    const serverUrl = input.serverUrl === '' ? null : normalizeServerUrl(input.serverUrl);
    if (input.serverUrl !== '' && serverUrl === null) {
      throw new RpcFailure('VALIDATION_FAILED', 'sync.errors.badUrl', {}, [
        { path: 'serverUrl', key: 'sync.errors.badUrl' },
      ]);
    }
    const current = await this.store.call('sync', 'settings');
    if (current.user && serverUrl !== current.serverUrl) {
      throw new RpcFailure('CONFLICT', 'sync.errors.signedIn');
    }
    const next = await this.store.call('sync', 'setSettings', {
      serverUrl,
      workstationName: input.workstationName,
    });
    await this.publish();
    return next;
  }

  async login(username: string, password: string): Promise<SyncStatusView> {
    const settings = await this.store.call('sync', 'settings');
    if (!settings.serverUrl) throw new RpcFailure('CONFLICT', 'sync.errors.noServer');
    // A refresh in flight would save its rotated token over this sign-in's.
    await this.refreshing?.catch(() => null);
    const session = await syncAuth.login(
      settings.serverUrl,
      { username, password },
      { id: settings.workstationId, name: settings.workstationName },
    );
    await this.stopWorker();
    this.options.secrets.write(session.refreshToken);
    const signedIn = await this.store.call('sync', 'signIn', {
      id: session.user.id,
      name: session.user.name,
      username,
      roles: session.user.roles,
    });
    this.startWorker(signedIn, session.accessToken);
    await this.loadFromServer(settings.serverUrl, session.accessToken);
    return this.publish();
  }

  async logout(): Promise<SyncStatusView> {
    const settings = await this.store.call('sync', 'settings');
    await this.stopWorker();
    const refreshToken = this.options.secrets.read();
    this.options.secrets.write(null);
    // Revoking on the server is a courtesy: offline, the token simply expires there.
    if (settings.serverUrl && refreshToken)
      await syncAuth.logout(settings.serverUrl, refreshToken).catch(() => {});
    await this.store.call('sync', 'signOut');
    return this.publish();
  }

  async status(): Promise<SyncStatusView> {
    const settings = await this.store.call('sync', 'settings');
    const s = this.workerStatus;
    // Counts from the store, not the worker's last report: a write made a moment ago counts at once.
    const counts = await this.store.call('sync', 'counts');
    const mode: SyncMode = !settings.serverUrl
      ? 'standalone'
      : !settings.user || !this.worker
        ? 'signedOut'
        : !s
          ? 'syncing'
          : !s.online
            ? 'offline'
            : counts.pendingCount > 0
              ? 'syncing'
              : 'online';
    return {
      mode,
      serverUrl: settings.serverUrl,
      user: settings.user,
      ...counts,
      lastSyncAt: s?.lastSyncAt ?? null,
      blockedOnUser: s?.blockedOnUser ?? null,
      lastError: s?.lastError ?? null,
    };
  }

  /** After every local write: push it now rather than at the end of the long-poll. */
  nudge(): void {
    this.post({ type: 'nudge' });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.stopWorker();
  }

  private post(message: ToSyncWorker): void {
    this.worker?.postMessage(message);
  }

  private async publish(): Promise<SyncStatusView> {
    const view = await this.status();
    this.emit('status', view);
    return view;
  }

  private startWorker(settings: SyncSettingsView, accessToken: string): void {
    if (!settings.serverUrl || !settings.user) return;
    const data: SyncWorkerData = {
      dbPath: this.options.dbFile,
      ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}),
      serverUrl: settings.serverUrl,
      userId: settings.user.id,
      workstation: settings.workstationName,
      accessToken,
    };
    const worker = spawnWorker(siblingEntry(import.meta.url, 'worker', 'sync-worker'), { ...data });
    this.worker = worker;
    this.workerStatus = null;
    worker.on('message', (msg: FromSyncWorker) => this.onMessage(msg));
    worker.on('error', (error) => console.error('[sync] worker failed', error));
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.workerStatus = null;
      console.error(
        `[sync] worker exited unexpectedly (${code}); restarting in ${RESTART_AFTER_CRASH_MS} ms`,
      );
      void this.publish().catch(() => {});
      this.restartTimer = setTimeout(() => void this.start().catch(() => {}), RESTART_AFTER_CRASH_MS);
    });
  }

  private async stopWorker(): Promise<void> {
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    this.workerStatus = null;
    await new Promise<void>((resolve) => {
      // The worker finishes the round in flight (its page transaction) and closes its connection.
      const forced = setTimeout(() => void worker.terminate(), STOP_TIMEOUT_MS);
      worker.once('exit', () => {
        clearTimeout(forced);
        resolve();
      });
      worker.postMessage({ type: 'stop' } satisfies ToSyncWorker);
    });
  }

  private onMessage(msg: FromSyncWorker): void {
    if (this.closed) return;
    if (msg.type === 'status') {
      this.workerStatus = msg.status;
      void this.publish().catch(() => {});
    } else if (msg.type === 'changed') {
      const tables = msg.conflictsAdded > 0 ? SYNC_TABLES : SYNC_TABLES.filter((t) => t !== 'sync_conflicts');
      const caseIds = [...new Set(msg.caseIds)];
      // Deadlines first, so the views that refetch on this event see them.
      void this.store
        .call('sync', 'refreshSyncedDeadlines', caseIds)
        .catch((error: unknown) => console.error('[sync] deadlines of synced cases', error))
        .then(() => {
          if (!this.closed) this.emit('changed', { tables, caseIds });
        });
    } else {
      void this.refreshToken().then(
        (token) => token && this.post({ type: 'token', accessToken: token }),
        () => {},
      );
    }
  }

  /**
   * Colleagues' names and roles, and the calendar years, rule profiles and volumes administered
   * on the server: at sign-in and with each new access token; offline, the last copies stay.
   */
  private async loadFromServer(serverUrl: string, accessToken: string): Promise<void> {
    if (this.closed) return;
    try {
      await this.store.call('sync', 'upsertStaff', await syncAuth.staff(serverUrl, accessToken));
    } catch (error) {
      console.error('[sync] could not load the staff list', error);
    }
    try {
      const reference = await syncAuth.reference(serverUrl, accessToken);
      if (this.closed) return;
      const taken = await this.store.call('sync', 'takeReference', reference, serverUrl);
      if (taken.profileConflicts.length > 0)
        console.error(
          `[sync] the server has other rule profiles under versions this workstation already has; kept ours: ${taken.profileConflicts.join(', ')}`,
        );
    } catch (error) {
      console.error('[sync] could not take the reference data (calendars, rule profiles, volumes)', error);
    }
  }

  /**
   * A new access token from the saved refresh token (which rotates: the new one is saved before
   * anything else). One refresh at a time, since a refresh token works once. Refused: the
   * session is over and the person signs in again. Null when there is no session.
   */
  private refreshToken(): Promise<string | null> {
    this.refreshing ??= (async () => {
      try {
        const settings = await this.store.call('sync', 'settings');
        const saved = this.options.secrets.read();
        if (!settings.serverUrl || !saved) return null;
        let session: ServerSession;
        try {
          session = await syncAuth.refresh(settings.serverUrl, saved);
        } catch (error) {
          if (error instanceof SignInRefused) {
            await this.stopWorker();
            this.options.secrets.write(null);
            await this.store.call('sync', 'signOut');
            await this.publish();
            return null;
          }
          throw error;
        }
        this.options.secrets.write(session.refreshToken);
        void this.loadFromServer(settings.serverUrl, session.accessToken);
        return session.accessToken;
      } finally {
        this.refreshing = null;
      }
    })();
    return this.refreshing;
  }
}
