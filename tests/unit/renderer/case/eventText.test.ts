import { describe, expect, it } from 'vitest';
import type { CaseEventView } from '../../../../shared/rpc/dto';
import { eventDetails, eventName, recordedData } from '../../../../renderer/src/case/eventText';
import { createI18n } from '../../../../renderer/src/i18n';
import type { Translator } from '../../../../renderer/src/forms/fieldErrors';

function translator(locale: 'zh-CN' | 'en'): Translator {
  const i18n = createI18n(locale);
  return { exists: (key) => i18n.exists(key), t: (key, params) => i18n.t(key, params) };
}
const zh = translator('zh-CN');
const en = translator('en');
const carrierName = (id: string) => (id === 'sf' ? '顺丰速运' : '');

/** As main stores a transition: the data the form sent, wrapped with the statuses and counter changes. */
function transition(name: string, data: Record<string, unknown>): Pick<CaseEventView, 'type' | 'data'> {
  return {
    type: `transition.${name}`,
    data: { from: 'accepted', to: 'transferred', data, changes: { transferCount: [0, 1] } },
  };
}

/** As main stored a transition before the counter changes: with the whole state before and after. */
function olderTransition(name: string, data: Record<string, unknown>): Pick<CaseEventView, 'type' | 'data'> {
  const state = { status: 'accepted', transferCount: 0 };
  return {
    type: `transition.${name}`,
    data: { from: 'registered', to: 'accepted', data, before: state, after: state },
  };
}

const lines = (event: Pick<CaseEventView, 'type' | 'data'>, t = zh) =>
  eventDetails(event, { translator: t, carrierName }).map((l) => `${l.label}：${l.value}`);

describe('timeline entries', () => {
  it('are named by their transition, and unknown types show as stored', () => {
    expect(eventName('transition.accept', zh)).toBe('受理');
    expect(eventName('transition.record_carrier_reply', en)).toBe('Record the carrier’s reply');
    expect(eventName('demo.unknown_fact', zh)).toBe('demo.unknown_fact');
  });

  it('unwrap the transition data and leave out the state snapshots', () => {
    expect(recordedData(transition('accept', { noticeMethod: 'phone' }))).toEqual({ noticeMethod: 'phone' });
    expect(lines(transition('accept', { noticeMethod: 'phone' }))).toEqual(['告知方式：电话']);
    expect(recordedData(olderTransition('accept', { noticeMethod: 'phone' }))).toEqual({
      noticeMethod: 'phone',
    });
    expect(lines(olderTransition('accept', { noticeMethod: 'phone' }))).toEqual(['告知方式：电话']);
    // A transition with empty data shows nothing, not its wrapper.
    expect(
      lines({ type: 'transition.start_callback', data: { from: 'verifying', to: 'callback', data: {} } }),
    ).toEqual([]);
  });

  it('show registration data without what the header already shows', () => {
    const register = { type: 'transition.register', data: { caseNo: 'SS1', channel: 'web', receivedAt: 1 } };
    expect(lines(register)).toEqual(['渠道：网上申诉']);
  });

  it('label coded reasons by the transition that recorded them', () => {
    expect(lines(transition('not_accept', { reason: 'duplicate', noticeMethod: 'sms' }))).toEqual([
      '原因：重复申诉',
      '告知方式：短信',
    ]);
    expect(lines(transition('rehandle', { reason: 'reply_incomplete' }), en)).toEqual([
      'Reason：The carrier’s reply is incomplete',
    ]);
    // A reopen reason is what the handler typed.
    expect(lines(transition('reopen', { reason: '用户补充了新的证据' }))).toEqual([
      '原因：用户补充了新的证据',
    ]);
  });

  it('spell out yes/no, amounts, carriers and nested satisfaction', () => {
    expect(
      lines(
        transition('close', {
          closureReason: 'resolved',
          validAppeal: true,
          satisfaction: { carrier: 'satisfied', administration: 'unknown' },
          recoveredYuan: 120.5,
          carrierReplyUntruthful: false,
        }),
      ),
    ).toEqual([
      '结案原因：已解决',
      '有效申诉：是',
      '对企业满意度：满意',
      '对管理部门满意度：未知',
      '挽回经济损失：120.5 元',
      '企业未如实答复：否',
    ]);
    expect(lines(transition('transfer', { carrierId: 'sf' }))).toEqual(['寄递企业：顺丰速运']);
    expect(lines(transition('transfer', { carrierId: 'gone' }))).toEqual(['寄递企业：gone']);
  });

  it('keep typed text as it is, markup included, and flag long text', () => {
    const typed = '<b>未送达</b>\n'.repeat(10);
    const [line] = eventDetails(transition('withdraw', { detail: typed }), { translator: zh, carrierName });
    expect(line).toMatchObject({ label: '说明', value: typed, long: true });
  });

  it('show fields the catalogue does not know by their name', () => {
    expect(lines({ type: 'mediation.opinion_issued', data: { opinion: '双方各承担一半', days: 3 } })).toEqual(
      ['opinion：双方各承担一半', 'days：3'],
    );
  });
});
