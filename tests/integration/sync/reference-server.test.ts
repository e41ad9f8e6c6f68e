import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RULE_PROFILES } from '../../../shared/deadlines';
import { referenceDataSchema, type ReferenceData } from '../../../shared/sync/reference';
import { TestClock, openTestDb, startServer, type TestDb } from '../../sync/server';

let handle: TestDb;
let app: FastifyInstance;
let clock: TestClock;
let admin: string;
let handler: string;

async function token(username: string, password: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/auth/login',
    payload: { username, password, workstation: { id: 'ws-1', name: 'ws-1' } },
  });
  return (res.json() as { accessToken: string }).accessToken;
}

beforeEach(async () => {
  clock = new TestClock();
  handle = await openTestDb();
  app = await startServer(handle.db, clock);
  admin = await token('admin', 'admin-password');
  handler = await token('li', 'li-password');
});
afterEach(async () => {
  await app.close();
  await handle.dispose();
});

async function call(method: 'GET' | 'PUT' | 'POST', url: string, as: string, payload?: unknown) {
  const res = await app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${as}` },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  return { status: res.statusCode, body: res.json() as Record<string, unknown> & { error?: string } };
}

const reference = async (as = handler): Promise<ReferenceData> => {
  const res = await call('GET', '/reference', as);
  expect(res.status).toBe(200);
  return referenceDataSchema.parse(res.body);
};

const YEAR_2027 = {
  year: 2027,
  holidays: [
    { name: '元旦', dates: ['2027-01-01'] },
    { name: '春节', dates: ['2027-02-08', '2027-02-07', '2027-02-09'] },
  ],
  makeUpWorkdays: ['2027-02-06'],
};
const current = RULE_PROFILES.find((p) => p.id === 'current')!;

describe('calendar years', () => {
  it('stores a checked year (dates sorted, source import), replaces it, and lists it', async () => {
    const put = await call('PUT', '/admin/calendars/2027', admin, YEAR_2027);
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      source: 'import',
      holidays: [{}, { dates: ['2027-02-07', '2027-02-08', '2027-02-09'] }],
    });
    const again = await call('PUT', '/admin/calendars/2027', admin, { ...YEAR_2027, makeUpWorkdays: [] });
    expect(again.status).toBe(200);
    const list = await call('GET', '/admin/calendars', admin);
    expect(list.body).toEqual([
      { calendar: { ...again.body }, updatedBy: 'u-admin', updatedAt: clock.now() },
    ]);
    expect((await reference()).calendarYears.map((y) => y.calendar.makeUpWorkdays)).toEqual([[]]);
  });

  it('refuses a handler, a year that contradicts the path, and a year failing the consistency checks', async () => {
    expect((await call('PUT', '/admin/calendars/2027', handler, YEAR_2027)).status).toBe(403);
    expect((await call('GET', '/admin/calendars', handler)).status).toBe(403);
    const wrongYear = await call('PUT', '/admin/calendars/2028', admin, YEAR_2027);
    expect(wrongYear.status).toBe(400);
    expect(wrongYear.body.issues).toEqual([expect.objectContaining({ code: 'year_mismatch', path: 'year' })]);
    const bad = await call('PUT', '/admin/calendars/2027', admin, {
      ...YEAR_2027,
      makeUpWorkdays: ['2027-02-08', '2027-01-04', '2028-01-01'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('BadRequest');
    expect((bad.body.issues as { code: string; path: string }[]).map((i) => [i.code, i.path])).toEqual([
      ['makeup_not_weekend', 'makeUpWorkdays.0'],
      ['holiday_and_makeup', 'makeUpWorkdays.0'],
      ['makeup_not_weekend', 'makeUpWorkdays.1'],
      ['date_outside_year', 'makeUpWorkdays.2'],
    ]);
    const schema = await call('PUT', '/admin/calendars/2027', admin, {
      year: 2027,
      holidays: [{ name: '' }],
    });
    expect(schema.status).toBe(400);
    expect(schema.body.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'schema', path: 'holidays.0.name' })]),
    );
    expect((await reference()).calendarYears).toEqual([]);
  });
});

describe('rule profiles', () => {
  it('appends versions after the shipped one, activates a known version, and lists them', async () => {
    const edited = { ...current, name: { zh: '现行（调整）', en: 'Current (adjusted)' }, version: 7 };
    expect((await call('POST', '/admin/profiles', admin, edited)).body).toEqual({
      id: 'current',
      version: 2,
    });
    expect((await call('POST', '/admin/profiles', admin, edited)).body).toEqual({
      id: 'current',
      version: 3,
    });
    const fresh = { ...current, id: 'pilot' };
    expect((await call('POST', '/admin/profiles', admin, fresh)).body).toEqual({ id: 'pilot', version: 1 });

    expect((await reference()).activeProfile).toBeNull();
    const activated = await call('POST', '/admin/profiles/activate', admin, { id: 'current', version: 2 });
    expect(activated.body).toEqual({ id: 'current', version: 2 });
    clock.advance(1000);
    await call('POST', '/admin/profiles/activate', admin, { id: 'measures-2014', version: 1 });
    const unknown = await call('POST', '/admin/profiles/activate', admin, { id: 'current', version: 9 });
    expect(unknown.status).toBe(400);

    const listed = await call('GET', '/admin/profiles', admin);
    expect(listed.status).toBe(200);
    const ref = await reference();
    expect(ref.ruleProfiles.map((p) => `${p.profile.id}@${p.profile.version}:${p.author}`)).toEqual([
      'current@2:u-admin',
      'current@3:u-admin',
      'pilot@1:u-admin',
    ]);
    expect(ref.ruleProfiles[0]!.profile).toEqual({ ...edited, version: 2 });
    expect(ref.activeProfile).toEqual({
      id: 'measures-2014',
      version: 1,
      activatedBy: 'u-admin',
      activatedAt: clock.now(),
    });
    expect(listed.body).toEqual({
      versions: ref.ruleProfiles,
      active: { ...ref.activeProfile, activatedAt: clock.now() },
    });
  });

  it('refuses a handler and an invalid profile field by field, storing nothing', async () => {
    expect((await call('POST', '/admin/profiles', handler, current)).status).toBe(403);
    expect((await call('GET', '/admin/profiles', handler)).status).toBe(403);
    expect(
      (await call('POST', '/admin/profiles/activate', handler, { id: 'current', version: 1 })).status,
    ).toBe(403);
    const bad = await call('POST', '/admin/profiles', admin, {
      ...current,
      id: 'Not An Id',
      workingHours: { start: '18:00', end: '09:00' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'id', key: 'profiles.issue.id' }),
        expect.objectContaining({ path: 'workingHours', key: 'profiles.issue.workingHoursOrder' }),
      ]),
    );
    const ref = await reference();
    expect(ref.ruleProfiles).toEqual([]);
    expect(ref.activeProfile).toBeNull();
  });
});

describe('volumes', () => {
  it('stores rows (carriers by id or name), replacing a carrier’s period', async () => {
    const put = await call('PUT', '/admin/volumes', admin, {
      rows: [
        { carrierId: 'ems', period: '2026-10', pieces: 1200 },
        { carrierId: 'china_post', period: '2026-Q3', pieces: 50_000 },
      ],
    });
    expect(put.body).toEqual({ stored: 2 });
    clock.advance(1000);
    await call('PUT', '/admin/volumes', admin, {
      rows: [{ carrierId: 'EMS', period: '2026-10', pieces: 1300 }],
    });
    expect((await call('GET', '/admin/volumes', admin)).body).toEqual([
      { carrierId: 'ems', period: '2026-10', pieces: 1300, importedBy: 'u-admin', importedAt: clock.now() },
      {
        carrierId: 'china_post',
        period: '2026-Q3',
        pieces: 50_000,
        importedBy: 'u-admin',
        importedAt: clock.now() - 1000,
      },
    ]);
  });

  it('refuses a handler, and stores none of the rows when any is wrong, naming each', async () => {
    const rows = [{ carrierId: 'ems', period: '2026-10', pieces: 1200 }];
    expect((await call('PUT', '/admin/volumes', handler, { rows })).status).toBe(403);
    expect((await call('GET', '/admin/volumes', handler)).status).toBe(403);
    const bad = await call('PUT', '/admin/volumes', admin, {
      rows: [
        ...rows,
        { carrierId: 'nobody', period: '2026-13', pieces: -1 },
        { carrierId: 'ems', period: '2026-10', pieces: 1.5 },
        { carrierId: 'ems', period: '2026-10', pieces: 5 },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.rejected).toEqual([
      {
        row: 2,
        problems: [
          { key: 'stats.volume.unknown_carrier', params: { value: 'nobody' } },
          { key: 'stats.volume.bad_period', params: { value: '2026-13' } },
          { key: 'stats.volume.negative', params: { value: '-1' } },
        ],
      },
      {
        row: 3,
        problems: [
          { key: 'stats.volume.not_a_number', params: { value: '1.5' } },
          { key: 'stats.volume.duplicate', params: { line: 1 } },
        ],
      },
      { row: 4, problems: [{ key: 'stats.volume.duplicate', params: { line: 1 } }] },
    ]);
    expect((await reference()).volumes).toEqual([]);
  });
});

it('GET /reference needs a signed-in workstation', async () => {
  expect((await app.inject({ method: 'GET', url: '/reference' })).statusCode).toBe(401);
  expect(await reference()).toEqual({
    calendarYears: [],
    ruleProfiles: [],
    activeProfile: null,
    volumes: [],
  });
});
