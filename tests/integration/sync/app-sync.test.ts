import type { FastifyInstance } from 'fastify';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../../server/app';
import type { RpcResult } from '../../../shared/rpc/errors';
import type { SyncSettingsView, SyncStatusView } from '../../../shared/sync/view';
import { startTestApp, value } from '../../support/app';
import { validAppeal } from '../../support/appeals';
import { tempDir } from '../../support/temp';
import { openTestDb, type TestDb } from '../../sync/server';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;

let dir: ReturnType<typeof tempDir>;
let handle: TestDb;
let server: FastifyInstance;
let serverUrl: string;
let app: TestApp | null = null;

beforeEach(async () => {
  dir = tempDir('desk-app-sync-');
  handle = await openTestDb();
  server = await buildServer({ db: handle.db, pollMs: 50 });
  serverUrl = (await server.listen({ host: '127.0.0.1', port: 0 })).replace('localhost', '127.0.0.1');
});
afterEach(async () => {
  await app?.close();
  app = null;
  await server.close();
  await handle.dispose();
  dir.cleanup();
});

const open = async () => (app = await startTestApp(dir.path));
const status = async (a: TestApp) => value<SyncStatusView>(await a.call('sync.status'));
const failure = (result: RpcResult<unknown>) => {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
};

/** Waits for the worker to reach a state (it runs on its own thread and timers). */
async function until(a: TestApp, check: (s: SyncStatusView) => boolean): Promise<SyncStatusView> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const s = await status(a);
    if (check(s)) return s;
    if (Date.now() > deadline) throw new Error(`sync never reached the state; last: ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('team sync in the app', () => {
  it('is standalone until a server is set, and keeps the settings across restarts', async () => {
    const a = await open();
    expect(await status(a)).toMatchObject({ mode: 'standalone', serverUrl: null, user: null });
    expect(value<{ standalone: boolean }>(await a.call('session.get')).standalone).toBe(true);

    const bad = failure(await a.call('sync.settings.set', { serverUrl: 'ftp://x', workstationName: '一号台' }));
    expect(bad).toMatchObject({ code: 'VALIDATION_FAILED', key: 'sync.errors.badUrl' });
    expect(bad.message).toContain('http://');

    value(await a.call('sync.settings.set', { serverUrl: `${serverUrl}/`, workstationName: '一号台' }));
    await a.close();
    const again = await open();
    expect(value<SyncSettingsView>(await again.call('sync.settings.get'))).toMatchObject({
      serverUrl,
      workstationName: '一号台',
      user: null,
    });
    expect(await status(again)).toMatchObject({ mode: 'signedOut' });
    expect(value<{ standalone: boolean }>(await again.call('session.get')).standalone).toBe(false);
  });

  it('refuses a wrong password and an unreachable server with clear messages', async () => {
    const a = await open();
    expect(failure(await a.call('sync.login', { username: 'li', password: 'x' }))).toMatchObject({
      key: 'sync.errors.noServer',
    });
    value(await a.call('sync.settings.set', { serverUrl, workstationName: 'desk' }));
    const wrong = failure(await a.call('sync.login', { username: 'li', password: 'not-it' }));
    expect(wrong).toMatchObject({ code: 'UNAUTHENTICATED', message: '用户名或密码错误' });

    value(await a.call('sync.settings.set', { serverUrl: 'http://127.0.0.1:9', workstationName: 'desk' }));
    const dead = failure(await a.call('sync.login', { username: 'li', password: 'li-password' }));
    expect(dead).toMatchObject({ code: 'UNAVAILABLE', key: 'sync.errors.unreachable' });
    expect(dead.message).toContain('http://127.0.0.1:9');
    expect(await status(a)).toMatchObject({ mode: 'signedOut', user: null });
    expect(existsSync(join(dir.path, 'sync-session.token'))).toBe(false);
  });

  it('signs in as the server account, syncs local work, resumes after a restart, signs out', async () => {
    const a = await open();
    value(await a.call('sync.settings.set', { serverUrl, workstationName: 'desk-1' }));
    const signedIn = value<SyncStatusView>(await a.call('sync.login', { username: 'li', password: 'li-password' }));
    expect(signedIn.user).toMatchObject({ id: 'u-li', name: '李雷', username: 'li' });
    // Server ids are staff ids: the account is now this workstation's session user.
    const session = value<{ staff: { id: string; roles: string[] } }>(await a.call('session.get'));
    expect(session.staff).toMatchObject({ id: 'u-li', roles: ['handler'] });

    // The refresh token is main's: a 0600 file, never in what the renderer can ask for.
    const tokenFile = join(dir.path, 'sync-session.token');
    expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
    const token = readFileSync(tokenFile, 'utf8');
    expect(JSON.stringify(await a.call('sync.settings.get'))).not.toContain(token);
    expect(JSON.stringify(await a.call('sync.status'))).not.toContain(token);

    await until(a, (s) => s.mode === 'online');
    const { id } = value<{ id: string }>(await a.call('cases.register', validAppeal()));
    await until(a, (s) => s.mode === 'online' && s.pendingCount === 0 && s.lastSyncAt !== null);
    const [onServer] = await handle.db.query<{ id: string }>('SELECT id FROM cases WHERE id = $1', [id]);
    expect(onServer?.id).toBe(id);

    // A restart resumes the session from the saved refresh token (which rotates).
    await a.close();
    const b = await open();
    await until(b, (s) => s.mode === 'online' && s.user?.id === 'u-li');
    expect(readFileSync(tokenFile, 'utf8')).not.toBe(token);

    const out = value<SyncStatusView>(await b.call('sync.logout'));
    expect(out).toMatchObject({ mode: 'signedOut', user: null });
    expect(existsSync(tokenFile)).toBe(false);
    expect(value<{ staff: { id: string } }>(await b.call('session.get')).staff.id).toBe('local-operator');
    const [revoked] = await handle.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM refresh_tokens WHERE revoked_at IS NULL',
    );
    expect(revoked?.n).toBe(0);
  });
});
