import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dueCommand } from '../../../main/cli/commands/due';
import { StoreService } from '../../../main/store/service';
import { CURRENT_PROFILE } from '../../../shared/deadlines';
import { tempDir } from '../../support/temp';

let dir: ReturnType<typeof tempDir>;
const admin = { staffId: 'admin', workstation: 'ws' };

beforeEach(() => {
  dir = tempDir();
  const store = StoreService.open({ file: join(dir.path, 'desk.sqlite') });
  // current@2: the callback is 5 calendar days instead of 3 working days. Stored, not active.
  store.domains.profiles.save(
    {
      ...CURRENT_PROFILE,
      limits: {
        ...CURRENT_PROFILE.limits,
        callback: { ...CURRENT_PROFILE.limits.callback!, unit: 'calendar_days', amount: 5 },
      },
    },
    admin,
  );
  store.close();
});
afterEach(() => dir.cleanup());

async function due(...profile: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await dueCommand.run({
    args: ['--from', '2026-11-02T10:00+08:00', '--limit', 'callback', '--json', ...profile],
    dataDir: dir.path,
    io: { out: (l) => out.push(l), err: (l) => err.push(l) },
  });
  return { code, dueDate: code === 0 ? (JSON.parse(out[0]!) as { dueDate: string }).dueDate : null, err };
}

describe('desk due with stored profiles', () => {
  it('reads the active profile by default, the newest version of a named one, or an exact version', async () => {
    expect((await due()).dueDate).toBe('2026-11-05');
    expect((await due('--profile', 'current')).dueDate).toBe('2026-11-07');
    expect((await due('--profile', 'current@1')).dueDate).toBe('2026-11-05');
    expect((await due('--profile', 'current@2')).dueDate).toBe('2026-11-07');

    const store = StoreService.open({ file: join(dir.path, 'desk.sqlite') });
    store.domains.profiles.activate({ id: 'current', version: 2 }, admin);
    store.close();
    expect((await due()).dueDate).toBe('2026-11-07');
  });

  it('refuses a version the store does not have', async () => {
    const r = await due('--profile', 'current@9');
    expect(r.code).toBe(2);
    expect(r.err[0]).toBe('unknown profile "current@9"');
  });
});
