import type { Channel } from '../../shared/domain/channel';
import { DAY_MS, OFFICE_HOURS, ONLINE_HOURS, dayIntensity, dayStartMs, shanghaiDayNo } from './calendar';
import type { WorkCalendar } from './calendar';
import { Rng, Weighted } from './random';

/**
 * When the demo appeals arrive: `count` cases over the `days` days up to `now`, shared out by
 * each day's intensity, in time order. The plan is computed per day as the generator goes, so
 * a million cases need no more memory than one day's worth.
 */
export const DEFAULT_SPAN_DAYS = 730;

/** 12305 calls dominate on working days; letters, faxes and 12345 hand-overs are few. */
const WORKDAY_CHANNELS = new Weighted<Channel>([
  ['phone_12305', 66],
  ['web', 15],
  ['wechat', 12],
  ['hotline_12345', 4],
  ['letter', 2],
  ['fax', 1],
]);
/** On days off the line plays a recording: only online appeals come in. */
const OFFDAY_CHANNELS = new Weighted<Channel>([
  ['web', 55],
  ['wechat', 45],
]);
const ONLINE: ReadonlySet<Channel> = new Set(['web', 'wechat']);
const OFFICE_SHARE = 1 - 0.27; // the share of office-hours channels in WORKDAY_CHANNELS, about

export interface Arrival {
  receivedAt: number;
  channel: Channel;
}

export interface DayArrivals {
  dayNo: number;
  arrivals: Arrival[];
}

export class ArrivalPlan {
  readonly firstDay: number;
  readonly lastDay: number;
  private readonly weights: Float64Array;
  private readonly totalWeight: number;

  constructor(
    private readonly seed: number,
    readonly count: number,
    readonly now: number,
    readonly calendar: WorkCalendar,
    spanDays = DEFAULT_SPAN_DAYS,
  ) {
    this.lastDay = shanghaiDayNo(now);
    this.firstDay = this.lastDay - spanDays + 1;
    this.weights = new Float64Array(spanDays);
    let total = 0;
    for (let i = 0; i < spanDays; i++) {
      const day = this.firstDay + i;
      // Day-to-day noise: real intake is never a smooth curve.
      let w = dayIntensity(day, calendar, this.firstDay) * (0.85 + 0.3 * Rng.derive(seed, 0xda1, day).next());
      if (day === this.lastDay) w *= this.shareOfToday(day);
      this.weights[i] = w;
      total += w;
    }
    this.totalWeight = total;
  }

  /** How much of today's intake has already happened at `now`. */
  private shareOfToday(day: number): number {
    const ms = this.now - dayStartMs(day);
    const online = ONLINE_HOURS.shareBefore(ms);
    return this.calendar.isWorkday(day)
      ? OFFICE_SHARE * OFFICE_HOURS.shareBefore(ms) + (1 - OFFICE_SHARE) * online
      : online;
  }

  /**
   * Cases per day by cumulative rounding: the counts add up to exactly `count`, and each day
   * gets its share of the total weight to within one case.
   */
  *days(): Generator<DayArrivals> {
    let cumulative = 0;
    let assigned = 0;
    for (let i = 0; i < this.weights.length; i++) {
      cumulative += this.weights[i]!;
      const upTo =
        i === this.weights.length - 1 ? this.count : Math.round((this.count * cumulative) / this.totalWeight);
      const n = upTo - assigned;
      assigned = upTo;
      if (n > 0) yield { dayNo: this.firstDay + i, arrivals: this.arrivals(this.firstDay + i, n) };
    }
  }

  private arrivals(day: number, n: number): Arrival[] {
    const rng = Rng.derive(this.seed, 0xa11, day);
    const start = dayStartMs(day);
    const limit = day === this.lastDay ? Math.max(1, this.now - start + 1) : DAY_MS;
    const workday = this.calendar.isWorkday(day);
    const officeOpen = OFFICE_HOURS.shareBefore(limit) > 0;
    const out: Arrival[] = [];
    for (let i = 0; i < n; i++) {
      let channel = (workday ? WORKDAY_CHANNELS : OFFDAY_CHANNELS).pick(rng);
      if (!ONLINE.has(channel) && !officeOpen) channel = rng.chance(0.55) ? 'web' : 'wechat';
      const hours = ONLINE.has(channel) ? ONLINE_HOURS : OFFICE_HOURS;
      out.push({ receivedAt: start + hours.sample(rng, limit), channel });
    }
    return out.sort((a, b) => a.receivedAt - b.receivedAt);
  }
}
