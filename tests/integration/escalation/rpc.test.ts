import { describe, expect, it } from 'vitest';
import type { CalendarDay, DeadlineBoard, EscalationList } from '../../../shared/escalation/dto';
import type { RegisterResult } from '../../../shared/rpc/dto';
import { validAppeal } from '../../support/appeals';
import { useTestApp, value } from '../../support/app';

const desk = useTestApp();

const escalations = async (input: object = {}) =>
  value<EscalationList>(await desk.app.call('leads.escalations', input));

/** The runner evaluates a changed case after the change is committed: wait for it. */
async function until<T>(fn: () => Promise<T>, ok: (t: T) => boolean): Promise<T> {
  for (let i = 0; i < 100; i++) {
    const t = await fn();
    if (ok(t)) return t;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not reached in 5 s');
}

describe('leads over RPC', () => {
  it('a registered case with a sensitive description is escalated on the change, pushed at L2, then acknowledged and resolved', async () => {
    const pushed: unknown[] = [];
    desk.app.escalations.on('raised', (p) => pushed.push(p));
    const { id } = value<RegisterResult>(
      await desk.app.call(
        'cases.register',
        validAppeal({ description: '再不赔偿我就找媒体曝光。', demandAmountYuan: 100 }),
      ),
    ).case;
    const list = await until(escalations, (l) => l.rows.length > 0);
    expect(list.rows).toEqual([
      expect.objectContaining({
        caseId: id,
        ruleId: 'sensitive_words',
        kind: 'sensitive_words',
        level: 2,
        state: 'open',
        evidence: { key: 'escalation.evidence.sensitiveWords', params: { words: '媒体、曝光' } },
      }),
    ]);
    expect(list.byLevel).toEqual({ 1: 0, 2: 1, 3: 0 });
    expect(pushed).toEqual([{ count: 1, items: [expect.objectContaining({ caseId: id, level: 2 })] }]);

    const escId = list.rows[0]!.id;
    value(await desk.app.call('leads.acknowledge', { id: escId }));
    expect((await escalations()).rows[0]).toMatchObject({
      state: 'acknowledged',
      acknowledgedBy: 'local-operator',
    });
    value(await desk.app.call('leads.resolve', { id: escId, note: '已回电安抚，承诺三日内答复' }));
    expect((await escalations()).rows).toEqual([]);
    expect((await escalations({ states: ['resolved'] })).rows[0]).toMatchObject({
      resolutionNote: '已回电安抚，承诺三日内答复',
    });
    const again = await desk.app.call('leads.acknowledge', { id: escId });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('the deadline board lists the new case’s next clock with counts and workload; the calendar strip has 4 weeks', async () => {
    const { id } = value<RegisterResult>(await desk.app.call('cases.register', validAppeal())).case;
    const board = value<DeadlineBoard>(await desk.app.call('leads.board', {}));
    expect(board.clocks).toEqual([expect.objectContaining({ caseId: id, urgency: expect.any(String) })]);
    const total = Object.values(board.counts).reduce((a, b) => a + b, 0);
    expect(total).toBe(1);
    expect(board.workload).toEqual([expect.objectContaining({ open: 1 })]);
    const filtered = value<DeadlineBoard>(await desk.app.call('leads.board', { carrierId: 'ems' }));
    expect(filtered.clocks).toEqual([]);
    const days = value<CalendarDay[]>(await desk.app.call('leads.calendar', { weeks: 4 }));
    expect(days).toHaveLength(28);
    expect(days.filter((d) => d.kind === 'weekend' || d.kind === 'holiday').length).toBeGreaterThanOrEqual(6);
  });

  it('refuses a rule with invalid parameters and saves a valid edit', async () => {
    const rules = value<{ id: string }[]>(await desk.app.call('leads.rules', {}));
    expect(rules.map((r) => r.id)).toContain('claim_amount');
    const bad = await desk.app.call('leads.saveRule', {
      id: 'claim_amount',
      level: 2,
      enabled: true,
      params: { kind: 'claim_amount', thresholdFen: -5 },
      actions: ['notify'],
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const good = await desk.app.call('leads.saveRule', {
      id: 'claim_amount',
      level: 3,
      enabled: true,
      params: { kind: 'claim_amount', thresholdFen: 10_000 },
      actions: ['notify', 'raise_priority'],
    });
    expect(good).toMatchObject({ ok: true, value: { level: 3, params: { thresholdFen: 10_000 } } });
  });
});
