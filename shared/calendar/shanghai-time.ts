import { DAY_MS, formatDay } from './civil-date';
import type { DayNumber } from './civil-date';

/**
 * Instants (UTC epoch ms) seen in Asia/Shanghai. China has used UTC+8 without daylight saving
 * since 1991, so a fixed offset is exact for every date this app handles and needs no tz database.
 */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const MINUTE_MS = 60_000;

export function shanghaiDay(at: number): DayNumber {
  return Math.floor((at + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** The instant 00:00 (+08:00) of the given date. */
export function startOfShanghaiDay(day: DayNumber): number {
  return day * DAY_MS - SHANGHAI_OFFSET_MS;
}

/** Milliseconds since 00:00 (+08:00) of the instant's own date. */
export function shanghaiTimeOfDayMs(at: number): number {
  return at - startOfShanghaiDay(shanghaiDay(at));
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function clock(ms: number, withSeconds: boolean): string {
  const minutes = Math.floor(ms / MINUTE_MS);
  const hm = `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
  return withSeconds ? `${hm}:${pad2(Math.floor((ms % MINUTE_MS) / 1000))}` : hm;
}

/** `2026-10-31T00:00:00+08:00`: ISO 8601 with the Shanghai offset, as shown to users and scripts. */
export function formatInstant(at: number): string {
  return `${formatDay(shanghaiDay(at))}T${clock(shanghaiTimeOfDayMs(at), true)}+08:00`;
}

/** `2026-09-30 16:10`, for explanations (the +08:00 is stated once by the caller). */
export function formatShanghaiMinute(at: number): string {
  return `${formatDay(shanghaiDay(at))} ${clock(shanghaiTimeOfDayMs(at), false)}`;
}

const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * Parses an ISO 8601 instant that states its offset (`2026-09-30T16:10+08:00`, `…Z`).
 * Strings without an offset are refused: read as host-local time they would depend on the machine.
 */
export function parseInstant(text: string): number {
  const m = ISO_INSTANT.exec(text);
  const fail = () =>
    new RangeError(
      `not an ISO 8601 time with an offset (e.g. 2026-09-30T16:10+08:00): ${JSON.stringify(text)}`,
    );
  if (!m) throw fail();
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = Number(m[6] ?? 0);
  const millis = Number((m[7] ?? '0').padEnd(3, '0'));
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) throw fail();
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  if (new Date(local).getUTCDate() !== day) throw fail();
  const offsetMinutes = m[8] === 'Z' ? 0 : (m[9] === '-' ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11]));
  return local - offsetMinutes * MINUTE_MS;
}

const TIME_OF_DAY = /^(\d{2}):(\d{2})$/;

/** `HH:MM` as minutes after midnight; `24:00` (the end of the day) is allowed and gives 1440. */
export function parseTimeOfDay(text: string): number | undefined {
  const m = TIME_OF_DAY.exec(text);
  if (!m) return undefined;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return Number(m[2]) < 60 && minutes <= 1440 ? minutes : undefined;
}
