import { resolveDataDir, storeFile } from '../config/paths';
import { JobHost } from '../jobs/host';
import { EscalationRunner } from '../escalation/runner';
import { Notifier } from '../notify/notifier';
import { createHandlers, type AppFacts } from '../rpc/handlers';
import { createRouter, type Router } from '../rpc/router';
import { StoreHost } from '../store/host';
import type { SessionState } from '../store/service';

export interface AppOptions {
  dataDir?: string | undefined;
  host: AppFacts['host'];
  version: string;
  migrationsDir?: string | undefined;
  nativeBinding?: string | undefined;
}

export interface AppContext {
  dataDir: string;
  store: StoreHost;
  jobs: JobHost;
  router: Router;
  escalations: EscalationRunner;
  /** Desktop notifications for the signed-in user (Electron shows them natively, the web renderer itself). */
  notifications: Notifier;
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
  store.on('changed', (change) => {
    if (change.tables.includes('staff')) refreshSession();
  });
  const jobs = await JobHost.start({ file: storeFile(dataDir), nativeBinding: options.nativeBinding });
  const handlers = createHandlers({
    store,
    jobs,
    facts: { name: 'Postal Complaint Desk', version: options.version, host: options.host, dataDir },
    onSessionChange: refreshSession,
  });
  const router = createRouter(handlers, () => session);
  const escalations = new EscalationRunner(store).start();
  escalations.on('error', (error) => console.error('[escalation]', error));
  const notifications = new Notifier(store, () => session).start(escalations);
  notifications.on('error', (error) => console.error('[notify]', error));
  return {
    dataDir,
    store,
    jobs,
    router,
    escalations,
    notifications,
    close: () => {
      escalations.stop();
      return Promise.all([jobs.close(), store.close()]).then(() => undefined);
    },
  };
}
