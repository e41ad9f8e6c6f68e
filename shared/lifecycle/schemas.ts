import { CHANNELS } from '../domain/channel';
import {
  CARRIER_CONTACT_METHODS,
  CLOSURE_REASONS,
  ESCALATION_GROUNDS,
  NOT_ACCEPT_REASONS,
  NOTICE_METHODS,
  REHANDLE_REASONS,
  SATISFACTION_LEVELS,
} from './codes';
import { answer, choice, form, phone, requiredText, text } from '../domain/fields';
import { FIELD_LIMITS, yuan } from './fields';

/**
 * The data each transition records. These are what the transition forms submit and what main
 * validates again; the parsed output goes into the history entry.
 */

/**
 * Intake itself is validated by the registration form (shared/domain/appeal); the lifecycle
 * keeps the channel, which sets the acceptance limit (DOMAIN §1.6: phone vs. web, letter, fax).
 */
export const registerData = form({
  channel: choice(CHANNELS),
});

/** Optional: a phone appeal is answered on the call, letters and faxes need a written notice. */
export const acceptData = form({
  noticeMethod: choice(NOTICE_METHODS).optional(),
});

/** The user must be told why (DOMAIN §1.6), so the notice method is required. */
export const notAcceptData = form({
  reason: choice(NOT_ACCEPT_REASONS),
  noticeMethod: choice(NOTICE_METHODS),
  detail: text(FIELD_LIMITS.note).optional(),
});

/** Brand and outlet are both kept: the user may claim from either (快递暂行条例 Art.19, DOMAIN §1.1). */
export const transferData = form({
  carrierId: requiredText(40),
  outlet: text(FIELD_LIMITS.shortText).optional(),
});

/** The carrier's reply, per the 2011 reply list (DOMAIN §1.7). */
export const carrierReplyData = form({
  investigationResult: requiredText(FIELD_LIMITS.longText),
  carrierResponsible: answer,
  responsibleUnit: text(FIELD_LIMITS.shortText).optional(),
  settlement: text(FIELD_LIMITS.note).optional(),
  compensationYuan: yuan,
  apologyOrExplanation: text(FIELD_LIMITS.note).optional(),
  userSatisfied: answer,
  handlerName: requiredText(FIELD_LIMITS.personName),
  handlerPhone: phone,
}).superRefine((v, ctx) => {
  if (v.carrierResponsible && !v.responsibleUnit) {
    ctx.addIssue({ code: 'custom', path: ['responsibleUnit'], message: 'validation.required' });
  }
  // The 2011 list asks for "the compensation amount, or the explanation or apology given".
  if (v.compensationYuan === 0 && !v.apologyOrExplanation) {
    ctx.addIssue({ code: 'custom', path: ['apologyOrExplanation'], message: 'validation.required' });
  }
});

export const superviseData = form({
  method: choice(CARRIER_CONTACT_METHODS),
  note: text(FIELD_LIMITS.note).optional(),
});

export const noData = form({});

/** Mediation rests on both parties' consent (current Measures, DOMAIN §1.8). */
const consent = answer.refine((v) => v, { error: 'validation.lifecycle.consentRequired' });

export const startMediationData = form({
  userConsented: consent,
  carrierConsented: consent,
});

export const rehandleData = form({
  reason: choice(REHANDLE_REASONS),
  detail: text(FIELD_LIMITS.note).optional(),
}).superRefine((v, ctx) => {
  if (v.reason === 'other' && !v.detail) {
    ctx.addIssue({ code: 'custom', path: ['detail'], message: 'validation.required' });
  }
});

const satisfaction = choice(SATISFACTION_LEVELS);

/**
 * What the statistics of the official notices count for a closed case (DOMAIN §2.3, §3.2):
 * valid appeal and its responsible unit, the user's satisfaction with the carrier and with the
 * administration (both are published rates), the amount recovered, and untruthful replies.
 */
export const closeData = form({
  closureReason: choice(CLOSURE_REASONS),
  /** 有效申诉: the carrier bears service-quality responsibility. */
  validAppeal: answer,
  responsibleUnit: text(FIELD_LIMITS.shortText).optional(),
  satisfaction: form({ carrier: satisfaction, administration: satisfaction }),
  recoveredYuan: yuan,
  /** The callback found the carrier's reply untrue (未如实回复, counted in the notices from 2021). */
  carrierReplyUntruthful: answer,
  detail: text(FIELD_LIMITS.note).optional(),
}).superRefine((v, ctx) => {
  // 2014 closure condition: the responsible unit is identified (企业责任单位明确).
  if (v.validAppeal && !v.responsibleUnit) {
    ctx.addIssue({ code: 'custom', path: ['responsibleUnit'], message: 'validation.required' });
  }
  if (v.closureReason === 'unreachable') {
    for (const party of ['carrier', 'administration'] as const) {
      if (v.satisfaction[party] !== 'unknown') {
        ctx.addIssue({
          code: 'custom',
          path: ['satisfaction', party],
          message: 'validation.lifecycle.unreachableSatisfaction',
        });
      }
    }
  }
  if (v.closureReason === 'other' && !v.detail) {
    ctx.addIssue({ code: 'custom', path: ['detail'], message: 'validation.required' });
  }
});

export const withdrawData = form({
  channel: choice(CHANNELS),
  detail: text(FIELD_LIMITS.note).optional(),
});

export const reopenData = form({
  reason: requiredText(FIELD_LIMITS.note),
});

export const escalateData = form({
  ground: choice(ESCALATION_GROUNDS),
  detail: requiredText(FIELD_LIMITS.longText),
});
