import type { CaseStatus } from '../domain/status';
import type { LimitRule, RuleProfile, StartTrigger, StopTrigger } from './profile-schema';

/**
 * The rule profiles shipped with the app. Each limit cites its basis in DOMAIN.md with the
 * confidence tag found there; the [U] rules are the settings an administrator is expected to
 * review (by storing an edited copy, validated by ruleProfileSchema).
 *
 * Starts and stops follow the lifecycle's statement of which transition starts or stops which
 * limit (shared/lifecycle/clocks.ts); a test holds the two together.
 */

const entering = (...statuses: CaseStatus[]): StopTrigger[] =>
  statuses.map((status) => ({ on: 'status', status }));
const event = (type: string): StopTrigger & StartTrigger => ({ on: 'event', type });
const RECEIVED: StartTrigger = { on: 'received' };

/** A finished case stops every clock still running. */
const CASE_ENDS = entering('closed', 'withdrawn');

const rule = (
  r: Pick<LimitRule, 'unit' | 'amount' | 'start' | 'stop' | 'source'> & Partial<LimitRule>,
): LimitRule => ({
  pauseIn: [],
  restartOnReentry: true,
  rollForward: false,
  dueAtTimeOfDay: '24:00',
  warning: { workingDaysLeft: 1, elapsedPercent: 80 },
  ...r,
});

const ROLL_FORWARD_NOTE =
  'Roll-forward follows 民法典 Art.203 (DOMAIN §5.2 [C]); whether the 12305 system applies it is [U] (DOMAIN §8 item 8).';

export const CURRENT_PROFILE: RuleProfile = {
  id: 'current',
  version: 1,
  name: { zh: '现行《邮政业用户申诉处理办法》', en: 'Current appeal-handling Measures' },
  limits: {
    acceptance: rule({
      unit: 'working_days',
      amount: 2,
      start: [RECEIVED],
      stop: [...entering('accepted', 'not_accepted'), ...CASE_ENDS],
      source: {
        basis:
          'DOMAIN §1.6: the current Measures give no confirmed acceptance limit; 2 working days is carried over from the 2011/2014 versions. Configurable.',
        confidence: 'U',
      },
    }),
    carrier_reply: rule({
      unit: 'calendar_days',
      amount: 10,
      start: entering('transferred'),
      stop: [...entering('carrier_replied'), ...CASE_ENDS],
      rollForward: true,
      warning: { workingDaysLeft: 2, elapsedPercent: 80 },
      source: {
        basis: `DOMAIN §1.7: the carrier reports its handling within 10日 (calendar days) of the transfer (dixionglia.com); a re-transfer (重新办理) starts a new 10 days. ${ROLL_FORWARD_NOTE}`,
        confidence: 'S',
      },
    }),
    mediation_feedback: rule({
      unit: 'working_days',
      amount: 3,
      start: [event('mediation.opinion_issued')],
      stop: [...entering('callback'), ...CASE_ENDS],
      source: {
        basis:
          'DOMAIN §1.8: the parties give feedback on the mediation opinion within 3 working days (1z345.cn summary); a new opinion starts a new 3 days.',
        confidence: 'S',
      },
    }),
    callback: rule({
      unit: 'working_days',
      amount: 3,
      start: entering('carrier_replied'),
      // Mediation is itself contact with the user; a re-transfer waits for a new reply.
      stop: [...entering('callback', 'mediating', 'transferred'), ...CASE_ENDS],
      source: {
        basis:
          'DOMAIN §1.9: callback within 3 working days of the carrier reply is the 2014 rule [S]; the current limit is [U].',
        confidence: 'U',
      },
    }),
    overall_answer: rule({
      unit: 'calendar_days',
      amount: 30,
      // A reopened case owes the user a fresh answer (a local choice [U], shared/lifecycle/clocks.ts).
      start: [RECEIVED, event('transition.reopen')],
      stop: [...entering('not_accepted'), ...CASE_ENDS],
      rollForward: true,
      warning: { workingDaysLeft: 3, elapsedPercent: 80 },
      source: {
        basis: `邮政法 Art.65 and Measures Art.4: answer the user within 30日 of receiving the appeal (DOMAIN §0, §1.8). ${ROLL_FORWARD_NOTE}`,
        confidence: 'C',
      },
    }),
    carrier_complaint: rule({
      unit: 'calendar_days',
      amount: 7,
      // The user's complaint to the carrier precedes the appeal; it is recorded as these facts.
      start: [event('carrier_complaint.received')],
      stop: [event('carrier_complaint.answered'), ...entering('not_accepted'), ...CASE_ENDS],
      rollForward: true,
      source: {
        basis: `快递暂行条例 Art.28: the carrier handles a complaint within 7日 of receiving it (DOMAIN §1.1); the user may appeal after 7 days without handling (Art.9(2)). ${ROLL_FORWARD_NOTE}`,
        confidence: 'C',
      },
    }),
  },
};

export const MEASURES_2014_PROFILE: RuleProfile = {
  id: 'measures-2014',
  version: 1,
  name: { zh: '2014年《邮政业消费者申诉处理办法》', en: '2014 consumer-appeal Measures' },
  limits: {
    acceptance: rule({
      unit: 'working_days',
      amount: 2,
      start: [RECEIVED],
      stop: [...entering('accepted', 'not_accepted'), ...CASE_ENDS],
      source: {
        basis: 'DOMAIN §1.6: online, letter and fax appeals processed within 两个工作日 (2014 Art.10).',
        confidence: 'C',
      },
    }),
    carrier_reply: rule({
      unit: 'calendar_days',
      amount: 15,
      start: entering('transferred'),
      stop: [...entering('carrier_replied'), ...CASE_ENDS],
      rollForward: true,
      warning: { workingDaysLeft: 2, elapsedPercent: 80 },
      source: {
        basis: `DOMAIN §1.7: the carrier answers within 15 days of receiving the transfer (2014 Art.15). ${ROLL_FORWARD_NOTE}`,
        confidence: 'S',
      },
    }),
    callback: rule({
      unit: 'working_days',
      amount: 3,
      start: entering('carrier_replied'),
      stop: [...entering('callback', 'mediating', 'transferred'), ...CASE_ENDS],
      source: {
        basis: 'DOMAIN §1.9: callback within 3 working days of receiving the carrier reply (2014, 110ask).',
        confidence: 'S',
      },
    }),
    overall_answer: rule({
      unit: 'calendar_days',
      amount: 30,
      start: [RECEIVED, event('transition.reopen')],
      stop: [...entering('not_accepted'), ...CASE_ENDS],
      rollForward: true,
      warning: { workingDaysLeft: 3, elapsedPercent: 80 },
      source: {
        basis: `邮政法 Art.65: answer within 30日 of receipt (DOMAIN §0, regime history). ${ROLL_FORWARD_NOTE}`,
        confidence: 'C',
      },
    }),
  },
};

export const CARRIER_DESK_PROFILE: RuleProfile = {
  id: 'carrier-desk',
  version: 1,
  name: { zh: '企业投诉处理', en: "Carrier's complaint desk" },
  limits: {
    carrier_complaint: rule({
      unit: 'calendar_days',
      amount: 7,
      start: [RECEIVED],
      stop: [...entering('not_accepted'), ...CASE_ENDS],
      rollForward: true,
      warning: { workingDaysLeft: 2, elapsedPercent: 70 },
      source: {
        basis: `快递暂行条例 Art.28: 自接到投诉之日起7日内予以处理并告知用户, calendar days; a 2015 local page reads 7 working days [S] (DOMAIN §1.1). ${ROLL_FORWARD_NOTE}`,
        confidence: 'C',
      },
    }),
  },
};

export const RULE_PROFILES: readonly RuleProfile[] = [
  CURRENT_PROFILE,
  MEASURES_2014_PROFILE,
  CARRIER_DESK_PROFILE,
];

export function findRuleProfile(id: string): RuleProfile | undefined {
  return RULE_PROFILES.find((p) => p.id === id);
}
