import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { CliIo } from '../../../main/cli/command';
import { seedCommand } from '../../../main/cli/commands/seed';
import { storeFile } from '../../../main/config/paths';
import type { DataChanged } from '../../../shared/rpc/dto';
import { StoreHost } from '../../../main/store/host';
import { tempDir } from '../../support/temp';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir('desk-catch-up-');
});
afterEach(() => dir.cleanup());

const CASES = 3000;

it('a store whose deadlines are behind answers calls at once and catches up in the background', async () => {
  const io: CliIo = { out: () => {}, err: () => {} };
  expect(
    await seedCommand.run({ args: ['--cases', String(CASES), '--seed', '3'], io, dataDir: dir.path }),
  ).toBe(0);
  // As if the cases had been written by a version without materialised deadlines.
  const db = new Database(storeFile(dir.path));
  db.exec(`DELETE FROM case_deadlines; DELETE FROM app_meta WHERE key = 'case_deadlines.rowid'`);
  db.close();

  const store = await StoreHost.start({ file: storeFile(dir.path) });
  try {
    const order: string[] = [];
    const caughtUp = new Promise<void>((resolve) =>
      store.on('changed', (c: DataChanged) => {
        if (c.tables.includes('case_deadlines')) {
          order.push('caught up');
          resolve();
        }
      }),
    );
    const answered = store.call('queue', 'count', 'all', 'local-operator').then((n) => {
      order.push('answered');
      return n;
    });
    expect(await answered).toBe(CASES);
    await caughtUp;
    // Fifteen slices of 200 cases: the call did not wait for all of them.
    expect(order).toEqual(['answered', 'caught up']);
    const check = new Database(storeFile(dir.path), { readonly: true });
    const n = check.prepare('SELECT COUNT(DISTINCT case_id) AS n FROM case_deadlines').get() as { n: number };
    const mark = check.prepare(`SELECT value FROM app_meta WHERE key = 'case_deadlines.rowid'`).get() as {
      value: string;
    };
    check.close();
    expect(n.n).toBeGreaterThan(CASES * 0.9); // every case with a started clock
    expect(Number(mark.value)).toBe(CASES);
  } finally {
    await store.close();
  }
}, 60_000);
