import type { profileProcedures } from '../../../shared/rpc/procedures/profiles';
import type { HandlersFor } from '../router';
import { actorOf, type HandlerDeps } from './deps';

export function profileHandlers({ store }: HandlerDeps): HandlersFor<typeof profileProcedures> {
  return {
    'profiles.list': () => store.call('profiles', 'list'),
    'profiles.get': ({ id, version }) => store.call('profiles', 'get', id, version ?? undefined),
    'profiles.save': ({ profile }, { session }) => store.call('profiles', 'save', profile, actorOf(session)),
    'profiles.activate': (ref, { session }) => store.call('profiles', 'activate', ref, actorOf(session)),
  };
}
