import type { Demand } from '../../shared/domain/channel';
import { CATEGORIES } from '../../shared/domain/categories';
import type { Rng } from './random';
import { Weighted } from './random';

/**
 * What goes wrong with demo parcels, what users ask for, and how often the carrier is found
 * responsible: the shares of the SPB notices (DOMAIN §2, §3.4), as weights.
 */

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

/** A level-1 category and its level-2 reason. */
export function pickProblem(postal: boolean, peak: boolean, rng: Rng): { category: string; reason: string } {
  const table = postal
    ? peak
      ? CATEGORY_TABLES.postalPeak
      : CATEGORY_TABLES.postal
    : peak
      ? CATEGORY_TABLES.expressPeak
      : CATEGORY_TABLES.express;
  const category = table.pick(rng);
  return { category, reason: REASON_TABLES.get(category)!.pick(rng) };
}

/** What the user asks for; money only where there is an amount to ask for. */
export function pickDemand(
  category: string,
  valueYuan: number,
  freightYuan: number,
  rng: Rng,
): { demand: Demand; demandYuan: number | null } {
  let demand = DEMAND_TABLES[category]!.pick(rng);
  if (demand === 'compensation' && valueYuan === 0 && category !== 'charges') demand = 'explanation';
  return {
    demand,
    demandYuan: demand === 'compensation' ? demandAmount(category, valueYuan, freightYuan, rng) : null,
  };
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

/** The chance that the carrier is found responsible (有效申诉). */
export function validChance(carrierId: string, category: string): number {
  return VALID_BASE * (VALID_BY_CARRIER[carrierId] ?? 1) * (VALID_BY_CATEGORY[category] ?? 1);
}

/**
 * What the user gets back: most of the claim when the appeal is valid; now and then a goodwill
 * payment when it is not (carriers settle to close a complaint).
 */
export function recoveredAmount(valid: boolean, claimYuan: number, rng: Rng): number {
  if (valid) {
    if (claimYuan > 0) return Math.round(claimYuan * (0.4 + 0.6 * rng.next()));
    return rng.chance(0.2) ? rng.range(10, 100) : 0;
  }
  return rng.chance(0.08) ? rng.range(20, 200) : 0;
}

/** Haggling over compensation is itself the complaint to the carrier (DOMAIN §1.1). */
export const NEGOTIATED: ReadonlySet<string> = new Set([
  'compensation_amount',
  'not_compensated',
  'damage_compensation_amount',
]);
