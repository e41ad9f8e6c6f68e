import { useCallback } from 'react';
import type { QueueColumnsPreference } from '../../../shared/rpc/procedures/queue';
import { useRpcMutation, useRpcQuery } from '../rpc/queries';

/**
 * Shown columns and their widths, kept per staff member in the store (queue.preferences.*), not in
 * localStorage: a handler who moves to another workstation or to the web host keeps them.
 */
export function useColumnPrefs() {
  const query = useRpcQuery('queue.preferences.get', {});
  const save = useRpcMutation('queue.preferences.setColumns');
  const prefs: QueueColumnsPreference = query.data?.columns ?? { order: [], hidden: [], widths: {} };
  const set = useCallback(
    (next: QueueColumnsPreference) => save.mutate(next, { onSuccess: () => void query.refetch() }),
    [save, query],
  );
  return { prefs, set, loaded: query.isSuccess };
}
