import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { parseProfileRef } from '../../../shared/deadlines/stored';
import { translate } from '../../../shared/i18n/translate';
import { RpcFailure } from '../../../shared/rpc/errors';
import { resolveDataDir, storeFile } from '../../config/paths';
import type { Actor } from '../../store/audit';
import { StoreService } from '../../store/service';
import type { CliCommand, CliIo } from '../command';

const USAGE = [
  'Usage: desk profiles list [--data-dir D]',
  '       desk profiles show <id> [--version N] [--data-dir D]   (prints the profile as JSON, for editing)',
  '       desk profiles import <file.json> [--data-dir D]        (stores it as the next version of its id)',
  '       desk profiles activate <id>@<version> [--data-dir D]   (new cases run under it)',
].join('\n');

class UsageError extends Error {}

/** The administrator at this machine: saves and activations name them in the store and its intents. */
const cliActor = (): Actor => ({ staffId: `cli:${userInfo().username}`, workstation: hostname() });

const day = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

function list(store: StoreService, io: CliIo): number {
  const rows = store.domains.profiles.list();
  const table = [
    ['PROFILE', 'ACTIVE', 'CASES', 'STORED BY', 'NAME'],
    ...rows.map((p) => [
      `${p.id}@${p.version}`,
      p.active ? '*' : '',
      String(p.cases),
      p.builtIn ? 'shipped' : `${p.author} ${day(p.createdAt)}`,
      `${p.name.zh} / ${p.name.en}`,
    ]),
  ];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  for (const r of table)
    io.out(
      r
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    );
  return 0;
}

function show(store: StoreService, args: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args,
    options: { version: { type: 'string' } },
    allowPositionals: true,
  });
  const [id, extra] = positionals;
  if (id === undefined || extra !== undefined) throw new UsageError(USAGE);
  if (values.version !== undefined && !/^[1-9]\d{0,5}$/.test(values.version))
    throw new UsageError(`--version needs a version number such as 2, got ${JSON.stringify(values.version)}`);
  const version = values.version === undefined ? undefined : Number(values.version);
  io.out(JSON.stringify(store.domains.profiles.get(id, version), null, 2));
  return 0;
}

async function importFile(store: StoreService, args: string[], io: CliIo): Promise<number> {
  const [file, extra] = args;
  if (file === undefined || extra !== undefined) throw new UsageError(USAGE);
  let input: unknown;
  try {
    input = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    io.err(`${file} was not imported: ${(e as Error).message}`);
    return 1;
  }
  try {
    const saved = store.domains.profiles.save(input, cliActor());
    io.out(`Stored ${saved.id}@${saved.version}. It is not active yet; new cases run under it after:`);
    io.out(`  desk profiles activate ${saved.id}@${saved.version}`);
    return 0;
  } catch (e) {
    if (!(e instanceof RpcFailure) || e.key !== 'profiles.invalid') throw e;
    io.err(`${file} was not imported: ${translate('en', e.key, e.params)}`);
    for (const f of e.fields) io.err(`  ${f.path || '(profile)'}: ${translate('en', f.key, f.params ?? {})}`);
    return 1;
  }
}

function activate(store: StoreService, args: string[], io: CliIo): number {
  const [text, extra] = args;
  const ref = text === undefined ? undefined : parseProfileRef(text);
  if (ref === undefined || extra !== undefined)
    throw new UsageError(`activate takes <id>@<version>, e.g. current@2\n${USAGE}`);
  store.domains.profiles.activate(ref, cliActor());
  io.out(
    `New cases run under ${ref.id}@${ref.version}. Cases already registered keep the version they started with.`,
  );
  return 0;
}

/** `profiles list|show|import|activate`: the rule profiles deadlines are computed with. */
export const profilesCommand: CliCommand = {
  name: 'profiles',
  summary: 'profiles list|show|import|activate   rule profiles (time limits) and their versions',
  async run({ args, io, dataDir }) {
    const [sub, ...rest] = args;
    if (!['list', 'show', 'import', 'activate'].includes(sub ?? '')) {
      io.err(USAGE);
      return 2;
    }
    const file = storeFile(resolveDataDir(dataDir));
    if (!existsSync(file)) {
      io.err(`No case store at ${file}: start the app once (or seed) first.`);
      return 2;
    }
    const store = StoreService.open({ file });
    try {
      if (sub === 'list') return list(store, io);
      if (sub === 'show') return show(store, rest, io);
      if (sub === 'import') return await importFile(store, rest, io);
      return activate(store, rest, io);
    } catch (e) {
      if (e instanceof UsageError) {
        io.err(e.message);
        return 2;
      }
      if (e instanceof RpcFailure) {
        io.err(translate('en', e.key, e.params));
        return 1;
      }
      io.err((e as Error).message);
      return String((e as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS') ? 2 : 1;
    } finally {
      store.close();
    }
  },
};
