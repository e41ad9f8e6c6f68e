import chineseDays from 'chinese-days';
import { SHANGHAI_OFFSET_MS } from '../../shared/domain/time';
import type { Rng } from './random';
import { Weighted } from './random';

/**
 * The rhythm of appeal intake: the 12305 line answers on working days from 8:30 to 17:30 and
 * plays a recording otherwise (DOMAIN §0 Channels), while web and WeChat appeals arrive at any
 * hour; volume rises after the 双十一 (11 Nov) and 618 (18 Jun) shopping festivals, when parcel
 * volume peaks. Days are Asia/Shanghai calendar days, numbered from 1970-01-01.
 */
export const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

export const shanghaiDayNo = (at: number): number => Math.floor((at + SHANGHAI_OFFSET_MS) / DAY_MS);
export const dayStartMs = (dayNo: number): number => dayNo * DAY_MS - SHANGHAI_OFFSET_MS;
export const dayKey = (dayNo: number): string => new Date(dayNo * DAY_MS).toISOString().slice(0, 10);

/**
 * Working days per the State Council's annual notices, as bundled in chinese-days (make-up
 * Saturdays count as working days, holiday weekdays do not). Years the package does not know
 * fall back to Monday–Friday inside the package. Cached: the generator asks millions of times.
 */
export class WorkCalendar {
  private readonly cache = new Map<number, boolean>();

  isWorkday(dayNo: number): boolean {
    let v = this.cache.get(dayNo);
    if (v === undefined) {
      v = chineseDays.isWorkday(dayKey(dayNo));
      this.cache.set(dayNo, v);
    }
    return v;
  }

  /** The n-th working day after `dayNo` (n = 0: `dayNo` itself if it is one, else the next). */
  workdayAfter(dayNo: number, n: number): number {
    let d = dayNo;
    if (n === 0) {
      while (!this.isWorkday(d)) d++;
      return d;
    }
    let left = n;
    while (left > 0) {
      d++;
      if (this.isWorkday(d)) left--;
    }
    return d;
  }
}

/** Half-hour slots of the day with relative intake weights. */
type SlotWeights = readonly number[];

/** 12305 hours: 8:30–17:30 with a lunch dip; letters and faxes are logged in the same hours. */
const OFFICE_SLOTS: SlotWeights = Array.from({ length: 48 }, (_, s) => {
  if (s < 17 || s >= 35) return 0; // before 08:30, from 17:30
  if (s === 17) return 0.7;
  if (s <= 22) return 1.15; // 09:00–11:30 is the morning peak
  if (s === 23) return 0.8;
  if (s <= 26) return 0.35; // 12:00–13:30
  if (s <= 32) return 1.0;
  return 0.7; // 16:30–17:30
});

/** Web and WeChat: any hour, low at night, a second peak in the evening after work. */
const ONLINE_SLOTS: SlotWeights = Array.from({ length: 48 }, (_, s) => {
  const h = Math.floor(s / 2);
  if (h < 6) return 0.08;
  if (h < 8) return 0.35;
  if (h < 12) return 1.0;
  if (h < 14) return 0.85;
  if (h < 18) return 0.95;
  if (h < 23) return 1.2;
  return 0.5;
});

/** Samples a time of day from slot weights, optionally only before `beforeMs` into the day. */
export class TimeOfDay {
  private readonly full: Weighted<number>;

  constructor(private readonly slots: SlotWeights) {
    this.full = new Weighted(slots.map((w, s) => [s, w] as const));
  }

  /** Share of the day's weight that lies before `msIntoDay` (for the partial current day). */
  shareBefore(msIntoDay: number): number {
    const cut = msIntoDay / (30 * MINUTE_MS);
    let before = 0;
    let total = 0;
    this.slots.forEach((w, s) => {
      total += w;
      before += w * Math.max(0, Math.min(1, cut - s));
    });
    return total === 0 ? 0 : before / total;
  }

  /** Milliseconds into the day; `limitMs` caps the result (the current day ends at `now`). */
  sample(rng: Rng, limitMs = DAY_MS): number {
    for (let attempt = 0; attempt < 20; attempt++) {
      const ms = this.full.pick(rng) * 30 * MINUTE_MS + rng.int(30 * MINUTE_MS);
      if (ms < limitMs) return ms;
    }
    return rng.int(Math.max(1, limitMs));
  }
}

export const OFFICE_HOURS = new TimeOfDay(OFFICE_SLOTS);
export const ONLINE_HOURS = new TimeOfDay(ONLINE_SLOTS);

/** How busy a calendar day is, relative to an ordinary working day (1.0). */
export function dayIntensity(dayNo: number, calendar: WorkCalendar, spanStartDay: number): number {
  const date = new Date(dayNo * DAY_MS);
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  // Only web and WeChat appeals come in on days off, and fewer of them.
  let w = calendar.isWorkday(dayNo) ? 1 : 0.22;
  w *= 1 + 0.75 * afterPeak(month, day, 11, 11, 35) + 0.35 * afterPeak(month, day, 6, 18, 25);
  // Parcel volume, and with it appeals, grows year on year (about 10 % a year here).
  w *= 1 + (0.1 * (dayNo - spanStartDay)) / 365;
  return w;
}

/**
 * A bump after a shopping festival: parcels shipped on the day arrive late, lost or damaged a
 * few days later and the appeals follow (after the 7-day carrier window) one to three weeks on.
 */
function afterPeak(month: number, day: number, peakMonth: number, peakDay: number, length: number): number {
  const start = Date.UTC(2001, peakMonth - 1, peakDay);
  let offset = (Date.UTC(2001, month - 1, day) - start) / DAY_MS;
  if (offset < 0) offset += 365;
  if (offset <= 0 || offset > length) return 0;
  const rise = 9;
  return offset < rise ? offset / rise : Math.exp(-(offset - rise) / (length / 3));
}

/**
 * Whether delays are in season: the weeks after 双十一 and 618, and the Spring Festival slowdown
 * (mid-January to mid-February), when networks are short of couriers.
 */
export function isPeakSeason(dayNo: number): boolean {
  const date = new Date(dayNo * DAY_MS);
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  return (
    (m === 11 && d >= 12) ||
    (m === 12 && d <= 10) ||
    (m === 6 && d >= 19) ||
    (m === 1 && d >= 15) ||
    (m === 2 && d <= 20)
  );
}
