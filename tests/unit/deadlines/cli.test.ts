import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { calendarCommand } from '../../../main/cli/commands/calendar';
import { loadImportedYears, saveImportedYear } from '../../../main/calendar/imported-years';
import { dueCommand } from '../../../main/cli/commands/due';
import type { CliCommand } from '../../../main/cli/command';
import { IMPORTED_2027, NOTICE_2027 } from '../../support/calendar';

interface Run {
  code: number;
  out: string[];
  err: string[];
}

async function run(command: CliCommand, args: string[], dataDir?: string): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command.run({ args, dataDir, io: { out: (l) => out.push(l), err: (l) => err.push(l) } });
  return { code, out, err };
}

/** A made-up State Council notice for 2027, with a make-up Saturday. */
let dir: string;
let defaultDir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'desk-calendar-'));
  // Commands without --data-dir use DESK_DATA_DIR: point it at an empty folder of the test's own.
  defaultDir = await mkdtemp(join(tmpdir(), 'desk-calendar-default-'));
  process.env.DESK_DATA_DIR = defaultDir;
});
afterEach(async () => {
  delete process.env.DESK_DATA_DIR;
  await rm(dir, { recursive: true, force: true });
  await rm(defaultDir, { recursive: true, force: true });
});

describe('desk due', () => {
  it('prints exactly one JSON object with the due date, time, provisional flag and explanation', async () => {
    const r = await run(dueCommand, [
      '--from',
      '2026-09-30T16:10+08:00',
      '--calendar-days',
      '30',
      '--roll-forward',
      '--json',
    ]);
    expect(r).toMatchObject({ code: 0, err: [] });
    expect(r.out).toHaveLength(1);
    const json = JSON.parse(r.out[0] ?? '') as Record<string, unknown>;
    expect(json).toMatchObject({
      dueDate: '2026-10-30',
      dueAt: '2026-10-31T00:00:00+08:00',
      provisional: false,
    });
    expect(json.explanation).toContain('30 calendar days from 2026-10-01 end on 2026-10-30');
    expect((json.explanationZh as string[])[2]).toBe('30个自然日，至 2026-10-30 届满');
  });

  it('prints the due time and the reasons for people, in English or Chinese', async () => {
    const args = ['--from', '2026-02-13T17:00+08:00', '--working-days', '3'];
    const en = await run(dueCommand, args);
    expect(en.out[0]).toBe('Due: 2026-02-25, at 2026-02-26T00:00:00+08:00');
    expect(en.out).toContain('  - 3 working days after 2026-02-13 end on 2026-02-25');
    const zh = await run(dueCommand, [...args, '--lang', 'zh']);
    expect(zh.out[0]).toBe('到期：2026-02-25，即 2026-02-26T00:00:00+08:00');
  });

  it('takes a limit from a profile, and pauses', async () => {
    const r = await run(dueCommand, [
      '--from',
      '2026-09-30T16:10+08:00',
      '--profile',
      'measures-2014',
      '--limit',
      'carrier_reply',
      '--json',
    ]);
    expect(JSON.parse(r.out[0] ?? '')).toMatchObject({ dueDate: '2026-10-15' });
    const paused = await run(dueCommand, [
      '--from',
      '2025-09-26T10:00+08:00',
      '--working-days',
      '3',
      '--paused',
      '2025-09-29T09:00+08:00/2025-10-09T09:00+08:00',
      '--json',
    ]);
    expect(JSON.parse(paused.out[0] ?? '')).toMatchObject({ dueDate: '2025-10-11', provisional: false });
  });

  it.each([
    [[], '--from is required'],
    [['--from', '2026-09-30T16:10'], 'give exactly one of --limit, --working-days and --calendar-days'],
    [['--from', '2026-09-30T16:10', '--working-days', '3'], 'not an ISO 8601 time with an offset'],
    [
      ['--from', '2026-09-30T16:10+08:00', '--working-days', '3', '--calendar-days', '3'],
      'give exactly one of',
    ],
    [
      ['--from', '2026-09-30T16:10+08:00', '--working-days', '0'],
      '--working-days needs a whole number of days ≥ 1',
    ],
    [
      ['--from', '2026-09-30T16:10+08:00', '--working-days', '3', '--roll-forward'],
      '--roll-forward applies to --calendar-days',
    ],
    [['--from', '2026-09-30T16:10+08:00', '--limit', 'answer'], 'unknown limit "answer"'],
    [
      ['--from', '2026-09-30T16:10+08:00', '--profile', '2011', '--limit', 'callback'],
      'unknown profile "2011"',
    ],
    [
      ['--from', '2026-09-30T16:10+08:00', '--working-days', '3', '--paused', '2026-10-01T00:00+08:00'],
      '--paused takes <from>/<to>',
    ],
    [['--from', '2026-09-30T16:10+08:00', '--working-days', '3', '--bogus'], "Unknown option '--bogus'"],
  ])('refuses %j as a usage error', async (args, message) => {
    const r = await run(dueCommand, args);
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err[0]).toContain(message);
    expect(r.err.at(-1)).toMatch(/--json +one JSON object/);
  });

  it('is provisional in 2027 until the notice is imported into the data folder, then follows it', async () => {
    const args = ['--from', '2027-02-04T10:00+08:00', '--working-days', '2', '--json'];
    expect(JSON.parse((await run(dueCommand, args, dir)).out[0] ?? '')).toMatchObject({
      dueDate: '2027-02-10',
      provisional: true,
    });
    const file = join(dir, '2027.json');
    await writeFile(file, JSON.stringify(NOTICE_2027));
    expect((await run(calendarCommand, ['import', file], dir)).code).toBe(0);
    expect(JSON.parse((await run(dueCommand, args, dir)).out[0] ?? '')).toMatchObject({
      dueDate: '2027-02-15',
      provisional: false,
    });
    // another data folder has its own calendar: the import is not seen there
    expect(JSON.parse((await run(dueCommand, args)).out[0] ?? '')).toMatchObject({ provisional: true });
  });

  it('fails clearly when an imported year in the data folder is corrupt', async () => {
    saveImportedYear(dir, IMPORTED_2027);
    await writeFile(join(dir, 'calendar', '2027.json'), '{"year": 2027, "holidays": []');
    const r = await run(dueCommand, ['--from', '2027-02-04T10:00+08:00', '--working-days', '2'], dir);
    expect(r.code).toBe(1);
    expect(r.err[0]).toMatch(/calendar[/\\]2027\.json is not a valid calendar year: not valid JSON/);
  });
});

describe('desk calendar', () => {
  it('shows a published year with its holidays and make-up days', async () => {
    const r = await run(calendarCommand, ['show', '2026']);
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe('2026: published (State Council notice, bundled chinese-days data)');
    expect(r.out).toContain('  春节 Spring Festival: 2026-02-15–2026-02-23 (9 days)');
    expect(r.out).toContain('  2026-02-14 Saturday');
    expect(r.out).toContain('  2026-02-28 Saturday');
  });

  it('shows split holiday blocks as ranges', async () => {
    const r = await run(calendarCommand, ['show', '2025']);
    expect(r.out).toContain('  国庆节 National Day: 2025-10-01–2025-10-05, 2025-10-07–2025-10-08 (7 days)');
    expect(r.out).toContain('  中秋节 Mid-Autumn Festival: 2025-10-06 (1 day)');
  });

  it('shows an unpublished year as provisional, in JSON too', async () => {
    const r = await run(calendarCommand, ['show', '2027', '--json']);
    expect(r.out).toHaveLength(1);
    expect(JSON.parse(r.out[0] ?? '')).toMatchObject({
      year: 2027,
      source: 'statutory-estimate',
      provisional: true,
      makeUpWorkdays: [],
    });
    expect((await run(calendarCommand, ['show', '2027'])).out[0]).toMatch(/^2027: PROVISIONAL/);
  });

  it('imports a valid year atomically into the data folder and shows it as imported', async () => {
    const file = join(dir, 'notice.json');
    await writeFile(file, JSON.stringify(NOTICE_2027));
    const r = await run(calendarCommand, ['import', file, '--year', '2027'], dir);
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe(
      `Imported 2027: 1 holiday (7 days off), 1 make-up working day into ${join(dir, 'calendar', '2027.json')}; it replaces the provisional (estimated) calendar for 2027.`,
    );
    expect(await readdir(join(dir, 'calendar'))).toEqual(['2027.json']); // no temp file left behind
    expect(loadImportedYears(dir)).toEqual([IMPORTED_2027]);
    const shown = await run(calendarCommand, ['show', '2027'], dir);
    expect(shown.out[0]).toBe('2027: imported (State Council notice entered by an administrator)');
    expect(shown.out).toContain('  2027-02-20 Saturday');
  });

  it('imports into the default data folder when none is given', async () => {
    const file = join(dir, '2027.json');
    await writeFile(file, JSON.stringify(NOTICE_2027));
    const r = await run(calendarCommand, ['import', file]);
    expect(r).toMatchObject({ code: 0, err: [] });
    expect(loadImportedYears(defaultDir)).toEqual([IMPORTED_2027]);
  });

  it('reports every problem of an invalid file and saves nothing', async () => {
    const file = join(dir, '2028.json'); // the name says 2028, the content 2027
    await writeFile(file, JSON.stringify({ ...NOTICE_2027, makeUpWorkdays: ['2027-02-19', '2027-02-06'] }));
    const r = await run(calendarCommand, ['import', file], dir);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      `${file} was not imported: 3 problems`,
      '  year: the file is for 2027, not 2028 [year_mismatch]',
      '  makeUpWorkdays.0: 2027-02-19 is a weekday; a make-up working day (调休上班) must be a Saturday or Sunday [makeup_not_weekend]',
      '  makeUpWorkdays.1: 2027-02-06 is both a holiday (春节) and a make-up working day [holiday_and_makeup]',
    ]);
    expect(loadImportedYears(dir)).toEqual([]);
  });

  it('says what is wrong with the command line', async () => {
    expect((await run(calendarCommand, [])).code).toBe(2);
    expect((await run(calendarCommand, ['show', 'next'])).code).toBe(2);
    expect((await run(calendarCommand, ['import', join(dir, 'missing.json')])).err[0]).toMatch(
      /^Cannot read /,
    );
    const tooEarly = await run(calendarCommand, ['show', '1999']);
    expect(tooEarly).toMatchObject({ code: 1, err: ['the working calendar covers 2000–2100, not 1999'] });
  });

  it('reads an empty or missing data folder as no imports', async () => {
    expect(loadImportedYears(join(dir, 'nothing-here'))).toEqual([]);
    const saved = saveImportedYear(dir, IMPORTED_2027);
    expect(JSON.parse(await readFile(saved, 'utf8'))).toMatchObject({ year: 2027 });
  });
});
