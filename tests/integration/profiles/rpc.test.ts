import { describe, expect, it } from 'vitest';
import { CURRENT_PROFILE, type RuleProfile } from '../../../shared/deadlines';
import type { ProfileRef, ProfileVersion } from '../../../shared/deadlines/stored';
import type { RuleRow } from '../../../shared/escalation/dto';
import type { RegisterResult } from '../../../shared/rpc/dto';
import type { RpcResult } from '../../../shared/rpc/errors';
import { validAppeal } from '../../support/appeals';
import { useTestApp, value } from '../../support/app';

const desk = useTestApp();

const fields = (r: RpcResult<unknown>) => {
  if (r.ok) throw new Error('expected a refusal');
  return Object.fromEntries((r.error.details?.fields ?? []).map((f) => [f.path, f.message]));
};

describe('rule profiles over RPC (administrators)', () => {
  it('saves an edited limit as a new version, activates it, and new cases record it', async () => {
    const current = value<RuleProfile>(await desk.app.call('profiles.get', { id: 'current' }));
    expect(current.version).toBe(1);
    const edited = {
      ...current,
      limits: {
        ...current.limits,
        callback: { ...current.limits.callback!, amount: 5, unit: 'calendar_days' },
      },
    };
    const saved = value<ProfileRef>(await desk.app.call('profiles.save', { profile: edited }));
    expect(saved).toEqual({ id: 'current', version: 2 });
    value(await desk.app.call('profiles.activate', saved));
    const list = value<ProfileVersion[]>(await desk.app.call('profiles.list'));
    expect(list.filter((p) => p.id === 'current').map((p) => [p.version, p.active, p.author])).toEqual([
      [1, false, 'system'],
      [2, true, 'local-operator'],
    ]);
    const registered = value<RegisterResult>(await desk.app.call('cases.register', validAppeal())).case;
    expect([registered.profileId, registered.profileVersion]).toEqual(['current', 2]);
    const v2 = value<RuleProfile>(await desk.app.call('profiles.get', { id: 'current', version: 2 }));
    expect(v2.limits.callback).toMatchObject({ amount: 5, unit: 'calendar_days' });
  });

  it('refuses a bad profile field by field in the session language', async () => {
    const bad = {
      ...CURRENT_PROFILE,
      workingHours: { start: '18:00', end: '09:00' },
      limits: { acceptance: { ...CURRENT_PROFILE.limits.acceptance!, amount: 4000 } },
    };
    const zh = await desk.app.call('profiles.save', { profile: bad });
    expect(zh.ok ? null : zh.error.message).toBe('规则配置有 2 处错误，未保存');
    expect(fields(zh)).toEqual({
      'limits.acceptance.amount': '不能大于 3650',
      workingHours: '工作时间的结束须晚于开始',
    });
    value(await desk.app.call('session.setLocale', { locale: 'en' }));
    expect(fields(await desk.app.call('profiles.save', { profile: bad }))).toEqual({
      'limits.acceptance.amount': 'Must be at most 3650',
      workingHours: 'Working hours must end after they start',
    });
    expect(value<ProfileVersion[]>(await desk.app.call('profiles.list')).every((p) => p.builtIn)).toBe(true);
  });

  it('refuses to activate an unknown version', async () => {
    const r = await desk.app.call('profiles.activate', { id: 'current', version: 5 });
    expect(r.ok ? null : [r.error.code, r.error.message]).toEqual([
      'NOT_FOUND',
      '规则配置 current 没有第 5 版',
    ]);
  });
});

describe('escalation rules over RPC (administrators)', () => {
  const rule = async (id: string) =>
    value<RuleRow[]>(await desk.app.call('leads.rules')).find((r) => r.id === id)!;
  const editable = ({ updatedAt: _a, updatedBy: _b, ...r }: RuleRow) => r;

  it('switches pre-breach to a share of the period and records the edit', async () => {
    const pre = editable(await rule('pre_breach.4h'));
    const params = { ...pre.params, workingHoursBefore: undefined, periodPercent: 75 };
    value(await desk.app.call('leads.saveRule', { ...pre, params, level: 2 }));
    expect(await rule('pre_breach.4h')).toMatchObject({
      level: 2,
      params: { kind: 'pre_breach', periodPercent: 75 },
      updatedBy: 'local-operator',
    });
    expect((await rule('pre_breach.4h')).params).not.toHaveProperty('workingHoursBefore');
  });

  it('refuses bad thresholds field by field, in both languages', async () => {
    const pre = editable(await rule('pre_breach.4h'));
    const both = {
      ...pre,
      params: { ...pre.params, periodPercent: 80, officeHours: { start: 1050, end: 510 } },
      actions: ['reassign'],
    };
    const zh = await desk.app.call('leads.saveRule', both);
    expect(zh.ok ? null : zh.error.message).toBe('规则有 3 处错误，未保存');
    expect(fields(zh)).toEqual({
      'params.officeHours': '上班时间须早于下班时间',
      'params.workingHoursBefore': '请填写“到期前工作小时数”或“已用时限比例”，二者选一',
      reassignTo: '“改派”需指定接收人',
    });
    const words = editable(await rule('sensitive_words'));
    value(await desk.app.call('session.setLocale', { locale: 'en' }));
    const empty = await desk.app.call('leads.saveRule', {
      ...words,
      params: { kind: 'sensitive_words', words: [] },
    });
    expect(fields(empty)).toEqual({ 'params.words': 'At least 1 item(s)' });
    expect((await rule('pre_breach.4h')).params).toMatchObject({ workingHoursBefore: 4 });
  });
});
