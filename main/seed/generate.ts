import { findCarrierSeed } from '../../shared/domain/carriers';
import type { AppellantRole, Channel, Demand, ServiceType } from '../../shared/domain/channel';
import { CATEGORIES } from '../../shared/domain/categories';
import { isOpenStatus, type CaseStatus } from '../../shared/domain/status';
import { shanghaiDate } from '../../shared/domain/time';
import { WorkCalendar, dayStartMs, isPeakSeason, shanghaiDayNo } from './calendar';
import { POSTAL_SERVICE_TYPES, itemFor, itemValue } from './items';
import { simulatePath, type SeedEvent } from './path';
import {
  HANDLER_TEAMS,
  MEDIATION_TEAM,
  demoStaff,
  personAt,
  chineseName,
  demoPhone,
  type DemoStaff,
} from './people';
import { cityIn, hubName, outletName, route, shortCityName } from './places';
import { ArrivalPlan } from './plan';
import { Rng, Weighted, uuidV7 } from './random';
import { describe, monthDay, priorResult } from './texts';
import { CARRIER_WEIGHTS, INTERNATIONAL_CARRIERS, waybillFor } from './waybills';

/**
 * Realistic, deterministic demo appeals: the same options give the same cases, field for field.
 * Cases come out in the order they were received, one at a time, so callers can stream them.
 */
export interface GenerateOptions {
  seed: number;
  count: number;
  /** The end of the two-year span (epoch ms); nothing happens after it. */
  now: number;
  /**
   * Gives the case number for a receipt date (`YYYY-MM-DD`); by default numbers start at 1 each
   * day. The store passes its own counters so that demo numbers continue the sequence.
   */
  caseNumber?: (receivedDate: string) => string;
  /** Varies the ids (only) so that seeding the same store twice does not collide. */
  idSalt?: number;
}

export interface DemoCase {
  id: string;
  caseNo: string;
  status: CaseStatus;
  isOpen: boolean;
  channel: Channel;
  receivedAt: number;
  receivedDate: string;
  appellantRole: AppellantRole;
  carrierId: string;
  outlet: string;
  waybillNo: string;
  serviceType: ServiceType;
  originProvince: string;
  originCity: string;
  destProvince: string;
  destCity: string;
  category: string;
  reason: string;
  description: string;
  demand: Demand;
  demandAmountFen: number | null;
  priorComplaintMade: boolean;
  priorComplaintDate: string | null;
  priorComplaintResult: string | null;
  assigneeId: string | null;
  priority: number;
  /** Lifecycle counters and flags (shared/lifecycle/state), as of `now`. */
  transferCount: number;
  transferRoundsExceeded: boolean;
  supervised: boolean;
  supervisionReminders: number;
  escalatedToSupervision: boolean;
  reopenCount: number;
  /** The closure record (close transition data), for closed cases. */
  validAppeal: boolean | null;
  responsibleUnit: string | null;
  /** Satisfaction with the administration's handling; `carrierSatisfaction` with the carrier's. */
  satisfaction: string | null;
  carrierSatisfaction: string | null;
  carrierReplyUntruthful: boolean | null;
  amountRecoveredFen: number | null;
  closedAt: number | null;
  createdAt: number;
  updatedAt: number;
  version: number;
  appellant: { id: string; name: string; phone: string };
  events: SeedEvent[];
}

/**
 * Problem categories in the shares of the notices (DOMAIN §3.4): for express, 丢失短少 24–36 %,
 * 投递服务 22–43 %, 损毁 19–24 %, 延误 18–19 %; for the post, 投递服务 and 延误 lead.
 */
const EXPRESS_CATEGORIES: readonly (readonly [string, number])[] = [
  ['delivery', 30],
  ['loss', 28],
  ['damage', 20],
  ['delay', 16],
  ['collection', 2.2],
  ['charges', 1.5],
  ['attitude', 1.2],
  ['other', 0.7],
  ['cod', 0.4],
];
const POSTAL_CATEGORIES: readonly (readonly [string, number])[] = [
  ['delivery', 37],
  ['delay', 26],
  ['loss', 20],
  ['damage', 7],
  ['collection', 4.5],
  ['attitude', 2.5],
  ['other', 2],
  ['charges', 1],
];
/** In parcel peaks (after 双十一 and 618, around Spring Festival) delays make up more of the calls. */
const withPeakDelays = (w: readonly (readonly [string, number])[]) =>
  w.map(([c, x]) => [c, c === 'delay' ? x * 1.8 : x] as const);
const CATEGORY_TABLES = {
  express: new Weighted(EXPRESS_CATEGORIES),
  expressPeak: new Weighted(withPeakDelays(EXPRESS_CATEGORIES)),
  postal: new Weighted(POSTAL_CATEGORIES),
  postalPeak: new Weighted(withPeakDelays(POSTAL_CATEGORIES)),
};

/** Level-2 reasons: the official ones (虚假签收, 中转或运输延误, 对赔偿金额不满 …) lead. */
const REASON_WEIGHTS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  delivery: {
    false_signature: 30,
    wrong_address: 15,
    locker_without_consent: 25,
    receipt_without_consent: 10,
    no_door_delivery: 15,
    delivery_other: 5,
  },
  delay: { transit_delay: 60, delivery_delay: 30, delay_other: 10 },
  loss: { compensation_amount: 45, not_compensated: 30, contents_missing: 25 },
  damage: { damage_compensation_amount: 55, rough_handling: 25, damage_other: 20 },
  collection: { refused_collection: 70, collection_other: 30 },
  charges: { overcharge: 55, hidden_fee: 45 },
};
const REASON_TABLES = new Map(
  CATEGORIES.map((c) => [
    c.code,
    new Weighted(c.reasons.map((r) => [r.code, REASON_WEIGHTS[c.code]?.[r.code] ?? 1] as const)),
  ]),
);

/** What users ask for, by category. */
const DEMAND_TABLES: Readonly<Record<string, Weighted<Demand>>> = {
  loss: new Weighted<Demand>([
    ['compensation', 85],
    ['explanation', 10],
    ['redelivery', 5],
  ]),
  damage: new Weighted<Demand>([
    ['compensation', 88],
    ['apology', 6],
    ['explanation', 6],
  ]),
  cod: new Weighted<Demand>([
    ['compensation', 90],
    ['explanation', 10],
  ]),
  delay: new Weighted<Demand>([
    ['compensation', 35],
    ['explanation', 30],
    ['redelivery', 30],
    ['apology', 5],
  ]),
  delivery: new Weighted<Demand>([
    ['redelivery', 30],
    ['apology', 30],
    ['compensation', 25],
    ['explanation', 15],
  ]),
  attitude: new Weighted<Demand>([
    ['apology', 80],
    ['other', 20],
  ]),
  collection: new Weighted<Demand>([
    ['explanation', 40],
    ['compensation', 30],
    ['other', 30],
  ]),
  charges: new Weighted<Demand>([
    ['compensation', 60],
    ['explanation', 30],
    ['other', 10],
  ]),
  other: new Weighted<Demand>([
    ['other', 40],
    ['apology', 30],
    ['explanation', 30],
  ]),
};

/**
 * Valid-appeal rates (有效申诉: the carrier bears responsibility) of 8–17 % in the notices
 * (DOMAIN §2.3); higher for losses and damage, lower for delays, and per carrier.
 */
const VALID_BASE = 0.115;
const VALID_BY_CARRIER: Readonly<Record<string, number>> = {
  jt: 1.3,
  yunda: 1.15,
  sto: 1.15,
  zto: 1.0,
  yto: 1.0,
  sf: 0.8,
  jd: 0.6,
  china_post: 1.2,
  ems: 0.9,
  deppon: 0.9,
  cainiao: 1.0,
  sinotrans: 1.3,
};
const VALID_BY_CATEGORY: Readonly<Record<string, number>> = {
  loss: 1.35,
  damage: 1.15,
  delivery: 1.0,
  delay: 0.65,
  collection: 0.9,
  charges: 1.2,
  cod: 1.3,
  attitude: 0.8,
  other: 0.5,
};

const NEGOTIATED: ReadonlySet<string> = new Set([
  'compensation_amount',
  'not_compensated',
  'damage_compensation_amount',
]);

const ROLES = new Weighted<AppellantRole>([
  ['recipient', 60],
  ['sender', 35],
  ['agent', 5],
]);
const SENDER_SIDE: ReadonlySet<string> = new Set(['collection', 'charges', 'cod']);

/** The demo desk's staff grouped the way cases are assigned. */
class Roster {
  readonly staff: DemoStaff[];
  readonly handlersByTeam: DemoStaff[][];
  readonly leadByTeam: DemoStaff[];
  readonly mediators: DemoStaff[];

  constructor(seed: number) {
    this.staff = demoStaff(seed);
    this.handlersByTeam = HANDLER_TEAMS.map((t) =>
      this.staff.filter((s) => s.team === t && s.roles.includes('handler')),
    );
    this.leadByTeam = HANDLER_TEAMS.map((t) =>
      this.staff.find((s) => s.team === t && s.roles.includes('team_lead'))!,
    );
    this.mediators = this.staff.filter((s) => s.team === MEDIATION_TEAM && s.roles.includes('mediator'));
  }
}

/** What the close transition records (shared/lifecycle/schemas closeData). */
interface ClosureData {
  validAppeal: boolean;
  responsibleUnit?: string;
  satisfaction: { carrier: string; administration: string };
  recoveredYuan: number;
  carrierReplyUntruthful: boolean;
}

const defaultNumbering = () => {
  const counters = new Map<string, number>();
  return (date: string) => {
    const n = (counters.get(date) ?? 0) + 1;
    counters.set(date, n);
    return `SS${date.replaceAll('-', '')}${String(n).padStart(6, '0')}`;
  };
};

export function* generateDemoCases(options: GenerateOptions): Generator<DemoCase> {
  const { seed, count, now } = options;
  const caseNumber = options.caseNumber ?? defaultNumbering();
  const calendar = new WorkCalendar();
  const plan = new ArrivalPlan(seed, count, now, calendar);
  const roster = new Roster(seed);
  const ids = Rng.derive(seed, 0x1d5, options.idSalt ?? 0);
  let people = 0;
  let index = 0;

  for (const { dayNo, arrivals } of plan.days()) {
    const peak = isPeakSeason(dayNo);
    const receivedDate = shanghaiDate(dayStartMs(dayNo));
    for (const { receivedAt, channel } of arrivals) {
      const rng = Rng.derive(seed, 0xca5e, index++);

      // The item and where it went.
      const carrierId = CARRIER_WEIGHTS.pick(rng);
      const carrier = findCarrierSeed(carrierId)!;
      const postal = carrier.kind === 'postal';
      const serviceType: ServiceType = postal ? POSTAL_SERVICE_TYPES.pick(rng) : 'express';
      const international =
        INTERNATIONAL_CARRIERS.has(carrierId) &&
        (serviceType === 'express' || serviceType === 'postal_parcel' || serviceType === 'postal_letter') &&
        rng.chance(carrierId === 'ems' ? 0.1 : 0.06);
      const waybillNo = waybillFor(carrierId, rng, international);
      const r = route(rng);

      // What went wrong, and what the user wants.
      const category = (
        postal
          ? peak
            ? CATEGORY_TABLES.postalPeak
            : CATEGORY_TABLES.postal
          : peak
            ? CATEGORY_TABLES.expressPeak
            : CATEGORY_TABLES.express
      ).pick(rng);
      const reason = REASON_TABLES.get(category)!.pick(rng);
      const item = itemFor(serviceType, rng);
      const value = itemValue(item, rng);
      const appellantRole: AppellantRole = SENDER_SIDE.has(category)
        ? rng.chance(0.85)
          ? 'sender'
          : 'agent'
        : ROLES.pick(rng);
      const outletCity = SENDER_SIDE.has(category) ? r.originCity : r.destCity;
      const outlet = outletName(carrierId, outletCity, rng);
      const hub = hubName(rng.chance(0.5) ? cityIn(r.originProvince, rng) : cityIn(r.destProvince, rng));
      const freight = rng.range(8, 25);
      const offerYuan =
        category === 'damage' ? Math.max(10, Math.round(value * (0.1 + 0.3 * rng.next()))) : freight * 3;
      let demand = DEMAND_TABLES[category]!.pick(rng);
      if (demand === 'compensation' && value === 0 && category !== 'charges') demand = 'explanation';
      const demandYuan = demand === 'compensation' ? demandAmount(category, value, freight, rng) : null;

      // The complaint to the carrier first (DOMAIN §1.1): most callers made it, a few too recently.
      const receivedDay = shanghaiDayNo(receivedAt);
      // Haggling over compensation is itself the complaint to the carrier.
      const priorMade = NEGOTIATED.has(reason) || rng.chance(0.93);
      const windowOpen = priorMade && rng.chance(0.03);
      const priorOffset = windowOpen ? rng.range(1, 6) : rng.range(7, 30);
      const sentDay = receivedDay - priorOffset - rng.range(2, 15);
      const priorDay = receivedDay - priorOffset;
      const priorComplaintResult =
        priorMade && !windowOpen && rng.chance(0.85) ? priorResult(category, offerYuan, rng) : null;

      const description = describe({
        rng,
        reason,
        role: appellantRole,
        carrierZh: carrier.zh,
        item,
        valueYuan: value,
        waybillNo,
        outlet,
        hub,
        originCity: shortCityName(r.originCity),
        destCity: shortCityName(r.destCity),
        sentOn: monthDay(sentDay),
        eventOn: monthDay(sentDay + rng.range(1, 4)),
        delayDays: rng.range(3, 15),
        international,
        postal,
        offerYuan,
        prior: { made: priorMade, on: priorMade ? monthDay(priorDay) : null, result: priorComplaintResult },
        demand,
        demandYuan,
      });

      // Who appeals: a few people appeal again (weeks later, about another parcel).
      let personIndex: number;
      if (people > 100 && rng.chance(0.05))
        personIndex = people - 1 - Math.floor(rng.logUniform(1, Math.min(people, 50_000)));
      else personIndex = people++;
      const person = personAt(personIndex, seed);
      const repeat = personIndex < people - 1;

      // The outcome, decided now so that the carrier's reply and the closure agree.
      const valid = rng.chance(
        VALID_BASE * (VALID_BY_CARRIER[carrierId] ?? 1) * (VALID_BY_CATEGORY[category] ?? 1),
      );
      const claim = demandYuan ?? 0;
      const recoveredYuan = valid
        ? claim > 0
          ? Math.round(claim * (0.4 + 0.6 * rng.next()))
          : rng.chance(0.2)
            ? rng.range(10, 100)
            : 0
        : rng.chance(0.08)
          ? rng.range(20, 200)
          : 0;
      const firstOfferYuan = Math.min(recoveredYuan, offerYuan);

      const team = rng.int(HANDLER_TEAMS.length);
      const handlers = roster.handlersByTeam[team]!;
      const handler = rng.pick(handlers);
      const callTaker = rng.chance(0.7) ? handler : rng.pick(handlers);
      const caseNo = caseNumber(receivedDate);
      const all = simulatePath({
        rng,
        calendar,
        channel,
        receivedAt,
        caseNo,
        carrierId,
        carrierZh: carrier.zh,
        outlet,
        hub,
        category,
        prior: { made: priorMade, windowOpen },
        valid,
        firstOfferYuan,
        recoveredYuan,
        mediationYuan: claim > 0 ? Math.round(claim * (0.5 + 0.4 * rng.next())) : 0,
        staff: {
          callTaker: callTaker.id,
          handler: handler.id,
          mediator: rng.pick(roster.mediators).id,
          lead: roster.leadByTeam[team]!.id,
        },
        carrierContact: { name: chineseName(rng), phone: demoPhone(rng.int(33_000_000), seed ^ 0x5a5a) },
      });
      // The case as it stands at `now`: events after it have not happened yet.
      const events = all.filter((e, i) => i === 0 || e.at <= now);
      if (events[0]!.at > now) events[0]!.at = now;
      const lastEvent = events[events.length - 1]!;
      const state = lastEvent.after;
      const status = state.status;
      const closeEvent = events.find((e) => e.type === 'transition.close');
      const close = closeEvent ? (closeEvent.data.data as ClosureData) : null;
      // New registrations wait in the team queue; nearly everything else has its handler.
      const assigned = status === 'registered' ? rng.chance(0.5) : !rng.chance(0.03);

      yield {
        id: uuidV7(receivedAt, ids),
        caseNo,
        status,
        isOpen: isOpenStatus(status),
        channel,
        receivedAt,
        receivedDate,
        appellantRole,
        carrierId,
        outlet,
        waybillNo,
        serviceType,
        originProvince: r.originProvince,
        originCity: r.originCity.code,
        destProvince: r.destProvince,
        destCity: r.destCity.code,
        category,
        reason,
        description,
        demand,
        demandAmountFen: demandYuan === null ? null : demandYuan * 100,
        priorComplaintMade: priorMade,
        priorComplaintDate: priorMade ? shanghaiDate(dayStartMs(priorDay)) : null,
        priorComplaintResult,
        assigneeId: assigned ? handler.id : null,
        priority: state.escalatedToSupervision
          ? 2
          : (demandYuan ?? 0) >= 5000 || (repeat && rng.chance(0.5))
            ? 1
            : 0,
        transferCount: state.transferCount,
        transferRoundsExceeded: state.transferRoundsExceeded,
        supervised: state.supervised,
        supervisionReminders: state.supervisionReminders,
        escalatedToSupervision: state.escalatedToSupervision,
        reopenCount: state.reopenCount,
        validAppeal: close ? close.validAppeal : null,
        responsibleUnit: close?.responsibleUnit ?? null,
        satisfaction: close ? close.satisfaction.administration : null,
        carrierSatisfaction: close ? close.satisfaction.carrier : null,
        carrierReplyUntruthful: close ? close.carrierReplyUntruthful : null,
        amountRecoveredFen: close ? Math.round(close.recoveredYuan * 100) : null,
        closedAt: closeEvent ? closeEvent.at : null,
        createdAt: events[0]!.at,
        updatedAt: lastEvent.at,
        version: events.length,
        appellant: { id: uuidV7(events[0]!.at, ids), name: person.name, phone: person.phone },
        events,
      };
    }
  }
}

function demandAmount(category: string, value: number, freight: number, rng: Rng): number {
  switch (category) {
    case 'loss':
    case 'cod':
      return value;
    case 'damage':
      return Math.max(20, Math.round((value * (0.3 + 0.7 * rng.next())) / 10) * 10);
    case 'charges':
      return rng.range(5, 60);
    case 'delay':
      return rng.chance(0.3) && value > 0 ? value : freight * rng.range(1, 3);
    default:
      return value > 0 ? value : rng.range(50, 500);
  }
}

/** The staff the demo cases are assigned to (ids `staff-h001` …), for the writer and for tests. */
export { demoStaff } from './people';
