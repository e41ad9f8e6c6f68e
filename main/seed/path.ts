import type { Channel } from '../../shared/domain/channel';
import type { CaseStatus } from '../../shared/domain/status';
import type {
  ClosureReason,
  NoticeMethod,
  NotAcceptReason,
  RehandleReason,
  Satisfaction,
} from '../../shared/lifecycle/codes';
import { applyEffects } from '../../shared/lifecycle/effects';
import { REGISTERED_STATE, type CaseLifecycleState } from '../../shared/lifecycle/state';
import { TRANSITIONS, type TransitionName } from '../../shared/lifecycle/transitions';
import { DAY_MS, OFFICE_HOURS, dayStartMs, shanghaiDayNo, type WorkCalendar } from './calendar';
import { transitionRecord } from '../store/transitions';
import type { Rng } from './random';
import { Weighted } from './random';
import { investigationResult } from './texts';

/**
 * A case's way through the lifecycle (shared/lifecycle/transitions), simulated with the timing
 * of DOMAIN §1: acceptance within about two working days, transfer soon after, the carrier's
 * reply within its 10 days (some overdue and urged, 督办), verification or mediation for some,
 * the callback, closure; a few re-handled, withdrawn or not accepted. The whole path is
 * simulated and the caller cuts it at `now`, so a case's status follows from its age.
 */
export interface SeedEvent {
  type: `transition.${TransitionName}`;
  actorId: string;
  at: number;
  /** The status after the event. */
  status: CaseStatus;
  /**
   * As the store records it: registration `{caseNo, channel, receivedAt}` (CaseCommands), every
   * other transition `{from, to, data, changes?}` (transitionRecord).
   */
  data: Record<string, unknown>;
  /** `JSON.stringify(data)`. */
  json: string;
  /** The lifecycle state after the event (the case row's flags and counters come from it). */
  after: CaseLifecycleState;
}

export interface PathInput {
  rng: Rng;
  calendar: WorkCalendar;
  channel: Channel;
  receivedAt: number;
  caseNo: string;
  carrierId: string;
  carrierZh: string;
  outlet: string;
  hub: string;
  category: string;
  /** Whether the user complained to the carrier first, and whether its 7 days are still running. */
  prior: { made: boolean; windowOpen: boolean };
  /** Decided up front so that the carrier's reply and the closure agree with each other. */
  valid: boolean;
  /** What the carrier first offers, and what the user finally recovers (yuan). */
  firstOfferYuan: number;
  recoveredYuan: number;
  mediationYuan: number;
  staff: { callTaker: string; handler: string; mediator: string; lead: string };
  carrierContact: { name: string; phone: string };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const NOTICE_BY_CHANNEL: Readonly<Record<Channel, NoticeMethod>> = {
  phone_12305: 'phone',
  hotline_12345: 'phone',
  web: 'web',
  wechat: 'wechat',
  letter: 'letter',
  fax: 'fax',
};

const OTHER_NOT_ACCEPT = new Weighted<NotAcceptReason>([
  ['duplicate', 40],
  ['out_of_scope', 25],
  ['incomplete', 20],
  ['litigation', 8],
  ['time_barred', 7],
]);

const REHANDLE = new Weighted<RehandleReason>([
  ['reply_mismatch', 40],
  ['handling_not_compliant', 30],
  ['reply_incomplete', 20],
  ['responsible_unit_unclear', 10],
]);

const NOT_ACCEPT_DETAIL: Partial<Record<NotAcceptReason, string>> = {
  not_complained_first: '已告知用户先向企业投诉，企业7日内未处理或对结果不满意可再申诉',
  carrier_window_open: '企业处理期限未满7日，已告知用户等待企业处理结果',
  duplicate: '同一事项已受理，正在处理中',
  out_of_scope: '所反映问题不属于邮政业用户申诉受理范围',
  incomplete: '用户未能提供运单号等必要信息',
  litigation: '用户称已向法院起诉',
};

export function simulatePath(p: PathInput): SeedEvent[] {
  const { rng, calendar } = p;
  const events: SeedEvent[] = [];
  let state: CaseLifecycleState = REGISTERED_STATE;
  let last = p.receivedAt;
  // The transition's effects and target status come from the shared table, as in the store.
  const add = (
    name: Exclude<TransitionName, 'register'>,
    actorId: string,
    at: number,
    data: Record<string, unknown>,
  ) => {
    // Events are strictly ordered: a step never predates the one before it.
    const t = at > last ? at : last + rng.range(1, 20) * MINUTE;
    const def = TRANSITIONS[name];
    const effected = applyEffects(state, def.effects);
    const after: CaseLifecycleState = { ...effected, status: def.to === 'unchanged' ? state.status : def.to };
    const record = transitionRecord(state, after, data);
    events.push({
      type: `transition.${name}`,
      actorId,
      at: t,
      status: after.status,
      data: record,
      json: JSON.stringify(record),
      after,
    });
    state = after;
    last = t;
  };

  // Office time on the n-th working day after `from` (0: the same day if it is a working day).
  const workdays = (from: number, n: number) => {
    const day = calendar.workdayAfter(shanghaiDayNo(from), n);
    return dayStartMs(day) + OFFICE_HOURS.sample(rng);
  };
  // Carriers reply on any day, 08:00–21:00.
  const calendarDays = (from: number, n: number) =>
    dayStartMs(shanghaiDayNo(from) + n) + 8 * HOUR + rng.int(13 * HOUR);
  const minutes = (from: number, lo: number, hi: number) => from + rng.range(lo, hi) * MINUTE;
  // The desk reads written appeals in office hours: soon if it is open, else the next working day.
  const whenDeskOpen = (from: number) => {
    const day = shanghaiDayNo(from);
    if (!calendar.isWorkday(day)) return workdays(from, 0);
    if (from - dayStartMs(day) >= 17 * HOUR) return workdays(from, 1);
    return Math.max(minutes(from, 5, 60), dayStartMs(day) + 8.5 * HOUR + rng.int(HOUR));
  };

  const phoneLike = p.channel === 'phone_12305' || p.channel === 'hotline_12345';
  const notice = NOTICE_BY_CHANNEL[p.channel];

  // Registration: a call is logged as it ends; written appeals when the desk reads them.
  const registeredAt = phoneLike ? minutes(p.receivedAt, 2, 12) : whenDeskOpen(p.receivedAt);
  const registerData = { caseNo: p.caseNo, channel: p.channel, receivedAt: p.receivedAt };
  events.push({
    type: 'transition.register',
    actorId: p.staff.callTaker,
    at: registeredAt,
    status: 'registered',
    data: registerData,
    json: JSON.stringify(registerData),
    after: state,
  });
  last = registeredAt;

  const withdrawStep = rng.chance(0.028) ? rng.range(0, 4) : -1;
  const withdraw = () =>
    add(
      'withdraw',
      p.staff.handler,
      phoneLike || rng.chance(0.5) ? workdays(last, rng.range(0, 3)) : calendarDays(last, rng.range(1, 4)),
      {
        channel: rng.chance(0.7) ? 'phone_12305' : p.channel,
        detail: rng.pick([
          '用户表示已与企业协商解决',
          '用户表示快件已找到',
          '用户称企业已赔偿，不再申诉',
          '用户主动撤回申诉',
        ]),
      },
    );
  if (withdrawStep === 0) {
    withdraw();
    return events;
  }

  // Acceptance decision (DOMAIN §1.4, §1.6).
  const acceptAt = phoneLike && rng.chance(0.7) ? minutes(last, 1, 15) : workdays(last, rng.range(0, 2));
  let notAccept: NotAcceptReason | null = null;
  if (!p.prior.made && rng.chance(0.45)) notAccept = 'not_complained_first';
  else if (p.prior.windowOpen && rng.chance(0.6)) notAccept = 'carrier_window_open';
  else if (rng.chance(0.012)) notAccept = OTHER_NOT_ACCEPT.pick(rng);
  if (notAccept) {
    const detail = NOT_ACCEPT_DETAIL[notAccept];
    add('not_accept', p.staff.handler, acceptAt, {
      reason: notAccept,
      noticeMethod: phoneLike && rng.chance(0.3) ? 'sms' : notice,
      ...(detail ? { detail } : {}),
    });
    return events;
  }
  add('accept', p.staff.handler, acceptAt, phoneLike && rng.chance(0.6) ? {} : { noticeMethod: notice });
  if (withdrawStep === 1) {
    withdraw();
    return events;
  }

  add('transfer', p.staff.handler, rng.chance(0.6) ? minutes(last, 5, 90) : workdays(last, rng.range(0, 2)), {
    carrierId: p.carrierId,
    outlet: p.outlet,
  });
  const transferredAt = last;
  if (rng.chance(0.0015)) {
    add('escalate_to_supervision', p.staff.lead, workdays(last, rng.range(1, 3)), {
      ground: 'serious_violation',
      detail: `${p.carrierZh}${p.outlet}同类问题集中反映，涉嫌违规，报监管部门处理`,
    });
  }

  // The carrier's reply: mostly within its 10 days; the overdue ones are urged (督办).
  const overdue = rng.chance(0.06);
  const replyDays = overdue ? rng.range(11, 24) : rng.pick([1, 2, 3, 3, 4, 4, 5, 5, 6, 7, 8, 9, 10]);
  if (overdue) {
    add('supervise', p.staff.handler, workdays(transferredAt + 10 * DAY_MS, 0), {
      method: rng.chance(0.7) ? 'platform' : 'phone',
    });
    if (replyDays > 16) {
      add('supervise', p.staff.handler, workdays(transferredAt + 16 * DAY_MS, 0), {
        method: 'phone',
        note: '再次督办，要求尽快答复',
      });
    }
  }
  const reply = (offerYuan: number, round: number) => {
    const responsible = p.valid ? rng.chance(0.85) : rng.chance(0.08);
    const compensationYuan = responsible || rng.chance(0.1) ? offerYuan : 0;
    const data: Record<string, unknown> = {
      investigationResult: investigationResult(p.category, responsible, p.hub, rng),
      carrierResponsible: responsible,
    };
    if (responsible) data.responsibleUnit = `${p.carrierZh}${p.outlet}`;
    if (compensationYuan > 0) data.settlement = `与用户协商，赔偿${compensationYuan}元`;
    data.compensationYuan = compensationYuan;
    if (compensationYuan === 0 || rng.chance(0.4))
      data.apologyOrExplanation = responsible ? '已向用户赔礼道歉' : '已向用户解释说明情况';
    data.userSatisfied = responsible ? rng.chance(0.75) : rng.chance(0.35 + 0.1 * round);
    data.handlerName = p.carrierContact.name;
    data.handlerPhone = p.carrierContact.phone;
    return data;
  };
  add(
    'record_carrier_reply',
    p.staff.handler,
    calendarDays(transferredAt, replyDays),
    reply(p.firstOfferYuan, 0),
  );
  if (withdrawStep === 2) {
    withdraw();
    return events;
  }

  // Verification and mediation (DOMAIN §1.8): mediation needs both parties' consent.
  let untruthful = false;
  const route = rng.next();
  if (route < 0.1) {
    if (rng.chance(0.4)) add('start_verification', p.staff.handler, workdays(last, rng.range(0, 2)), {});
    add('start_mediation', p.staff.mediator, workdays(last, rng.range(1, 3)), {
      userConsented: true,
      carrierConsented: true,
    });
    if (withdrawStep === 3) {
      withdraw();
      return events;
    }
    const outcome = rng.next();
    const endAt = calendarDays(last, rng.range(3, 12));
    if (outcome < 0.7) {
      const agreed = outcome < 0.55;
      add(
        'close',
        p.staff.mediator,
        endAt,
        closure(p, agreed ? 'mediation_agreed' : 'mediation_failed', agreed ? p.mediationYuan : 0, false),
      );
      return events;
    }
    add('start_callback', p.staff.mediator, endAt, {});
  } else {
    if (route < 0.28) add('start_verification', p.staff.handler, workdays(last, rng.range(0, 2)), {});
    if (withdrawStep === 3) {
      withdraw();
      return events;
    }
    add('start_callback', p.staff.handler, workdays(last, rng.range(1, 3)), {});
  }

  // Callback; a closure condition not met sends the case back to the carrier (DOMAIN §1.9).
  let rehandleChance = 0.07;
  for (let round = 1; round <= 3 && rng.chance(rehandleChance); round++) {
    const reason = REHANDLE.pick(rng);
    if (reason === 'reply_mismatch') untruthful = rng.chance(0.3);
    add('rehandle', p.staff.handler, minutes(last, 10, 240), { reason });
    add(
      'record_carrier_reply',
      p.staff.handler,
      calendarDays(last, rng.range(1, 5)),
      reply(p.recoveredYuan, round),
    );
    add('start_callback', p.staff.handler, workdays(last, rng.range(1, 3)), {});
    rehandleChance /= 2;
  }
  if (withdrawStep === 4) {
    withdraw();
    return events;
  }
  // The 2014 rules retry an unanswered callback after 4 hours; after that the case closes as unreachable.
  if (rng.chance(0.05)) {
    add(
      'close',
      p.staff.handler,
      minutes(last, 4 * 60, 26 * 60),
      closure(p, 'unreachable', p.valid ? p.recoveredYuan : 0, untruthful),
    );
  } else {
    // Half the users are reached on the first call; the others take a day or three of retries.
    const closeAt = rng.chance(0.5) ? minutes(last, 5, 180) : workdays(last, rng.range(1, 3));
    add(
      'close',
      p.staff.handler,
      closeAt,
      closure(p, 'resolved', p.recoveredYuan, untruthful || rng.chance(0.004)),
    );
  }
  return events;

  function closure(
    input: PathInput,
    closureReason: ClosureReason,
    recoveredYuan: number,
    carrierReplyUntruthful: boolean,
  ) {
    const unreachable = closureReason === 'unreachable';
    const carrier: Satisfaction = unreachable
      ? 'unknown'
      : rng.chance(input.valid ? 0.93 : 0.86)
        ? 'satisfied'
        : rng.chance(0.85)
          ? 'unsatisfied'
          : 'unknown';
    const administration: Satisfaction = unreachable
      ? 'unknown'
      : rng.chance(0.965)
        ? 'satisfied'
        : 'unsatisfied';
    const data: Record<string, unknown> = { closureReason, validAppeal: input.valid };
    if (input.valid) data.responsibleUnit = `${input.carrierZh}${input.outlet}`;
    data.satisfaction = { carrier, administration };
    data.recoveredYuan = recoveredYuan;
    data.carrierReplyUntruthful = carrierReplyUntruthful;
    return data;
  }
}
