import { describe, expect, it } from 'vitest';
import { registerAppealSchema } from '../../../shared/domain/appeal';
import type { MediationRecord } from '../../../shared/mediation/record';
import { EMPTY_RECORD, SESSION_CLOCK_SKEW_MS } from '../../../shared/sync/mediation';
import { MUTATIONS } from '../../../shared/sync/mutations';
import { decide, newCase, type Actor, type SyncCase } from '../../../shared/sync/rules';
import { validAppeal } from '../../support/appeals';

const at = Date.UTC(2026, 10, 20, 2);
const mediator: Actor = { staffId: 'u-med', roles: ['mediator'] };
const otherMediator: Actor = { staffId: 'u-other', roles: ['mediator'] };
const lead: Actor = { staffId: 'u-zhao', roles: ['team_lead'] };

function mediating(over: Partial<SyncCase> = {}): SyncCase {
  const input = registerAppealSchema.parse(validAppeal({ receivedAt: at }));
  return {
    ...newCase({ id: 'c-1', caseNo: 'SS20261120000001', input }, 'SS20261120000001', at),
    status: 'mediating',
    assigneeId: 'u-med',
    version: 7,
    ...over,
  };
}
const args = (a: Record<string, unknown>) =>
  MUTATIONS['reviseMediation.v1'].parse({ caseId: 'c-1', expectedVersion: 0, ...a });
const revise = (current: SyncCase, a: Record<string, unknown>, actor: Actor = mediator, when = at) =>
  decide('reviseMediation.v1', args(a), current, actor, when);
/** Applies and returns the next record, failing the test otherwise. */
const applied = (current: SyncCase, a: Record<string, unknown>, actor: Actor = mediator) => {
  const outcome = revise(current, a, actor);
  if (outcome.kind !== 'applied') throw new Error(`expected applied, got ${JSON.stringify(outcome)}`);
  return outcome;
};
const withRecord = (rec: Partial<MediationRecord>) => mediating({ mediation: { ...EMPTY_RECORD, ...rec } });

describe('reviseMediation.v1 arguments', () => {
  it('accepts each op the workstation sends and refuses unknown ops, extra keys and empty revisions', () => {
    const schema = MUTATIONS['reviseMediation.v1'];
    const ok = (a: Record<string, unknown>) =>
      schema.safeParse({ caseId: 'c-1', expectedVersion: 0, ...a }).success;
    expect(ok({ op: 'revise', facts: '事实' })).toBe(true);
    expect(ok({ op: 'representative', side: 'carrier', name: '周经理', phone: null })).toBe(true);
    expect(
      ok({ op: 'session', sessionId: 's-1', heldAt: at, mode: 'phone', attendees: ['mediator'], notes: 'n' }),
    ).toBe(true);
    expect(ok({ op: 'proposal', proposalId: 'p-1', by: 'carrier', terms: 't', amountFen: null })).toBe(true);
    expect(ok({ op: 'opinion', opinion: '意见' })).toBe(true);
    expect(ok({ op: 'agreement', terms: 't', amountFen: 100 })).toBe(true);
    expect(ok({ op: 'outcome', outcome: 'failed', note: null })).toBe(true);

    expect(ok({ op: 'delete' })).toBe(false);
    expect(ok({ op: 'revise' })).toBe(false);
    expect(ok({ op: 'opinion', opinion: '意见', issuedAt: at })).toBe(false);
    expect(ok({ op: 'agreement', terms: 't', amountFen: 1.5 })).toBe(false);
    expect(
      ok({
        op: 'session',
        sessionId: 'x'.repeat(65),
        heldAt: at,
        mode: 'phone',
        attendees: ['mediator'],
        notes: 'n',
      }),
    ).toBe(false);
    expect(ok({ op: 'representative', side: 'carrier', name: '周经理', phone: '12345' })).toBe(false);
  });
});

describe('reviseMediation.v1 on the server', () => {
  it('creates the record at version 1 on the first change, then counts each change', () => {
    const first = applied(mediating(), { op: 'revise', facts: '快件丢失' });
    expect(first.next.mediation).toEqual({ ...EMPTY_RECORD, version: 1, facts: '快件丢失' });
    expect(first.event).toEqual({ type: 'mediation.revised', data: { facts: { from: '', to: '快件丢失' } } });
    const second = applied(mediating({ mediation: first.next.mediation }), {
      op: 'revise',
      expectedVersion: 1,
      facts: '快件丢失。',
      carrierPosition: '同意赔付',
    });
    expect(second.next.mediation).toMatchObject({
      version: 2,
      facts: '快件丢失。',
      carrierPosition: '同意赔付',
    });
    // The rest of the case is untouched.
    const { mediation: _m, ...rest } = second.next;
    const { mediation: _n, ...before } = first.next;
    expect(rest).toEqual(before);
  });

  it('applies each op with the same event as the workstation records', () => {
    const rep = applied(mediating(), {
      op: 'representative',
      side: 'carrier',
      name: '周经理',
      phone: '13800001111',
    });
    expect(rep.next.mediation?.representatives).toEqual({
      appellant: null,
      carrier: { name: '周经理', phone: '13800001111' },
    });
    // Personal data: the event names the fields only.
    expect(rep.event).toEqual({
      type: 'mediation.representative_set',
      data: { side: 'carrier', fields: ['name', 'phone'], replaced: false },
    });

    const session = applied(mediating(), {
      op: 'session',
      sessionId: 's-1',
      heldAt: at - 1000,
      mode: 'in_person',
      attendees: ['appellant', 'mediator'],
      notes: '现场调解',
    });
    expect(session.next.mediation?.sessions).toEqual([
      {
        id: 's-1',
        heldAt: at - 1000,
        mode: 'in_person',
        attendees: ['appellant', 'mediator'],
        notes: '现场调解',
        recordedBy: 'u-med',
        recordedAt: at,
      },
    ]);
    expect(session.event).toEqual({
      type: 'mediation.session_recorded',
      data: { sessionId: 's-1', heldAt: at - 1000, mode: 'in_person', attendees: ['appellant', 'mediator'] },
    });

    const proposal = applied(mediating(), {
      op: 'proposal',
      proposalId: 'p-1',
      by: 'carrier',
      terms: '赔付200元',
      amountFen: 20000,
    });
    expect(proposal.next.mediation?.proposals).toEqual([
      { id: 'p-1', by: 'carrier', terms: '赔付200元', amountFen: 20000, recordedBy: 'u-med', recordedAt: at },
    ]);
    expect(proposal.event).toEqual({
      type: 'mediation.proposal_recorded',
      data: { proposalId: 'p-1', by: 'carrier', amountFen: 20000 },
    });

    const earlier = { text: '旧意见', issuedAt: at - 5000, issuedBy: 'u-med' };
    const opinion = applied(withRecord({ version: 3, opinion: earlier }), {
      op: 'opinion',
      expectedVersion: 3,
      opinion: '新意见',
    });
    expect(opinion.next.mediation).toMatchObject({
      version: 4,
      opinion: { text: '新意见', issuedAt: at, issuedBy: 'u-med' },
    });
    expect(opinion.event).toEqual({
      type: 'mediation.opinion_issued',
      data: { opinion: '新意见', replaces: earlier.issuedAt },
    });

    const agreement = applied(mediating(), { op: 'agreement', terms: '五日内赔付', amountFen: 25050 });
    expect(agreement.next.mediation?.agreement).toEqual({ terms: '五日内赔付', amountFen: 25050, at });
    expect(agreement.event).toEqual({
      type: 'mediation.agreement_recorded',
      data: { from: null, to: { terms: '五日内赔付', amountFen: 25050 } },
    });

    const outcome = applied(withRecord({ version: 1, agreement: { terms: 't', amountFen: 1, at } }), {
      op: 'outcome',
      expectedVersion: 1,
      outcome: 'agreed',
      note: null,
    });
    expect(outcome.next.mediation?.outcome).toEqual({ outcome: 'agreed', note: null, at, by: 'u-med' });
    expect(outcome.event).toEqual({
      type: 'mediation.outcome_recorded',
      data: { outcome: 'agreed', note: null },
    });
  });

  it('a lead may keep the record of a case someone else holds; another mediator may not', () => {
    expect(
      applied(mediating(), { op: 'opinion', opinion: '组长意见' }, lead).next.mediation?.opinion?.issuedBy,
    ).toBe('u-zhao');
    expect(revise(mediating(), { op: 'opinion', opinion: 'x' }, otherMediator)).toMatchObject({
      kind: 'rejected',
      code: 'NOT_ASSIGNEE',
      details: { status: 'mediating', assigneeId: 'u-med', version: 7 },
    });
    // Unclaimed: only a lead.
    expect(revise(mediating({ assigneeId: null }), { op: 'opinion', opinion: 'x' })).toMatchObject({
      code: 'NOT_ASSIGNEE',
    });
  });

  it('refuses a case not in mediation, a concluded record and a stale version, naming the record version', () => {
    expect(revise(mediating({ status: 'callback' }), { op: 'revise', facts: 'x' })).toMatchObject({
      kind: 'rejected',
      code: 'NOT_MEDIATING',
      details: { status: 'callback' },
    });
    const concluded = withRecord({ version: 2, outcome: { outcome: 'failed', note: null, at, by: 'u-med' } });
    expect(revise(concluded, { op: 'revise', expectedVersion: 2, facts: 'x' })).toMatchObject({
      code: 'MEDIATION_CONCLUDED',
    });
    expect(revise(withRecord({ version: 4 }), { op: 'revise', expectedVersion: 3, facts: 'x' })).toEqual({
      kind: 'rejected',
      code: 'MEDIATION_STALE',
      details: { status: 'mediating', assigneeId: 'u-med', version: 7, mediationVersion: 4 },
    });
    // No record yet is version 0.
    expect(revise(mediating(), { op: 'revise', expectedVersion: 1, facts: 'x' })).toMatchObject({
      code: 'MEDIATION_STALE',
      details: { mediationVersion: 0 },
    });
    expect(
      decide('reviseMediation.v1', args({ op: 'revise', facts: 'x' }), null, mediator, at),
    ).toMatchObject({
      code: 'CASE_NOT_FOUND',
    });
  });

  it('refuses invalid changes as INVALID_DATA with the field and key the workstation shows', () => {
    expect(revise(mediating(), { op: 'outcome', outcome: 'agreed', note: null })).toMatchObject({
      code: 'INVALID_DATA',
      details: { issues: [{ path: 'outcome', key: 'validation.mediation.agreementRequired' }] },
    });
    expect(
      revise(mediating(), {
        op: 'session',
        sessionId: 's-1',
        heldAt: at + SESSION_CLOCK_SKEW_MS + 1,
        mode: 'phone',
        attendees: ['mediator'],
        notes: 'n',
      }),
    ).toMatchObject({
      code: 'INVALID_DATA',
      details: { issues: [{ path: 'heldAt', key: 'validation.mediation.inFuture' }] },
    });
    expect(
      revise(withRecord({ version: 1, facts: '同' }), { op: 'revise', expectedVersion: 1, facts: '同' }),
    ).toMatchObject({
      code: 'INVALID_DATA',
      details: { issues: [{ path: '', key: 'validation.mediation.nothingToChange' }] },
    });
  });
});
