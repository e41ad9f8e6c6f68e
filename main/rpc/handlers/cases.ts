import type { caseProcedures } from '../../../shared/rpc/procedures/cases';
import type { HandlersFor } from '../router';
import { actorOf, notFound, type HandlerDeps } from './deps';
import { cursorFrom } from './queue';

export function caseHandlers({ store }: HandlerDeps): HandlersFor<typeof caseProcedures> {
  return {
    'cases.list': ({ view, cursor, limit }, { session }) =>
      store.callJson('queue', 'list', view, session.staff.id, cursorFrom(cursor), limit),
    'cases.count': async ({ view }, { session }) => ({
      count: await store.call('queue', 'count', view, session.staff.id),
    }),
    'cases.get': async ({ id }, { session }) =>
      (await store.call('cases', 'get', id, session.staff.roles)) ?? Promise.reject(notFound()),
    'cases.register': (input, { session }) =>
      store.call('cases', 'register', input, actorOf(session), session.staff.roles),
    'cases.history': ({ id }) => store.call('cases', 'history', id),
    'cases.clocks': async ({ id }) => (await store.call('cases', 'clocks', id)) ?? Promise.reject(notFound()),
    'cases.transition': (input, { session }) =>
      store.call('cases', 'transition', input, actorOf(session), session.staff.roles),
    'cases.editFields': (input, { session }) =>
      store.call('cases', 'editFields', input, actorOf(session), session.staff.roles),
  };
}
