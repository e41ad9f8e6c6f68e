import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deskEvents, verifyDeskTrail } from '../../../main/store/audit';
import { StoreService } from '../../../main/store/service';
import { DEFAULT_RULES, type EscalationRule } from '../../../shared/escalation/rules';
import { validAppeal } from '../../support/appeals';
import { tempDir } from '../../support/temp';

const handler = { staffId: 'h-a', workstation: 'ws' };
const admin = { staffId: 'admin', workstation: 'ws' };
const sh = (iso: string) => Date.parse(`${iso}+08:00`);

let dir: ReturnType<typeof tempDir>;
let store: StoreService;
beforeEach(() => {
  dir = tempDir();
  store = StoreService.open({ file: join(dir.path, 'desk.sqlite') });
});
afterEach(() => {
  store.close();
  dir.cleanup();
});

const esc = () => store.domains.escalation;
/** One case whose only clock is a running `limit` from `start` to `due`. */
const caseWithClock = (limit: string, start: number, due: number) => {
  const id = store.domains.cases.register(validAppeal(), handler, ['handler']).case.id;
  store.db.prepare('DELETE FROM case_deadlines WHERE case_id = ?').run(id);
  store.db
    .prepare(
      `INSERT INTO case_deadlines (case_id, limit_name, started_at, due_at, due_date, state, provisional, next)
       VALUES (?, ?, ?, ?, '', 'running', 0, 1)`,
    )
    .run(id, limit, start, due);
  return id;
};
const shareRule: EscalationRule = {
  ...DEFAULT_RULES.find((r) => r.id === 'pre_breach.4h')!,
  id: 'pre_breach.share',
  params: { kind: 'pre_breach', limits: [], periodPercent: 50, officeHours: { start: 510, end: 1050 } },
};
const raised = (caseId: string) =>
  store.db
    .prepare('SELECT rule_id AS ruleId, condition, evidence FROM escalations WHERE case_id = ?')
    .all(caseId) as { ruleId: string; condition: string; evidence: string }[];

describe('pre-breach rule with a share of the period', () => {
  beforeEach(() => {
    esc().rules();
    store.db.prepare('UPDATE escalation_rules SET enabled = 0').run();
    esc().saveRule(shareRule, admin);
  });

  it('raises once half the working time across National Day is used, not half the days', () => {
    const due = sh('2026-10-09T17:30');
    const id = caseWithClock('carrier_reply', sh('2026-09-30T08:30'), due);
    esc().evaluateCase(id, sh('2026-10-05T12:00'));
    esc().evaluateAll(sh('2026-10-08T12:59'));
    expect(raised(id)).toEqual([]);
    esc().evaluateAll(sh('2026-10-08T13:00'));
    const [row] = raised(id);
    expect(row).toMatchObject({ ruleId: 'pre_breach.share', condition: `carrier_reply@${due}` });
    expect(JSON.parse(row!.evidence)).toEqual({
      key: 'escalation.evidence.preBreachShare',
      params: { limit: 'carrier_reply', due: '2026-10-09 17:30', percent: 50 },
    });
    // Raising is once per clock and due time.
    esc().evaluateAll(sh('2026-10-09T09:00'));
    expect(raised(id)).toHaveLength(1);
  });

  it('leaves rows without a start time (written before the column existed) and overdue clocks alone', () => {
    const noStart = caseWithClock('callback', sh('2026-11-02T08:30'), sh('2026-11-03T17:30'));
    store.db.prepare('UPDATE case_deadlines SET started_at = NULL WHERE case_id = ?').run(noStart);
    const overdue = caseWithClock('callback', sh('2026-11-02T08:30'), sh('2026-11-02T17:30'));
    esc().evaluateAll(sh('2026-11-03T12:00'));
    expect(raised(noStart)).toEqual([]);
    expect(raised(overdue)).toEqual([]);
  });

  it('records the administrator’s edit in the desk audit trail, not in the sync outbox', () => {
    const saved = deskEvents(store.db, 'escalationRuleSaved');
    expect(saved.map((e) => [e.actorId, (e.data as EscalationRule).id])).toEqual([
      ['admin', 'pre_breach.share'],
    ]);
    expect(verifyDeskTrail(store.db).brokenAt).toBeNull();
    // The team server does not know saveEscalationRule yet.
    expect(
      store.db.prepare("SELECT COUNT(*) AS n FROM sync_outbox WHERE name = 'saveEscalationRule.v1'").get(),
    ).toEqual({
      n: 0,
    });
  });

  it('applies only to the clocks it names', () => {
    store.db.prepare('UPDATE escalation_rules SET enabled = 0').run();
    esc().saveRule({ ...shareRule, params: { ...shareRule.params, limits: ['overall_answer'] } }, admin);
    const id = caseWithClock('callback', sh('2026-11-02T08:30'), sh('2026-11-03T17:30'));
    esc().evaluateAll(sh('2026-11-03T12:00'));
    expect(raised(id)).toEqual([]);
  });
});
