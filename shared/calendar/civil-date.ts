/**
 * Calendar dates, as `YYYY-MM-DD` strings and as day numbers (days since 1970-01-01).
 *
 * A day number names a date, not an instant; in this app it is always an Asia/Shanghai date
 * (see shanghai-time.ts for the conversion from instants). Everything here goes through
 * Date.UTC / getUTC*, so the host time zone can never shift a date.
 */
export type DayNumber = number;

export const DAY_MS = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Date.UTC maps years 0–99 to 1900–1999, so earlier years cannot round-trip; none are needed. */
const MIN_YEAR = 1900;

export function tryParseIsoDate(text: string): DayNumber | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < MIN_YEAR) return undefined;
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC rolls 2027-02-30 over to March; the round trip rejects such dates.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    return undefined;
  }
  return ms / DAY_MS;
}

export function parseIsoDate(text: string): DayNumber {
  const day = tryParseIsoDate(text);
  if (day === undefined) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(text)}`);
  return day;
}

const TWO_DIGITS = Array.from({ length: 32 }, (_, n) => String(n).padStart(2, '0'));

/**
 * Bulk recomputation formats a due date per clock, so this is integer arithmetic (the civil-
 * from-days algorithm of H. Hinnant, "chrono-compatible low-level date algorithms") rather than
 * a Date object per call.
 */
export function formatDay(day: DayNumber): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${TWO_DIGITS[m]}-${TWO_DIGITS[d]}`;
}

/** 0 = Sunday … 6 = Saturday. Day 0 (1970-01-01) was a Thursday. */
export function weekdayOf(day: DayNumber): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekend(day: DayNumber): boolean {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
}

export function yearOfDay(day: DayNumber): number {
  // The mean Gregorian year gets within one year of the answer; the year starts settle it.
  const guess = Math.floor(day / 365.2425) + 1970;
  if (firstDayOfYear(guess) > day) return guess - 1;
  return firstDayOfYear(guess + 1) <= day ? guess + 1 : guess;
}

/** Days from 1970-01-01 to January 1 of the year: 365 a year plus the Gregorian leap days in between. */
export function firstDayOfYear(year: number): DayNumber {
  const y = year - 1;
  return 365 * (year - 1970) + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 477;
}

export function daysInYear(year: number): number {
  return firstDayOfYear(year + 1) - firstDayOfYear(year);
}

export const WEEKDAY_NAMES = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  zh: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
} as const;
