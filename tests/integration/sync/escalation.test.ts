import { beforeEach, describe, expect, it } from 'vitest';
import { registerAppealSchema } from '../../../shared/domain/appeal';
import { DEFAULT_RULES } from '../../../shared/escalation/rules';
import type { SyncEscalation } from '../../../shared/sync/escalation';
import { validAppeal } from '../../support/appeals';
import { twoWorkstations } from '../../sync/pair';
import { InjectTransport, Workstation } from '../../sync/workstation';

/**
 * Escalations over team sync: the lead's workstation A (u-zhao, team lead) and the handler's
 * workstation B (u-han) each run the escalation engine over the same synced case. Real store
 * commands, real engines, real server on PGlite.
 */
const pair = twoWorkstations('desk-sync-escalation-');
let a: Workstation;
let b: Workstation;
const MINUTE = 60_000;
const SENSITIVE = DEFAULT_RULES.find((r) => r.id === 'sensitive_words')!;

beforeEach(() => {
  a = new Workstation(
    pair.dir.path,
    'ws-lead',
    'u-zhao',
    new InjectTransport(pair.app, 'zhao', 'zhao-password', 'ws-lead'),
    pair.clock,
  );
  b = pair.b;
  // The lead as B knows him from GET /staff (sync.upsertStaff); here written directly.
  b.store.db
    .prepare(
      `INSERT INTO staff (id, name, roles, team, created_at) VALUES ('u-zhao', '赵组长', '["team_lead"]', NULL, 0)`,
    )
    .run();
  // Each workstation's engine runs one rule, L2, climbing after an hour unacknowledged.
  for (const ws of [a, b]) {
    const esc = ws.store.domains.escalation;
    esc.rules();
    ws.store.db.prepare('UPDATE escalation_rules SET enabled = 0').run();
    esc.saveRule({ ...SENSITIVE, climbAfterMinutes: 60 }, ws.actor, pair.clock.now());
  }
  return () => a.close();
});

const sync = async (ws: Workstation) => {
  const effects = await ws.engine.syncOnce();
  ws.store.domains.sync.refreshSyncedDeadlines(effects.caseIds, pair.clock.now());
  return effects;
};
const evaluate = (ws: Workstation) => ws.store.domains.escalation.evaluateAll(pair.clock.now());
const escalations = (ws: Workstation, caseId: string) =>
  ws.store.db
    .prepare(
      `SELECT id, rule_id AS ruleId, level, state, acknowledged_by AS acknowledgedBy FROM escalations
        WHERE case_id = ? ORDER BY raised_at, id`,
    )
    .all(caseId);
const onServer = async (caseId: string) => {
  const [row] = await pair.handle.db.query<{ escalations: SyncEscalation[] }>(
    'SELECT escalations FROM cases WHERE id = $1',
    [caseId],
  );
  return row!.escalations;
};
const serverEvents = async (caseId: string) =>
  (
    await pair.handle.db.query<{ type: string }>(
      `SELECT type FROM case_events WHERE case_id = $1 AND type LIKE 'escalation.%' ORDER BY version`,
      [caseId],
    )
  ).map((e) => e.type);
/** The lead's in-app notices on a workstation, and any left pointing at no escalation. */
const inbox = (ws: Workstation) =>
  ws.store.db
    .prepare(
      `SELECT escalation_id AS escalationId, staff_id AS staffId FROM escalation_inbox
        WHERE staff_id = 'u-zhao' OR escalation_id NOT IN (SELECT id FROM escalations)`,
    )
    .all();
const priority = (ws: Workstation, caseId: string) =>
  (ws.store.db.prepare('SELECT priority FROM cases WHERE id = ?').get(caseId) as { priority: number })
    .priority;
const outbox = (ws: Workstation) =>
  ws.store.db.prepare('SELECT name, state, last_error AS code FROM sync_outbox ORDER BY seq').all() as {
    name: string;
    state: string;
    code: string | null;
  }[];

/** A case whose description trips the rule, registered on A and known to both workstations. */
async function sensitiveCase(): Promise<string> {
  const input = registerAppealSchema.parse(
    validAppeal({ description: '快件丢失，再不处理就找记者曝光。', receivedAt: pair.clock.now() }),
  );
  const id = a.store.domains.cases.register(input, a.actor, ['handler'], pair.clock.now()).case.id;
  await sync(a);
  await sync(b);
  expect(b.row(id)).toBeDefined();
  return id;
}

describe('escalations over team sync', () => {
  it('engines on two workstations raising the same case offline escalate it once: one escalation, the same on both, no conflicts', async () => {
    const id = await sensitiveCase();
    const raisedOnA = evaluate(a).raised;
    const raisedOnB = evaluate(b).raised;
    expect(raisedOnA).toEqual([expect.objectContaining({ caseId: id, level: 2 })]);
    expect(raisedOnB).toEqual([expect.objectContaining({ caseId: id, level: 2 })]);
    expect(raisedOnA[0]!.id).not.toBe(raisedOnB[0]!.id);

    await sync(a);
    await sync(b);
    await sync(a);

    const server = await onServer(id);
    expect(server).toHaveLength(1);
    expect(server[0]).toMatchObject({
      id: raisedOnA[0]!.id,
      ruleId: 'sensitive_words',
      level: 2,
      state: 'open',
    });
    expect(await serverEvents(id)).toEqual(['escalation.raised']);
    const expected = [
      { id: raisedOnA[0]!.id, ruleId: 'sensitive_words', level: 2, state: 'open', acknowledgedBy: null },
    ];
    expect(escalations(a, id)).toEqual(expected);
    expect(escalations(b, id)).toEqual(expected);
    // The notice B's engine gave its lead follows the escalation to the server's id.
    expect(inbox(b)).toEqual([{ escalationId: raisedOnA[0]!.id, staffId: 'u-zhao' }]);
    // B's raise was answered with noop: acknowledged, no conflict for anyone.
    expect(outbox(b).filter((m) => m.name === 'escalateCase.v1')).toEqual([
      { name: 'escalateCase.v1', state: 'acked', code: null },
    ]);
    expect(b.conflicts()).toEqual([]);
    expect(a.conflicts()).toEqual([]);
    // The engine does not raise the case again on either workstation.
    expect(evaluate(b).raised).toEqual([]);
    expect(evaluate(a).raised).toEqual([]);
    expect(outbox(b).filter((m) => m.state === 'pending')).toEqual([]);
  });

  it("a lead's acknowledgement on A shows on B; B's climb made before it learned of it is refused and gives way", async () => {
    const id = await sensitiveCase();
    const [raised] = evaluate(a).raised;
    await sync(a);
    await sync(b);
    // B learned the escalation from the server and raises none of its own.
    expect(escalations(b, id)).toEqual([
      { id: raised!.id, ruleId: 'sensitive_words', level: 2, state: 'open', acknowledgedBy: null },
    ]);
    expect(evaluate(b).raised).toEqual([]);
    // B's lead is notified of it, and the case's priority raised, as if B's engine had raised it.
    expect(inbox(b)).toEqual([{ escalationId: raised!.id, staffId: 'u-zhao' }]);
    expect(priority(b, id)).toBe(2);
    expect(priority(a, id)).toBe(2);

    a.store.domains.escalation.acknowledge(raised!.id, a.actor);
    await sync(a);
    // An hour on, B (not yet synced) climbs what it still sees unacknowledged.
    pair.clock.advance(61 * MINUTE);
    expect(evaluate(b).climbed).toEqual([expect.objectContaining({ id: raised!.id, level: 3 })]);
    await sync(b);

    const acknowledged = {
      id: raised!.id,
      ruleId: 'sensitive_words',
      level: 2,
      state: 'acknowledged',
      acknowledgedBy: 'u-zhao',
    };
    expect(await onServer(id)).toEqual([expect.objectContaining({ level: 2, state: 'acknowledged' })]);
    expect(escalations(b, id)).toEqual([acknowledged]);
    expect(escalations(a, id)).toEqual([acknowledged]);
    expect(outbox(b).filter((m) => m.name === 'escalateCase.v1')).toEqual([
      { name: 'escalateCase.v1', state: 'rejected', code: 'ESCALATION_STALE' },
    ]);
    // The engine's refused climb is nobody's conflict, and an acknowledged escalation climbs no more.
    expect(b.conflicts()).toEqual([]);
    expect(evaluate(b).climbed).toEqual([]);
    expect(await serverEvents(id)).toEqual(['escalation.raised', 'escalation.acknowledged']);
  });

  it('a climb that reaches the server first raises the case to L3 on both; the L2 acknowledgement made meanwhile is the lead’s conflict', async () => {
    const id = await sensitiveCase();
    const [raised] = evaluate(a).raised;
    await sync(a);
    await sync(b);
    pair.clock.advance(61 * MINUTE);
    expect(evaluate(b).climbed).toEqual([expect.objectContaining({ id: raised!.id, level: 3 })]);
    await sync(b);
    // Meanwhile the lead, offline, acknowledged the L2 escalation he saw.
    a.store.domains.escalation.acknowledge(raised!.id, a.actor);
    await sync(a);

    expect(a.conflicts()).toEqual([expect.objectContaining({ code: 'ESCALATION_STALE', case_id: id })]);
    const climbed = {
      id: raised!.id,
      ruleId: 'sensitive_words',
      level: 3,
      state: 'open',
      acknowledgedBy: null,
    };
    expect(escalations(a, id)).toEqual([climbed]);
    expect(escalations(b, id)).toEqual([climbed]);
    expect(await serverEvents(id)).toEqual(['escalation.raised', 'escalation.climbed']);
    // A's own engine does not climb it again.
    expect(evaluate(a).climbed).toEqual([]);
  });

  it('another rule of the same level raises nothing more on a case the team escalated (the server would answer noop)', async () => {
    const id = await sensitiveCase();
    const [raised] = evaluate(a).raised;
    await sync(a);
    await sync(b);
    // The claim-amount rule (L2) on B, for a claim over its threshold.
    const claim = DEFAULT_RULES.find((r) => r.id === 'claim_amount')!;
    b.store.domains.escalation.saveRule(
      { ...claim, params: { kind: 'claim_amount', thresholdFen: 100 } },
      b.actor,
    );
    expect(evaluate(b).raised).toEqual([]);
    expect(escalations(b, id)).toEqual([expect.objectContaining({ id: raised!.id })]);
    // Once the lead resolves it, the other rule's condition is new to the team and raises.
    a.store.domains.escalation.resolve(raised!.id, '已回电安抚', a.actor);
    await sync(a);
    await sync(b);
    expect(evaluate(b).raised).toEqual([
      expect.objectContaining({ caseId: id, ruleId: 'claim_amount', level: 2 }),
    ]);
    await sync(b);
    expect((await onServer(id)).map((e) => [e.ruleId, e.state])).toEqual([
      ['sensitive_words', 'resolved'],
      ['claim_amount', 'open'],
    ]);
  });

  it('a case closed on A has its escalation resolved on the server and on B', async () => {
    const id = await sensitiveCase();
    const [raised] = evaluate(a).raised;
    await sync(a);
    await sync(b);
    a.store.domains.cases.transition(
      { caseId: id, transition: 'withdraw', data: { channel: 'phone_12305' } },
      a.actor,
      ['handler'],
      pair.clock.now(),
    );
    await sync(a);
    await sync(b);
    expect((await onServer(id))[0]).toMatchObject({ state: 'resolved', resolvedBy: 'system' });
    const row = (ws: Workstation) =>
      ws.store.db
        .prepare('SELECT state, resolved_by AS resolvedBy FROM escalations WHERE id = ?')
        .get(raised!.id);
    expect(row(b)).toEqual({ state: 'resolved', resolvedBy: 'system' });
    expect(row(a)).toEqual({ state: 'resolved', resolvedBy: 'system' });
  });

  it("a handler's acknowledgement is refused by the server: B shows the server's escalation again", async () => {
    const id = await sensitiveCase();
    const [raised] = evaluate(a).raised;
    await sync(a);
    await sync(b);
    b.store.domains.escalation.acknowledge(raised!.id, b.actor);
    expect(escalations(b, id)).toEqual([expect.objectContaining({ state: 'acknowledged' })]);
    await sync(b);
    expect(b.conflicts()).toEqual([expect.objectContaining({ code: 'FORBIDDEN', case_id: id })]);
    expect(escalations(b, id)).toEqual([expect.objectContaining({ id: raised!.id, state: 'open' })]);
    expect((await onServer(id))[0]).toMatchObject({ state: 'open', acknowledgedBy: null });
  });
});
