import { parseArgs } from 'node:util';
import { buildCalendar } from '../../../shared/calendar';
import type { WorkingCalendar } from '../../../shared/calendar';
import { LIMIT_NAMES } from '../../../shared/domain/history';
import { existsSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { RULE_PROFILES, dueForLimit, dueFromAdHoc } from '../../../shared/deadlines';
import type { AdHocDue, AdHocPause, RuleProfile } from '../../../shared/deadlines';
import { parseProfileRef } from '../../../shared/deadlines/stored';
import type { CliCommand, CliIo } from '../command';
import { resolveDataDir, storeFile } from '../../config/paths';
import { loadImportedYears } from '../../calendar/imported-years';
import { openDatabase } from '../../store/database';
import { ruleProfiles } from '../../store/profiles';

const USAGE = `Usage: desk due --from <ISO time with offset>
         ( --limit <name> [--profile <id>] | --working-days N | --calendar-days N [--roll-forward] )
         [--paused <from>/<to> …] [--json] [--lang en|zh] [--data-dir D]
  --profile   <id> (its newest version) or <id>@<version>: ${RULE_PROFILES.map((p) => p.id).join(', ')}, or one
              stored with \`desk profiles import\` (default: the profile new cases run under)
  --limit     ${LIMIT_NAMES.join(', ')}
  --paused    a span in which the clock did not run, e.g. 2026-10-03T09:00+08:00/2026-10-05T18:00+08:00
  --json      one JSON object: dueDate, dueAt, provisional, explanation (English), explanationZh`;

class UsageError extends Error {}

interface DueRequest {
  readonly json: boolean;
  readonly zh: boolean;
  compute(calendar: WorkingCalendar): AdHocDue;
}

function count(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[1-9]\d{0,3}$/.test(text))
    throw new UsageError(`${flag} needs a whole number of days ≥ 1, got ${JSON.stringify(text)}`);
  return Number(text);
}

function pauses(specs: readonly string[]): AdHocPause[] {
  return specs.map((spec) => {
    const [from, to, extra] = spec.split('/');
    if (from === undefined || to === undefined || extra !== undefined) {
      throw new UsageError(`--paused takes <from>/<to>, got ${JSON.stringify(spec)}`);
    }
    return { from, to };
  });
}

/** Finds a profile (undefined id: the active one), with the data folder's stored versions when it has a store. */
type ProfileLookup = (id: string | undefined, version: number | undefined) => RuleProfile | undefined;

function withProfiles<T>(dataDir: string | undefined, use: (find: ProfileLookup) => T): T {
  const file = storeFile(resolveDataDir(dataDir));
  let db: Database.Database | undefined;
  const find: ProfileLookup = (id, version) => {
    if (!existsSync(file))
      return RULE_PROFILES.find((p) => p.id === (id ?? 'current') && (version ?? p.version) === p.version);
    // Opened only for a limit from a profile: ad-hoc periods need no store.
    db ??= openDatabase({ file }).db;
    const profiles = ruleProfiles(db);
    const ref = id === undefined ? profiles.active() : { id, version };
    const v = ref.version ?? profiles.list().findLast((p) => p.id === ref.id)?.version;
    return v === undefined ? undefined : profiles.resolve(ref.id, v);
  };
  try {
    return use(find);
  } finally {
    db?.close();
  }
}

function parseRequest(args: string[], findProfile: ProfileLookup): DueRequest {
  const { values } = parseArgs({
    args,
    options: {
      from: { type: 'string' },
      profile: { type: 'string' },
      limit: { type: 'string' },
      'working-days': { type: 'string' },
      'calendar-days': { type: 'string' },
      'roll-forward': { type: 'boolean' },
      paused: { type: 'string', multiple: true },
      json: { type: 'boolean' },
      lang: { type: 'string' },
    },
  });
  const from = values.from;
  if (from === undefined) throw new UsageError('--from is required');
  if (values.lang !== undefined && values.lang !== 'en' && values.lang !== 'zh')
    throw new UsageError('--lang is en or zh');
  const workingDays = count(values['working-days'], '--working-days');
  const calendarDays = count(values['calendar-days'], '--calendar-days');
  if ([values.limit, workingDays, calendarDays].filter((v) => v !== undefined).length !== 1) {
    throw new UsageError('give exactly one of --limit, --working-days and --calendar-days');
  }
  if (values['roll-forward'] && calendarDays === undefined) {
    throw new UsageError('--roll-forward applies to --calendar-days (a profile limit has its own setting)');
  }
  const paused = pauses(values.paused ?? []);
  const output = { json: values.json ?? false, zh: values.lang === 'zh' };

  if (values.limit === undefined) {
    const rollForward = values['roll-forward'] ?? false;
    return {
      ...output,
      compute: (calendar) => dueFromAdHoc({ from, workingDays, calendarDays, rollForward, paused, calendar }),
    };
  }
  const spec = values.profile;
  const ref = spec?.includes('@') ? parseProfileRef(spec) : { id: spec, version: undefined };
  const profile = ref && findProfile(ref.id, ref.version);
  if (profile === undefined) throw new UsageError(`unknown profile ${JSON.stringify(spec)}`);
  const limit = LIMIT_NAMES.find((l) => l === values.limit);
  if (limit === undefined) throw new UsageError(`unknown limit ${JSON.stringify(values.limit)}`);
  return { ...output, compute: (calendar) => dueForLimit({ from, profile, limit, paused, calendar }) };
}

function print(due: AdHocDue, request: DueRequest, io: CliIo): void {
  if (request.json) {
    io.out(
      JSON.stringify({
        dueDate: due.dueDate,
        dueAt: due.dueAtIso,
        provisional: due.provisional,
        explanation: due.explanation.en,
        explanationZh: due.explanation.zh,
      }),
    );
    return;
  }
  const zh = request.zh;
  const mark = due.provisional ? (zh ? '（暂定）' : ' (PROVISIONAL)') : '';
  io.out(
    zh ? `到期：${due.dueDate}，即 ${due.dueAtIso}${mark}` : `Due: ${due.dueDate}, at ${due.dueAtIso}${mark}`,
  );
  for (const line of zh ? due.explanation.zh : due.explanation.en) io.out(`  - ${line}`);
}

/** `due`: when a period that starts at a given moment ends, and why, under the working calendar. */
export const dueCommand: CliCommand = {
  name: 'due',
  summary: 'due --from T …         compute a due date and explain it',
  async run({ args, io, dataDir }) {
    try {
      const calendar = buildCalendar(loadImportedYears(resolveDataDir(dataDir)));
      const request = withProfiles(dataDir, (find) => parseRequest(args, find));
      print(request.compute(calendar), request, io);
      return 0;
    } catch (e) {
      // Bad input (including times the shared parsers refuse) is a usage error; anything else is not.
      const usage =
        e instanceof UsageError ||
        e instanceof RangeError ||
        String((e as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS');
      io.err((e as Error).message);
      if (usage) io.err(USAGE);
      return usage ? 2 : 1;
    }
  },
};
