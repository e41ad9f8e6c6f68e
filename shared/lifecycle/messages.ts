import type { CaseStatus } from '../domain/status';
import type {
  CarrierContactMethod,
  ClosureReason,
  EscalationGround,
  NotAcceptReason,
  NoticeMethod,
  RehandleReason,
  Satisfaction,
} from './codes';
import type { TransitionName } from './transitions';

/**
 * The lifecycle's message catalogue, flat dotted keys, for the app's i18n to merge. Refusal
 * messages use i18next interpolation and nesting (`$t(lifecycle.status.{{status}})`) so the
 * codes in a refusal's `params` show as labels. Labels are typed by their code lists, so a new
 * code without a label does not compile.
 */
type Label = readonly [zh: string, en: string];
type Catalogue = Record<string, string>;

function section<K extends string>(
  prefix: string,
  labels: Record<K, Label>,
): { zh: Catalogue; en: Catalogue } {
  const zh: Catalogue = {};
  const en: Catalogue = {};
  for (const [code, [z, e]] of Object.entries<Label>(labels)) {
    zh[`${prefix}.${code}`] = z;
    en[`${prefix}.${code}`] = e;
  }
  return { zh, en };
}

const transitions = section<TransitionName>('lifecycle.transition', {
  register: ['登记', 'Register'],
  accept: ['受理', 'Accept'],
  not_accept: ['不予受理', 'Do not accept'],
  transfer: ['转办企业', 'Transfer to the carrier'],
  record_carrier_reply: ['录入企业答复', 'Record the carrier’s reply'],
  supervise: ['督办', 'Supervise the overdue carrier'],
  start_verification: ['开始核实', 'Start verification'],
  start_mediation: ['开始调解', 'Start mediation'],
  start_callback: ['开始回访', 'Start the callback'],
  rehandle: ['重新办理', 'Send back to the carrier'],
  close: ['结案', 'Close'],
  withdraw: ['撤诉', 'Withdraw'],
  reopen: ['重新开启', 'Reopen'],
  escalate_to_supervision: ['上报监管', 'Escalate to supervision'],
});

const statuses = section<CaseStatus>('lifecycle.status', {
  registered: ['已登记', 'Registered'],
  not_accepted: ['不予受理', 'Not accepted'],
  accepted: ['已受理', 'Accepted'],
  transferred: ['已转办', 'Transferred'],
  carrier_replied: ['企业已答复', 'Carrier replied'],
  verifying: ['核实中', 'Verifying'],
  mediating: ['调解中', 'Mediating'],
  callback: ['回访中', 'Callback'],
  closed: ['已结案', 'Closed'],
  withdrawn: ['已撤诉', 'Withdrawn'],
});

const notAcceptReasons = section<NotAcceptReason>('lifecycle.notAcceptReason', {
  not_complained_first: ['未先向企业投诉', 'Did not complain to the carrier first'],
  carrier_window_open: ['企业处理未满7日', 'The carrier’s 7 days to handle the complaint have not passed'],
  duplicate: ['重复申诉', 'Duplicate appeal'],
  litigation: ['已进入诉讼、仲裁等程序', 'In litigation, arbitration or a similar procedure'],
  out_of_scope: ['不属于受理范围', 'Outside the scope of appeals'],
  incomplete: ['申诉信息不全', 'Information incomplete'],
  time_barred: ['超过申诉时效', 'Time-barred'],
});

const noticeMethods = section<NoticeMethod>('lifecycle.noticeMethod', {
  phone: ['电话', 'Phone'],
  sms: ['短信', 'Text message'],
  web: ['网站', 'Website'],
  wechat: ['微信', 'WeChat'],
  letter: ['信函', 'Letter'],
  fax: ['传真', 'Fax'],
});

const carrierContactMethods = section<CarrierContactMethod>('lifecycle.carrierContactMethod', {
  platform: ['申诉平台企业端', 'Appeal platform (carrier account)'],
  phone: ['电话', 'Phone'],
  letter: ['督办函', 'Supervision letter'],
  fax: ['传真', 'Fax'],
});

const rehandleReasons = section<RehandleReason>('lifecycle.rehandleReason', {
  handling_not_compliant: [
    '企业处理不符合约定或规定',
    'The carrier’s handling breaks the agreement or the rules',
  ],
  reply_mismatch: ['用户反映与企业答复不符', 'The user’s account differs from the carrier’s reply'],
  responsible_unit_unclear: ['企业责任单位不明确', 'The responsible unit is not identified'],
  reply_incomplete: ['企业答复内容不全', 'The carrier’s reply is incomplete'],
  other: ['其他', 'Other'],
});

const closureReasons = section<ClosureReason>('lifecycle.closureReason', {
  resolved: ['已解决', 'Resolved'],
  mediation_agreed: ['调解达成一致', 'Mediation agreed'],
  mediation_failed: ['调解未达成一致', 'Mediation failed'],
  unreachable: ['无法联系用户', 'User unreachable'],
  other: ['其他', 'Other'],
});

const satisfaction = section<Satisfaction>('lifecycle.satisfaction', {
  satisfied: ['满意', 'Satisfied'],
  unsatisfied: ['不满意', 'Not satisfied'],
  unknown: ['未知', 'Unknown'],
});

const escalationGrounds = section<EscalationGround>('lifecycle.escalationGround', {
  serious_violation: ['严重违法违规行为', 'Serious violation'],
  surge: ['申诉量异常增长', 'Abnormal surge in appeals'],
});

const T = '“$t(lifecycle.transition.{{transition}})”';
const S = '“$t(lifecycle.status.{{status}})”';

const refusals = section('lifecycle.refused', {
  fromStatus: [`案件当前为${S}，不能${T}。`, `${T} is not possible while the case is ${S}.`],
  role: [`您的角色无权${T}。`, `Your role may not ${T}.`],
  roleFromStatus: [`案件为${S}时，您的角色无权${T}。`, `Your role may not ${T} while the case is ${S}.`],
  alreadyEscalated: ['该案件已上报监管。', 'This case has already been escalated to supervision.'],
  invalidData: [
    `${T}所需信息缺失或有误，请检查标出的字段。`,
    `The information for ${T} is missing or wrong: see the marked fields.`,
  ],
});

const validation = section('validation.lifecycle', {
  consentRequired: ['调解须经双方同意。', 'Mediation needs the consent of both parties.'],
  unreachableSatisfaction: [
    '无法联系用户时，满意度只能为“未知”。',
    'When the user could not be reached, satisfaction can only be “unknown”.',
  ],
  mediationOutcomeRequired: [
    '调解中的案件须以调解结果结案（调解达成一致或未达成一致）。',
    'A case in mediation is closed on the mediation’s outcome (agreed or failed).',
  ],
});

const sections = [
  transitions,
  statuses,
  notAcceptReasons,
  noticeMethods,
  carrierContactMethods,
  rehandleReasons,
  closureReasons,
  satisfaction,
  escalationGrounds,
  refusals,
  validation,
];

export const LIFECYCLE_MESSAGES: { readonly 'zh-CN': Catalogue; readonly en: Catalogue } = {
  'zh-CN': Object.fromEntries(sections.flatMap((s) => Object.entries(s.zh))),
  en: Object.fromEntries(sections.flatMap((s) => Object.entries(s.en))),
};
