import { useQueryClient, type Query, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { ProcedureName } from '../../../shared/rpc/contract';
import { useConnection } from './connection';
import { useRpc } from './RpcProvider';

/**
 * The store tables each query reads. A "changed" event names tables; every cached query that
 * reads one of them is refetched. TanStack keeps the old data on screen while it refetches, so
 * the queue keeps its scroll position and selection. A query not listed here (a procedure added
 * later) is refetched on every change: stale data is worse than an extra request.
 */
export const QUERY_READS: Partial<Record<ProcedureName, readonly string[]>> = {
  'app.info': ['cases'],
  'session.get': ['staff', 'app_meta'],
  'reference.get': ['carriers', 'staff'],
  'cases.list': ['cases', 'parties', 'staff'],
  'cases.count': ['cases'],
  'cases.get': ['cases', 'parties', 'staff'],
  'cases.history': ['cases', 'case_events'],
  'demo.status': ['cases'],
  // Quiet mode changes only through this window's own call, which updates the cache itself.
  'notify.settings': ['staff_preferences'],
};

export function readsAnyOf(queryKey: readonly unknown[], tables: ReadonlySet<string>): boolean {
  if (queryKey[0] !== 'rpc') return false;
  const reads = QUERY_READS[queryKey[1] as ProcedureName];
  return reads === undefined || reads.some((table) => tables.has(table));
}

export function invalidateTables(queryClient: QueryClient, tables: ReadonlySet<string>): Promise<void> {
  return queryClient.invalidateQueries({ predicate: (q: Query) => readsAnyOf(q.queryKey, tables) });
}

/** A burst of events (a bulk load, a sync batch) becomes one refetch. */
const COALESCE_MS = 50;

/** Keeps the query cache live: refetch on "data.changed", and everything after a reconnect. */
export function useLiveUpdates(): void {
  const rpc = useRpc();
  const queryClient = useQueryClient();

  useEffect(() => {
    let pending = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      const tables = pending;
      pending = new Set();
      timer = null;
      void invalidateTables(queryClient, tables);
    };
    const unsubscribe = rpc.on('data.changed', ({ tables }) => {
      tables.forEach((t) => pending.add(t));
      timer ??= setTimeout(flush, COALESCE_MS);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [rpc, queryClient]);

  useEffect(
    () =>
      // Events sent while the socket was down are lost, so a reconnect refetches what is shown.
      useConnection.subscribe((state, previous) => {
        if (state.status === 'online' && previous.status === 'reconnecting') {
          void queryClient.invalidateQueries({ queryKey: ['rpc'] });
        }
      }),
    [queryClient],
  );
}
