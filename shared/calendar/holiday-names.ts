/**
 * The seven festivals of 全国年节及纪念日放假办法, named as the State Council's annual notices name
 * them. Calendar data stores the Chinese name; English is only for display.
 */
export const STATUTORY_HOLIDAYS = [
  { zh: '元旦', en: "New Year's Day" },
  { zh: '春节', en: 'Spring Festival' },
  { zh: '清明节', en: 'Qingming Festival' },
  { zh: '劳动节', en: 'Labour Day' },
  { zh: '端午节', en: 'Dragon Boat Festival' },
  { zh: '中秋节', en: 'Mid-Autumn Festival' },
  { zh: '国庆节', en: 'National Day' },
] as const;

export type StatutoryHolidayName = (typeof STATUTORY_HOLIDAYS)[number]['zh'];

/** English label for a stored holiday name; names outside the statutory seven are shown as stored. */
export function holidayNameEn(name: string): string {
  return STATUTORY_HOLIDAYS.find((h) => h.zh === name)?.en ?? name;
}
