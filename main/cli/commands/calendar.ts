import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import {
  WEEKDAY_NAMES,
  buildCalendar,
  formatDay,
  holidayNameEn,
  parseCalendarYearImport,
  parseIsoDate,
  weekdayOf,
} from '../../../shared/calendar';
import type { CalendarSource } from '../../../shared/calendar';
import { resolveDataDir, storeFile } from '../../config/paths';
import { loadImportedYears, saveImportedYear } from '../../calendar/imported-years';
import { StoreService } from '../../store/service';
import type { CliCommand, CliIo } from '../command';

const USAGE = [
  'Usage: desk calendar show <year> [--json] [--data-dir D]',
  '       desk calendar import <file> [--year Y] [--data-dir D]',
].join('\n');

const SOURCE_TEXT: Record<CalendarSource, { long: string; short: string }> = {
  'chinese-days': { long: 'published (State Council notice, bundled chinese-days data)', short: 'published' },
  import: {
    long: 'imported (State Council notice entered by an administrator)',
    short: 'previously imported',
  },
  'statutory-estimate': {
    long: 'PROVISIONAL: statutory estimate, no notice imported (only the days the law fixes, no make-up working days)',
    short: 'provisional (estimated)',
  },
};

/** `2025-10-01–2025-10-05, 2025-10-07–2025-10-08`: runs of consecutive dates. */
function ranges(dates: readonly string[]): string {
  const runs: [number, number][] = [];
  for (const d of dates.map(parseIsoDate).sort((a, b) => a - b)) {
    const run = runs.at(-1);
    if (run && d === run[1] + 1) run[1] = d;
    else runs.push([d, d]);
  }
  return runs.map(([a, b]) => (a === b ? formatDay(a) : `${formatDay(a)}–${formatDay(b)}`)).join(', ');
}

async function show(args: string[], io: CliIo, dataDir: string | undefined): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean' } },
    allowPositionals: true,
  });
  const year = Number(positionals[0]);
  if (positionals.length !== 1 || !Number.isInteger(year)) {
    io.err(USAGE);
    return 2;
  }
  const calendar = buildCalendar(loadImportedYears(resolveDataDir(dataDir)));
  const resolved = calendar.year(year);
  if (values.json) {
    io.out(JSON.stringify({ ...resolved.data, provisional: resolved.provisional }));
    return 0;
  }
  io.out(`${year}: ${SOURCE_TEXT[resolved.data.source].long}`);
  io.out('Holidays (放假):');
  for (const h of resolved.data.holidays) {
    const en = holidayNameEn(h.name);
    io.out(
      `  ${h.name}${en === h.name ? '' : ` ${en}`}: ${ranges(h.dates)} (${h.dates.length} ${h.dates.length === 1 ? 'day' : 'days'})`,
    );
  }
  io.out('Make-up working days (调休上班):');
  if (resolved.data.makeUpWorkdays.length === 0) io.out('  none');
  for (const d of resolved.data.makeUpWorkdays)
    io.out(`  ${d} ${WEEKDAY_NAMES.en[weekdayOf(parseIsoDate(d))]}`);
  return 0;
}

async function importYear(args: string[], io: CliIo, dataDir: string | undefined): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { year: { type: 'string' } },
    allowPositionals: true,
  });
  const file = positionals[0];
  if (positionals.length !== 1 || file === undefined) {
    io.err(USAGE);
    return 2;
  }
  // A file named 2027.json must hold 2027; --year says the same for any other name.
  const named = /^(\d{4})\.json$/.exec(basename(file))?.[1];
  const expected = values.year ?? named;
  if (expected !== undefined && !/^\d{4}$/.test(expected)) {
    io.err(`--year must be a year such as 2027, got ${JSON.stringify(expected)}`);
    return 2;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    io.err(`Cannot read ${file}: ${(e as Error).message}`);
    return 1;
  }
  const result = parseCalendarYearImport(text, expected === undefined ? undefined : Number(expected));
  if (!result.ok) {
    io.err(
      `${file} was not imported: ${result.issues.length} ${result.issues.length === 1 ? 'problem' : 'problems'}`,
    );
    for (const i of result.issues) io.err(`  ${i.path || '(file)'}: ${i.message} [${i.code}]`);
    return 1;
  }
  const year = result.year;
  const holidayDays = year.holidays.reduce((n, h) => n + h.dates.length, 0);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const summary = `${year.year}: ${plural(year.holidays.length, 'holiday')} (${plural(holidayDays, 'day')} off), ${plural(year.makeUpWorkdays.length, 'make-up working day')}`;
  const folder = resolveDataDir(dataDir);
  const before = buildCalendar(loadImportedYears(folder)).year(year.year);
  const saved = saveImportedYear(folder, year);
  io.out(
    `Imported ${summary} into ${saved}; it replaces the ${SOURCE_TEXT[before.data.source].short} calendar for ${year.year}.`,
  );
  io.out(
    'Deadlines are computed from the calendar whenever they are shown: those that depended on this year use it from now on.',
  );
  const store = storeFile(folder);
  if (existsSync(store)) {
    // The queue's due-today and overdue views read materialised deadlines: recompute open cases.
    const service = StoreService.open({ file: store });
    try {
      io.out(
        `Recomputed the deadlines of ${service.domains.queue.refreshOpenDeadlines()} open cases for the queue.`,
      );
    } finally {
      service.close();
    }
  }
  return 0;
}

/** `calendar show|import`: the working calendar per year, and importing the State Council's notice. */
export const calendarCommand: CliCommand = {
  name: 'calendar',
  summary: 'calendar show|import   show a year’s holidays and make-up days; import a published year',
  async run({ args, io, dataDir }) {
    const [sub, ...rest] = args;
    try {
      if (sub === 'show') return await show(rest, io, dataDir);
      if (sub === 'import') return await importYear(rest, io, dataDir);
    } catch (e) {
      io.err((e as Error).message);
      // parseArgs reports unknown or malformed options with ERR_PARSE_ARGS_* codes: usage errors.
      return String((e as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS') ? 2 : 1;
    }
    io.err(USAGE);
    return 2;
  },
};
