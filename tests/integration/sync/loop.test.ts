import { describe, expect, it } from 'vitest';
import { BACKOFF_MAX_MS, SyncLoop, backoffMs } from '../../../main/sync/loop';
import type { SyncStatus } from '../../../main/sync/engine';
import { tempDir } from '../../support/temp';
import { TestClock, openTestDb, startServer } from '../../sync/server';
import { InjectTransport, Workstation } from '../../sync/workstation';

describe('sync loop', () => {
  it('backs off exponentially with ±30 % jitter, capped at a minute', () => {
    expect(backoffMs(0, () => 0)).toBe(700);
    expect(backoffMs(0, () => 1)).toBe(1300);
    expect(backoffMs(3, () => 0.5)).toBe(8000);
    expect(backoffMs(30, () => 1)).toBe(Math.round(BACKOFF_MAX_MS * 1.3));
  });

  it('retries on its own timer after the network comes back: no local write needed', async () => {
    const dir = tempDir('desk-sync-loop-');
    const clock = new TestClock();
    const handle = await openTestDb();
    const app = await startServer(handle.db, clock);
    const ws = new Workstation(
      dir.path,
      'ws-a',
      'u-li',
      new InjectTransport(app, 'li', 'li-password', 'ws-a'),
      clock,
    );
    const statuses: SyncStatus[] = [];
    const loop = new SyncLoop(
      ws.engine,
      { status: (s) => statuses.push(s), changed: () => undefined, authRequired: () => undefined },
      200,
    );
    try {
      ws.transport.partitioned = true;
      ws.register();
      loop.start();
      await until(() => statuses.some((s) => !s.online && s.pendingCount === 1));
      ws.transport.partitioned = false;
      await until(() => statuses.some((s) => s.online && s.pendingCount === 0));
      expect((await handle.db.query('SELECT 1 FROM cases')).length).toBe(1);
    } finally {
      await loop.stop();
      ws.close();
      await app.close();
      await handle.dispose();
      dir.cleanup();
    }
  });
});

async function until(condition: () => boolean, limitMs = 20_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 20));
  }
}
