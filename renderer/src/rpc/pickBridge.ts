import type { DeskBridge } from '../../../shared/rpc/bridge';
import { useConnection } from './connection';
import { takeWebToken } from './token';
import { createWebBridge } from './webBridge';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent when the page is served by the web host. */
    desk?: DeskBridge;
  }
}

/**
 * Chooses the transport once, at start: the preload's bridge inside Electron, otherwise the web
 * host's HTTP + WebSocket bridge. Returns null when the web page has no token to call with.
 */
export function pickBridge(): DeskBridge | null {
  const connection = useConnection.getState();
  if (window.desk) {
    // IPC to our own main process does not drop; there is nothing to reconnect.
    useConnection.setState({ host: 'electron', status: 'online' });
    return window.desk;
  }
  const token = takeWebToken(window.location, window.history, window.sessionStorage);
  if (!token) {
    connection.setStatus('unauthorized');
    return null;
  }
  return createWebBridge({
    token,
    origin: window.location.origin,
    fetchImpl: window.fetch.bind(window),
    WebSocketImpl: window.WebSocket,
    onStatus: connection.setStatus,
  });
}
