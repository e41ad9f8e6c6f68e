import type { QueueColumnsPreference, queueProcedures } from '../../../shared/rpc/procedures/queue';
import { RpcFailure } from '../../../shared/rpc/errors';
import { decodeCursor, type Cursor } from '../../store/queue';
import { COUNT_CAP } from '../../store/search/user-views';
import type { HandlersFor } from '../router';
import type { HandlerDeps } from './deps';

/** A cursor the store handed out, or a field error: cursors are opaque to the renderer. */
export function cursorFrom(raw: string | null): Cursor | null {
  if (raw === null) return null;
  const decoded = decodeCursor(raw);
  if (decoded === null) {
    throw new RpcFailure('VALIDATION_FAILED', 'errors.VALIDATION_FAILED', {}, [
      { path: 'cursor', key: 'validation.invalid' },
    ]);
  }
  return decoded;
}

export function queueHandlers({ store }: HandlerDeps): HandlersFor<typeof queueProcedures> {
  return {
    'queue.counts': (_input, { session }) => store.call('queue', 'counts', session.staff.id),
    'queue.search': ({ text, cursor, limit }) =>
      store.callJson('queue', 'search', text, cursorFrom(cursor), limit),
    'queue.views.list': (_input, { session }) => store.call('queue', 'views', session.staff.id),
    'queue.views.create': (def, { session }) => store.call('queue', 'createView', session.staff.id, def),
    'queue.views.update': ({ id, definition }, { session }) =>
      store.call('queue', 'updateView', session.staff.id, id, definition),
    'queue.views.delete': async ({ id }, { session }) => {
      await store.call('queue', 'deleteView', session.staff.id, id);
      return { deleted: true as const };
    },
    'queue.views.page': ({ id, cursor, limit }, { session }) =>
      store.callJson('queue', 'viewPage', session.staff.id, id, cursorFrom(cursor), limit),
    'queue.views.count': async ({ id }, { session }) => {
      const count = await store.call('queue', 'viewCount', session.staff.id, id);
      return { count, capped: count > COUNT_CAP };
    },
    'queue.preferences.get': async (_input, { session }) => ({
      columns: (await store.call(
        'queue',
        'preference',
        session.staff.id,
        'queue.columns',
      )) as QueueColumnsPreference | null,
    }),
    'queue.preferences.setColumns': async (value, { session }) => {
      await store.call('queue', 'setPreference', session.staff.id, 'queue.columns', value);
      return { saved: true as const };
    },
  };
}
