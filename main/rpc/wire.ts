import type { RpcResult } from '../../shared/rpc/errors';
import { StoreJson } from '../store/protocol';

/**
 * The router's result as it crosses to the renderer: JSON text, for both transports (the web
 * host's response body, the Electron IPC reply that the preload parses). A value the store
 * worker already serialised is spliced in as is.
 */
export function encodeResult(result: RpcResult<unknown>): string {
  if (result.ok && result.value instanceof StoreJson) return `{"ok":true,"value":${result.value.json}}`;
  return JSON.stringify(result);
}
