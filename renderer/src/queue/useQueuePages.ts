import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { SearchKind } from '../../../shared/domain/views';
import type { CaseListItem, CasePage } from '../../../shared/rpc/dto';
import type { RpcCallError } from '../rpc/client';
import { rpcKey } from '../rpc/queries';
import { useRpc } from '../rpc/RpcProvider';
import type { QueueSource } from './queueStore';

/** Rows per request: a few screens' worth, so scrolling rarely waits. */
export const QUEUE_PAGE_SIZE = 100;
const NO_ROWS: CaseListItem[] = [];

type Page = CasePage & { kind?: SearchKind };

/**
 * The queue as keyset pages fetched on demand, from a saved view, a user view or a search. On a
 * "changed" event TanStack refetches the loaded pages in order, re-deriving each cursor, while
 * the old rows stay on screen.
 */
export function useQueuePages(source: QueueSource) {
  const rpc = useRpc();
  const limit = QUEUE_PAGE_SIZE;
  const query = useInfiniteQuery({
    // Keyed like every RPC query (the cursor is the page parameter), so live updates find it.
    queryKey:
      source.kind === 'search'
        ? rpcKey('queue.search', { text: source.text, limit })
        : source.kind === 'user'
          ? rpcKey('queue.views.page', { id: source.id, limit })
          : rpcKey('cases.list', { view: source.view, limit }),
    queryFn: ({ pageParam: cursor }): Promise<Page> =>
      source.kind === 'search'
        ? rpc.call('queue.search', { text: source.text, cursor, limit })
        : source.kind === 'user'
          ? rpc.call('queue.views.page', { id: source.id, cursor, limit })
          : rpc.call('cases.list', { view: source.view, cursor, limit }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? NO_ROWS, [query.data]);
  return {
    rows,
    /** How the search box read the text (search results only). */
    searchKind: query.data?.pages[0]?.kind,
    isPending: query.isPending,
    error: query.error as RpcCallError | null,
    refetch: query.refetch,
    hasNextPage: query.hasNextPage,
    // Any fetch, not only "next page": fetching a page while a refetch runs would cancel it.
    isFetching: query.isFetching,
    fetchNextPage: query.fetchNextPage,
  };
}
