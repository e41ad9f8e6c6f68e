import { QueryClient, useMutation, useQuery, type UseQueryOptions } from '@tanstack/react-query';
import type { Contract, ProcedureName } from '../../../shared/rpc/contract';
import type { InputOf, OutputOf } from '../../../shared/rpc/define';
import { RpcCallError } from './client';
import { useRpc } from './RpcProvider';

/** Every query is keyed by procedure + input, so "changed" events can find what to refetch. */
export function rpcKey<N extends ProcedureName>(name: N, input: InputOf<Contract[N]>) {
  return ['rpc', name, input] as const;
}

/** Only a lost connection is worth retrying; main's answers (forbidden, not found …) are final. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  const transient = error instanceof RpcCallError && error.error.key === 'client.unreachable';
  return transient && failureCount < 3;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        // Freshness comes from main's "changed" events (and a refetch after reconnecting),
        // not from window focus or timers.
        staleTime: 5 * 60_000,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

type QueryExtras<N extends ProcedureName> = Omit<
  UseQueryOptions<OutputOf<Contract[N]>, RpcCallError>,
  'queryKey' | 'queryFn'
>;

export function useRpcQuery<N extends ProcedureName>(
  name: N,
  input: InputOf<Contract[N]>,
  options: QueryExtras<N> = {},
) {
  const rpc = useRpc();
  return useQuery<OutputOf<Contract[N]>, RpcCallError>({
    queryKey: rpcKey(name, input),
    queryFn: () => rpc.call(name, input),
    ...options,
  });
}

export function useRpcMutation<N extends ProcedureName>(name: N) {
  const rpc = useRpc();
  return useMutation<OutputOf<Contract[N]>, RpcCallError, InputOf<Contract[N]>>({
    mutationFn: (input) => rpc.call(name, input),
  });
}
