import type { caseProcedures } from '../../../shared/rpc/procedures/cases';
import { RpcFailure } from '../../../shared/rpc/errors';
import { decodeCursor } from '../../store/queue';
import type { HandlersFor } from '../router';
import { actorOf, notFound, type HandlerDeps } from './deps';

export function caseHandlers({ store }: HandlerDeps): HandlersFor<typeof caseProcedures> {
  return {
    'cases.list': async ({ view, cursor, limit }, { session }) => {
      const decoded = cursor === null ? null : decodeCursor(cursor);
      if (cursor !== null && decoded === null) {
        throw new RpcFailure('VALIDATION_FAILED', 'errors.VALIDATION_FAILED', {}, [{ path: 'cursor', key: 'validation.invalid' }]);
      }
      return store.call('cases', 'list', view, session.staff.id, decoded, limit);
    },
    'cases.count': async ({ view }, { session }) => ({ count: await store.call('cases', 'count', view, session.staff.id) }),
    'cases.get': async ({ id }, { session }) =>
      (await store.call('cases', 'get', id, session.staff.roles)) ?? Promise.reject(notFound()),
    'cases.register': (input, { session }) => store.call('cases', 'register', input, actorOf(session), session.staff.roles),
    'cases.history': ({ id }) => store.call('cases', 'history', id),
    'cases.clocks': async ({ id }) => (await store.call('cases', 'clocks', id)) ?? Promise.reject(notFound()),
    'cases.transition': (input, { session }) =>
      store.call('cases', 'transition', input, actorOf(session), session.staff.roles),
  };
}
