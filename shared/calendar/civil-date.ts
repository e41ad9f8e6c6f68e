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

const pad2 = (n: number) => String(n).padStart(2, '0');

export function formatDay(day: DayNumber): string {
  const d = new Date(day * DAY_MS);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
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
  return new Date(day * DAY_MS).getUTCFullYear();
}

export function firstDayOfYear(year: number): DayNumber {
  return Date.UTC(year, 0, 1) / DAY_MS;
}

export function daysInYear(year: number): number {
  return firstDayOfYear(year + 1) - firstDayOfYear(year);
}

export const WEEKDAY_NAMES = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  zh: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
} as const;
