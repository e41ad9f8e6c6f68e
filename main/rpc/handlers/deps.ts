import type { AppInfo } from '../../../shared/rpc/dto';
import { RpcFailure } from '../../../shared/rpc/errors';
import type { JobHost } from '../../jobs/host';
import type { PdfPrinter } from '../../pdf/printer';
import type { StoreHost } from '../../store/host';
import type { SessionState } from '../../store/service';
import type { SyncService } from '../../sync/service';

export interface AppFacts {
  name: string;
  version: string;
  host: AppInfo['host'];
  dataDir: string;
}

/** What handlers may use: the store worker, facts about this launch, and session refresh. */
export interface HandlerDeps {
  store: StoreHost;
  /** Statistics and exports on read-only connections of their own (main/jobs). */
  jobs: JobHost;
  facts: AppFacts;
  /** HTML → PDF: Electron's own Chromium in the app, headless Chromium in the web host. */
  printer: PdfPrinter;
  onSessionChange(): void;
  /** Team sync: settings, sign-in, status (main/sync/service.ts). */
  sync: SyncService;
}

export const actorOf = (session: SessionState) => ({
  staffId: session.staff.id,
  workstation: session.workstation,
});

export const notFound = () => new RpcFailure('NOT_FOUND', 'errors.NOT_FOUND');
