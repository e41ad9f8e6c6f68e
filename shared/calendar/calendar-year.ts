import { z } from 'zod';
import { isWeekend, tryParseIsoDate, yearOfDay } from './civil-date';

/**
 * One year of the national working calendar as plain JSON: the holiday blocks and the 调休
 * make-up working days (weekend days worked) of the State Council's annual notice.
 * Weekends and weekdays are implied; only the exceptions are stored.
 */
export const CALENDAR_SOURCES = [
  'chinese-days', // published notice, as bundled in the chinese-days package
  'import', // entered by an administrator from the published notice
  'statutory-estimate', // computed from the statutory festivals alone: provisional
] as const;
export type CalendarSource = (typeof CALENDAR_SOURCES)[number];

export const CALENDAR_YEAR_RANGE = { min: 2000, max: 2100 } as const;

const isoDateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written YYYY-MM-DD' });

export const calendarYearSchema = z.object({
  year: z
    .number()
    .int()
    .min(CALENDAR_YEAR_RANGE.min)
    .max(CALENDAR_YEAR_RANGE.max, {
      error: `year must be an integer from ${CALENDAR_YEAR_RANGE.min} to ${CALENDAR_YEAR_RANGE.max}`,
    }),
  source: z.enum(CALENDAR_SOURCES),
  holidays: z.array(
    z.object({
      name: z.string().trim().min(1, { error: 'a holiday needs a name' }).max(60),
      dates: z.array(isoDateText).min(1, { error: 'a holiday needs at least one date' }),
    }),
  ),
  makeUpWorkdays: z.array(isoDateText),
});
export type CalendarYear = z.output<typeof calendarYearSchema>;
export type CalendarHoliday = CalendarYear['holidays'][number];

/** The import file may omit `source`; when given it must say `import`, so published data is never relabelled by accident. */
const importSchema = calendarYearSchema.extend({
  source: z
    .literal('import', { error: "an imported year must have source 'import' (or leave source out)" })
    .default('import'),
});

export const CALENDAR_ISSUE_CODES = [
  'invalid_json',
  'schema',
  'year_mismatch',
  'invalid_date',
  'date_outside_year',
  'duplicate_date',
  'makeup_not_weekend',
  'holiday_and_makeup',
  'duplicate_year',
] as const;
export type CalendarIssueCode = (typeof CALENDAR_ISSUE_CODES)[number];

export interface CalendarIssue {
  readonly code: CalendarIssueCode;
  /** Where in the file, e.g. `holidays.1.dates.0`; empty for the whole file. */
  readonly path: string;
  readonly message: string;
}

/** The checks that the schema cannot express: real dates, in the year, no contradictions. */
export function findCalendarYearIssues(data: CalendarYear): CalendarIssue[] {
  const issues: CalendarIssue[] = [];
  const holidayAt = new Map<string, string>();
  const check = (date: string, path: string): number | undefined => {
    const day = tryParseIsoDate(date);
    if (day === undefined) {
      issues.push({ code: 'invalid_date', path, message: `${date} is not a calendar date` });
    } else if (yearOfDay(day) !== data.year) {
      issues.push({ code: 'date_outside_year', path, message: `${date} is not in ${data.year}` });
      return undefined;
    }
    return day;
  };

  data.holidays.forEach((holiday, h) => {
    holiday.dates.forEach((date, i) => {
      const path = `holidays.${h}.dates.${i}`;
      if (check(date, path) === undefined) return;
      const earlier = holidayAt.get(date);
      if (earlier !== undefined) {
        issues.push({
          code: 'duplicate_date',
          path,
          message: `${date} is listed twice (also under ${earlier})`,
        });
      } else {
        holidayAt.set(date, holiday.name);
      }
    });
  });

  const seenMakeUp = new Set<string>();
  data.makeUpWorkdays.forEach((date, i) => {
    const path = `makeUpWorkdays.${i}`;
    const day = check(date, path);
    if (day === undefined) return;
    if (seenMakeUp.has(date)) {
      issues.push({
        code: 'duplicate_date',
        path,
        message: `${date} is listed twice as a make-up working day`,
      });
    }
    seenMakeUp.add(date);
    if (!isWeekend(day)) {
      issues.push({
        code: 'makeup_not_weekend',
        path,
        message: `${date} is a weekday; a make-up working day (调休上班) must be a Saturday or Sunday`,
      });
    }
    const holiday = holidayAt.get(date);
    if (holiday !== undefined) {
      issues.push({
        code: 'holiday_and_makeup',
        path,
        message: `${date} is both a holiday (${holiday}) and a make-up working day`,
      });
    }
  });
  return issues;
}

export type CalendarImportResult =
  | { readonly ok: true; readonly year: CalendarYear }
  | { readonly ok: false; readonly issues: readonly CalendarIssue[] };

/**
 * Validates a year an administrator imports from the State Council notice. `input` is the parsed
 * JSON value, or the file's text. `expectedYear` (e.g. from the file name or the command line)
 * guards against importing the wrong year's file.
 */
export function parseCalendarYearImport(input: unknown, expectedYear?: number): CalendarImportResult {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (e) {
      return {
        ok: false,
        issues: [{ code: 'invalid_json', path: '', message: `not valid JSON: ${(e as Error).message}` }],
      };
    }
  }
  const parsed = importSchema.safeParse(value);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({
        code: 'schema',
        path: i.path.join('.'),
        message: i.message,
      })),
    };
  }
  const data = parsed.data;
  // Checked before sorting, so that each issue's path points into the file as written.
  const issues = findCalendarYearIssues(data);
  if (expectedYear !== undefined && expectedYear !== data.year) {
    issues.unshift({
      code: 'year_mismatch',
      path: 'year',
      message: `the file is for ${data.year}, not ${expectedYear}`,
    });
  }
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    year: {
      ...data,
      holidays: data.holidays.map((h) => ({ name: h.name, dates: [...h.dates].sort() })),
      makeUpWorkdays: [...data.makeUpWorkdays].sort(),
    },
  };
}
