import { createContext, useContext, type ReactNode } from 'react';
import type { RpcClient } from './client';

const RpcContext = createContext<RpcClient | null>(null);

/** Injects the client, so views and tests choose the transport, not the components. */
export function RpcProvider({ client, children }: { client: RpcClient; children: ReactNode }) {
  return <RpcContext.Provider value={client}>{children}</RpcContext.Provider>;
}

export function useRpc(): RpcClient {
  const client = useContext(RpcContext);
  if (!client) throw new Error('useRpc outside RpcProvider');
  return client;
}
