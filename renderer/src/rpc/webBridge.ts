import { WEB_EVENTS_PATH, WEB_RPC_PATH, WEB_TOKEN_PARAM, type DeskBridge } from '../../../shared/rpc/bridge';
import type { RpcError, RpcResult } from '../../../shared/rpc/errors';
import type { ConnectionStatus } from './connection';
import { openEventSocket } from './eventSocket';

export interface WebBridgeOptions {
  token: string;
  /** The page's origin; the web host serves the renderer, /rpc and /events from one place. */
  origin: string;
  fetchImpl: typeof fetch;
  WebSocketImpl: typeof WebSocket;
  onStatus(status: ConnectionStatus): void;
}

/** Errors the transport itself produces; the keys are in the renderer's catalogue. */
function clientError(code: RpcError['code'], key: string): RpcResult<never> {
  return { ok: false, error: { code, key, message: '' } };
}

function isRpcResult(body: unknown): body is RpcResult<unknown> {
  return typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean';
}

/**
 * The web host's imitation of the Electron preload: `POST /rpc/<name>` with the bearer token,
 * and a WebSocket for push events. Only this module knows HTTP; the rest sees a DeskBridge.
 */
export function createWebBridge(options: WebBridgeOptions): DeskBridge {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const eventsUrl = new URL(
    `${WEB_EVENTS_PATH}?${WEB_TOKEN_PARAM}=${encodeURIComponent(options.token)}`,
    options.origin,
  );
  eventsUrl.protocol = eventsUrl.protocol === 'https:' ? 'wss:' : 'ws:';

  openEventSocket({
    url: eventsUrl.href,
    WebSocketImpl: options.WebSocketImpl,
    onStatus: options.onStatus,
    onMessage: ({ event, payload }) => listeners.get(event)?.forEach((listener) => listener(payload)),
  });

  return {
    async invoke(name, input) {
      let response: Response;
      try {
        response = await options.fetchImpl(new URL(WEB_RPC_PATH + encodeURIComponent(name), options.origin), {
          method: 'POST',
          headers: { Authorization: `Bearer ${options.token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return clientError('INTERNAL', 'client.unreachable');
      }
      if (response.status === 401 || response.status === 403) {
        options.onStatus('unauthorized');
        return clientError('UNAUTHENTICATED', 'client.tokenRejected');
      }
      const body: unknown = await response.json().catch(() => null);
      return isRpcResult(body) ? body : clientError('INTERNAL', 'client.badResponse');
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}
