import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditTrail, type Actor } from '../../../main/store/audit';
import { StoreService } from '../../../main/store/service';
import type { Role } from '../../../shared/domain/roles';
import type { TransitionName } from '../../../shared/lifecycle';
import type { MediationView } from '../../../shared/mediation/dto';
import type { RpcFailure } from '../../../shared/rpc/errors';
import { validAppeal } from '../../support/appeals';
import { addStaff, refusal } from '../../support/store';
import { tempDir } from '../../support/temp';
import { VALID_DATA } from '../../unit/lifecycle/fixtures';

const ws = 'test-ws';
const mediator: Actor = { staffId: 'm-a', workstation: ws };
const other: Actor = { staffId: 'm-b', workstation: ws };
const lead: Actor = { staffId: 'lead', workstation: ws };
const M: Role[] = ['mediator'];
const L: Role[] = ['team_lead'];
const ADMIN: Role[] = ['admin'];
const T0 = Date.UTC(2026, 10, 23, 2, 0); // Monday 2026-11-23 10:00 in Shanghai

let dir: ReturnType<typeof tempDir>;
let store: StoreService;
let caseId: string;

const domain = () => store.domains.mediation;
const count = (sql: string) => (store.db.prepare(sql).get(caseId) as { n: number }).n;
/** Everything a change writes: the record, its rows, the case's audit trail and the outbox. */
const footprint = () => ({
  version: count('SELECT COALESCE(MAX(version), 0) AS n FROM mediations WHERE case_id = ?'),
  sessions: count('SELECT COUNT(*) AS n FROM mediation_sessions WHERE case_id = ?'),
  proposals: count('SELECT COUNT(*) AS n FROM mediation_proposals WHERE case_id = ?'),
  parties: count('SELECT COUNT(*) AS n FROM parties WHERE case_id = ?'),
  events: count('SELECT COUNT(*) AS n FROM case_events WHERE case_id = ?'),
  outbox: count("SELECT COUNT(*) AS n FROM sync_outbox WHERE case_id = ? AND name = 'reviseMediation.v1'"),
});
const events = () =>
  store.db
    .prepare('SELECT type, actor_id AS actor, at, data FROM case_events WHERE case_id = ? ORDER BY seq')
    .all(caseId) as { type: string; actor: string; at: number; data: string }[];
/** Runs `fn`, expects a refusal, and checks that it wrote nothing at all. */
const refusedCleanly = (fn: () => unknown): RpcFailure => {
  const before = footprint();
  const failure = refusal(fn);
  expect(footprint()).toEqual(before);
  return failure;
};

function moveTo(status: 'carrier_replied' | 'mediating', at = T0 - 3_600_000): void {
  const steps: [TransitionName, Actor, Role[]][] = [
    ['accept', lead, ADMIN],
    ['transfer', lead, ADMIN],
    ['record_carrier_reply', lead, ADMIN],
    ...(status === 'mediating' ? [['start_mediation', mediator, M] as [TransitionName, Actor, Role[]]] : []),
  ];
  steps.forEach(([transition, actor, roles], i) =>
    store.domains.cases.transition(
      { caseId, transition, data: VALID_DATA[transition] },
      actor,
      roles,
      at + i * 60_000,
    ),
  );
}

beforeEach(() => {
  dir = tempDir();
  store = StoreService.open({ file: join(dir.path, 'desk.sqlite') });
  addStaff(store.db, [
    ['m-a', '赵调解', M],
    ['m-b', '钱调解', M],
    ['lead', '王组长', L],
  ]);
  caseId = store.domains.cases.register(validAppeal(), lead, ADMIN, T0 - 86_400_000).case.id;
  store.domains.casework.assign(
    { caseId, toUser: 'm-a', expectedAssignee: null, reason: '' },
    lead,
    L,
    T0 - 86_400_000 + 1,
  );
});
afterEach(() => {
  store.close();
  dir.cleanup();
});

describe('the mediation record', () => {
  it('records representatives, positions, sessions, proposals, opinion, agreement and outcome; each change audited once with its intent', () => {
    moveTo('mediating');
    const start = footprint();
    let v: MediationView = domain().view(caseId, mediator, M);
    expect(v).toMatchObject({ version: 0, mayEdit: true, mayExport: true, sessions: [], opinion: null });
    // The workspace shows personal data masked.
    expect(v.appellant).toEqual({ name: '王**', phone: '139****5678' });

    const at = (minutes: number) => T0 + minutes * 60_000;
    domain().setRepresentative(
      { caseId, expectedVersion: 0, side: 'carrier', name: '孙经理', phone: '13800001111' },
      mediator,
      M,
      at(1),
    );
    domain().revise(
      { caseId, expectedVersion: 1, facts: '快件丢失。', appellantPosition: '要求赔偿300元' },
      mediator,
      M,
      at(2),
    );
    domain().addSession(
      {
        caseId,
        expectedVersion: 2,
        heldAt: at(-30),
        mode: 'phone',
        attendees: ['appellant', 'mediator'],
        notes: '首次电话调解',
      },
      mediator,
      M,
      at(3),
    );
    domain().addSession(
      {
        caseId,
        expectedVersion: 3,
        heldAt: at(3),
        mode: 'in_person',
        attendees: ['appellant', 'carrier_representative', 'mediator'],
        notes: '现场调解',
      },
      mediator,
      M,
      at(4),
    );
    domain().addProposal(
      { caseId, expectedVersion: 4, by: 'carrier', terms: '赔付200元', amountYuan: 200 },
      mediator,
      M,
      at(5),
    );
    domain().issueOpinion({ caseId, expectedVersion: 5, opinion: '企业赔付250.5元' }, mediator, M, at(6));
    domain().recordAgreement(
      { caseId, expectedVersion: 6, terms: '企业于5日内赔付', amountYuan: 250.5 },
      mediator,
      M,
      at(7),
    );
    v = domain().recordOutcome({ caseId, expectedVersion: 7, outcome: 'agreed' }, mediator, M, at(8));

    expect(v).toMatchObject({
      version: 8,
      mayEdit: false,
      facts: '快件丢失。',
      positions: { appellant: '要求赔偿300元', carrier: '' },
      representatives: { appellant: null, carrier: { name: '孙**', phone: '138****1111' } },
      agreement: { terms: '企业于5日内赔付', amountFen: 25050 },
      outcome: { outcome: 'agreed', note: null },
      opinion: { text: '企业赔付250.5元', issuedAt: at(6), issuedByName: '赵调解' },
    });
    expect(v.sessions.map((s) => [s.mode, s.attendees.length])).toEqual([
      ['phone', 2],
      ['in_person', 3],
    ]);
    expect(v.proposals).toEqual([expect.objectContaining({ by: 'carrier', amountFen: 20000 })]);

    expect(footprint()).toEqual({
      ...start,
      version: 8,
      sessions: 2,
      proposals: 1,
      parties: start.parties + 1,
      events: start.events + 8,
      // Each change is also one reviseMediation.v1 intent for the team server.
      outbox: 8,
    });
    expect(
      events()
        .slice(-8)
        .map((e) => [e.type, e.actor]),
    ).toEqual(
      [
        'mediation.representative_set',
        'mediation.revised',
        'mediation.session_recorded',
        'mediation.session_recorded',
        'mediation.proposal_recorded',
        'mediation.opinion_issued',
        'mediation.agreement_recorded',
        'mediation.outcome_recorded',
      ].map((t) => [t, 'm-a']),
    );
    // The audit names the representative's fields, never their values.
    expect(events().find((e) => e.type === 'mediation.representative_set')!.data).not.toContain('孙经理');
    expect(verifyAuditTrail(store.db).firstBreak).toBeNull();
  });

  it('issuing the opinion is the `mediation.opinion_issued` fact that starts the 3-working-day feedback clock', () => {
    moveTo('mediating');
    const before = store.domains.cases.clocks(caseId, T0)!;
    expect(before.find((c) => c.limit === 'mediation_feedback')?.state ?? 'not_started').toBe('not_started');

    domain().issueOpinion({ caseId, expectedVersion: 0, opinion: '建议企业赔付200元' }, mediator, M, T0);
    const feedback = store.domains.cases
      .clocks(caseId, T0 + 1)!
      .find((c) => c.limit === 'mediation_feedback')!;
    expect(feedback.state).toBe('on_track');
    // Issued Monday 2026-11-23: three working days end with Thursday 11-26 (24:00 = Friday 00:00 +08:00).
    expect(feedback.dueAt).toBe(Date.parse('2026-11-27T00:00:00+08:00'));
    // The store's deadline index follows in the same transaction.
    const row = store.db
      .prepare(
        "SELECT state, due_at AS dueAt FROM case_deadlines WHERE case_id = ? AND limit_name = 'mediation_feedback'",
      )
      .get(caseId) as { state: string; dueAt: number };
    expect(row).toEqual({ state: 'running', dueAt: feedback.dueAt });
  });
});

describe('refusals change nothing', () => {
  it('refuses a case that is not in mediation, naming its status', () => {
    moveTo('carrier_replied');
    const failure = refusedCleanly(() =>
      domain().revise({ caseId, expectedVersion: 0, facts: '事实' }, mediator, M, T0),
    );
    expect(failure).toMatchObject({
      code: 'INVALID_TRANSITION',
      key: 'mediation.refused.notMediating',
      params: { status: 'carrier_replied' },
    });
    expect(domain().view(caseId, mediator, M).mayEdit).toBe(false);
  });

  it('refuses a mediator who does not hold the case; a lead may keep the record', () => {
    moveTo('mediating');
    expect(
      refusedCleanly(() => domain().revise({ caseId, expectedVersion: 0, facts: 'x' }, other, M, T0)),
    ).toMatchObject({ code: 'FORBIDDEN', key: 'mediation.refused.notHolder' });
    expect(domain().view(caseId, other, M).mayEdit).toBe(false);
    expect(domain().revise({ caseId, expectedVersion: 0, facts: '组长补记' }, lead, L, T0).version).toBe(1);
  });

  it('refuses a stale version with CONFLICT and the current version', () => {
    moveTo('mediating');
    domain().revise({ caseId, expectedVersion: 0, facts: '甲' }, mediator, M, T0);
    const failure = refusedCleanly(() =>
      domain().revise({ caseId, expectedVersion: 0, facts: '乙' }, mediator, M, T0 + 1),
    );
    expect(failure).toMatchObject({
      code: 'CONFLICT',
      key: 'mediation.refused.stale',
      extra: { currentVersion: 1 },
    });
  });

  it('refuses with field errors: an agreement outcome without terms, a session in the future, a change that changes nothing', () => {
    moveTo('mediating');
    expect(
      refusedCleanly(() =>
        domain().recordOutcome({ caseId, expectedVersion: 0, outcome: 'agreed' }, mediator, M, T0),
      ),
    ).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'outcome', key: 'validation.mediation.agreementRequired' }],
    });
    expect(
      refusedCleanly(() =>
        domain().addSession(
          {
            caseId,
            expectedVersion: 0,
            heldAt: T0 + 3_600_000,
            mode: 'online',
            attendees: ['mediator'],
            notes: 'x',
          },
          mediator,
          M,
          T0,
        ),
      ),
    ).toMatchObject({ fields: [{ path: 'heldAt', key: 'validation.mediation.inFuture' }] });
    expect(
      refusedCleanly(() => domain().revise({ caseId, expectedVersion: 0, facts: '' }, mediator, M, T0)),
    ).toMatchObject({ fields: [{ path: '', key: 'validation.mediation.nothingToChange' }] });
  });

  it('refuses every change once the outcome is recorded', () => {
    moveTo('mediating');
    domain().recordOutcome(
      { caseId, expectedVersion: 0, outcome: 'failed', note: '双方差距过大' },
      mediator,
      M,
      T0,
    );
    expect(
      refusedCleanly(() =>
        domain().issueOpinion({ caseId, expectedVersion: 1, opinion: '再议' }, mediator, M, T0 + 1),
      ),
    ).toMatchObject({ code: 'INVALID_TRANSITION', key: 'mediation.refused.concluded' });
  });

  it('leaves nothing half-written when the audit append fails inside the change', () => {
    moveTo('mediating');
    domain().revise({ caseId, expectedVersion: 0, facts: '甲' }, mediator, M, T0);
    // The session row is written before the audit event; make the event fail.
    store.db.exec(
      `CREATE TRIGGER refuse_session_event BEFORE INSERT ON case_events
       WHEN NEW.type = 'mediation.session_recorded' BEGIN SELECT RAISE(ABORT, 'audit disk full'); END`,
    );
    const before = footprint();
    expect(() =>
      domain().addSession(
        { caseId, expectedVersion: 1, heldAt: T0, mode: 'phone', attendees: ['appellant'], notes: '通话' },
        mediator,
        M,
        T0 + 1,
      ),
    ).toThrow(/audit disk full/);
    expect(footprint()).toEqual(before);
  });
});

describe('the printable record', () => {
  it('gives the holder the clear personal data and audits the disclosure; others are refused without a trace', () => {
    moveTo('mediating');
    domain().setRepresentative(
      { caseId, expectedVersion: 0, side: 'appellant', name: '王大明', phone: '13700002222' },
      mediator,
      M,
      T0,
    );
    expect(refusedCleanly(() => domain().document(caseId, other, M, T0 + 1))).toMatchObject({
      code: 'FORBIDDEN',
      key: 'mediation.refused.export',
    });

    const doc = domain().document(caseId, mediator, M, T0 + 2);
    expect(doc).toMatchObject({
      caseNo: expect.stringMatching(/^SS\d{14}$/),
      carrierName: '顺丰速运',
      appellant: { name: '王小明', phone: '13912345678' },
      representatives: { appellant: { name: '王大明', phone: '13700002222' }, carrier: null },
      mediatorName: '赵调解',
    });
    const exported = events().at(-1)!;
    expect(exported).toMatchObject({ type: 'mediation.exported', actor: 'm-a', at: T0 + 2 });
    expect(JSON.parse(exported.data)).toEqual({
      disclosed: ['appellant.name', 'appellant.phone', 'representatives.appellant'],
    });
    expect(verifyAuditTrail(store.db).firstBreak).toBeNull();
  });
});
