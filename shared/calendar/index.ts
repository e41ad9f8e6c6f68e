/** The working-day calendar: what the rest of the app imports. */
export {
  CALENDAR_SOURCES,
  CALENDAR_YEAR_RANGE,
  calendarYearSchema,
  findCalendarYearIssues,
  parseCalendarYearImport,
} from './calendar-year';
export type {
  CalendarHoliday,
  CalendarImportResult,
  CalendarIssue,
  CalendarIssueCode,
  CalendarSource,
  CalendarYear,
} from './calendar-year';
export { WEEKDAY_NAMES, formatDay, parseIsoDate, tryParseIsoDate, weekdayOf } from './civil-date';
export type { DayNumber } from './civil-date';
export { STATUTORY_HOLIDAYS, holidayNameEn } from './holiday-names';
export { formatInstant, parseInstant, shanghaiDay, startOfShanghaiDay } from './shanghai-time';
export { CalendarDataError, CalendarRangeError, WorkingCalendar, buildCalendar } from './working-calendar';
export type { DayInfo, DayKind, ResolvedCalendarYear } from './working-calendar';
