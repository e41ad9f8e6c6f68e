import type { syncProcedures } from '../../../shared/rpc/procedures/sync';
import type { HandlersFor } from '../router';
import { actorOf, type HandlerDeps } from './deps';

export function syncHandlers({ store, sync }: HandlerDeps): HandlersFor<typeof syncProcedures> {
  return {
    'sync.status': () => sync.status(),
    'sync.settings.get': () => sync.settings(),
    'sync.settings.set': (input) => sync.setSettings(input),
    'sync.login': ({ username, password }) => sync.login(username, password),
    'sync.logout': () => sync.logout(),
    'sync.conflicts.list': ({ includeResolved }) => store.call('sync', 'conflicts', includeResolved),
    'sync.resolveConflict': ({ id, action }, { session }) =>
      store.call('sync', 'resolveConflict', id, action, actorOf(session)),
  };
}
