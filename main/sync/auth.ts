import type { Role } from '../../shared/domain/roles';
import { RpcFailure } from '../../shared/rpc/errors';

/** What `/auth/login` and `/auth/refresh` answer (server/app.ts issueSession). */
export interface ServerSession {
  accessToken: string;
  expiresAt: number;
  refreshToken: string;
  user: { id: string; name: string; roles: Role[] };
  workstationId: string;
}

/** The server said no (wrong password, revoked refresh token): signing in again is the remedy. */
export class SignInRefused extends RpcFailure {
  constructor(message: string) {
    super('UNAUTHENTICATED', 'sync.errors.wrongPassword', {}, [], { server: message });
  }
}

const AUTH_TIMEOUT_MS = 15_000;

/** `http(s)://host[:port][/path]` with no query or credentials, without a trailing slash; null if not that. */
export function normalizeServerUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) return null;
  if (url.search || url.hash) return null;
  return url.href.replace(/\/+$/, '');
}

/** A colleague as the server lists them (`GET /staff`). */
export interface ServerStaff {
  id: string;
  name: string;
  roles: Role[];
  teamId: string | null;
  active: number;
}

async function post<T>(serverUrl: string, path: string, body: unknown, accessToken?: string): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`${serverUrl}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(AUTH_TIMEOUT_MS),
    });
  } catch {
    throw new RpcFailure('UNAVAILABLE', 'sync.errors.unreachable', { url: serverUrl });
  }
  const json = (await res.json().catch(() => null)) as (T & { error?: string; message?: string }) | null;
  if (res.ok && json) return json;
  if (res.status === 401) throw new SignInRefused(json?.message ?? '');
  if (!json?.error) throw new RpcFailure('UNAVAILABLE', 'sync.errors.unreachable', { url: serverUrl });
  throw new RpcFailure('CONFLICT', 'sync.errors.server', { message: json.message ?? json.error });
}

/** The sync server's sign-in endpoints, its staff list and reference data; main alone calls them and holds the tokens. */
export const syncAuth = {
  login: (
    serverUrl: string,
    credentials: { username: string; password: string },
    workstation: { id: string; name: string },
  ) => post<ServerSession>(serverUrl, '/auth/login', { ...credentials, workstation }),
  refresh: (serverUrl: string, refreshToken: string) =>
    post<ServerSession>(serverUrl, '/auth/refresh', { refreshToken }),
  logout: (serverUrl: string, refreshToken: string) =>
    post<{ ok: true }>(serverUrl, '/auth/logout', { refreshToken }),
  staff: (serverUrl: string, accessToken: string) =>
    post<ServerStaff[]>(serverUrl, '/staff', undefined, accessToken),
  /** ReferenceData of shared/sync/reference.ts, checked by the store before it takes any of it. */
  reference: (serverUrl: string, accessToken: string) =>
    post<unknown>(serverUrl, '/reference', undefined, accessToken),
};
