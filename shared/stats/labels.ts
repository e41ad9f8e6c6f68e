import { CARRIERS } from '../domain/carriers';
import { CATEGORIES } from '../domain/categories';
import { findProvince } from '../domain/regions';

/** Chinese labels for the codes the notices and exports show (the published notices are in Chinese). */
const carrierZh = new Map(CARRIERS.map((c) => [c.id, c.zh]));
const categoryZh = new Map(CATEGORIES.map((c) => [c.code, c.zh]));
const reasonZh = new Map(CATEGORIES.flatMap((c) => c.reasons.map((r) => [r.code, r.zh] as const)));

const SERVICE_TYPE_ZH: Readonly<Record<string, string>> = {
  express: '快递',
  postal_parcel: '包件',
  postal_letter: '函件',
  postal_philately: '集邮',
  postal_other: '其他邮政业务',
};

export const carrierLabel = (id: string) => carrierZh.get(id) ?? id;
export const categoryLabel = (code: string) => categoryZh.get(code) ?? code;
export const reasonLabel = (code: string) => reasonZh.get(code) ?? code;
export const provinceLabel = (code: string) => findProvince(code)?.zh ?? code;
export const serviceTypeLabel = (code: string) => SERVICE_TYPE_ZH[code] ?? code;
