import { CALENDAR_YEAR_RANGE, findCalendarYearIssues } from './calendar-year';
import type { CalendarIssue, CalendarYear } from './calendar-year';
import { daysInYear, firstDayOfYear, formatDay, isWeekend, parseIsoDate, yearOfDay } from './civil-date';
import type { DayNumber } from './civil-date';
import { publishedCalendarYear } from './published-years';
import { ESTIMATE_FIRST_YEAR, estimateStatutoryYear } from './statutory-estimate';

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

export interface DayInfo {
  readonly date: string;
  readonly kind: DayKind;
  /** The holiday's name as the notice gives it (e.g. 春节), for holiday days only. */
  readonly holiday: string | undefined;
  /** The date's year is a statutory estimate, not a published notice. */
  readonly provisional: boolean;
}

export interface ResolvedCalendarYear {
  readonly data: CalendarYear;
  readonly provisional: boolean;
}

/** Asked about a year for which there is neither imported, published nor estimable data. */
export class CalendarRangeError extends RangeError {}

/** Imported years that contradict themselves or each other. */
export class CalendarDataError extends Error {
  constructor(
    message: string,
    readonly issues: readonly CalendarIssue[],
  ) {
    super(message);
  }
}

/** Stored per day as a byte; the order is the byte value. */
const KINDS = ['workday', 'weekend', 'holiday', 'makeup_workday'] as const satisfies readonly DayKind[];
const WORKDAY = 0;
const WEEKEND = 1;
const HOLIDAY = 2;
const MAKEUP = 3;

/**
 * One year, indexed so that working-day arithmetic is a lookup, not a walk over days:
 * `workingBefore[i]` counts the working days among the year's first i days, and
 * `workingOffsets[k]` is the day (offset in the year) of its k-th working day.
 */
interface YearIndex {
  readonly year: number;
  readonly firstDay: DayNumber;
  readonly length: number;
  readonly resolved: ResolvedCalendarYear;
  readonly kinds: Uint8Array;
  readonly holidayNames: ReadonlyMap<DayNumber, string>;
  readonly workingBefore: Uint16Array;
  readonly workingOffsets: Uint16Array;
}

/**
 * The national working-day calendar: a date is a working day when it is Monday–Friday outside a
 * holiday block, or a make-up working day. Each year comes from, in order of precedence, an
 * administrator's import, the published notice bundled in chinese-days, or the statutory estimate
 * (provisional). Dates are `YYYY-MM-DD` in Asia/Shanghai; every method also accepts and returns a
 * DayNumber, which the deadline engine uses to avoid string work in bulk recomputation.
 *
 * Typed-array reads below are in bounds by construction of the index, hence the `!`.
 */
export class WorkingCalendar {
  private readonly imported: ReadonlyMap<number, CalendarYear>;
  private readonly indexes = new Map<number, YearIndex>();
  private last: YearIndex | undefined;

  constructor(importedYears: readonly CalendarYear[]) {
    this.imported = new Map(importedYears.map((y) => [y.year, y]));
  }

  year(year: number): ResolvedCalendarYear {
    return this.index(year).resolved;
  }

  isProvisional(year: number): boolean {
    return this.index(year).resolved.provisional;
  }

  isWorkingDay(date: string | DayNumber): boolean {
    const day = toDay(date);
    const idx = this.indexOf(day);
    const kind = idx.kinds[day - idx.firstDay]!;
    return kind === WORKDAY || kind === MAKEUP;
  }

  kindOf(date: string | DayNumber): DayInfo {
    const day = toDay(date);
    const idx = this.indexOf(day);
    return {
      date: formatDay(day),
      kind: KINDS[idx.kinds[day - idx.firstDay]!]!,
      holiday: idx.holidayNames.get(day),
      provisional: idx.resolved.provisional,
    };
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string): string;
  nextWorkingDay(day: DayNumber): DayNumber;
  nextWorkingDay(date: string | DayNumber): string | DayNumber {
    // Two calls, so that each argument type resolves to its own overload.
    return typeof date === 'string' ? this.addWorkingDays(date, 1) : this.addWorkingDays(date, 1);
  }

  /** The n-th working day strictly after `date` (the date itself is not counted); n = 0 gives `date`. */
  addWorkingDays(date: string, n: number): string;
  addWorkingDays(day: DayNumber, n: number): DayNumber;
  addWorkingDays(date: string | DayNumber, n: number): string | DayNumber {
    if (!Number.isInteger(n) || n < 0)
      throw new RangeError(`working days to add must be a whole number ≥ 0, got ${n}`);
    const day = toDay(date);
    let result = day;
    if (n > 0) {
      let idx = this.indexOf(day);
      let k = idx.workingBefore[day - idx.firstDay + 1]! + n - 1;
      while (k >= idx.workingOffsets.length) {
        k -= idx.workingOffsets.length;
        idx = this.index(idx.year + 1);
      }
      result = idx.firstDay + idx.workingOffsets[k]!;
    }
    return typeof date === 'string' ? formatDay(result) : result;
  }

  /** Working days d with from < d ≤ to, so that workingDaysBetween(a, addWorkingDays(a, n)) = n; negative when to < from. */
  workingDaysBetween(from: string | DayNumber, to: string | DayNumber): number {
    const a = toDay(from);
    const b = toDay(to);
    if (b < a) return -this.workingDaysBetween(b, a);
    let idx = this.indexOf(a);
    let count = -idx.workingBefore[a - idx.firstDay + 1]!;
    while (b >= idx.firstDay + idx.length) {
      count += idx.workingOffsets.length;
      idx = this.index(idx.year + 1);
    }
    return count + idx.workingBefore[b - idx.firstDay + 1]!;
  }

  /** The provisional (estimated) years among those of the dates from..to, inclusive. */
  provisionalYears(from: string | DayNumber, to: string | DayNumber): number[] {
    const years: number[] = [];
    for (let y = yearOfDay(toDay(from)); y <= yearOfDay(toDay(to)); y++)
      if (this.isProvisional(y)) years.push(y);
    return years;
  }

  /** Whether any date from..to (inclusive) is in a provisional year; provisionalYears without the list. */
  anyProvisional(from: DayNumber, to: DayNumber): boolean {
    const first = this.indexOf(from);
    const last = this.indexOf(to);
    if (first.resolved.provisional || last.resolved.provisional) return true;
    for (let y = first.year + 1; y < last.year; y++) if (this.isProvisional(y)) return true;
    return false;
  }

  private indexOf(day: DayNumber): YearIndex {
    const last = this.last;
    if (last !== undefined && day >= last.firstDay && day < last.firstDay + last.length) return last;
    const idx = this.index(yearOfDay(day));
    this.last = idx;
    return idx;
  }

  private index(year: number): YearIndex {
    let idx = this.indexes.get(year);
    if (idx === undefined) {
      idx = buildIndex(year, this.resolve(year));
      this.indexes.set(year, idx);
    }
    return idx;
  }

  private resolve(year: number): ResolvedCalendarYear {
    if (year < CALENDAR_YEAR_RANGE.min || year > CALENDAR_YEAR_RANGE.max) {
      throw new CalendarRangeError(
        `the working calendar covers ${CALENDAR_YEAR_RANGE.min}–${CALENDAR_YEAR_RANGE.max}, not ${year}`,
      );
    }
    const data = this.imported.get(year) ?? publishedCalendarYear(year);
    if (data !== undefined) return { data, provisional: data.source === 'statutory-estimate' };
    if (year < ESTIMATE_FIRST_YEAR) {
      throw new CalendarRangeError(`no calendar for ${year}: import the State Council notice for that year`);
    }
    return { data: estimateStatutoryYear(year), provisional: true };
  }
}

function toDay(date: string | DayNumber): DayNumber {
  return typeof date === 'string' ? parseIsoDate(date) : date;
}

function buildIndex(year: number, resolved: ResolvedCalendarYear): YearIndex {
  const firstDay = firstDayOfYear(year);
  const length = daysInYear(year);
  const kinds = new Uint8Array(length);
  for (let i = 0; i < length; i++) kinds[i] = isWeekend(firstDay + i) ? WEEKEND : WORKDAY;
  const holidayNames = new Map<DayNumber, string>();
  for (const holiday of resolved.data.holidays) {
    for (const date of holiday.dates) {
      const day = parseIsoDate(date);
      kinds[day - firstDay] = HOLIDAY;
      holidayNames.set(day, holiday.name);
    }
  }
  for (const date of resolved.data.makeUpWorkdays) kinds[parseIsoDate(date) - firstDay] = MAKEUP;

  const workingBefore = new Uint16Array(length + 1);
  const offsets: number[] = [];
  for (let i = 0; i < length; i++) {
    const working = kinds[i] === WORKDAY || kinds[i] === MAKEUP;
    if (working) offsets.push(i);
    workingBefore[i + 1] = workingBefore[i]! + (working ? 1 : 0);
  }
  return {
    year,
    firstDay,
    length,
    resolved,
    kinds,
    holidayNames,
    workingBefore,
    workingOffsets: Uint16Array.from(offsets),
  };
}

/**
 * The calendar the app uses: the years an administrator imported (which win over the bundled
 * data and the estimate) on top of the published and estimated years. Throws CalendarDataError
 * when an imported year is inconsistent or two imports claim the same year.
 */
export function buildCalendar(importedYears: readonly CalendarYear[] = []): WorkingCalendar {
  const issues: CalendarIssue[] = [];
  const seen = new Set<number>();
  for (const y of importedYears) {
    if (seen.has(y.year)) {
      issues.push({ code: 'duplicate_year', path: 'year', message: `${y.year} is imported more than once` });
    }
    seen.add(y.year);
    issues.push(...findCalendarYearIssues(y).map((i) => ({ ...i, message: `${y.year}: ${i.message}` })));
  }
  if (issues.length > 0) {
    throw new CalendarDataError(
      `imported calendar years are inconsistent: ${issues.map((i) => i.message).join('; ')}`,
      issues,
    );
  }
  return new WorkingCalendar(importedYears);
}
