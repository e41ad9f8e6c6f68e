import { findCarrierSeed } from '../../shared/domain/carriers';
import type { AppellantRole, Channel, Demand, ServiceType } from '../../shared/domain/channel';
import { isOpenStatus, type CaseStatus } from '../../shared/domain/status';
import { shanghaiDate } from '../../shared/domain/time';
import { WorkCalendar, dayStartMs, isPeakSeason, shanghaiDayNo } from './calendar';
import { POSTAL_SERVICE_TYPES, itemFor, itemValue } from './items';
import { simulatePath, type SeedEvent } from './path';
import {
  HANDLER_TEAMS,
  MEDIATION_TEAM,
  chineseName,
  demoPhone,
  demoStaff,
  personAt,
  type DemoStaff,
  type Person,
} from './people';
import { cityIn, hubName, outletName, route, shortCityName } from './places';
import { ArrivalPlan } from './plan';
import { NEGOTIATED, pickDemand, pickProblem, recoveredAmount, validChance } from './problems';
import { Rng, Weighted, uuidV7 } from './random';
import { describe, monthDay, priorResult } from './texts';
import { CARRIER_WEIGHTS, INTERNATIONAL_CARRIERS, waybillFor } from './waybills';
import { yuanToFen } from '../../shared/domain/money';

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

const ROLES = new Weighted<AppellantRole>([
  ['recipient', 60],
  ['sender', 35],
  ['agent', 5],
]);
/** Problems the sender has (pickup, price, cash on delivery): the outlet is the sending one. */
const SENDER_SIDE: ReadonlySet<string> = new Set(['collection', 'charges', 'cod']);

/** The demo desk's staff grouped the way cases are assigned. */
class Roster {
  readonly handlersByTeam: DemoStaff[][];
  readonly leadByTeam: DemoStaff[];
  readonly mediators: DemoStaff[];

  constructor(seed: number) {
    const staff = demoStaff(seed);
    this.handlersByTeam = HANDLER_TEAMS.map((t) =>
      staff.filter((s) => s.team === t && s.roles.includes('handler')),
    );
    this.leadByTeam = HANDLER_TEAMS.map((t) =>
      staff.find((s) => s.team === t && s.roles.includes('team_lead'))!,
    );
    this.mediators = staff.filter((s) => s.team === MEDIATION_TEAM && s.roles.includes('mediator'));
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

/** The item: carrier, service, waybill and route. */
function shipment(rng: Rng) {
  const carrierId = CARRIER_WEIGHTS.pick(rng);
  const carrier = findCarrierSeed(carrierId)!;
  const postal = carrier.kind === 'postal';
  const serviceType: ServiceType = postal ? POSTAL_SERVICE_TYPES.pick(rng) : 'express';
  const international =
    INTERNATIONAL_CARRIERS.has(carrierId) &&
    (serviceType === 'express' || serviceType === 'postal_parcel' || serviceType === 'postal_letter') &&
    rng.chance(carrierId === 'ems' ? 0.1 : 0.06);
  return {
    carrier,
    postal,
    serviceType,
    international,
    waybillNo: waybillFor(carrierId, rng, international),
    route: route(rng),
  };
}

/** Who appeals: a few people appeal again, weeks later, about another parcel. */
class Appellants {
  private count = 0;

  constructor(private readonly seed: number) {}

  next(rng: Rng): Person & { repeat: boolean } {
    if (this.count > 100 && rng.chance(0.05)) {
      const index = this.count - 1 - Math.floor(rng.logUniform(1, Math.min(this.count, 50_000)));
      return { ...personAt(index, this.seed), repeat: true };
    }
    return { ...personAt(this.count++, this.seed), repeat: false };
  }
}

export function* generateDemoCases(options: GenerateOptions): Generator<DemoCase> {
  const { seed, count, now } = options;
  const caseNumber = options.caseNumber ?? defaultNumbering();
  const calendar = new WorkCalendar();
  const plan = new ArrivalPlan(seed, count, now, calendar);
  const roster = new Roster(seed);
  const appellants = new Appellants(seed);
  const ids = Rng.derive(seed, 0x1d5, options.idSalt ?? 0);
  let index = 0;

  for (const { dayNo, arrivals } of plan.days()) {
    const peak = isPeakSeason(dayNo);
    const receivedDate = shanghaiDate(dayStartMs(dayNo));
    for (const { receivedAt, channel } of arrivals) {
      // One stream per case: a case's content does not depend on how the others drew.
      const rng = Rng.derive(seed, 0xca5e, index++);
      const { carrier, postal, serviceType, international, waybillNo, route: r } = shipment(rng);

      // What went wrong, where, and what the user wants.
      const { category, reason } = pickProblem(postal, peak, rng);
      const item = itemFor(serviceType, rng);
      const value = itemValue(item, rng);
      const senderSide = SENDER_SIDE.has(category);
      const appellantRole: AppellantRole = senderSide
        ? rng.chance(0.85)
          ? 'sender'
          : 'agent'
        : ROLES.pick(rng);
      const outlet = outletName(carrier.id, senderSide ? r.originCity : r.destCity, rng);
      const hub = hubName(cityIn(rng.chance(0.5) ? r.originProvince : r.destProvince, rng));
      const freight = rng.range(8, 25);
      // Uninsured losses are offered three times the postage (邮政法 Art.47); damage a fraction of the value.
      const offerYuan =
        category === 'damage' ? Math.max(10, Math.round(value * (0.1 + 0.3 * rng.next()))) : freight * 3;
      const { demand, demandYuan } = pickDemand(category, value, freight, rng);

      // The complaint to the carrier first (DOMAIN §1.1): most callers made it, a few too recently.
      const receivedDay = shanghaiDayNo(receivedAt);
      const priorMade = NEGOTIATED.has(reason) || rng.chance(0.93);
      const windowOpen = priorMade && rng.chance(0.03);
      const priorDay = receivedDay - (windowOpen ? rng.range(1, 6) : rng.range(7, 30));
      const sentDay = priorDay - rng.range(2, 15);
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
      const person = appellants.next(rng);

      // The outcome, decided now so that the carrier's reply and the closure agree.
      const valid = rng.chance(validChance(carrier.id, category));
      const claim = demandYuan ?? 0;
      const recoveredYuan = recoveredAmount(valid, claim, rng);
      const team = rng.int(HANDLER_TEAMS.length);
      const handler = rng.pick(roster.handlersByTeam[team]!);
      const caseNo = caseNumber(receivedDate);
      const path = simulatePath({
        rng,
        calendar,
        channel,
        receivedAt,
        caseNo,
        carrierId: carrier.id,
        carrierZh: carrier.zh,
        outlet,
        hub,
        category,
        prior: { made: priorMade, windowOpen },
        valid,
        firstOfferYuan: Math.min(recoveredYuan, offerYuan),
        recoveredYuan,
        mediationYuan: claim > 0 ? Math.round(claim * (0.5 + 0.4 * rng.next())) : 0,
        staff: {
          // A call is logged by whoever answers it; the case then goes to a handler of the team.
          callTaker: rng.chance(0.7) ? handler.id : rng.pick(roster.handlersByTeam[team]!).id,
          handler: handler.id,
          mediator: rng.pick(roster.mediators).id,
          lead: roster.leadByTeam[team]!.id,
        },
        carrierContact: { name: chineseName(rng), phone: demoPhone(rng.int(33_000_000), seed ^ 0x5a5a) },
      });

      // The case as it stands at `now`: what comes later has not happened yet.
      const events = path.filter((e, i) => i === 0 || e.at <= now);
      if (events[0]!.at > now) events[0]!.at = now;
      const last = events[events.length - 1]!;
      const state = last.after;
      const closeEvent = events.find((e) => e.type === 'transition.close');
      const close = closeEvent ? (closeEvent.data.data as ClosureData) : null;
      // New registrations wait in the team queue; nearly everything else has its handler.
      const assigned = state.status === 'registered' ? rng.chance(0.5) : !rng.chance(0.03);
      const priority = state.escalatedToSupervision
        ? 2
        : claim >= 5000 || (person.repeat && rng.chance(0.5))
          ? 1
          : 0;

      yield {
        id: uuidV7(receivedAt, ids),
        caseNo,
        status: state.status,
        isOpen: isOpenStatus(state.status),
        channel,
        receivedAt,
        receivedDate,
        appellantRole,
        carrierId: carrier.id,
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
        priority,
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
        amountRecoveredFen: close ? yuanToFen(close.recoveredYuan) : null,
        closedAt: closeEvent ? closeEvent.at : null,
        createdAt: events[0]!.at,
        updatedAt: last.at,
        version: events.length,
        appellant: { id: uuidV7(events[0]!.at, ids), name: person.name, phone: person.phone },
        events,
      };
    }
  }
}

/** The staff the demo cases are assigned to (ids `staff-h001` …), for the writer and for tests. */
export { demoStaff } from './people';
