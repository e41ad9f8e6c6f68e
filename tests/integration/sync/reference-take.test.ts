import type { FastifyInstance } from 'fastify';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CalendarSource } from '../../../main/calendar/imported-years';
import { deskEvents, verifyDeskTrail } from '../../../main/store/audit';
import { StoreService } from '../../../main/store/service';
import { CURRENT_PROFILE, type LimitRule, type RuleProfile } from '../../../shared/deadlines';
import { registerAppealSchema } from '../../../shared/domain/appeal';
import type { ReferenceData } from '../../../shared/sync/reference';
import { validAppeal } from '../../support/appeals';
import { tempDir } from '../../support/temp';
import { TestClock, openTestDb, startServer, type TestDb } from '../../sync/server';

const SERVER = 'http://sync.test';
const local = { staffId: 'local-operator', workstation: 'test-ws' };
let dir: ReturnType<typeof tempDir>;
let store: StoreService;
let handle: TestDb;
let server: FastifyInstance;
let adminToken: string;

beforeEach(async () => {
  dir = tempDir();
  store = StoreService.open({ file: join(dir.path, 'desk.sqlite') });
  handle = await openTestDb();
  server = await startServer(handle.db, new TestClock());
  const login = await server.inject({
    method: 'POST',
    url: '/auth/login',
    payload: { username: 'admin', password: 'admin-password', workstation: { id: 'ws-a', name: 'ws-a' } },
  });
  adminToken = (login.json() as { accessToken: string }).accessToken;
});
afterEach(async () => {
  store.close();
  await server.close();
  await handle.dispose();
  dir.cleanup();
});

async function admin(method: 'PUT' | 'POST', url: string, payload: unknown) {
  const res = await server.inject({
    method,
    url,
    headers: { authorization: `Bearer ${adminToken}` },
    payload: payload as object,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as unknown;
}
const reference = async () =>
  (
    await server.inject({
      method: 'GET',
      url: '/reference',
      headers: { authorization: `Bearer ${adminToken}` },
    })
  ).json() as ReferenceData;

/** 2027 with a made-up two-day holiday on Mon 03-08 and Tue 03-09, so clocks over it move. */
const YEAR_2027 = {
  year: 2027,
  holidays: [
    { name: '元旦', dates: ['2027-01-01'] },
    { name: '测试假日', dates: ['2027-03-08', '2027-03-09'] },
  ],
  makeUpWorkdays: ['2027-02-06'],
};
const fifteenDays = (): RuleProfile => ({
  ...CURRENT_PROFILE,
  limits: {
    ...CURRENT_PROFILE.limits,
    overall_answer: { ...(CURRENT_PROFILE.limits.overall_answer as LimitRule), amount: 15 },
  },
});
// Fri 2027-03-05 10:00: two working days end Tue 03-09, or Thu 03-11 over the holiday.
const RECEIVED = Date.parse('2027-03-05T10:00:00+08:00');
const register = () =>
  store.domains.cases.register(
    registerAppealSchema.parse(validAppeal({ receivedAt: RECEIVED })),
    local,
    ['handler'],
    RECEIVED + 300_000,
  ).case;
const acceptanceDue = (caseId: string) =>
  (
    store.db
      .prepare(`SELECT due_date AS d FROM case_deadlines WHERE case_id = ? AND limit_name = 'acceptance'`)
      .get(caseId) as { d: string }
  ).d;
const volumes = () =>
  store.db
    .prepare('SELECT carrier_id, period, pieces, imported_by, source FROM business_volumes ORDER BY period')
    .all();

describe('a workstation takes the server’s reference data', () => {
  it('imports the calendar year (open clocks move), adds profile versions, activates, and stores volumes, once', async () => {
    const open = register();
    expect(acceptanceDue(open.id)).toBe('2027-03-09');

    await admin('PUT', '/admin/calendars/2027', YEAR_2027);
    expect(await admin('POST', '/admin/profiles', fifteenDays())).toEqual({ id: 'current', version: 2 });
    await admin('POST', '/admin/profiles/activate', { id: 'current', version: 2 });
    await admin('PUT', '/admin/volumes', {
      rows: [
        { carrierId: 'ems', period: '2027-02', pieces: 1200 },
        { carrierId: 'china_post', period: '2027-Q1', pieces: 50_000 },
      ],
    });
    const data = await reference();

    const taken = store.domains.sync.takeReference(data, SERVER, RECEIVED + 600_000);
    expect(taken).toEqual({
      calendarYears: [2027],
      profileVersions: ['current@2'],
      activated: { id: 'current', version: 2 },
      volumes: 2,
      profileConflicts: [],
    });
    const calendar = new CalendarSource(dir.path).get();
    expect(calendar.year(2027).data.source).toBe('import');
    expect(calendar.kindOf('2027-03-08').kind).toBe('holiday');
    expect(calendar.kindOf('2027-02-06').kind).toBe('makeup_workday');
    expect(acceptanceDue(open.id)).toBe('2027-03-11');

    expect(store.domains.profiles.active()).toEqual({ id: 'current', version: 2 });
    expect(store.domains.profiles.get('current', 2)).toEqual({ ...fifteenDays(), version: 2 });
    expect(register()).toMatchObject({ profileId: 'current', profileVersion: 2 });
    expect(volumes()).toEqual([
      { carrier_id: 'ems', period: '2027-02', pieces: 1200, imported_by: 'u-admin', source: SERVER },
      { carrier_id: 'china_post', period: '2027-Q1', pieces: 50_000, imported_by: 'u-admin', source: SERVER },
    ]);

    const events = deskEvents(store.db).filter((e) =>
      ['calendarYearImported', 'ruleProfileSaved', 'ruleProfileActivated', 'volumesImported'].includes(
        e.type,
      ),
    );
    expect(
      events.map((e) => [e.type, e.actorId, e.workstation, (e.data as { source: string }).source]),
    ).toEqual([
      ['ruleProfileSaved', 'u-admin', SERVER, SERVER],
      ['ruleProfileActivated', 'u-admin', SERVER, SERVER],
      ['volumesImported', 'u-admin', SERVER, SERVER],
      ['calendarYearImported', 'u-admin', SERVER, SERVER],
    ]);
    expect(verifyDeskTrail(store.db).brokenAt).toBeNull();
    // Nothing the server took goes back to it as a sync intent.
    expect(store.db.prepare('SELECT DISTINCT name FROM sync_outbox').all()).toEqual([
      { name: 'createCase.v1' },
    ]);

    // Idempotent: taking the same data again changes nothing and records nothing.
    const eventCount = deskEvents(store.db).length;
    expect(store.domains.sync.takeReference(data, SERVER)).toEqual({
      calendarYears: [],
      profileVersions: [],
      activated: null,
      volumes: 0,
      profileConflicts: [],
    });
    expect(deskEvents(store.db)).toHaveLength(eventCount);
  });

  it('keeps a local version that differs from the server’s under the same id@version, and does not activate it', async () => {
    store.domains.profiles.save({ ...CURRENT_PROFILE, name: { zh: '本机', en: 'Local' } }, local);
    await admin('POST', '/admin/profiles', fifteenDays());
    await admin('POST', '/admin/profiles/activate', { id: 'current', version: 2 });

    const taken = store.domains.sync.takeReference(await reference(), SERVER);
    expect(taken).toMatchObject({ profileVersions: [], activated: null, profileConflicts: ['current@2'] });
    expect(store.domains.profiles.get('current', 2).name.en).toBe('Local');
    expect(store.domains.profiles.active()).toEqual({ id: 'current', version: 1 });
  });

  it('writes nothing when any part fails the shared checks', async () => {
    await admin('PUT', '/admin/calendars/2027', YEAR_2027);
    await admin('POST', '/admin/profiles', fifteenDays());
    await admin('PUT', '/admin/volumes', { rows: [{ carrierId: 'ems', period: '2027-02', pieces: 1200 }] });
    const data = await reference();
    const before = deskEvents(store.db).length;

    const badYear = structuredClone(data);
    badYear.calendarYears[0]!.calendar.makeUpWorkdays = ['2027-03-10'];
    expect(() => store.domains.sync.takeReference(badYear, SERVER)).toThrow(/make-up working day/);
    const badVolume = structuredClone(data);
    badVolume.volumes[0]!.carrierId = 'nobody';
    expect(() => store.domains.sync.takeReference(badVolume, SERVER)).toThrow(/unknown_carrier/);
    const badProfile = structuredClone(data);
    (badProfile.ruleProfiles[0]!.profile as { id: string }).id = 'Not An Id';
    expect(() => store.domains.sync.takeReference(badProfile, SERVER)).toThrow(/malformed/);

    expect(new CalendarSource(dir.path).get().year(2027).data.source).not.toBe('import');
    expect(volumes()).toEqual([]);
    expect(() => store.domains.profiles.get('current', 2)).toThrow();
    expect(deskEvents(store.db)).toHaveLength(before);
  });
});
