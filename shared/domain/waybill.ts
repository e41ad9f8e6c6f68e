/** Waybill-number checks: the carrier's configured pattern, and the UPU S10 check digit. */

export function normaliseWaybill(raw: string): string {
  return raw.replace(/[\s-]/g, '').toUpperCase();
}

const S10 = /^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$/;
const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;

/** UPU S10 check digit for the 8-digit serial: 11 − (Σ wᵢdᵢ mod 11), with 10 → 0 and 11 → 5. */
export function s10CheckDigit(serial: string): number {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(serial[i]) * S10_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 0 : c === 11 ? 5 : c;
}

export function isS10Shaped(waybill: string): boolean {
  return S10.test(waybill);
}

export function isValidS10(waybill: string): boolean {
  const m = S10.exec(waybill);
  return m !== null && s10CheckDigit(m[2]!) === Number(m[3]);
}

export type WaybillProblem = 'empty' | 'pattern' | 's10_check_digit';

export interface WaybillRule {
  readonly waybillPattern: string;
  readonly acceptsS10: boolean;
}

/** Returns null when the number is possible for the carrier, otherwise what is wrong with it. */
export function checkWaybill(raw: string, rule: WaybillRule): WaybillProblem | null {
  const n = normaliseWaybill(raw);
  if (n.length === 0) return 'empty';
  if (rule.acceptsS10 && isS10Shaped(n)) return isValidS10(n) ? null : 's10_check_digit';
  return new RegExp(rule.waybillPattern).test(n) ? null : 'pattern';
}
