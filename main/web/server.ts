import { timingSafeEqual, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { WEB_EVENTS_PATH, WEB_RPC_PATH, WEB_TOKEN_PARAM, type EventMessage } from '../../shared/rpc/bridge';
import type { RpcResult } from '../../shared/rpc/errors';
import type { Router } from '../rpc/router';
import { encodeResult } from '../rpc/wire';
import { contentSecurityPolicy } from './csp';
import { readRendererFile } from './static';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface WebHostOptions {
  router: Router;
  rendererDir: string;
  port?: number;
  /** Random per launch unless given (tests). */
  token?: string;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  broadcast(message: EventMessage): void;
  close(): Promise<void>;
}

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: ServerResponse, status: number, result: RpcResult<unknown>): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(encodeResult(result));
}

const failure = (code: string, message: string): RpcResult<never> => ({
  ok: false,
  error: { code: code as never, key: `errors.${code}`, message },
});

/** Reads a request body up to the limit; null when it is larger. */
function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is drained and dropped, so the client still reads the 413.
      if (size > MAX_BODY_BYTES) resolve(null);
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * The workstation served over HTTP + WebSocket on 127.0.0.1: the same router as Electron's IPC,
 * guarded by a per-launch token (401 without one, 403 with a wrong one) and by a Host check
 * against DNS rebinding. Static files carry no secrets and need no token.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? newToken();
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const tokenOf = (req: IncomingMessage, url: URL): string | null => {
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) return auth.slice(7);
    return url.searchParams.get(WEB_TOKEN_PARAM);
  };
  const authorise = (req: IncomingMessage, url: URL): 401 | 403 | null => {
    const given = tokenOf(req, url);
    if (!given) return 401;
    return sameToken(given, token) ? null : 403;
  };

  const server: Server = createServer(async (req, res) => {
    try {
      if (!allowedHosts().has(req.headers.host ?? ''))
        return sendJson(res, 421, failure('FORBIDDEN', 'Wrong Host header'));
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      if (url.pathname.startsWith(WEB_RPC_PATH)) {
        const denied = authorise(req, url);
        if (denied) return sendJson(res, denied, failure('UNAUTHENTICATED', 'Missing or wrong token'));
        if (req.method !== 'POST') return sendJson(res, 405, failure('VALIDATION_FAILED', 'Use POST'));
        const body = await readBody(req);
        if (body === null) res.setHeader('connection', 'close');
        if (body === null)
          return sendJson(
            res,
            413,
            failure('VALIDATION_FAILED', `Request larger than ${MAX_BODY_BYTES} bytes`),
          );
        let input: unknown;
        try {
          input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
        } catch {
          return sendJson(res, 400, failure('VALIDATION_FAILED', 'Body is not JSON'));
        }
        const name = decodeURIComponent(url.pathname.slice(WEB_RPC_PATH.length));
        return sendJson(res, 200, await options.router.dispatch(name, input));
      }
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return sendJson(res, 405, failure('VALIDATION_FAILED', 'Method not allowed'));
      const file = await readRendererFile(options.rendererDir, url.pathname);
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        return res.end('Not found');
      }
      res.writeHead(200, {
        'content-type': file.type,
        'content-security-policy': contentSecurityPolicy(
          `'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
        ),
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': file.type.startsWith('text/html') ? 'no-store' : 'max-age=3600',
      });
      res.end(req.method === 'HEAD' ? undefined : file.body);
    } catch (error) {
      console.error('[web] request failed', error);
      if (!res.headersSent) sendJson(res, 500, failure('INTERNAL', 'Internal error'));
      else res.destroy();
    }
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const clients = new Set<WebSocket>();
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const denied =
      url.pathname !== WEB_EVENTS_PATH
        ? 404
        : !allowedHosts().has(req.headers.host ?? '')
          ? 421
          : authorise(req, url);
    if (denied) {
      socket.end(`HTTP/1.1 ${denied} Refused\r\nConnection: close\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => {
      clients.add(ws);
      ws.on('close', () => clients.delete(ws));
      ws.on('message', () => ws.close(1008, 'This socket only pushes events'));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?${WEB_TOKEN_PARAM}=${token}`,
    broadcast(message) {
      const data = JSON.stringify(message);
      for (const ws of clients) if (ws.readyState === ws.OPEN) ws.send(data);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of clients) ws.terminate();
        sockets.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
