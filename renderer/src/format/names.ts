import { findCategory, findReason } from '../../../shared/domain/categories';
import { findProvince } from '../../../shared/domain/regions';
import type { CarrierRef, Locale, StaffMember } from '../../../shared/rpc/dto';

/** Reference data carries both languages; pick the one the UI speaks. */
export function localName(named: { zh: string; en: string }, locale: Locale): string {
  return locale === 'en' ? named.en : named.zh;
}

export function carrierName(carrier: CarrierRef | undefined, locale: Locale): string {
  if (!carrier) return '';
  return locale === 'en' ? carrier.nameEn : carrier.nameZh;
}

export function categoryName(code: string, locale: Locale): string {
  const category = findCategory(code);
  return category ? localName(category, locale) : code;
}

export function reasonName(categoryCode: string, reasonCode: string, locale: Locale): string {
  const reason = findReason(categoryCode, reasonCode);
  return reason ? localName(reason, locale) : reasonCode;
}

export function provinceName(code: string, locale: Locale): string {
  const province = findProvince(code);
  return province ? localName(province, locale) : code;
}

export function staffName(staff: readonly StaffMember[], id: string | null): string | null {
  if (id === null) return null;
  return staff.find((s) => s.id === id)?.name ?? id;
}
