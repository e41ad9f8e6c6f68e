import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../main/cli/command';
import { seedCommand } from '../../../main/cli/commands/seed';
import { StoreService } from '../../../main/store/service';
import { tempDir } from '../../support/temp';

let dir: ReturnType<typeof tempDir>;
beforeAll(() => {
  dir = tempDir('desk-seed-cli-');
});
afterAll(() => dir.cleanup());

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l) };
  const code = await seedCommand.run({ args, io, dataDir: dir.path });
  return { code, out, err };
}

describe('desk seed', () => {
  it('writes the cases and says how fast, on stdout', async () => {
    const r = await run('--cases', '300', '--seed', '9');
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(1);
    expect(r.out[0]).toMatch(
      new RegExp(
        `^Wrote 300 cases in \\d+\\.\\d s \\([\\d,]+ cases/s\\) to ${join(dir.path, 'desk.sqlite').replaceAll('/', '\\/')}$`,
      ),
    );
    expect(r.err.join('\n')).toMatch(/300 \/ 300 cases/);
    // The cases come with their deadlines: no catch-up was left to do.
    expect(r.err.join('\n')).not.toMatch(/deadlines of/);
    const store = StoreService.open({ file: join(dir.path, 'desk.sqlite') });
    try {
      expect((store.db.prepare('SELECT COUNT(*) AS n FROM cases').get() as { n: number }).n).toBe(300);
      // The queue's deadline views see the demo cases without waiting for the next start.
      const withDeadlines = store.db
        .prepare('SELECT COUNT(DISTINCT case_id) AS n FROM case_deadlines')
        .get() as { n: number };
      expect(withDeadlines.n).toBe(300);
    } finally {
      store.close();
    }
  });

  it.each([
    [[], /--cases must be a positive integer/],
    [['--cases', '0'], /--cases must be a positive integer up to 5,000,000 \(got "0"\)/],
    [['--cases', '-5'], /--cases/],
    [['--cases', '12abc'], /--cases must be a positive integer/],
    [['--cases', '5000001'], /up to 5,000,000/],
    [['--cases', '10', '--seed', 'x'], /--seed must be an integer from 0 to 4294967295/],
    [['--cases', '10', '--seed', '4294967296'], /--seed must be an integer/],
    [['--cases', '10', '--bogus'], /Unknown option '--bogus'/],
    [['--cases', '10', 'extra'], /Unexpected argument 'extra'/],
  ])('refuses %j with a usage error', async (args, message) => {
    const r = await run(...(args as string[]));
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err.join('\n')).toMatch(message);
    expect(r.err.join('\n')).toMatch(/Usage: desk seed --cases N/);
  });

  it('accepts digit groups written with underscores', async () => {
    const r = await run('--cases', '1_0');
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/^Wrote 10 cases/);
  });
});
