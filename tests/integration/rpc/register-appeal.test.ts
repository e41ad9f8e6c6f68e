import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseDetail, CasePage, RegisterResult } from '../../../shared/rpc/dto';
import { validAppeal } from '../../support/appeals';
import { useTestApp, value } from '../../support/app';

const desk = useTestApp();

const count = async () => value<{ count: number }>(await desk.app.call('cases.count', { view: 'all' })).count;

describe('registering an appeal through the RPC router', () => {
  it('persists the case, lists it first, and keeps it after a restart', async () => {
    const result = value<RegisterResult>(await desk.app.call('cases.register', validAppeal()));
    expect(result.case.caseNo).toMatch(/^SS\d{8}000001$/);
    expect(result.case.status).toBe('registered');
    expect(result.case.appellantPhone).toBe('139****5678');
    expect(result.warnings).toEqual([]);

    const page = value<CasePage>(await desk.app.call('cases.list', { view: 'open' }));
    expect(page.items[0]?.id).toBe(result.case.id);

    await desk.restart();
    const again = value<CaseDetail>(await desk.app.call('cases.get', { id: result.case.id }));
    expect(again.description).toBe(validAppeal().description);
    expect(await count()).toBe(1);
  });

  it('warns when the user has not complained to the carrier first', async () => {
    const result = value<RegisterResult>(
      await desk.app.call('cases.register', validAppeal({ priorComplaint: { made: false } })),
    );
    expect(result.warnings).toEqual(['no_prior_complaint']);
  });

  const refused: [string, Record<string, unknown>, string, string, RegExp][] = [
    [
      'a missing phone number',
      { appellant: { name: '王小明', phone: '', role: 'sender' } },
      'appellant.phone',
      'validation.required',
      /必填/,
    ],
    [
      'an impossible phone number',
      { appellant: { name: '王小明', phone: '12345', role: 'sender' } },
      'appellant.phone',
      'validation.phone.invalid',
      /电话号码/,
    ],
    [
      'an impossible waybill number',
      { waybillNo: 'SF12' },
      'waybillNo',
      'validation.waybill.pattern',
      /顺丰速运的运单号格式/,
    ],
    [
      'a bad S10 check digit',
      { carrierId: 'china_post', waybillNo: 'RR123456788CN' },
      'waybillNo',
      'validation.waybill.s10',
      /校验位/,
    ],
    [
      'a 100 KB description',
      { description: '快'.repeat(100 * 1024) },
      'description',
      'validation.tooLong',
      /最多 4000/,
    ],
  ];
  it.each(refused)(
    'refuses %s with a field error and writes nothing',
    async (_what, change, path, key, message) => {
      const result = await desk.app.call('cases.register', validAppeal(change));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('VALIDATION_FAILED');
      expect(result.error.message).toMatch(/未保存任何内容/);
      const field = result.error.details?.fields?.find((f) => f.path === path);
      expect(field).toMatchObject({ key });
      expect(field!.message).toMatch(message);
      expect(await count()).toBe(0);
    },
  );

  it('answers in English when the session language is English', async () => {
    value(await desk.app.call('session.setLocale', { locale: 'en' }));
    const result = await desk.app.call('cases.register', validAppeal({ waybillNo: 'SF12' }));
    expect(!result.ok && result.error.details?.fields?.[0]?.message).toMatch(
      /Not a SF Express waybill number|SF Express/,
    );
  });

  it('accepts a valid S10 international item number for China Post', async () => {
    // 8·1+6·2+4·3+2·4+3·5+5·6+9·7+7·8 = 204; 204 mod 11 = 6; 11 − 6 = 5.
    const waybillNo = 'RR123456785CN';
    const result = await desk.app.call('cases.register', validAppeal({ carrierId: 'china_post', waybillNo }));
    expect(result.ok).toBe(true);
  });

  it('refuses unknown procedures, malformed input and roles without the permission', async () => {
    expect(await desk.app.call('cases.drop', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_PROCEDURE' },
    });
    expect(await desk.app.call('cases.list', { view: 'everything' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await desk.app.call('cases.list', { view: 'all', cursor: 'not-a-cursor' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });

    await desk.restart(() => {
      const db = new Database(join(desk.dataDir, 'desk.sqlite'));
      db.prepare(
        "INSERT INTO staff (id, name, roles, created_at) VALUES ('stat-1', '统计员', '[\"statistics\"]', 0)",
      ).run();
      db.prepare(
        "INSERT INTO app_meta (key, value) VALUES ('session.staffId', 'stat-1') ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      ).run();
      db.close();
    });
    const result = await desk.app.call('cases.register', validAppeal());
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await count()).toBe(0);
  });
});
