import Database from 'better-sqlite3';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditTrail } from '../../../main/store/audit';
import type { CaseDetail, CaseEventView, RegisterResult } from '../../../shared/rpc/dto';
import { validAppeal } from '../../support/appeals';
import { useTestApp, value } from '../../support/app';

const desk = useTestApp();
let caseId: string;

beforeEach(async () => {
  caseId = value<RegisterResult>(await desk.app.call('cases.register', validAppeal())).case.id;
});

const move = (transition: string, data: unknown = {}, expectedStatus?: string) =>
  desk.app.call('cases.transition', {
    caseId,
    transition,
    data,
    ...(expectedStatus ? { expectedStatus } : {}),
  });

const carrierReply = {
  investigationResult: '经核实，快件在末端网点丢失。',
  carrierResponsible: true,
  responsibleUnit: '顺丰速运杭州西湖网点',
  compensationYuan: 300,
  userSatisfied: false,
  handlerName: '李客服',
  handlerPhone: '13800138000',
};

const closure = {
  closureReason: 'resolved',
  validAppeal: true,
  responsibleUnit: '顺丰速运杭州西湖网点',
  satisfaction: { carrier: 'satisfied', administration: 'satisfied' },
  recoveredYuan: 300,
  carrierReplyUntruthful: false,
};

describe('case lifecycle through RPC', () => {
  it('takes an appeal from registration to closure and records every step', async () => {
    const registered = value<CaseDetail>(await desk.app.call('cases.get', { id: caseId }));
    expect(registered.available).toEqual(expect.arrayContaining(['accept', 'not_accept', 'withdraw']));
    expect(registered.available).not.toContain('close');

    value(await move('accept', {}, 'registered'));
    value(await move('transfer', { carrierId: 'sf', outlet: '杭州西湖网点' }));
    value(await move('record_carrier_reply', carrierReply));
    value(await move('start_callback'));
    const closed = value<CaseDetail>(await move('close', closure));
    expect(closed.status).toBe('closed');
    expect(closed.lifecycle.transferCount).toBe(1);
    expect(closed.available).toEqual(['reopen']);

    const history = value<CaseEventView[]>(await desk.app.call('cases.history', { id: caseId }));
    expect(history.map((e) => e.type)).toEqual([
      'transition.register',
      'transition.accept',
      'transition.transfer',
      'transition.record_carrier_reply',
      'transition.start_callback',
      'transition.close',
    ]);
    expect(history.at(-1)).toMatchObject({ status: 'closed', actorName: '本机操作员' });
    expect(value<{ count: number }>(await desk.app.call('cases.count', { view: 'closed' })).count).toBe(1);
    expect(value<{ count: number }>(await desk.app.call('cases.count', { view: 'open' })).count).toBe(0);
  });

  it('refuses a transition from the wrong status with a clear reason, changing nothing', async () => {
    const result = await move('close', closure);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    expect(!result.ok && result.error.message).toMatch(/登记|registered/);
    expect(value<CaseEventView[]>(await desk.app.call('cases.history', { id: caseId }))).toHaveLength(1);
  });

  it('refuses missing transition data field by field', async () => {
    const result = await move('not_accept', { noticeMethod: 'phone' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(!result.ok && result.error.details?.fields?.map((f) => f.path)).toContain('data.reason');
  });

  it('refuses when someone else moved the case since the user looked at it', async () => {
    value(await move('accept'));
    expect(
      await move('not_accept', { reason: 'duplicate', noticeMethod: 'phone' }, 'registered'),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('keeps the audit chain verifiable, and detects a truncated chain', async () => {
    value(await move('accept'));
    value(await move('transfer', { carrierId: 'sf' }));
    await desk.restart(() => {
      const db = new Database(join(desk.dataDir, 'desk.sqlite'));
      expect(verifyAuditTrail(db).firstBreak).toBeNull();
      db.exec('DROP TRIGGER case_events_no_delete; DELETE FROM case_events WHERE seq = 3');
      expect(verifyAuditTrail(db).firstBreak).toMatchObject({ caseId, problem: 'truncated' });
      db.close();
    });
  });
});

describe('sync outbox', () => {
  it('records each intent in the same transaction as its change, gap-free, and nothing for a refusal', async () => {
    value(await move('accept'));
    expect(await move('close', closure)).toMatchObject({ ok: false });
    await desk.restart(() => {
      const db = new Database(join(desk.dataDir, 'desk.sqlite'), { readonly: true });
      const rows = db
        .prepare('SELECT seq, name, case_id AS caseId, state FROM sync_outbox ORDER BY seq')
        .all();
      db.close();
      expect(rows).toEqual([
        { seq: 1, name: 'createCase.v1', caseId, state: 'pending' },
        { seq: 2, name: 'transitionStatus.v1', caseId, state: 'pending' },
      ]);
    });
  });
});
