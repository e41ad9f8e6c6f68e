import { z } from 'zod';
import { ANY_ROLE } from '../../domain/roles';
import type { SyncConflictView, SyncSettingsView, SyncStatusView } from '../../sync/view';
import { procedure } from '../define';
import { none } from './common';

/** An http(s) URL, or empty for standalone mode. Checked again in main (the key names the problem). */
export const serverUrlInput = z.string().trim().max(500);

/** Team sync: the server, signing in and out, the status and the conflict inbox. */
export const syncProcedures = {
  'sync.status': procedure<SyncStatusView>().query(none, ANY_ROLE),
  'sync.settings.get': procedure<SyncSettingsView>().query(none, ANY_ROLE),
  'sync.settings.set': procedure<SyncSettingsView>().mutation(
    z.object({ serverUrl: serverUrlInput, workstationName: z.string().trim().min(1).max(100) }).strict(),
    ANY_ROLE,
  ),
  'sync.login': procedure<SyncStatusView>().mutation(
    z.object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) }).strict(),
    ANY_ROLE,
  ),
  'sync.logout': procedure<SyncStatusView>().mutation(none, ANY_ROLE),
  'sync.conflicts.list': procedure<SyncConflictView[]>().query(
    z.object({ includeResolved: z.boolean().default(false) }).strict(),
    ANY_ROLE,
  ),
  'sync.resolveConflict': procedure<SyncConflictView>().mutation(
    z.object({ id: z.string().min(1).max(64), action: z.enum(['dismiss', 'retry']) }).strict(),
    ANY_ROLE,
  ),
} as const;
