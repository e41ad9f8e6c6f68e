import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { calendarCommand } from '../../../main/cli/commands/calendar';
import { storeFile } from '../../../main/config/paths';
import { StoreService } from '../../../main/store/service';
import { registerAppealSchema } from '../../../shared/domain/appeal';
import { validAppeal } from '../../support/appeals';
import { NOTICE_2027 } from '../../support/calendar';
import { tempDir } from '../../support/temp';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.cleanup());

it('recomputes the materialised deadlines of open cases when a calendar year is imported', async () => {
  const at = Date.now() - 3_600_000;
  const store = StoreService.open({ file: storeFile(dir.path) });
  const id = store.domains.cases.register(
    registerAppealSchema.parse(validAppeal({ receivedAt: at })),
    { staffId: 'local-operator', workstation: 'ws' },
    ['handler'],
    at,
  ).case.id;
  const rows = () =>
    store.db
      .prepare(
        'SELECT limit_name, due_at, due_date, state, provisional, next FROM case_deadlines WHERE case_id = ? ORDER BY limit_name',
      )
      .all(id);
  const computed = rows();
  expect(computed.length).toBeGreaterThan(0);
  // Stale rows, as if computed under another calendar: the import must replace them.
  store.db.prepare("UPDATE case_deadlines SET due_at = 0, due_date = '2000-01-01' WHERE case_id = ?").run(id);

  const file = join(dir.path, '2027.json');
  await writeFile(file, JSON.stringify(NOTICE_2027));
  const out: string[] = [];
  const io = { out: (l: string) => out.push(l), err: () => {} };
  expect(await calendarCommand.run({ args: ['import', file], dataDir: dir.path, io })).toBe(0);
  expect(out.at(-1)).toMatch(/Recomputed the deadlines of 1 open cases/);
  expect(rows()).toEqual(computed);
  store.close();
});
