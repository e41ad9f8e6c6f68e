import chineseDays from 'chinese-days';
import type { CalendarYear } from './calendar-year';
import { daysInYear, firstDayOfYear, formatDay } from './civil-date';
import type { StatutoryHolidayName } from './holiday-names';

/** chinese-days labels festivals in English first (`"National Day,国庆节,3"`); these map to the notice names. */
const NAME_BY_PACKAGE_LABEL: Readonly<Record<string, string>> = {
  "New Year's Day": '元旦',
  'Spring Festival': '春节',
  'Tomb-sweeping Day': '清明节',
  'Labour Day': '劳动节',
  'Dragon Boat Festival': '端午节',
  'Mid-autumn Festival': '中秋节',
  'National Day': '国庆节',
} satisfies Record<string, StatutoryHolidayName>;

const cache = new Map<number, CalendarYear | null>();

/**
 * The year as published by the State Council, from the chinese-days package, or undefined when
 * the package has no notice for it (it bundles 2004–2026).
 *
 * Only `getDayDetail(dateString)` is used, and only for the package's holiday/make-up entries.
 * The package builds its tables and reads date strings through host-local Date getters, so west
 * of UTC both are shifted by the same day and cancel out for those entries, while its weekday
 * answers (and the `date` it echoes) are wrong there. Weekdays are therefore computed here.
 */
export function publishedCalendarYear(year: number): CalendarYear | undefined {
  let data = cache.get(year);
  if (data === undefined) {
    data = readYear(year);
    cache.set(year, data);
  }
  return data ?? undefined;
}

function readYear(year: number): CalendarYear | null {
  const holidays = new Map<string, string[]>();
  const makeUpWorkdays: string[] = [];
  const first = firstDayOfYear(year);
  for (let day = first; day < first + daysInYear(year); day++) {
    const date = formatDay(day);
    const detail = chineseDays.getDayDetail(date);
    // Entries from the notice tables carry "English,中文,days"; plain days carry a weekday name.
    const [label, zh] = detail.name.split(',');
    if (zh === undefined || label === undefined) continue;
    if (detail.work) {
      makeUpWorkdays.push(date);
    } else {
      const name = NAME_BY_PACKAGE_LABEL[label] ?? zh;
      holidays.set(name, [...(holidays.get(name) ?? []), date]);
    }
  }
  if (holidays.size === 0 && makeUpWorkdays.length === 0) return null;
  return {
    year,
    source: 'chinese-days',
    holidays: [...holidays].map(([name, dates]) => ({ name, dates })),
    makeUpWorkdays,
  };
}
