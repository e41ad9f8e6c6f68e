import { beforeEach, describe, expect, it } from 'vitest';
import type { CaseworkView, Revealed } from '../../../shared/casework/dto';
import type { CaseDetail, RegisterResult } from '../../../shared/rpc/dto';
import { validAppeal } from '../../support/appeals';
import { useTestApp, value } from '../../support/app';

const desk = useTestApp();
let caseId: string;

beforeEach(async () => {
  caseId = value<RegisterResult>(await desk.app.call('cases.register', validAppeal())).case.id;
});

describe('casework over RPC', () => {
  it('claims, notes and reveals through the router; the drawer view reflects it', async () => {
    value(await desk.app.call('casework.claim', { caseId }));
    value(await desk.app.call('casework.addNote', { caseId, body: '  已致电网点  ' }));
    const view = value<CaseworkView>(await desk.app.call('casework.view', { caseId }));
    expect(view).toMatchObject({ assigneeId: 'local-operator', assigneeName: '本机操作员', mayReveal: true });
    expect(view.notes.map((n) => n.body)).toEqual(['已致电网点']);
    expect(value<Revealed>(await desk.app.call('casework.reveal', { caseId, field: 'phone' }))).toEqual({
      field: 'phone',
      value: '13912345678',
    });
    // The case itself still leaves the store masked.
    expect(value<CaseDetail>(await desk.app.call('cases.get', { id: caseId })).appellantPhone).toBe(
      '139****5678',
    );
  });

  it('gives field errors for a bad contact entry in both languages, saving nothing', async () => {
    const bad = await desk.app.call('casework.logContact', {
      caseId,
      calledAt: 2_000,
      outcome: 'busy',
      nextAttemptAt: 1_000,
    });
    expect(bad).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        details: { fields: [{ path: 'nextAttemptAt', message: '下次联系时间应晚于本次通话时间' }] },
      },
    });
    value(await desk.app.call('session.setLocale', { locale: 'en' }));
    const english = await desk.app.call('casework.logContact', {
      caseId,
      calledAt: 2_000,
      outcome: 'busy',
      nextAttemptAt: 1_000,
    });
    expect(!english.ok && english.error.details?.fields?.[0]?.message).toBe(
      'The next attempt must be after this call',
    );
    const view = value<CaseworkView>(await desk.app.call('casework.view', { caseId }));
    expect(view.contacts).toEqual([]);
  });

  it('answers a transition from a stale screen with CONFLICT', async () => {
    value(
      await desk.app.call('cases.transition', {
        caseId,
        transition: 'accept',
        data: {},
        expectedStatus: 'registered',
      }),
    );
    const stale = await desk.app.call('cases.transition', {
      caseId,
      transition: 'accept',
      data: {},
      expectedStatus: 'registered',
    });
    expect(stale).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '记录已被他人修改，请刷新后重试' },
    });
  });
});
