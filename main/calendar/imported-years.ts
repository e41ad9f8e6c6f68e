import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildCalendar,
  parseCalendarYearImport,
  type CalendarIssue,
  type CalendarYear,
  type WorkingCalendar,
} from '../../shared/calendar';

/**
 * Calendar years an administrator imported (the State Council's notice, published each
 * December): `<dataDir>/calendar/<year>.json`, one validated file per year.
 */
export function calendarDir(dataDir: string): string {
  return join(dataDir, 'calendar');
}

export function describeIssues(issues: readonly CalendarIssue[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
}

/** The imported years, each validated again on reading (a hand-edited file is caught here). */
export function loadImportedYears(dataDir: string): CalendarYear[] {
  const dir = calendarDir(dataDir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  return names
    .filter((n) => /^\d{4}\.json$/.test(n))
    .sort()
    .map((name) => {
      const file = join(dir, name);
      const result = parseCalendarYearImport(readFileSync(file, 'utf8'), Number(name.slice(0, 4)));
      if (!result.ok)
        throw new Error(`${file} is not a valid calendar year: ${describeIssues(result.issues)}`);
      return result.year;
    });
}

/** Writes the year atomically (temp file + rename), so a crash never leaves half a calendar. */
export function saveImportedYear(dataDir: string, year: CalendarYear): string {
  const dir = calendarDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${year.year}.json`);
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    writeFileSync(temp, `${JSON.stringify(year, null, 2)}\n`, { encoding: 'utf8', flag: 'wx' });
    renameSync(temp, file);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
  return file;
}

/**
 * The working calendar of a data folder, rebuilt when an import changes the folder. Clocks are
 * computed from it whenever they are shown, so an imported year takes effect at once and every
 * provisional deadline that depended on the estimate is recomputed.
 */
export class CalendarSource {
  private cached: { stamp: string; calendar: WorkingCalendar } | null = null;
  constructor(private readonly dataDir: string) {}

  private stamp(): string {
    try {
      const dir = calendarDir(this.dataDir);
      return readdirSync(dir)
        .map((n) => `${n}:${statSync(join(dir, n)).mtimeMs}`)
        .join('|');
    } catch {
      return 'none';
    }
  }

  get(): WorkingCalendar {
    const stamp = this.stamp();
    if (this.cached?.stamp !== stamp)
      this.cached = { stamp, calendar: buildCalendar(loadImportedYears(this.dataDir)) };
    return this.cached.calendar;
  }
}
