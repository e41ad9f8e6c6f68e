import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { CalendarSource } from '../../../main/calendar/imported-years';
import { storeFile } from '../../../main/config/paths';
import { buildServer } from '../../../server/app';
import { CURRENT_PROFILE } from '../../../shared/deadlines';
import { startTestApp, value } from '../../support/app';
import { validAppeal } from '../../support/appeals';
import { tempDir } from '../../support/temp';
import { openTestDb, type TestDb } from '../../sync/server';

let dir: ReturnType<typeof tempDir>;
let handle: TestDb;
let server: FastifyInstance;
let serverUrl: string;
let app: Awaited<ReturnType<typeof startTestApp>> | null = null;

beforeEach(async () => {
  dir = tempDir('desk-reference-');
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

// The whole app (store, jobs and sync workers) and a server: slow on a busy machine.
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
    await asAdmin('PUT', '/admin/volumes', { rows: [{ carrierId: 'ems', period: '2026-10', pieces: 4321 }] });

    app = await startTestApp(dir.path);
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
