import { describe, expect, it } from 'vitest';
import { REGISTERED_STATE, TRANSFERS_BEFORE_FLAG, checkTransition } from '../../../shared/lifecycle';
import { VALID_DATA, stateIn, walk } from './fixtures';

describe('the day-to-day path', () => {
  it('records one entry per transition, with the status before and after and the parsed data', () => {
    const result = checkTransition(stateIn('accepted'), 'transfer', 'handler', VALID_DATA.transfer);
    expect(result).toEqual({
      ok: true,
      next: { ...REGISTERED_STATE, status: 'transferred', transferCount: 1 },
      entry: {
        type: 'transition.transfer',
        transition: 'transfer',
        from: 'accepted',
        status: 'transferred',
        data: { carrierId: 'sf', outlet: '深圳南山网点' },
      },
    });
  });

  it('runs from registration to closure, by the roles that do each step', () => {
    const closed = walk(REGISTERED_STATE, [
      ['accept', 'handler'],
      ['transfer', 'handler'],
      ['record_carrier_reply', 'handler'],
      ['start_verification', 'handler'],
      ['start_mediation', 'mediator'],
      ['start_callback', 'mediator'],
      ['close', 'handler'],
    ]);
    expect(closed).toEqual({ ...REGISTERED_STATE, status: 'closed', transferCount: 1 });
  });

  it('lets a mediator close a mediated case', () => {
    const state = walk(REGISTERED_STATE, ['accept', 'transfer', 'record_carrier_reply']);
    expect(
      walk(state, [
        ['start_mediation', 'mediator'],
        ['close', 'mediator'],
      ]).status,
    ).toBe('closed');
  });
});

describe('transfer count and the repeated-transfer flag', () => {
  it('counts the first transfer and every re-transfer', () => {
    const state = walk(REGISTERED_STATE, [
      'accept',
      'transfer',
      'record_carrier_reply',
      'rehandle',
      'record_carrier_reply',
      'start_verification',
      'rehandle',
    ]);
    expect(state).toMatchObject({ status: 'transferred', transferCount: 3, transferRoundsExceeded: false });
  });

  it('flags the third re-transfer, and keeps the flag', () => {
    expect(TRANSFERS_BEFORE_FLAG).toBe(3);
    const third = walk(stateIn('callback', { transferCount: 3 }), ['rehandle']);
    expect(third).toMatchObject({ transferCount: 4, transferRoundsExceeded: true });
    const closed = walk(third, ['record_carrier_reply', 'start_callback', 'close']);
    expect(closed.transferRoundsExceeded).toBe(true);
  });

  it('flags a transfer after reopening that makes the fourth', () => {
    expect(walk(stateIn('accepted', { transferCount: 3 }), ['transfer'])).toMatchObject({
      transferCount: 4,
      transferRoundsExceeded: true,
    });
  });
});

describe('supervision of an overdue carrier (督办)', () => {
  it('sets the flag and counts each reminder, without moving the case', () => {
    const once = walk(stateIn('transferred'), [['supervise', 'handler']]);
    expect(once).toMatchObject({ status: 'transferred', supervised: true, supervisionReminders: 1 });
    const twice = walk(once, [['supervise', 'handler']]);
    expect(twice).toMatchObject({ status: 'transferred', supervised: true, supervisionReminders: 2 });
  });

  it('records the reminder as a transition entry in the unchanged status', () => {
    const result = checkTransition(stateIn('transferred'), 'supervise', 'handler', { method: 'phone' });
    expect(result.ok && result.entry).toEqual({
      type: 'transition.supervise',
      transition: 'supervise',
      from: 'transferred',
      status: 'transferred',
      data: { method: 'phone' },
    });
  });

  it('ends when the carrier replies, keeping the count', () => {
    const replied = walk(stateIn('transferred'), ['supervise', 'supervise', 'record_carrier_reply']);
    expect(replied).toMatchObject({ status: 'carrier_replied', supervised: false, supervisionReminders: 2 });
  });

  it('ends when the user withdraws', () => {
    expect(walk(stateIn('transferred'), ['supervise', 'withdraw'])).toMatchObject({
      status: 'withdrawn',
      supervised: false,
    });
  });
});

describe('escalation to supervision', () => {
  it('sets the flag without moving the case, once only', () => {
    const escalated = walk(stateIn('verifying'), [['escalate_to_supervision', 'team_lead']]);
    expect(escalated).toMatchObject({ status: 'verifying', escalatedToSupervision: true });
    expect(
      checkTransition(escalated, 'escalate_to_supervision', 'team_lead', VALID_DATA.escalate_to_supervision),
    ).toEqual({
      ok: false,
      code: 'INVALID_TRANSITION',
      reason: 'lifecycle.refused.alreadyEscalated',
      params: { transition: 'escalate_to_supervision', status: 'verifying' },
    });
  });

  it('survives closure and reopening', () => {
    const state = walk(stateIn('callback', { escalatedToSupervision: true }), ['close', 'reopen']);
    expect(state).toMatchObject({ status: 'accepted', escalatedToSupervision: true });
  });
});

describe('reopen', () => {
  it.each(['closed', 'not_accepted', 'withdrawn'] as const)(
    'resumes a %s case as accepted and counts it',
    (status) => {
      const result = checkTransition(
        stateIn(status, { reopenCount: 1 }),
        'reopen',
        'team_lead',
        VALID_DATA.reopen,
      );
      expect(result).toMatchObject({
        ok: true,
        next: { status: 'accepted', reopenCount: 2 },
        entry: {
          type: 'transition.reopen',
          from: status,
          status: 'accepted',
          data: { reason: '用户反映赔偿未到账' },
        },
      });
    },
  );

  it('is for team leads and admins only', () => {
    for (const role of ['handler', 'mediator', 'statistics'] as const) {
      expect(checkTransition(stateIn('closed'), 'reopen', role, VALID_DATA.reopen)).toMatchObject({
        ok: false,
        code: 'FORBIDDEN_ROLE',
        reason: 'lifecycle.refused.role',
      });
    }
    expect(checkTransition(stateIn('closed'), 'reopen', 'admin', VALID_DATA.reopen).ok).toBe(true);
  });

  it('needs a reason', () => {
    expect(checkTransition(stateIn('closed'), 'reopen', 'team_lead', {})).toMatchObject({
      ok: false,
      code: 'INVALID_DATA',
      fieldErrors: [{ path: 'reason', key: 'validation.required' }],
    });
  });

  it('is refused for an open case', () => {
    expect(checkTransition(stateIn('callback'), 'reopen', 'team_lead', VALID_DATA.reopen)).toMatchObject({
      ok: false,
      code: 'INVALID_TRANSITION',
      reason: 'lifecycle.refused.fromStatus',
    });
  });

  it('sends the case back through transfer, counting it', () => {
    const state = walk(stateIn('closed', { transferCount: 1 }), ['reopen', 'transfer']);
    expect(state).toMatchObject({ status: 'transferred', transferCount: 2, reopenCount: 1 });
  });
});

it('does not change the state it is given', () => {
  const state = stateIn('transferred');
  const copy = structuredClone(state);
  checkTransition(state, 'supervise', 'handler', VALID_DATA.supervise);
  expect(state).toEqual(copy);
});
