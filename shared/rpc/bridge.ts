import type { RpcResult } from './errors';

/**
 * What the Electron preload exposes as `window.desk`, and what the web transport imitates:
 * one call and one subscription, nothing else (ARCHITECTURE §3).
 */
export interface DeskBridge {
  invoke(name: string, input: unknown): Promise<RpcResult<unknown>>;
  /** Returns an unsubscribe function. */
  on(event: string, listener: (payload: unknown) => void): () => void;
}

/** The single IPC channel names (Electron) and the web host's routes. */
export const IPC_INVOKE_CHANNEL = 'desk:rpc';
export const IPC_EVENT_CHANNEL = 'desk:event';
export const WEB_RPC_PATH = '/rpc/';
export const WEB_EVENTS_PATH = '/events';
export const WEB_TOKEN_PARAM = 'token';

/** A push message on the web socket or the IPC event channel. */
export interface EventMessage {
  event: string;
  payload: unknown;
}
