import type {
  PullRequest,
  PullResponse,
  PushRequest,
  PushResponse,
  SyncErrorBody,
} from '../../shared/sync/protocol';

/** How the engine reaches the server: HTTP in the app, direct or fault-injecting in tests. */
export interface Transport {
  push(req: PushRequest): Promise<PushResponse>;
  pull(req: PullRequest, signal?: AbortSignal): Promise<PullResponse>;
}

/** The server answered with an error body; anything else thrown by a transport is a network failure. */
export class SyncHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: SyncErrorBody,
  ) {
    super(`${status} ${body.error}: ${body.message}`);
  }
}

export interface Session {
  /** A valid access token; main refreshes it (it owns the login). */
  accessToken(): Promise<string>;
}

export class HttpTransport implements Transport {
  constructor(
    private readonly baseUrl: string,
    private readonly session: Session,
    private readonly timeoutMs = 40_000,
  ) {}

  push(req: PushRequest): Promise<PushResponse> {
    return this.post('/sync/v1/push', req);
  }

  pull(req: PullRequest, signal?: AbortSignal): Promise<PullResponse> {
    return this.post('/sync/v1/pull', req, signal);
  }

  private async post<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const res = await fetch(new URL(path, this.baseUrl), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await this.session.accessToken()}`,
      },
      body: JSON.stringify(body),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    const json = (await res.json()) as T | SyncErrorBody;
    if (!res.ok) throw new SyncHttpError(res.status, json as SyncErrorBody);
    return json as T;
  }
}
