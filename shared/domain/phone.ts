import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * Mainland China phone numbers (mobile or fixed line with area code), validated with
 * libphonenumber's full metadata. Returns the national significant number, or null.
 */
export function normaliseMainlandPhone(raw: string): string | null {
  const trimmed = raw.trim();
  if (!trimmed) return null;
  const parsed = parsePhoneNumberFromString(trimmed, 'CN');
  if (!parsed || parsed.country !== 'CN' || !parsed.isValid()) return null;
  return parsed.nationalNumber;
}

/** 138****5678 for mobiles; fixed lines keep the area code and the last four digits. */
export function maskPhone(phone: string): string {
  if (phone.length <= 4) return '*'.repeat(phone.length);
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  const keep = Math.min(4, phone.length - 4);
  return `${phone.slice(0, keep)}${'*'.repeat(phone.length - keep - 4)}${phone.slice(-4)}`;
}

/** 张** / J*** : the family name or first letter stays, the rest is hidden. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** ID numbers keep the first 3 and last 4 characters. */
export function maskIdNumber(id: string): string {
  if (id.length <= 7) return '*'.repeat(id.length);
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`;
}
