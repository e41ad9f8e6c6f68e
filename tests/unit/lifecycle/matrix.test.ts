import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../shared/domain/roles';
import { CASE_STATUSES } from '../../../shared/domain/status';
import {
  TRANSITION_NAMES,
  availableTransitions,
  checkTransition,
  registerCase,
} from '../../../shared/lifecycle';
import { VALID_DATA, stateIn } from './fixtures';
import { SPEC, TERMINAL, allowed, anyRoleFrom } from './spec';

describe.each(TRANSITION_NAMES)('%s', (name) => {
  const cases = ROLES.flatMap((role) => CASE_STATUSES.map((status) => [role, status] as const));

  it.each(cases)('by %s from %s', (role, status) => {
    const result = checkTransition(stateIn(status), name, role, VALID_DATA[name]);
    if (allowed(name, role, status)) {
      expect(result).toMatchObject({
        ok: true,
        next: { status: SPEC[name].to === 'same' ? status : SPEC[name].to },
      });
    } else if (!anyRoleFrom(name, status)) {
      expect(result).toEqual({
        ok: false,
        code: 'INVALID_TRANSITION',
        reason: 'lifecycle.refused.fromStatus',
        params: { transition: name, status },
      });
    } else {
      const mayAtAll = SPEC[name].by[role] !== undefined;
      expect(result).toEqual({
        ok: false,
        code: 'FORBIDDEN_ROLE',
        reason: mayAtAll ? 'lifecycle.refused.roleFromStatus' : 'lifecycle.refused.role',
        params: mayAtAll ? { transition: name, role, status } : { transition: name, role },
      });
    }
  });
});

describe('availableTransitions', () => {
  it.each(ROLES.flatMap((role) => CASE_STATUSES.map((status) => [role, status] as const)))(
    'offers %s exactly the allowed set from %s',
    (role, status) => {
      const expected = TRANSITION_NAMES.filter((name) => allowed(name, role, status));
      expect(availableTransitions(stateIn(status), role)).toEqual(expected);
    },
  );

  it('offers statistics staff nothing, anywhere', () => {
    for (const status of CASE_STATUSES)
      expect(availableTransitions(stateIn(status), 'statistics')).toEqual([]);
  });

  it('offers nothing but reopen from a terminal status', () => {
    for (const status of TERMINAL) {
      for (const role of ROLES)
        expect(availableTransitions(stateIn(status), role).filter((n) => n !== 'reopen')).toEqual([]);
    }
  });
});

describe('role hierarchy of the matrix', () => {
  it('lets a team lead do all a handler does, and an admin all anyone does', () => {
    for (const name of TRANSITION_NAMES) {
      for (const status of CASE_STATUSES) {
        if (allowed(name, 'handler', status)) expect(allowed(name, 'team_lead', status)).toBe(true);
        if (anyRoleFrom(name, status)) expect(allowed(name, 'admin', status)).toBe(true);
      }
    }
  });
});

describe('registerCase', () => {
  it.each(['handler', 'team_lead', 'admin'] as const)('lets %s register', (role) => {
    const result = registerCase(role, VALID_DATA.register);
    expect(result).toMatchObject({
      ok: true,
      next: {
        status: 'registered',
        transferCount: 0,
        supervised: false,
        escalatedToSupervision: false,
        reopenCount: 0,
      },
      entry: {
        type: 'transition.register',
        transition: 'register',
        from: null,
        status: 'registered',
        data: { channel: 'phone_12305' },
      },
    });
  });

  it.each(['mediator', 'statistics'] as const)('refuses %s', (role) => {
    expect(registerCase(role, VALID_DATA.register)).toEqual({
      ok: false,
      code: 'FORBIDDEN_ROLE',
      reason: 'lifecycle.refused.role',
      params: { transition: 'register', role },
    });
  });

  it('refuses an unknown channel', () => {
    expect(registerCase('handler', { channel: 'pigeon' })).toMatchObject({
      ok: false,
      code: 'INVALID_DATA',
      fieldErrors: [{ path: 'channel', key: 'validation.required', params: {} }],
    });
  });
});
