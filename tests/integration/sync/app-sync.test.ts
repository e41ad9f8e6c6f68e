import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CalendarSource } from '../../../main/calendar/imported-years';
import { storeFile } from '../../../main/config/paths';
import { buildServer } from '../../../server/app';
import { CURRENT_PROFILE } from '../../../shared/deadlines';
import type { RpcResult } from '../../../shared/rpc/errors';
import type { SyncConflictView, SyncSettingsView, SyncStatusView } from '../../../shared/sync/view';
import { startTestApp, value } from '../../support/app';
import { validAppeal } from '../../support/appeals';
import { tempDir } from '../../support/temp';
import { Relay } from '../../support/relay';
import { openTestDb, TestClock, type TestDb } from '../../sync/server';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;

/** Whether the case has rows in `case_deadlines` (what the due/overdue views read). */
function hasDeadlines(dataDir: string, caseId: string): boolean {
  const db = new Database(storeFile(dataDir), { readonly: true });
  try {
    return db.prepare('SELECT 1 FROM case_deadlines WHERE case_id = ?').get(caseId) !== undefined;
  } finally {
    db.close();
  }
}

let dir: ReturnType<typeof tempDir>;
let handle: TestDb;
let server: FastifyInstance;
let serverUrl: string;
let app: TestApp | null = null;
let other: { app: TestApp; dir: ReturnType<typeof tempDir> } | null = null;

beforeEach(async () => {
  dir = tempDir('desk-app-sync-');
  handle = await openTestDb();
  server = await buildServer({ db: handle.db, pollMs: 50 });
  serverUrl = (await server.listen({ host: '127.0.0.1', port: 0 })).replace('localhost', '127.0.0.1');
});
afterEach(async () => {
  await app?.close();
  app = null;
  await other?.app.close();
  other?.dir.cleanup();
  other = null;
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

// Each test starts one or two whole apps (store, jobs and sync workers) and a server: slow on a busy machine.
describe('team sync in the app', { timeout: 120_000 }, () => {
  it('is standalone until a server is set, and keeps the settings across restarts', async () => {
    const a = await open();
    expect(await status(a)).toMatchObject({ mode: 'standalone', serverUrl: null, user: null });
    expect(value<{ standalone: boolean }>(await a.call('session.get')).standalone).toBe(true);

    const bad = failure(
      await a.call('sync.settings.set', { serverUrl: 'ftp://x', workstationName: '一号台' }),
    );
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
    const signedIn = value<SyncStatusView>(
      await a.call('sync.login', { username: 'li', password: 'li-password' }),
    );
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

describe('the conflict inbox', { timeout: 120_000 }, () => {
  const assignee = async (a: TestApp, id: string) => {
    const result = await a.call('cases.get', { id });
    return result.ok ? (result.value as { assigneeId: string | null }).assigneeId : 'absent';
  };
  async function eventually<T>(read: () => Promise<T>, expected: T): Promise<void> {
    const deadline = Date.now() + 20_000;
    let last = await read();
    while (last !== expected) {
      if (Date.now() > deadline) throw new Error(`expected ${String(expected)}, still ${String(last)}`);
      await new Promise((r) => setTimeout(r, 100));
      last = await read();
    }
  }

  it('holds a claim refused after an outage; offers to send it again once the case is free, and it wins then', async () => {
    const a = await open();
    const bDir = tempDir('desk-app-sync-b-');
    const b = await startTestApp(bDir.path);
    other = { app: b, dir: bDir };
    const relay = await new Relay(new URL(serverUrl)).start();
    try {
      value(await a.call('sync.settings.set', { serverUrl, workstationName: 'A' }));
      value(await a.call('sync.login', { username: 'li', password: 'li-password' }));
      value(await b.call('sync.settings.set', { serverUrl: relay.url, workstationName: 'B' }));
      value(await b.call('sync.login', { username: 'han', password: 'han-password' }));
      // Colleagues come from the server's staff list, with their names and roles.
      const staffOnB = value<{ staff: { id: string; name: string; roles: string[] }[] }>(
        await b.call('reference.get'),
      ).staff;
      expect(staffOnB).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: 'u-li', name: '李雷', roles: ['handler'] }),
          expect.objectContaining({ id: 'u-zhao', name: '赵组长', roles: ['handler', 'team_lead'] }),
        ]),
      );
      const { id } = value<{ case: { id: string } }>(await a.call('cases.register', validAppeal())).case;
      await eventually(() => assignee(b, id), null);
      // Written by the sync worker, yet on B's deadline views like a case registered there.
      await eventually(async () => hasDeadlines(bDir.path, id), true);

      relay.unplug();
      await until(b, (s) => s.mode === 'offline');
      value(await a.call('casework.claim', { caseId: id }));
      await until(a, (s) => s.mode === 'online' && s.pendingCount === 0);
      value(await b.call('casework.claim', { caseId: id }));
      expect(await assignee(b, id)).toBe('u-han');
      relay.plug();
      await until(b, (s) => s.openConflicts === 1 && s.pendingCount === 0);
      // The refusal restores B's last server copy; the pull that follows brings Li's claim.
      await eventually(() => assignee(b, id), 'u-li');

      const [refused] = value<SyncConflictView[]>(await b.call('sync.conflicts.list', {}));
      expect(refused).toMatchObject({
        caseId: id,
        name: 'claimCase.v1',
        code: 'ALREADY_CLAIMED',
        actorId: 'u-han',
        serverState: { assigneeId: 'u-li' },
        retry: 'none',
      });
      // Li still holds it: the same claim would only be refused again.
      expect(
        failure(await b.call('sync.resolveConflict', { id: refused!.id, action: 'retry' })),
      ).toMatchObject({
        code: 'CONFLICT',
        key: 'sync.errors.cannotRetry',
      });

      value(await a.call('casework.release', { caseId: id }));
      await eventually(() => assignee(b, id), null);
      const [free] = value<SyncConflictView[]>(await b.call('sync.conflicts.list', {}));
      expect(free?.retry).toBe('retry');
      const retried = value<SyncConflictView>(
        await b.call('sync.resolveConflict', { id: refused!.id, action: 'retry' }),
      );
      expect(retried).toMatchObject({ resolution: 'retried', retry: 'none' });
      await eventually(() => assignee(a, id), 'u-han');
      await eventually(() => assignee(b, id), 'u-han');
      expect(await status(b)).toMatchObject({ openConflicts: 0 });
      expect(value<SyncConflictView[]>(await b.call('sync.conflicts.list', {}))).toEqual([]);
      expect(
        value<SyncConflictView[]>(await b.call('sync.conflicts.list', { includeResolved: true })),
      ).toHaveLength(1);
      expect(
        failure(await b.call('sync.resolveConflict', { id: refused!.id, action: 'dismiss' })),
      ).toMatchObject({
        code: 'NOT_FOUND',
      });
    } finally {
      relay.close();
    }
  });
});

describe('the access token', { timeout: 120_000 }, () => {
  it('is refreshed when the server says it expired; a refused refresh signs the workstation out', async () => {
    const clock = new TestClock(Date.now());
    const timed = await buildServer({ db: handle.db, clock, pollMs: 50 });
    const url = (await timed.listen({ host: '127.0.0.1', port: 0 })).replace('localhost', '127.0.0.1');
    try {
      const a = await open();
      value(await a.call('sync.settings.set', { serverUrl: url, workstationName: 'A' }));
      value(await a.call('sync.login', { username: 'li', password: 'li-password' }));
      await until(a, (s) => s.mode === 'online');

      clock.advance(16 * 60_000);
      const { id } = value<{ case: { id: string } }>(await a.call('cases.register', validAppeal())).case;
      await until(a, (s) => s.mode === 'online' && s.pendingCount === 0);
      const [onServer] = await handle.db.query<{ id: string }>('SELECT id FROM cases WHERE id = $1', [id]);
      expect(onServer?.id).toBe(id);
      const [tokens] = await handle.db.query<{ n: number; live: number }>(
        'SELECT count(*)::int AS n, (count(*) FILTER (WHERE revoked_at IS NULL))::int AS live FROM refresh_tokens',
      );
      // Refreshed (the first token was rotated), and one session stays live. A request already on
      // its way with the old token when the new one arrived may cause a second rotation: still one.
      expect(tokens!.n).toBeGreaterThanOrEqual(2);
      expect(tokens!.live).toBe(1);

      // An administrator revokes the session: the next refresh is refused.
      await handle.db.query('UPDATE refresh_tokens SET revoked_at = $1', [clock.now()]);
      clock.advance(16 * 60_000);
      value(await a.call('cases.register', validAppeal({ waybillNo: 'SF1234567890124' })));
      await until(a, (s) => s.mode === 'signedOut' && s.user === null);
      expect(value<{ staff: { id: string } }>(await a.call('session.get')).staff.id).toBe('local-operator');
    } finally {
      await timed.close();
    }
  });
});

async function asAdmin(method: 'PUT' | 'POST', url: string, payload: unknown): Promise<void> {
  const login = await server.inject({
    method: 'POST',
    url: '/auth/login',
    payload: { username: 'admin', password: 'admin-password', workstation: { id: 'ws-a', name: 'ws-a' } },
  });
  const token = (login.json() as { accessToken: string }).accessToken;
  const res = await server.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}` },
    payload: payload as object,
  });
  expect(res.statusCode, res.body).toBe(200);
}

describe('reference data from the server', () => {
  it(
    'a signed-in workstation has the calendar year, active profile and volumes an admin stored on the server',
    { timeout: 120_000 },
    async () => {
      await asAdmin('PUT', '/admin/calendars/2027', {
        year: 2027,
        holidays: [{ name: '测试假日', dates: ['2027-03-08', '2027-03-09'] }],
        makeUpWorkdays: [],
      });
      await asAdmin('POST', '/admin/profiles', { ...CURRENT_PROFILE, name: { zh: '团队', en: 'Team' } });
      await asAdmin('POST', '/admin/profiles/activate', { id: 'current', version: 2 });
      await asAdmin('PUT', '/admin/volumes', {
        rows: [{ carrierId: 'ems', period: '2026-10', pieces: 4321 }],
      });

      const app = await open();
      expect(new CalendarSource(dir.path).get().kindOf('2027-03-08').kind).toBe('workday');
      value(await app.call('sync.settings.set', { serverUrl, workstationName: 'desk-1' }));
      value(await app.call('sync.login', { username: 'li', password: 'li-password' }));

      expect(new CalendarSource(dir.path).get().kindOf('2027-03-08')).toMatchObject({
        kind: 'holiday',
        holiday: '测试假日',
        provisional: false,
      });
      const registered = value<{ case: { profileId: string; profileVersion: number } }>(
        await app.call('cases.register', validAppeal()),
      ).case;
      expect(registered).toMatchObject({ profileId: 'current', profileVersion: 2 });
      const db = new Database(storeFile(dir.path), { readonly: true });
      try {
        expect(db.prepare('SELECT carrier_id, period, pieces, source FROM business_volumes').all()).toEqual([
          { carrier_id: 'ems', period: '2026-10', pieces: 4321, source: serverUrl },
        ]);
      } finally {
        db.close();
      }
    },
  );
});
