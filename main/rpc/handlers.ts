import type { AppInfo } from '../../shared/rpc/dto';
import { RpcFailure } from '../../shared/rpc/errors';
import { decodeCursor } from '../store/queue';
import type { StoreHost } from '../store/host';
import type { SessionState } from '../store/service';
import type { Handlers } from './router';

const actorOf = (session: SessionState) => ({ staffId: session.staff.id, workstation: session.workstation });

export interface AppFacts {
  name: string;
  version: string;
  host: AppInfo['host'];
  dataDir: string;
}

/** One handler per procedure; each is a thin step from validated input to the store worker. */
export function createHandlers(store: StoreHost, facts: AppFacts, onSessionChange: () => void): Handlers {
  const notFound = () => new RpcFailure('NOT_FOUND', 'errors.NOT_FOUND');
  return {
    'app.info': async () => {
      const { caseCount, schema } = await store.call('info');
      return { ...facts, caseCount, schema };
    },
    'session.get': async (_input, { session }) => ({ ...session, standalone: true }),
    'session.setLocale': async ({ locale }) => {
      const session = await store.call('setLocale', locale);
      onSessionChange();
      return { ...session, standalone: true };
    },
    'reference.get': () => store.call('reference'),
    'cases.list': async ({ view, cursor, limit }, { session }) => {
      const decoded = cursor === null ? null : decodeCursor(cursor);
      if (cursor !== null && decoded === null) {
        throw new RpcFailure('VALIDATION_FAILED', 'errors.VALIDATION_FAILED', {}, [
          { path: 'cursor', key: 'validation.invalid' },
        ]);
      }
      return store.call('listCases', view, session.staff.id, decoded, limit);
    },
    'cases.count': async ({ view }, { session }) => ({ count: await store.call('countCases', view, session.staff.id) }),
    'cases.get': async ({ id }, { session }) => (await store.call('getCase', id, session.staff.roles)) ?? Promise.reject(notFound()),
    'cases.register': (input, { session }) => store.call('registerAppeal', input, actorOf(session), session.staff.roles),
    'cases.history': ({ id }) => store.call('caseHistory', id),
    'cases.clocks': async ({ id }) => (await store.call('caseClocks', id)) ?? Promise.reject(notFound()),
    'cases.transition': (input, { session }) =>
      store.call('transitionCase', input, actorOf(session), session.staff.roles),
    'demo.status': () => store.call('demoStatus'),
    'demo.load': ({ cases }, { session }) => store.call('loadDemo', cases, actorOf(session)),
  };
}
