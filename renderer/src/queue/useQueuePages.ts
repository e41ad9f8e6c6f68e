import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { QueueView } from '../../../shared/domain/views';
import type { CaseListItem } from '../../../shared/rpc/dto';
import type { RpcCallError } from '../rpc/client';
import { rpcKey } from '../rpc/queries';
import { useRpc } from '../rpc/RpcProvider';

/** Rows per request: a few screens' worth, so scrolling rarely waits. */
export const QUEUE_PAGE_SIZE = 100;
const NO_ROWS: CaseListItem[] = [];

/**
 * The queue as keyset pages fetched on demand. On a "changed" event TanStack refetches the loaded
 * pages in order, re-deriving each cursor, while the old rows stay on screen.
 */
export function useQueuePages(view: QueueView) {
  const rpc = useRpc();
  const query = useInfiniteQuery({
    // Keyed like every RPC query (the cursor is the page parameter), so live updates find it.
    queryKey: rpcKey('cases.list', { view, limit: QUEUE_PAGE_SIZE }),
    queryFn: ({ pageParam }) => rpc.call('cases.list', { view, cursor: pageParam, limit: QUEUE_PAGE_SIZE }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? NO_ROWS, [query.data]);
  return {
    rows,
    isPending: query.isPending,
    error: query.error as RpcCallError | null,
    refetch: query.refetch,
    hasNextPage: query.hasNextPage,
    // Any fetch, not only "next page": fetching a page while a refetch runs would cancel it.
    isFetching: query.isFetching,
    fetchNextPage: query.fetchNextPage,
  };
}
