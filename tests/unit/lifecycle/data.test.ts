import { describe, expect, it } from 'vitest';
import { checkTransition } from '../../../shared/lifecycle';
import type { CaseLifecycleState, TransitionName } from '../../../shared/lifecycle';
import { VALID_DATA, stateIn } from './fixtures';

/** The refusal's field errors as keys by path, for an admin (who may do anything) applying `data`. */
function fieldErrors(state: CaseLifecycleState, name: TransitionName, data: unknown) {
  const result = checkTransition(state, name, 'admin', data);
  if (result.ok) throw new Error(`${name} accepted ${JSON.stringify(data)}`);
  expect(result.code).toBe('INVALID_DATA');
  expect(result.reason).toBe('lifecycle.refused.invalidData');
  expect(result.params).toEqual({ transition: name });
  const byPath: Record<string, string[]> = {};
  for (const { path, key } of result.fieldErrors ?? []) (byPath[path] ??= []).push(key);
  return byPath;
}

const withData = (name: TransitionName, patch: Record<string, unknown>) => ({
  ...VALID_DATA[name],
  ...patch,
});

describe('data every transition requires', () => {
  it.each([
    ['not_accept', 'registered', { reason: ['validation.required'], noticeMethod: ['validation.required'] }],
    ['transfer', 'accepted', { carrierId: ['validation.required'] }],
    [
      'record_carrier_reply',
      'transferred',
      {
        investigationResult: ['validation.required'],
        carrierResponsible: ['validation.required'],
        compensationYuan: ['validation.number.invalid'],
        userSatisfied: ['validation.required'],
        handlerName: ['validation.required'],
        handlerPhone: ['validation.required'],
      },
    ],
    ['supervise', 'transferred', { method: ['validation.required'] }],
    [
      'start_mediation',
      'verifying',
      { userConsented: ['validation.required'], carrierConsented: ['validation.required'] },
    ],
    ['rehandle', 'callback', { reason: ['validation.required'] }],
    [
      'close',
      'callback',
      {
        closureReason: ['validation.required'],
        validAppeal: ['validation.required'],
        satisfaction: ['validation.required'],
        recoveredYuan: ['validation.number.invalid'],
        carrierReplyUntruthful: ['validation.required'],
      },
    ],
    ['withdraw', 'transferred', { channel: ['validation.required'] }],
    ['reopen', 'closed', { reason: ['validation.required'] }],
    [
      'escalate_to_supervision',
      'mediating',
      { ground: ['validation.required'], detail: ['validation.required'] },
    ],
  ] as const)('%s from %s refuses empty data, naming each missing field', (name, status, expected) => {
    expect(fieldErrors(stateIn(status), name, {})).toEqual(expected);
  });

  it('refuses data that is not an object, as a whole', () => {
    expect(fieldErrors(stateIn('registered'), 'accept', null)).toEqual({ '': ['validation.required'] });
  });

  it('treats whitespace as missing and trims what it keeps', () => {
    expect(fieldErrors(stateIn('closed'), 'reopen', { reason: '   ' })).toEqual({
      reason: ['validation.required'],
    });
    const result = checkTransition(stateIn('closed'), 'reopen', 'team_lead', { reason: '  赔偿未到账 ' });
    expect(result.ok && result.entry.data).toEqual({ reason: '赔偿未到账' });
  });

  it('refuses text over its limit, giving the limit', () => {
    const result = checkTransition(stateIn('accepted'), 'transfer', 'handler', {
      carrierId: 'sf',
      outlet: '网'.repeat(101),
    });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: [{ path: 'outlet', key: 'validation.tooLong', params: { max: 100 } }],
    });
  });
});

describe('transfer', () => {
  it('keeps the brand and the outlet', () => {
    const result = checkTransition(stateIn('accepted'), 'transfer', 'handler', {
      carrierId: 'zto',
      outlet: ' 杭州西湖网点 ',
    });
    expect(result.ok && result.entry.data).toEqual({ carrierId: 'zto', outlet: '杭州西湖网点' });
  });

  it('does not need an outlet', () => {
    expect(checkTransition(stateIn('accepted'), 'transfer', 'handler', { carrierId: 'zto' }).ok).toBe(true);
  });
});

describe('record_carrier_reply', () => {
  const s = stateIn('transferred');
  const name = 'record_carrier_reply';

  it('refuses a negative compensation amount', () => {
    expect(fieldErrors(s, name, withData(name, { compensationYuan: -1 }))).toEqual({
      compensationYuan: ['validation.number.negative'],
    });
  });

  it('refuses a phone number that is not a mainland number', () => {
    expect(fieldErrors(s, name, withData(name, { handlerPhone: '12345' }))).toEqual({
      handlerPhone: ['validation.phone.invalid'],
    });
  });

  it('needs the responsible unit when the carrier is responsible', () => {
    expect(fieldErrors(s, name, withData(name, { responsibleUnit: undefined }))).toEqual({
      responsibleUnit: ['validation.required'],
    });
    const notResponsible = withData(name, { carrierResponsible: false, responsibleUnit: undefined });
    expect(checkTransition(s, name, 'handler', notResponsible).ok).toBe(true);
  });

  it('needs an apology or explanation when nothing is compensated', () => {
    expect(fieldErrors(s, name, withData(name, { compensationYuan: 0 }))).toEqual({
      apologyOrExplanation: ['validation.required'],
    });
    const explained = withData(name, { compensationYuan: 0, apologyOrExplanation: '已向用户致歉' });
    expect(checkTransition(s, name, 'handler', explained).ok).toBe(true);
  });

  it('records the handler phone normalised', () => {
    const result = checkTransition(s, name, 'handler', VALID_DATA[name]);
    expect(result.ok && result.entry.data).toMatchObject({
      handlerPhone: '13812345678',
      handlerName: '李四',
    });
  });
});

describe('start_mediation', () => {
  it('needs the consent of both parties', () => {
    const data = { userConsented: true, carrierConsented: false };
    expect(fieldErrors(stateIn('carrier_replied'), 'start_mediation', data)).toEqual({
      carrierConsented: ['validation.lifecycle.consentRequired'],
    });
  });
});

describe('rehandle', () => {
  it('needs a detail when the reason is "other"', () => {
    expect(fieldErrors(stateIn('callback'), 'rehandle', { reason: 'other' })).toEqual({
      detail: ['validation.required'],
    });
    expect(
      checkTransition(stateIn('callback'), 'rehandle', 'handler', {
        reason: 'other',
        detail: '用户要求更换网点',
      }).ok,
    ).toBe(true);
  });
});

describe('close', () => {
  const name = 'close';

  it('needs the responsible unit for a valid appeal, and not otherwise', () => {
    expect(fieldErrors(stateIn('callback'), name, withData(name, { responsibleUnit: '' }))).toEqual({
      responsibleUnit: ['validation.required'],
    });
    const invalidAppeal = withData(name, { validAppeal: false, responsibleUnit: undefined });
    expect(checkTransition(stateIn('callback'), name, 'handler', invalidAppeal).ok).toBe(true);
  });

  it('records an unreachable user only as of unknown satisfaction', () => {
    const data = withData(name, {
      closureReason: 'unreachable',
      satisfaction: { carrier: 'satisfied', administration: 'unknown' },
    });
    expect(fieldErrors(stateIn('callback'), name, data)).toEqual({
      'satisfaction.carrier': ['validation.lifecycle.unreachableSatisfaction'],
    });
    const unknown = withData(name, {
      closureReason: 'unreachable',
      satisfaction: { carrier: 'unknown', administration: 'unknown' },
    });
    expect(checkTransition(stateIn('callback'), name, 'handler', unknown).ok).toBe(true);
  });

  it('refuses a negative amount recovered', () => {
    expect(fieldErrors(stateIn('callback'), name, withData(name, { recoveredYuan: -0.5 }))).toEqual({
      recoveredYuan: ['validation.number.negative'],
    });
  });

  it('refuses an unknown satisfaction level with its path', () => {
    const data = withData(name, { satisfaction: { carrier: 'satisfied', administration: 'delighted' } });
    expect(fieldErrors(stateIn('callback'), name, data)).toEqual({
      'satisfaction.administration': ['validation.required'],
    });
  });

  it('closes a case in mediation only on the mediation outcome', () => {
    expect(fieldErrors(stateIn('mediating'), name, withData(name, { closureReason: 'resolved' }))).toEqual({
      closureReason: ['validation.lifecycle.mediationOutcomeRequired'],
    });
    for (const closureReason of ['mediation_agreed', 'mediation_failed']) {
      expect(
        checkTransition(stateIn('mediating'), name, 'mediator', withData(name, { closureReason })).ok,
      ).toBe(true);
    }
    expect(
      checkTransition(stateIn('callback'), name, 'handler', withData(name, { closureReason: 'resolved' })).ok,
    ).toBe(true);
  });

  it('needs a detail when the reason is "other"', () => {
    expect(fieldErrors(stateIn('callback'), name, withData(name, { closureReason: 'other' }))).toEqual({
      detail: ['validation.required'],
    });
  });
});

describe('not_accept', () => {
  it('takes every listed reason code and no other', () => {
    for (const reason of [
      'not_complained_first',
      'carrier_window_open',
      'duplicate',
      'litigation',
      'out_of_scope',
      'incomplete',
      'time_barred',
    ]) {
      expect(
        checkTransition(stateIn('registered'), 'not_accept', 'handler', { reason, noticeMethod: 'letter' })
          .ok,
      ).toBe(true);
    }
    expect(
      fieldErrors(stateIn('registered'), 'not_accept', { reason: 'bored', noticeMethod: 'letter' }),
    ).toEqual({
      reason: ['validation.required'],
    });
  });
});

describe('refusal order', () => {
  it('reports the status before the role, and the role before the data', () => {
    expect(checkTransition(stateIn('closed'), 'accept', 'statistics', null)).toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    expect(checkTransition(stateIn('registered'), 'accept', 'statistics', null)).toMatchObject({
      code: 'FORBIDDEN_ROLE',
    });
    expect(checkTransition(stateIn('registered'), 'accept', 'handler', null)).toMatchObject({
      code: 'INVALID_DATA',
    });
  });
});
