import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditTrail } from '../../../main/store/audit';
import { StoreService } from '../../../main/store/service';
import type { Role } from '../../../shared/domain/roles';
import type { RegisterAppealInput } from '../../../shared/domain/appeal';
import { DEFAULT_RULES, type EscalationRule } from '../../../shared/escalation/rules';
import { validAppeal } from '../../support/appeals';
import { tempDir } from '../../support/temp';

const H: Role[] = ['handler'];
const handler = { staffId: 'h-a', workstation: 'ws' };
/** Shanghai wall time → epoch ms. */
const sh = (iso: string) => Date.parse(`${iso}+08:00`);

let dir: ReturnType<typeof tempDir>;
let store: StoreService;

const esc = () => store.domains.escalation;
const register = (o: Partial<RegisterAppealInput> = {}) =>
  store.domains.cases.register(validAppeal(o), handler, H).case.id;
/** Replaces a case's clocks with one running clock due at `dueAt`. */
const clock = (caseId: string, limit: string, dueAt: number) => {
  store.db.prepare('DELETE FROM case_deadlines WHERE case_id = ?').run(caseId);
  store.db
    .prepare(
      `INSERT INTO case_deadlines (case_id, limit_name, due_at, due_date, state, provisional, next) VALUES (?, ?, ?, '', 'running', 0, 1)`,
    )
    .run(caseId, limit, dueAt);
};
/** Only the given rules, enabled: each test looks at one rule at a time. */
const only = (...rules: EscalationRule[]) => {
  esc().rules();
  store.db.prepare('UPDATE escalation_rules SET enabled = 0').run();
  for (const r of rules) esc().saveRule(r, { staffId: 'admin', workstation: 'ws' });
};
const rule = (id: string, patch: Partial<EscalationRule> = {}): EscalationRule => ({
  ...DEFAULT_RULES.find((r) => r.id === id)!,
  ...patch,
});
const raisedFor = (caseId: string) =>
  store.db
    .prepare(
      'SELECT rule_id AS ruleId, level, condition FROM escalations WHERE case_id = ? ORDER BY raised_at, rule_id',
    )
    .all(caseId) as { ruleId: string; level: number; condition: string }[];

beforeEach(() => {
  dir = tempDir();
  store = StoreService.open({ file: join(dir.path, 'desk.sqlite') });
  const add = store.db.prepare(
    'INSERT INTO staff (id, name, roles, team, created_at) VALUES (?, ?, ?, ?, 0)',
  );
  add.run('h-a', '张承办', JSON.stringify(['handler']), 't1');
  add.run('lead', '王组长', JSON.stringify(['team_lead']), 't1');
  add.run('lead2', '赵组长', JSON.stringify(['team_lead']), 't2');
  add.run('head', '主任', JSON.stringify(['admin']), null);
});
afterEach(() => {
  store.close();
  dir.cleanup();
});

describe('rules', () => {
  it('pre-breach fires 4 working hours before due, counting no hours in the National Day holiday', () => {
    only(rule('pre_breach.4h'));
    const id = register();
    // Due Thu 2026-10-08 10:30: 2 h that morning + 2 h on Wed 30 Sep (15:30–17:30); 1–7 Oct are holidays.
    clock(id, 'acceptance', sh('2026-10-08T10:30:00'));
    expect(esc().evaluateAll(sh('2026-09-30T15:29:00')).raised).toHaveLength(0);
    const r = esc().evaluateAll(sh('2026-09-30T15:30:00')).raised;
    expect(r).toEqual([expect.objectContaining({ ruleId: 'pre_breach.4h', caseId: id, level: 1 })]);
    expect(esc().evaluateAll(sh('2026-10-05T12:00:00')).raised).toHaveLength(0);
    expect(raisedFor(id)).toEqual([
      { ruleId: 'pre_breach.4h', level: 1, condition: `acceptance@${sh('2026-10-08T10:30:00')}` },
    ]);
  });

  it('breach fires once when the clock runs out, and again only for a new due time', () => {
    only(rule('breach', { climbAfterMinutes: 0 }));
    const id = register();
    clock(id, 'acceptance', sh('2026-12-01T17:30:00'));
    expect(esc().evaluateAll(sh('2026-12-01T17:29:00')).raised).toHaveLength(0);
    expect(esc().evaluateAll(sh('2026-12-01T17:30:00')).raised).toHaveLength(1);
    expect(esc().evaluateAll(sh('2026-12-02T09:00:00')).raised).toHaveLength(0);
    expect(esc().evaluateCase(id, sh('2026-12-02T09:00:00')).raised).toHaveLength(0);
    clock(id, 'overall_answer', sh('2026-12-03T17:30:00'));
    expect(esc().evaluateAll(sh('2026-12-04T09:00:00')).raised).toHaveLength(1);
  });

  it('carrier reply overdue fires only for the carrier_reply clock', () => {
    only(rule('carrier_overdue'));
    const a = register();
    const b = register({ waybillNo: 'SF1234567890999' });
    clock(a, 'carrier_reply', sh('2026-12-01T12:00:00'));
    clock(b, 'acceptance', sh('2026-12-01T12:00:00'));
    const r = esc().evaluateAll(sh('2026-12-02T12:00:00')).raised;
    expect(r.map((x) => x.caseId)).toEqual([a]);
    expect(esc().evaluateAll(sh('2026-12-03T12:00:00')).raised).toHaveLength(0);
  });

  it('repeated appeals: the third appeal about one waybill raises it on each open case, once', () => {
    only(rule('repeat_appeals', { params: { kind: 'repeat_appeals', days: 30, minCount: 3 } }));
    const phones = ['13900000001', '13900000002', '13900000003'];
    const ids = phones.map((phone, i) => {
      const id = register({ appellant: { name: '甲', phone, role: 'recipient' } });
      if (i === 1) expect(esc().evaluateAll(Date.now()).raised).toHaveLength(0);
      return id;
    });
    const r = esc().evaluateAll(Date.now()).raised;
    expect(r.map((x) => x.caseId).sort()).toEqual([...ids].sort());
    expect(esc().evaluateAll(Date.now()).raised).toHaveLength(0);
  });

  it('repeated appeals by the same phone about different waybills', () => {
    only(rule('repeat_appeals', { params: { kind: 'repeat_appeals', days: 30, minCount: 2 } }));
    register({ waybillNo: 'SF1234567890001' });
    register({ waybillNo: 'SF1234567890002' });
    const r = esc().evaluateAll(Date.now()).raised;
    expect(r).toHaveLength(2);
    const conditions = store.db.prepare('SELECT DISTINCT condition FROM escalations').all() as {
      condition: string;
    }[];
    // The phone is personal data: it appears in neither the condition nor the evidence.
    expect(conditions).toEqual([{ condition: 'phone' }]);
    expect(JSON.stringify(store.db.prepare('SELECT evidence FROM escalations').all())).not.toContain('139');
  });

  it('sensitive words: names the words found, fires once', () => {
    only(rule('sensitive_words'));
    const hit = register({ description: '再不处理我就找记者曝光，联系媒体。', waybillNo: 'SF1234567890111' });
    register({ waybillNo: 'SF1234567890222' });
    const r = esc().evaluateAll(Date.now()).raised;
    expect(r.map((x) => x.caseId)).toEqual([hit]);
    const row = esc().list({ states: ['open'], limit: 10 }).rows[0]!;
    expect(row.evidence).toEqual({
      key: 'escalation.evidence.sensitiveWords',
      params: { words: '媒体、记者、曝光' },
    });
    expect(esc().evaluateAll(Date.now()).raised).toHaveLength(0);
  });

  it('claim amount over the threshold raises priority, audited with the rule and evidence', () => {
    only(
      rule('claim_amount', {
        params: { kind: 'claim_amount', thresholdFen: 100_000 },
        actions: ['notify', 'raise_priority'],
      }),
    );
    const big = register({ demandAmountYuan: 1500 });
    register({ demandAmountYuan: 999, waybillNo: 'SF1234567890333' });
    store.db.prepare('UPDATE cases SET assignee_id = ? WHERE id = ?').run('h-a', big);
    expect(
      esc()
        .evaluateAll(Date.now())
        .raised.map((x) => x.caseId),
    ).toEqual([big]);
    expect(store.db.prepare('SELECT priority FROM cases WHERE id = ?').get(big)).toEqual({ priority: 2 });
    const ev = store.db
      .prepare(`SELECT data FROM case_events WHERE case_id = ? AND type = 'escalation.raised'`)
      .get(big) as { data: string };
    expect(JSON.parse(ev.data)).toMatchObject({
      rule: 'claim_amount',
      level: 2,
      evidence: {
        key: 'escalation.evidence.claimAmount',
        params: { amount: '1500.00', threshold: '1000.00' },
      },
      priority: { from: 0, to: 2 },
    });
    expect(verifyAuditTrail(store.db)).toMatchObject({ firstBreak: null });
    // L2 notifies the team lead of the handler's team only.
    expect(esc().inbox('lead', 10)).toHaveLength(1);
    expect(esc().inbox('lead2', 10)).toHaveLength(0);
  });

  it('transfer rounds: fires for a case flagged transferRoundsExceeded at L3 and notifies the head of centre', () => {
    only(rule('transfer_rounds'));
    const id = register();
    store.db
      .prepare('UPDATE cases SET transfer_rounds_exceeded = 1, assignee_id = ? WHERE id = ?')
      .run('h-a', id);
    expect(esc().evaluateCase(id, Date.now()).raised).toEqual([expect.objectContaining({ level: 3 })]);
    expect(esc().inbox('head', 10)).toHaveLength(1);
    expect(esc().inbox('lead', 10)).toHaveLength(0);
    expect(esc().evaluateAll(Date.now()).raised).toHaveLength(0);
  });

  it('outlet pile-up: the K-th appeal of the week at one outlet raises it once', () => {
    only(rule('outlet_pileup', { params: { kind: 'outlet_pileup', minCount: 3 } }));
    // All four in the same millisecond: registration order (the case number) decides which is the K-th.
    const at = Date.now();
    const ids = [1, 2, 3, 4].map((i) => {
      const id = register({ waybillNo: `SF12345678904${i}0` });
      store.db.prepare(`UPDATE cases SET outlet = '杭州西湖网点', received_at = ? WHERE id = ?`).run(at, id);
      return id;
    });
    const r = esc().evaluateAll(Date.now()).raised;
    expect(r.map((x) => x.caseId)).toEqual([ids[2]]);
    expect(esc().evaluateAll(Date.now()).raised).toHaveLength(0);
  });
});

describe('a simulated clock over a small store', () => {
  it('raises pre-breach (L1), then breach (L2), which climbs to L3 unacknowledged; an acknowledged one stays', () => {
    only(rule('pre_breach.4h'), rule('breach', { climbAfterMinutes: 24 * 60 }));
    const a = register({ waybillNo: 'SF1234567890501' });
    const b = register({ waybillNo: 'SF1234567890502' });
    for (const id of [a, b]) store.db.prepare('UPDATE cases SET assignee_id = ? WHERE id = ?').run('h-a', id);
    clock(a, 'acceptance', sh('2026-12-02T12:00:00')); // Wed
    clock(b, 'acceptance', sh('2026-12-03T12:00:00')); // Thu
    const log: string[] = [];
    for (let t = sh('2026-12-01T08:00:00'); t <= sh('2026-12-06T08:00:00'); t += 3_600_000) {
      const { raised, climbed } = esc().evaluateAll(t);
      const at = new Date(t + 8 * 3_600_000).toISOString().slice(5, 13);
      for (const r of raised) log.push(`${at} ${r.caseId === a ? 'a' : 'b'} ${r.ruleId} L${r.level}`);
      for (const r of climbed) log.push(`${at} ${r.caseId === a ? 'a' : 'b'} climb L${r.level}`);
      if (raised.some((r) => r.caseId === b && r.ruleId === 'breach')) {
        const row = esc()
          .list({ states: ['open'], limit: 10 })
          .rows.find((e) => e.caseId === b && e.ruleId === 'breach')!;
        esc().acknowledge(row.id, { staffId: 'lead', workstation: 'ws' });
      }
    }
    expect(log).toEqual([
      // 4 working hours before 12:00 Wed is 16:30 Tue (08:30–17:30 office hours): the 17:00 tick.
      '12-01T17 a pre_breach.4h L1',
      '12-02T12 a breach L2',
      '12-02T17 b pre_breach.4h L1',
      '12-03T12 b breach L2',
      '12-03T12 a climb L3',
    ]);
    expect(esc().inbox('head', 10)).toHaveLength(1);
    expect(
      esc()
        .list({ states: ['acknowledged'], limit: 10 })
        .rows.map((r) => r.caseId),
    ).toEqual([b]);
  });
});
