import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { SyncStatusView } from '../../../shared/sync/view';
import { rpcKey, useRpcQuery } from '../rpc/queries';
import { useRpc } from '../rpc/RpcProvider';

/** Main pushes every change of the sync state; the query is only the first read (and after a reconnect). */
export function useSyncStatus(): SyncStatusView | undefined {
  const rpc = useRpc();
  const queryClient = useQueryClient();
  const query = useRpcQuery('sync.status', {});
  useEffect(
    () => rpc.on('sync.status', (status) => queryClient.setQueryData(rpcKey('sync.status', {}), status)),
    [rpc, queryClient],
  );
  return query.data;
}

/** The current time, re-read every `ms` while `active`: ages on screen stay true without events. */
export function useNow(active: boolean, ms = 10_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [active, ms]);
  return now;
}

/** `{key, n}` for an age: seconds, minutes, hours or days, whichever reads best. */
export function ageParts(ms: number): { key: string; n: number } {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return { key: 'sync.age.seconds', n: s };
  if (s < 3600) return { key: 'sync.age.minutes', n: Math.floor(s / 60) };
  if (s < 86_400) return { key: 'sync.age.hours', n: Math.floor(s / 3600) };
  return { key: 'sync.age.days', n: Math.floor(s / 86_400) };
}
