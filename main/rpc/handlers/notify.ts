import type { notifyProcedures } from '../../../shared/rpc/procedures/notify';
import type { HandlersFor } from '../router';
import type { HandlerDeps } from './deps';

export function notifyHandlers({ store }: HandlerDeps): HandlersFor<typeof notifyProcedures> {
  return {
    'notify.settings': async (_input, { session }) => ({
      quiet: await store.call('notify', 'quiet', session.staff.id),
    }),
    'notify.setQuiet': async ({ quiet }, { session }) => ({
      quiet: await store.call('notify', 'setQuiet', session.staff.id, quiet),
    }),
  };
}
