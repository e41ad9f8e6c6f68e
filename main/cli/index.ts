import { parseArgs } from 'node:util';
import type { CliCommand, CliIo } from './command';
import { auditCommand } from './commands/audit';
import { calendarCommand } from './commands/calendar';
import { dueCommand } from './commands/due';
import { profilesCommand } from './commands/profiles';
import { seedCommand } from './commands/seed';
import { statsCommand } from './commands/stats';
import { volumesCommand } from './commands/volumes';

/**
 * `desk`: the one command-line entry point for administrators and scripts
 * (`npm run desk -- <command> …`; `npm run seed` is `desk seed`).
 */
const COMMANDS: CliCommand[] = [
  seedCommand,
  dueCommand,
  calendarCommand,
  auditCommand,
  statsCommand,
  volumesCommand,
  profilesCommand,
];

export const io: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l) };

function usage(): void {
  io.err('Usage: desk <command> [options] [--data-dir D]\n\nCommands:');
  for (const c of COMMANDS) io.err(`  ${c.name.padEnd(10)} ${c.summary}`);
}

/** Pulls the global --data-dir out so that commands see only their own arguments. */
export function splitGlobal(argv: string[]): { dataDir: string | undefined; rest: string[] } {
  const { values, tokens } = parseArgs({
    args: argv,
    options: { 'data-dir': { type: 'string' } },
    strict: false,
    tokens: true,
  });
  const drop = new Set<number>();
  for (const t of tokens ?? []) {
    if (t.kind === 'option' && t.name === 'data-dir') {
      drop.add(t.index);
      if (!t.inlineValue) drop.add(t.index + 1);
    }
  }
  const dataDir = typeof values['data-dir'] === 'string' ? values['data-dir'] : process.env.DESK_DATA_DIR;
  return { dataDir, rest: argv.filter((_, i) => !drop.has(i)) };
}

export async function runCli(argv: string[]): Promise<number> {
  const { dataDir, rest } = splitGlobal(argv);
  const [name, ...args] = rest;
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    if (name && name !== 'help' && name !== '--help') io.err(`Unknown command: ${name}\n`);
    usage();
    return name ? 2 : 0;
  }
  return command.run({ args, io, dataDir });
}
