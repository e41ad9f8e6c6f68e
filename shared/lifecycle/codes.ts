/**
 * The coded answers that transitions record. Codes are stable (they are stored, synced and
 * counted in statistics); their labels live in ./messages.
 */

/**
 * Grounds for not accepting an appeal (DOMAIN §1.4, §1.12). `time_barred` rests on the one-year
 * bar of the 2011/2014 Measures, which the current Measures may have dropped [U]: it is offered
 * but a rule profile may hide it.
 */
export const NOT_ACCEPT_REASONS = [
  'not_complained_first', // 未先向企业投诉
  'carrier_window_open', // 企业处理未满7日
  'duplicate', // 重复申诉
  'litigation', // 已诉讼、仲裁、行政裁决或人民调解
  'out_of_scope', // 非受理范围
  'incomplete', // 信息不全
  'time_barred', // 超时效 [U]
] as const;
export type NotAcceptReason = (typeof NOT_ACCEPT_REASONS)[number];

/** How the user was told of the acceptance decision (DOMAIN §1.6, §7.2 "notice sent (method)"). */
export const NOTICE_METHODS = ['phone', 'sms', 'web', 'wechat', 'letter', 'fax'] as const;
export type NoticeMethod = (typeof NOTICE_METHODS)[number];

/** How the desk urged an overdue carrier (督办): the carrier's platform account, or directly. */
export const CARRIER_CONTACT_METHODS = ['platform', 'phone', 'letter', 'fax'] as const;
export type CarrierContactMethod = (typeof CARRIER_CONTACT_METHODS)[number];

/**
 * Why a case goes back to the carrier (DOMAIN §1.9): one closure condition is not met, or the
 * reply lacks what the reply form requires.
 */
export const REHANDLE_REASONS = [
  'handling_not_compliant', // 企业处理不符合约定或规定
  'reply_mismatch', // 用户反映与企业答复不符
  'responsible_unit_unclear', // 企业责任单位不明确
  'reply_incomplete', // 企业答复内容不全
  'other',
] as const;
export type RehandleReason = (typeof REHANDLE_REASONS)[number];

export const CLOSURE_REASONS = [
  'resolved',
  'mediation_agreed',
  'mediation_failed',
  'unreachable',
  'other',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

/** The only closure reasons for a case closed straight out of mediation: its outcome. */
export const MEDIATION_OUTCOMES = [
  'mediation_agreed',
  'mediation_failed',
] as const satisfies readonly ClosureReason[];

/** `unknown` is for users who could not be reached (or would not say). */
export const SATISFACTION_LEVELS = ['satisfied', 'unsatisfied', 'unknown'] as const;
export type Satisfaction = (typeof SATISFACTION_LEVELS)[number];

/** Grounds for reporting a case to the supervision division (DOMAIN §1.10, 2014 rules). */
export const ESCALATION_GROUNDS = ['serious_violation', 'surge'] as const;
export type EscalationGround = (typeof ESCALATION_GROUNDS)[number];
