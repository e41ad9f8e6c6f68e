import { resolveDataDir, storeFile } from '../config/paths';
import { JobHost } from '../jobs/host';
import { chromiumPrinter } from '../pdf/chromium';
import type { PdfPrinter } from '../pdf/printer';
import { EscalationRunner } from '../escalation/runner';
import { Notifier } from '../notify/notifier';
import { createHandlers, type AppFacts } from '../rpc/handlers';
import { createRouter, type Router } from '../rpc/router';
import { StoreHost } from '../store/host';
import type { SessionState } from '../store/service';
import { fileSecretStore, type SecretCipher } from '../sync/secrets';
import { SyncService } from '../sync/service';

export interface AppOptions {
  dataDir?: string | undefined;
  host: AppFacts['host'];
  version: string;
  migrationsDir?: string | undefined;
  nativeBinding?: string | undefined;
  /** Electron passes its own; the web host, tests and benchmarks print with headless Chromium. */
  printer?: PdfPrinter | undefined;
  /** Seals the sync refresh token (Electron's safeStorage); without it the token file is 0600 only. */
  secretCipher?: SecretCipher | undefined;
}

export interface AppContext {
  dataDir: string;
  store: StoreHost;
  jobs: JobHost;
  router: Router;
  escalations: EscalationRunner;
  /** Desktop notifications for the signed-in user (Electron shows them natively, the web renderer itself). */
  notifications: Notifier;
  sync: SyncService;
  close(): Promise<void>;
}

/**
 * The desktop back end without Electron: the store worker and the RPC router. Electron main
 * and the web host both start exactly this, so they serve the same handlers.
 */
export async function startApp(options: AppOptions): Promise<AppContext> {
  const dataDir = resolveDataDir(options.dataDir);
  const store = await StoreHost.start({
    file: storeFile(dataDir),
    ...(options.migrationsDir ? { migrationsDir: options.migrationsDir } : {}),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  let session: Promise<SessionState> = store.call('session', 'session');
  const refreshSession = () => {
    session = store.call('session', 'session');
  };
  const sync = new SyncService({
    store,
    dbFile: storeFile(dataDir),
    nativeBinding: options.nativeBinding,
    secrets: fileSecretStore(dataDir, options.secretCipher),
  });
  store.on('changed', (change) => {
    if (change.tables.includes('staff') || change.tables.includes('app_meta')) refreshSession();
    sync.nudge();
  });
  // Another workstation's changes may name staff this one has not seen (materialize adds them).
  sync.on('changed', (change) => {
    if (change.tables.includes('staff')) refreshSession();
  });
  const jobs = await JobHost.start({ file: storeFile(dataDir), nativeBinding: options.nativeBinding });
  const handlers = createHandlers({
    store,
    jobs,
    facts: { name: 'Postal Complaint Desk', version: options.version, host: options.host, dataDir },
    onSessionChange: refreshSession,
    printer: options.printer ?? chromiumPrinter(),
    sync,
  });
  const router = createRouter(handlers, () => session);
  const escalations = new EscalationRunner(store).start();
  escalations.on('error', (error) => console.error('[escalation]', error));
  await sync.start().catch((error: unknown) => console.error('[sync] could not resume the session', error));
  const notifications = new Notifier(store, () => session).start(escalations);
  notifications.on('error', (error) => console.error('[notify]', error));
  // A case another workstation handed to this user arrives through sync, not through the store.
  sync.on('changed', (change) => notifications.changed(change));
  return {
    dataDir,
    store,
    jobs,
    router,
    escalations,
    notifications,
    sync,
    close: async () => {
      escalations.stop();
      // The sync worker writes the same file: it stops before the store checkpoints and closes.
      await sync.close();
      await Promise.all([jobs.close(), store.close()]);
    },
  };
}
