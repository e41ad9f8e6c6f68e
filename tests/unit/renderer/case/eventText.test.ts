import { describe, expect, it } from 'vitest';
import type { CaseEventView } from '../../../../shared/rpc/dto';
import {
  eventDetails,
  eventName,
  recordedData,
  type DetailContext,
} from '../../../../renderer/src/case/eventText';
import { createI18n } from '../../../../renderer/src/i18n';
import type { Translator } from '../../../../renderer/src/forms/fieldErrors';

function translator(locale: 'zh-CN' | 'en'): Translator {
  const i18n = createI18n(locale);
  return { exists: (key) => i18n.exists(key), t: (key, params) => i18n.t(key, params) };
}
const zh = translator('zh-CN');
const en = translator('en');
const carrierName = (id: string) => (id === 'sf' ? '顺丰速运' : '');
const staffName = (id: string) => (id === 'staff-h001' ? '王芳' : id === 'staff-l001' ? '李组长' : id);
const caseNo = (id: string) => (id === 'case-2' ? 'SS20260305000002' : '');
const context = (t: Translator): DetailContext => ({
  translator: t,
  locale: t === en ? 'en' : 'zh-CN',
  carrierName,
  staffName,
  caseNo,
});

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
  eventDetails(event, context(t)).map((l) => `${l.label}：${l.value}`);
const UUID = '6f1c2a9e-0b7d-4c1e-9a53-2f8e4d7b1c60';
/** 2026-03-05 10:30 in Shanghai. */
const AT = Date.UTC(2026, 2, 5, 2, 30);
/** The same entry in both UI languages. */
const both = (type: string, data: unknown) => ({ zh: lines({ type, data }), en: lines({ type, data }, en) });

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
    // As main records it now: with the rule profile, which the clocks section names.
    const profiled = { ...register, data: { ...register.data, profile: { id: 'current', version: 2 } } };
    expect(lines(profiled, en)).toEqual(['Channel：Web form']);
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
    const [line] = eventDetails(transition('withdraw', { detail: typed }), context(zh));
    expect(line).toMatchObject({ label: '说明', value: typed, long: true });
  });

  it('show fields the catalogue does not know by their name', () => {
    // An entry type from a later version, and a field a known type does not have yet.
    expect(lines({ type: 'demo.unknown_fact', data: { opinion: '双方各承担一半', days: 3 } })).toEqual([
      'opinion：双方各承担一半',
      'days：3',
    ]);
    expect(lines({ type: 'mediation.opinion_issued', data: { opinion: '双方各承担一半', days: 3 } })).toEqual(
      ['意见内容：双方各承担一半', 'days：3'],
    );
  });

  it('say who an assignment moved the case from and to, by name', () => {
    expect(both('case.claimed', { from: null, to: 'staff-h001' })).toEqual({
      zh: ['原承办人：未分配', '新承办人：王芳'],
      en: ['Handler before：Unassigned', 'Handler after：王芳'],
    });
    expect(both('case.assigned', { from: 'staff-h001', to: 'staff-l001' }).zh).toEqual([
      '原承办人：王芳',
      '新承办人：李组长',
    ]);
    // Someone the reference data no longer lists shows by id rather than not at all.
    expect(both('case.released', { from: 'staff-gone', to: null })).toEqual({
      zh: ['原承办人：staff-gone', '新承办人：未分配'],
      en: ['Handler before：staff-gone', 'Handler after：Unassigned'],
    });
    expect(eventName('case.released', en)).toBe('Released');
  });

  it('spell out notes, calls, links, tags and reveals without internal ids', () => {
    expect(both('note.added', { noteId: UUID, length: 42 })).toEqual({
      zh: ['字数：42'],
      en: ['Length (characters)：42'],
    });
    const call = {
      contactId: UUID,
      calledAt: AT,
      outcome: 'no_answer',
      nextAttemptAt: AT + 2 * 3_600_000,
      note: '下午再打',
    };
    expect(both('contact.logged', call)).toEqual({
      zh: ['通话时间：2026-03-05 10:30', '结果：无人接听', '下次联系：2026-03-05 12:30', '说明：下午再打'],
      en: [
        'Called at：2026-03-05 10:30',
        'Outcome：No answer',
        'Next attempt：2026-03-05 12:30',
        'Note：下午再打',
      ],
    });
    expect(both('contact.logged', { ...call, outcome: 'reached', nextAttemptAt: null, note: null })).toEqual({
      zh: ['通话时间：2026-03-05 10:30', '结果：已接通'],
      en: ['Called at：2026-03-05 10:30', 'Outcome：Reached'],
    });
    expect(both('case.linked', { other: 'case-2', reason: 'waybill' })).toEqual({
      zh: ['关联申诉：SS20260305000002', '关联依据：同运单号'],
      en: ['Linked appeals：SS20260305000002', 'Linked because of：Same waybill'],
    });
    // Before the linked appeal's number is known, its id is not shown in its place.
    expect(both('case.linked', { other: 'case-9', reason: 'manual' })).toEqual({
      zh: ['关联依据：手动关联'],
      en: ['Linked because of：Handler’s choice'],
    });
    expect(both('tag.added', { tag: '媒体关注' })).toEqual({
      zh: ['标签：媒体关注'],
      en: ['Tags：媒体关注'],
    });
    expect(both('pii.revealed', { field: 'phone', reason: '回访' })).toEqual({
      zh: ['查看项：联系电话', '原因：回访'],
      en: ['Shown：Phone', 'Reason：回访'],
    });
  });

  it('spell out a correction of case details: which fields, and the old and new non-personal values', () => {
    expect(eventName('case.fields_edited', zh)).toBe('更正案件信息');
    expect(eventName('case.fields_edited', en)).toBe('Details corrected');
    expect(
      both('case.fields_edited', {
        fields: ['appellantPhone', 'category', 'reason', 'destProvince', 'demandAmountYuan'],
        category: { from: 'loss', to: 'delay' },
        reason: { from: 'compensation_amount', to: 'transit_delay' },
        destProvince: { from: '330000', to: '310000' },
        demandAmountYuan: { from: 300, to: null },
      }),
    ).toEqual({
      zh: [
        '更正项：联系电话、问题类别、二级原因、寄达省份、诉求金额（元）',
        '原问题类别：丢失短少',
        '新问题类别：延误',
        '原二级原因：对企业赔偿金额不满',
        '新二级原因：中转或运输延误',
        '原寄达省份：浙江省',
        '新寄达省份：上海市',
        '原诉求金额（元）：300.00 元',
        '新诉求金额（元）：无',
      ],
      en: [
        'Corrected：Phone, Problem category, Level-2 reason, Destination province, Amount claimed (yuan)',
        'Problem category before：Loss or missing contents',
        'Problem category after：Delay',
        'Level-2 reason before：Dissatisfied with the compensation amount',
        'Level-2 reason after：Transit or transport delay',
        'Destination province before：Zhejiang',
        'Destination province after：Shanghai',
        'Amount claimed (yuan) before：CNY 300.00',
        'Amount claimed (yuan) after：None',
      ],
    });
  });

  it('spell out the mediation record: changes, codes, times and amounts', () => {
    expect(both('mediation.revised', { facts: { from: '', to: '快件丢失' } })).toEqual({
      zh: ['基本事实：快件丢失'],
      en: ['Facts：快件丢失'],
    });
    expect(both('mediation.revised', { carrierPosition: { from: '只赔运费', to: '按保价赔偿' } })).toEqual({
      zh: ['原被申请人意见：只赔运费', '新被申请人意见：按保价赔偿'],
      en: ['Carrier’s position before：只赔运费', 'Carrier’s position after：按保价赔偿'],
    });
    expect(
      both('mediation.representative_set', { side: 'carrier', fields: ['name', 'phone'], replaced: false }),
    ).toEqual({
      zh: ['代表哪一方：企业代表', '记录项：姓名、电话', '替换原代表：否'],
      en: ['Representing：Carrier’s representative', 'Recorded：Name, Phone', 'Replaces an earlier one：No'],
    });
    expect(
      both('mediation.session_recorded', {
        sessionId: UUID,
        heldAt: AT,
        mode: 'in_person',
        attendees: ['appellant', 'carrier_representative', 'mediator'],
      }),
    ).toEqual({
      zh: ['调解时间：2026-03-05 10:30', '方式：现场', '参加人：申请人、企业代表、调解员'],
      en: [
        'Held at：2026-03-05 10:30',
        'Mode：In person',
        'Attendees：Appellant, Carrier’s representative, Mediator',
      ],
    });
    expect(
      both('mediation.proposal_recorded', { proposalId: UUID, by: 'carrier', amountFen: 150050 }),
    ).toEqual({
      zh: ['提出方：被申请人', '金额：1,500.50 元'],
      en: ['Proposed by：Carrier', 'Amount：CNY 1,500.50'],
    });
    expect(
      both('mediation.proposal_recorded', { proposalId: UUID, by: 'mediator', amountFen: null }).zh,
    ).toEqual(['提出方：调解员']);
    expect(both('mediation.opinion_issued', { opinion: '企业赔偿 300 元', replaces: AT })).toEqual({
      zh: ['意见内容：企业赔偿 300 元', '取代的意见出具于：2026-03-05 10:30'],
      en: ['Opinion：企业赔偿 300 元', 'Replaces the opinion of：2026-03-05 10:30'],
    });
    expect(both('mediation.opinion_issued', { opinion: '企业赔偿 300 元', replaces: null }).zh).toEqual([
      '意见内容：企业赔偿 300 元',
    ]);
    expect(
      both('mediation.agreement_recorded', { from: null, to: { terms: '赔偿 300 元', amountFen: 30000 } }),
    ).toEqual({
      zh: ['协议内容：赔偿 300 元', '金额：300.00 元'],
      en: ['Terms：赔偿 300 元', 'Amount：CNY 300.00'],
    });
    expect(
      both('mediation.agreement_recorded', {
        from: { terms: '赔偿 300 元', amountFen: 30000 },
        to: { terms: '赔偿 300 元', amountFen: 45000 },
      }),
    ).toEqual({
      zh: ['协议内容：赔偿 300 元', '原金额：300.00 元', '新金额：450.00 元'],
      en: ['Terms：赔偿 300 元', 'Amount before：CNY 300.00', 'Amount after：CNY 450.00'],
    });
    expect(both('mediation.outcome_recorded', { outcome: 'failed', note: '企业拒绝' })).toEqual({
      zh: ['结果：调解不成', '说明：企业拒绝'],
      en: ['Outcome：Failed', 'Note：企业拒绝'],
    });
    expect(
      both('mediation.exported', {
        disclosed: ['appellant.name', 'appellant.phone', 'representatives.carrier'],
      }),
    ).toEqual({
      zh: ['含个人信息：申诉人姓名、联系电话、企业代表'],
      en: ['Personal data included：Appellant name, Phone, Carrier’s representative'],
    });
  });

  it('spell out escalations: rule, level, evidence and what the engine changed', () => {
    const raised = {
      escalationId: UUID,
      rule: 'breach',
      level: 2,
      evidence: { key: 'escalation.evidence.breach', params: { limit: '受理时限', due: '2026-03-05 10:30' } },
      priority: { from: 0, to: 2 },
      assignee: { from: null, to: 'staff-l001' },
    };
    expect(both('escalation.raised', raised)).toEqual({
      zh: [
        '规则：breach',
        '级别：L2 组长',
        '触发原因：时限“受理时限”已于 2026-03-05 10:30 超期',
        '原优先级：0',
        '新优先级：2',
        '原承办人：未分配',
        '新承办人：李组长',
      ],
      en: [
        'Rule：breach',
        'Level：L2 team lead',
        'Why：Clock "受理时限" was due 2026-03-05 10:30 and is overdue',
        'Priority before：0',
        'Priority after：2',
        'Handler before：Unassigned',
        'Handler after：李组长',
      ],
    });
    expect(both('escalation.climbed', { escalationId: UUID, level: 3 })).toEqual({
      zh: ['级别：L3 中心负责人'],
      en: ['Level：L3 head of centre'],
    });
    expect(both('escalation.acknowledged', { escalationId: UUID })).toEqual({ zh: [], en: [] });
    expect(both('escalation.resolved', { escalationId: UUID, note: '已督促企业答复' })).toEqual({
      zh: ['办结说明：已督促企业答复'],
      en: ['Resolution note：已督促企业答复'],
    });
    expect(both('escalation.snoozed', { escalationId: UUID, until: AT, reason: '等待企业回电' })).toEqual({
      zh: ['暂缓至：2026-03-05 10:30', '暂缓原因：等待企业回电'],
      en: ['Snoozed until：2026-03-05 10:30', 'Reason for snoozing：等待企业回电'],
    });
    expect(eventName('escalation.raised', zh)).toBe('触发升级');
    expect(eventName('escalation.snoozed', en)).toBe('Escalation snoozed');
  });
});
