import type { EventMessage } from '../../../shared/rpc/bridge';
import type { ConnectionStatus } from './connection';

const MAX_DELAY_MS = 10_000;

/** 0.5 s, 1 s, 2 s … capped at 10 s: quick after a blip, gentle while the host is down. */
export function reconnectDelay(attempt: number): number {
  return Math.min(MAX_DELAY_MS, 500 * 2 ** attempt);
}

export function parseEventMessage(data: unknown): EventMessage | null {
  if (typeof data !== 'string') return null;
  try {
    const msg: unknown = JSON.parse(data);
    if (typeof msg === 'object' && msg !== null && typeof (msg as EventMessage).event === 'string') {
      return { event: (msg as EventMessage).event, payload: (msg as EventMessage).payload };
    }
  } catch {
    // A malformed frame is dropped; the next "changed" event or a reconnect refetches anyway.
  }
  return null;
}

export interface EventSocketOptions {
  url: string;
  WebSocketImpl: typeof WebSocket;
  onMessage(message: EventMessage): void;
  onStatus(status: ConnectionStatus): void;
}

/** The web host's push channel: one socket, reopened with backoff whenever it drops. */
export function openEventSocket(options: EventSocketOptions): { close(): void } {
  let attempt = 0;
  let socket: WebSocket | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  const connect = () => {
    socket = new options.WebSocketImpl(options.url);
    socket.onopen = () => {
      attempt = 0;
      options.onStatus('online');
    };
    socket.onmessage = (e: MessageEvent) => {
      const message = parseEventMessage(e.data);
      if (message) options.onMessage(message);
    };
    socket.onclose = () => {
      if (closed) return;
      options.onStatus('reconnecting');
      timer = setTimeout(connect, reconnectDelay(attempt++));
    };
  };

  connect();
  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      socket?.close();
    },
  };
}
