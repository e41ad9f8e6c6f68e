import { s10CheckDigit } from '../../shared/domain/waybill';
import type { Rng } from './random';
import { Weighted } from './random';

/**
 * Carriers as they appear in appeals, and waybill numbers in each carrier's format.
 *
 * Weights follow parcel market share (ZTO, YTO, Yunda, STO and J&T carry most parcels; SF, the
 * post, JD and Deppon follow), nudged by appeal rates: the notices show the franchise networks
 * with more appeals per million items than SF or JD. China Post's universal service is 3–5 % of
 * appeals (DOMAIN §3.4). Every number must pass checkWaybill for its carrier; the tests check it.
 */
export const CARRIER_WEIGHTS = new Weighted<string>([
  ['zto', 20],
  ['yto', 15],
  ['yunda', 14],
  ['sto', 13],
  ['jt', 13],
  ['sf', 7.5],
  ['china_post', 4],
  ['ems', 4.5],
  ['jd', 4],
  ['deppon', 1.8],
  ['cainiao', 2],
  ['sinotrans', 0.2],
]);

const digits = (rng: Rng, n: number): string => {
  let s = '';
  while (s.length < n) s += String(rng.u32() % 1_000_000_000).padStart(9, '0');
  return s.slice(0, n);
};

const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

/**
 * A UPU S10 number (two service letters, 8-digit serial, check digit, country) with a valid
 * check digit. China Post's international items: R registered letter, C parcel, L tracked
 * small packet, U untracked small packet, E for EMS.
 */
export function s10Number(service: string, rng: Rng): string {
  const serial = digits(rng, 8);
  return `${service}${serial}${s10CheckDigit(serial)}CN`;
}

const POST_S10_SERVICES = ['RR', 'RA', 'CP', 'LX', 'LT', 'UA'] as const;
const EMS_S10_SERVICES = ['EA', 'EB', 'EE', 'EJ'] as const;

/** A waybill number for the carrier; `international` asks for an S10 number where the carrier uses them. */
export function waybillFor(carrierId: string, rng: Rng, international = false): string {
  switch (carrierId) {
    case 'china_post':
      if (international) return s10Number(rng.pick(POST_S10_SERVICES), rng);
      return (rng.chance(0.7) ? '9' : '1') + digits(rng, 12);
    case 'ems':
      if (international) return s10Number(rng.pick(EMS_S10_SERVICES), rng);
      return (rng.chance(0.6) ? '1' : '5') + digits(rng, 12);
    case 'sf':
      return `SF${rng.chance(0.8) ? '1' : '3'}${digits(rng, 12)}`;
    case 'zto':
      return `7${rng.pick(['3', '5', '8'])}${digits(rng, 12)}`;
    case 'yto':
      return `YT${rng.pick(['7', '8', '6'])}${digits(rng, 12)}`;
    case 'sto':
      return `77${rng.pick(['3', '2', '0'])}${digits(rng, 12)}`;
    case 'yunda':
      return rng.chance(0.55) ? `43${digits(rng, 11)}` : `31${digits(rng, 13)}`;
    case 'jt':
      return `JT${rng.pick(['5', '3'])}${digits(rng, 12)}`;
    case 'jd': {
      let tail = '';
      const len = rng.chance(0.7) ? 11 : 12;
      // JD numbers are mostly digits after a letter or two: JDVA/JDVB/JDX + alphanumerics.
      tail += rng.pick(['A', 'B', 'C', 'D']);
      while (tail.length < len)
        tail += rng.chance(0.85) ? String(rng.int(10)) : ALNUM[rng.int(ALNUM.length)]!;
      return `JD${rng.chance(0.8) ? 'V' : 'X'}${tail}`;
    }
    case 'deppon':
      return `DPK${rng.pick(['3', '6'])}${digits(rng, 11)}`;
    case 'cainiao':
      return `CN${digits(rng, 13)}`;
    case 'sinotrans':
      return digits(rng, rng.pick([10, 11, 12]));
    default:
      throw new RangeError(`no waybill format for carrier ${carrierId}`);
  }
}

/** Carriers that carry international items under S10 numbers in the demo. */
export const INTERNATIONAL_CARRIERS: ReadonlySet<string> = new Set(['china_post', 'ems']);
