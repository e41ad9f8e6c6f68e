import { Lunar, Solar } from 'lunar-typescript';
import type { CalendarYear } from './calendar-year';
import { firstDayOfYear, formatDay } from './civil-date';
import type { StatutoryHolidayName } from './holiday-names';

/** The festival days fixed by 全国年节及纪念日放假办法 as revised in November 2024 apply from 2025. */
export const ESTIMATE_FIRST_YEAR = 2025;

/**
 * A year for which no notice is known, estimated from the days the law itself fixes (13 days:
 * 元旦 1, 春节 除夕 + 初一–初三, 清明 1, 劳动节 May 1–2, 端午 1, 中秋 1, 国庆 Oct 1–3).
 *
 * The notice each year moves days around these fixed ones (weekend swaps, 调休 make-up days,
 * the merged 国庆+中秋 week), and nothing predicts those, so the estimate has no make-up days
 * and the calendar marks the year provisional until an administrator imports the notice.
 */
export function estimateStatutoryYear(year: number): CalendarYear {
  if (year < ESTIMATE_FIRST_YEAR) {
    throw new RangeError(
      `the statutory estimate follows the 2025 holiday rules and cannot stand in for ${year}`,
    );
  }
  const iso = (solar: Solar) => solar.toYmd();
  const lunarNewYear = Lunar.fromYmd(year, 1, 1);
  const midAutumn = iso(Lunar.fromYmd(year, 8, 15).getSolar());
  const blocks: { name: StatutoryHolidayName; dates: string[] }[] = [
    { name: '元旦', dates: [formatDay(firstDayOfYear(year))] },
    { name: '春节', dates: [-1, 0, 1, 2].map((offset) => iso(lunarNewYear.next(offset).getSolar())) },
    // April 1 is always past the lunar new year, so this table is the solar year's own.
    {
      name: '清明节',
      dates: [iso(requireTerm(Solar.fromYmd(year, 4, 1).getLunar().getJieQiTable(), '清明'))],
    },
    { name: '劳动节', dates: [`${year}-05-01`, `${year}-05-02`] },
    { name: '端午节', dates: [iso(Lunar.fromYmd(year, 5, 5).getSolar())] },
    { name: '中秋节', dates: [midAutumn] },
    // 中秋 can fall on 国庆 (e.g. 2028-10-03). The day is a holiday either way and is listed once,
    // under 中秋, as the published tables do; the extra day a notice grants for the overlap is unknowable.
    { name: '国庆节', dates: [1, 2, 3].map((d) => `${year}-10-0${d}`).filter((d) => d !== midAutumn) },
  ];
  return { year, source: 'statutory-estimate', holidays: blocks, makeUpWorkdays: [] };
}

function requireTerm(table: Record<string, Solar>, name: string): Solar {
  const solar = table[name];
  if (solar === undefined) throw new Error(`lunar-typescript has no solar term ${name}`);
  return solar;
}
