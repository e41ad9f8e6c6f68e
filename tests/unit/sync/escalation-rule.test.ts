import { describe, expect, it } from 'vitest';
import { registerAppealSchema } from '../../../shared/domain/appeal';
import type { SyncEscalation } from '../../../shared/sync/escalation';
import { MUTATIONS } from '../../../shared/sync/mutations';
import { decide, newCase, type Actor, type RuleOutcome, type SyncCase } from '../../../shared/sync/rules';
import { stateIn, VALID_DATA } from '../lifecycle/fixtures';
import { validAppeal } from '../../support/appeals';

const at = Date.UTC(2026, 10, 20, 2);
const MINUTE = 60_000;
const handler: Actor = { staffId: 'u-li', roles: ['handler'] };
const lead: Actor = { staffId: 'u-zhao', roles: ['handler', 'team_lead'] };
const admin: Actor = { staffId: 'u-admin', roles: ['admin'] };
const evidence = { key: 'escalation.evidence.breach', params: { limit: 'acceptance' } };

function accepted(over: Partial<SyncCase> = {}): SyncCase {
  const input = registerAppealSchema.parse(validAppeal({ receivedAt: at }));
  return {
    ...newCase({ id: 'c-1', caseNo: 'SS20261120000001', input }, 'SS20261120000001', at),
    status: 'accepted',
    assigneeId: 'u-li',
    version: 4,
    ...over,
  };
}
const escalation = (over: Partial<SyncEscalation> = {}): SyncEscalation => ({
  id: 'e-1',
  ruleId: 'breach',
  condition: 'acceptance@1',
  level: 2,
  state: 'open',
  evidence,
  raisedAt: at - 60 * MINUTE,
  acknowledgedAt: null,
  acknowledgedBy: null,
  resolvedAt: null,
  resolvedBy: null,
  resolutionNote: null,
  snoozedUntil: null,
  snoozeReason: null,
  ...over,
});
const withEscalations = (...escalations: SyncEscalation[]) => accepted({ escalations });

const escalate = (current: SyncCase, a: Record<string, unknown> = {}, actor: Actor = handler) =>
  decide(
    'escalateCase.v1',
    MUTATIONS['escalateCase.v1'].parse({
      caseId: 'c-1',
      escalationId: 'e-1',
      ruleId: 'breach',
      condition: 'acceptance@1',
      toLevel: 2,
      expectedLevel: 0,
      evidence,
      ...a,
    }),
    current,
    actor,
    at,
  );
const act = (
  name: 'acknowledgeEscalation.v1' | 'resolveEscalation.v1' | 'snoozeEscalation.v1',
  current: SyncCase,
  a: Record<string, unknown> = {},
  actor: Actor = lead,
) =>
  decide(
    name,
    MUTATIONS[name].parse({ caseId: 'c-1', escalationId: 'e-1', expectedLevel: 2, ...a }),
    current,
    actor,
    at,
  );
/** The case's escalations after an applied outcome, failing the test otherwise. */
const after = (outcome: RuleOutcome) => {
  if (outcome.kind !== 'applied') throw new Error(`expected applied, got ${JSON.stringify(outcome)}`);
  return outcome.next.escalations;
};
const code = (outcome: RuleOutcome) => (outcome.kind === 'rejected' ? outcome.code : outcome.kind);

describe('escalation intents: arguments', () => {
  it('a raise or climb goes up, from a level below; lead actions carry what the lead saw', () => {
    const ok = (a: Record<string, unknown>) =>
      MUTATIONS['escalateCase.v1'].safeParse({
        caseId: 'c-1',
        escalationId: 'e-1',
        ruleId: 'breach',
        condition: 'acceptance@1',
        toLevel: 2,
        expectedLevel: 0,
        evidence,
        ...a,
      }).success;
    expect(ok({})).toBe(true);
    expect(ok({ expectedLevel: 1, toLevel: 3 })).toBe(true);
    expect(ok({ expectedLevel: 2, toLevel: 2 })).toBe(false);
    expect(ok({ toLevel: 4 })).toBe(false);
    expect(ok({ evidence: { key: 'k', params: { x: true } } })).toBe(false);
    expect(ok({ extra: 1 })).toBe(false);
    const snooze = MUTATIONS['snoozeEscalation.v1'];
    const base = { caseId: 'c-1', escalationId: 'e-1', expectedLevel: 2 };
    expect(snooze.safeParse({ ...base, until: at, reason: '等待承运人' }).success).toBe(true);
    expect(snooze.safeParse({ ...base, until: at, reason: '  ' }).success).toBe(false);
    expect(MUTATIONS['resolveEscalation.v1'].safeParse({ ...base, note: '' }).success).toBe(false);
    expect(MUTATIONS['acknowledgeEscalation.v1'].safeParse({ ...base, expectedLevel: 0 }).success).toBe(
      false,
    );
  });
});

describe('escalateCase.v1', () => {
  it('raises an escalation on a case without one, at the rule level, raised at the server time', () => {
    const outcome = escalate(accepted());
    expect(after(outcome)).toEqual([escalation({ raisedAt: at })]);
    expect(outcome).toMatchObject({
      event: { type: 'escalation.raised', data: { escalationId: 'e-1', rule: 'breach', level: 2, evidence } },
    });
  });

  it('is a noop when the case is already at the level or above, whoever raised it and whatever its state', () => {
    const server = withEscalations(escalation({ id: 'e-a' }));
    expect(escalate(server, { escalationId: 'e-b' })).toEqual({ kind: 'noop' });
    expect(escalate(server, { escalationId: 'e-b', ruleId: 'pre_breach.4h', toLevel: 1 })).toEqual({
      kind: 'noop',
    });
    const acknowledged = withEscalations(escalation({ id: 'e-a', state: 'acknowledged' }));
    expect(escalate(acknowledged, { escalationId: 'e-b', condition: 'overall_answer@2' })).toEqual({
      kind: 'noop',
    });
  });

  it('a higher rule on a case escalated lower raises its own escalation: the case is at the higher level', () => {
    const low = escalation({ id: 'e-low', ruleId: 'pre_breach.4h', condition: 'acceptance@1', level: 1 });
    const next = after(escalate(withEscalations(low), { escalationId: 'e-high', toLevel: 3 }));
    expect(next.map((e) => [e.id, e.level, e.state])).toEqual([
      ['e-low', 1, 'open'],
      ['e-high', 3, 'open'],
    ]);
  });

  it('a condition raises once: resolved, it stays resolved; a new condition raises anew', () => {
    const resolved = withEscalations(escalation({ state: 'resolved', resolvedAt: at, resolvedBy: 'u-zhao' }));
    expect(escalate(resolved, { escalationId: 'e-2' })).toEqual({ kind: 'noop' });
    const next = after(escalate(resolved, { escalationId: 'e-2', condition: 'overall_answer@2' }));
    expect(next.map((e) => [e.id, e.state])).toEqual([
      ['e-1', 'resolved'],
      ['e-2', 'open'],
    ]);
  });

  it('climbs an open escalation from the level the engine saw', () => {
    const outcome = escalate(withEscalations(escalation()), { expectedLevel: 2, toLevel: 3 });
    expect(after(outcome)).toEqual([escalation({ level: 3 })]);
    expect(outcome).toMatchObject({
      event: { type: 'escalation.climbed', data: { escalationId: 'e-1', level: 3 } },
    });
    // A snooze that ran out climbs again, open.
    const expired = withEscalations(escalation({ state: 'snoozed', snoozedUntil: at, snoozeReason: 'r' }));
    expect(after(escalate(expired, { expectedLevel: 2, toLevel: 3 }))[0]).toMatchObject({
      state: 'open',
      level: 3,
    });
  });

  it('a stale climb is refused: acknowledged, snoozed, another level, or an id the server does not have', () => {
    const climb = { expectedLevel: 2, toLevel: 3 };
    const stale = (e: SyncEscalation, a: Record<string, unknown> = climb) => {
      const outcome = escalate(withEscalations(e), a);
      expect(code(outcome)).toBe('ESCALATION_STALE');
      return outcome;
    };
    expect(stale(escalation({ state: 'acknowledged', acknowledgedBy: 'u-zhao' }))).toMatchObject({
      details: { escalationLevel: 2, escalation: { level: 2, state: 'acknowledged' } },
    });
    stale(escalation({ state: 'snoozed', snoozedUntil: at + MINUTE }));
    stale(escalation({ level: 1 }), { expectedLevel: 2, toLevel: 3 });
    stale(escalation({ id: 'e-other' }));
  });

  it('a closed case takes no escalation; closing a case resolves its escalations', () => {
    expect(code(escalate(accepted({ status: 'closed' })))).toBe('CASE_CLOSED');
    const current = accepted({
      lifecycle: stateIn('accepted'),
      escalations: [
        escalation(),
        escalation({ id: 'e-0', state: 'resolved', resolvedBy: 'u-zhao', resolvedAt: 1 }),
      ],
    });
    const closed = decide(
      'transitionStatus.v1',
      { caseId: 'c-1', transition: 'withdraw', from: 'accepted', data: VALID_DATA.withdraw },
      current,
      handler,
      at,
    );
    expect(after(closed).map((e) => [e.id, e.state, e.resolvedBy, e.resolvedAt])).toEqual([
      ['e-1', 'resolved', 'system', at],
      ['e-0', 'resolved', 'u-zhao', 1],
    ]);
  });
});

describe('lead actions', () => {
  it('acknowledge, snooze and resolve the escalation as the lead saw it', () => {
    const open = withEscalations(escalation());
    const acknowledged = after(act('acknowledgeEscalation.v1', open));
    expect(acknowledged[0]).toMatchObject({
      state: 'acknowledged',
      acknowledgedAt: at,
      acknowledgedBy: 'u-zhao',
    });
    expect(act('acknowledgeEscalation.v1', accepted({ escalations: acknowledged }))).toEqual({
      kind: 'noop',
    });
    const snoozed = after(
      act('snoozeEscalation.v1', open, { until: at + 60 * MINUTE, reason: '等待承运人' }, admin),
    );
    expect(snoozed[0]).toMatchObject({
      state: 'snoozed',
      snoozedUntil: at + 60 * MINUTE,
      snoozeReason: '等待承运人',
    });
    const resolved = act('resolveEscalation.v1', open, { note: '已回电安抚' });
    expect(after(resolved)[0]).toMatchObject({
      state: 'resolved',
      resolvedAt: at,
      resolvedBy: 'u-zhao',
      resolutionNote: '已回电安抚',
    });
    expect(resolved).toMatchObject({
      event: { type: 'escalation.resolved', data: { escalationId: 'e-1', note: '已回电安抚' } },
    });
  });

  it('refuses a handler, an unknown id, a resolved escalation and one that climbed since', () => {
    const open = withEscalations(escalation());
    expect(code(act('acknowledgeEscalation.v1', open, {}, handler))).toBe('FORBIDDEN');
    expect(code(act('resolveEscalation.v1', open, { note: 'n' }, handler))).toBe('FORBIDDEN');
    expect(code(act('acknowledgeEscalation.v1', open, { escalationId: 'e-dup' }))).toBe(
      'ESCALATION_NOT_FOUND',
    );
    expect(code(act('acknowledgeEscalation.v1', accepted()))).toBe('ESCALATION_NOT_FOUND');
    const resolved = withEscalations(
      escalation({ state: 'resolved', resolvedBy: 'u-admin', resolvedAt: at }),
    );
    expect(code(act('resolveEscalation.v1', resolved, { note: 'n' }))).toBe('ESCALATION_RESOLVED');
    expect(code(act('snoozeEscalation.v1', resolved, { until: at, reason: 'r' }))).toBe(
      'ESCALATION_RESOLVED',
    );
    const climbed = act('acknowledgeEscalation.v1', withEscalations(escalation({ level: 3 })));
    expect(climbed).toMatchObject({
      kind: 'rejected',
      code: 'ESCALATION_STALE',
      details: { escalationLevel: 3, escalation: { level: 3, state: 'open' } },
    });
  });
});
