import type { appProcedures } from '../../../shared/rpc/procedures/app';
import type { HandlersFor } from '../router';
import { actorOf, type HandlerDeps } from './deps';

export function appHandlers({
  store,
  facts,
  onSessionChange,
  sync,
}: HandlerDeps): HandlersFor<typeof appProcedures> {
  return {
    'app.info': async () => {
      const { caseCount, schema } = await store.call('session', 'info');
      return { ...facts, caseCount, schema };
    },
    'session.get': async (_input, { session }) => ({
      ...session,
      standalone: !(await sync.settings()).serverUrl,
    }),
    'session.setLocale': async ({ locale }) => {
      const session = await store.call('session', 'setLocale', locale);
      onSessionChange();
      return { ...session, standalone: !(await sync.settings()).serverUrl };
    },
    'reference.get': () => store.call('session', 'reference'),
    'demo.status': () => store.call('demo', 'status'),
    'demo.load': ({ cases }, { session }) => store.call('demo', 'load', cases, actorOf(session)),
  };
}
