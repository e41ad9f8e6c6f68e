/**
 * Rounding and rates of the notices (DOMAIN §3.4: rates to two decimals, percentages to one or two).
 * Half away from zero on the decimal value, so 1.005 → 1.01 as a person would round it.
 */
export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  // The epsilon absorbs binary representation error (1.005 * 100 = 100.49999…).
  const rounded = Math.round(scaled + 1e-9 * Math.max(1, scaled)) / factor;
  return value < 0 ? -rounded : rounded;
}

/** 申诉率: appeals per million pieces of business volume; null without a volume. */
export function perMillion(count: number, pieces: number | null | undefined): number | null {
  if (!pieces || pieces <= 0) return null;
  return round((count / pieces) * 1_000_000, 2);
}

/** A share in percent (占比), null when the whole is zero. */
export function percent(part: number, whole: number, decimals = 2): number | null {
  return whole > 0 ? round((part / whole) * 100, decimals) : null;
}

/** 环比 / 同比 change in percent, one decimal; null when there is nothing to compare with. */
export function changePercent(current: number, before: number | null): number | null {
  return before !== null && before > 0 ? round(((current - before) / before) * 100, 1) : null;
}

/**
 * How the "average of the main carriers" (主要快递企业平均申诉率) is computed. The published
 * notices do not weight it by volume (DOMAIN §3.4 note: 2023-Q2's overall valid rate was 0.16
 * but the carrier average 0.49), so the default is the plain mean of the carriers' rates.
 */
export const AVERAGING_METHODS = ['unweighted', 'volume_weighted'] as const;
export type AveragingMethod = (typeof AVERAGING_METHODS)[number];
export const DEFAULT_AVERAGING: AveragingMethod = 'unweighted';

export interface RatedCarrier {
  readonly count: number;
  readonly pieces: number;
}

/** The carriers' average rate per million; carriers without a volume are left out. */
export function averageRate(carriers: readonly RatedCarrier[], method: AveragingMethod): number | null {
  const rated = carriers.filter((c) => c.pieces > 0);
  if (rated.length === 0) return null;
  if (method === 'volume_weighted') {
    const count = rated.reduce((s, c) => s + c.count, 0);
    const pieces = rated.reduce((s, c) => s + c.pieces, 0);
    return perMillion(count, pieces);
  }
  const sum = rated.reduce((s, c) => s + (c.count / c.pieces) * 1_000_000, 0);
  return round(sum / rated.length, 2);
}
