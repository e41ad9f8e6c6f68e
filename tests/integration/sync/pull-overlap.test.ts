import { describe, expect, it } from 'vitest';
import { SyncEngine } from '../../../main/sync/engine';
import { twoWorkstations } from '../../sync/pair';

const pair = twoWorkstations('desk-sync-overlap-');

describe('pulling several pages', () => {
  it('lets the event loop turn between asking for the next page and writing the current one', async () => {
    // fetch() writes a request only when the event loop turns; the page transaction then blocks the
    // thread. With a turn in between, a server elsewhere reads the next page while this one is written.
    const { a, b, clock } = pair;
    for (let i = 0; i < 5; i++) a.register(`SF${String(1234567890000 + i)}`);
    await a.engine.syncOnce();
    const cursorsAtNextTurn: number[] = [];
    const engine: SyncEngine = new SyncEngine(
      b.store.db,
      {
        push: (req) => b.transport.push(req),
        pull: (req) => {
          setImmediate(() => cursorsAtNextTurn.push(engine.cursor));
          return b.transport.pull(req);
        },
      },
      clock,
      { userId: 'u-han', workstation: 'ws-b', pageLimit: 2 },
    );

    await engine.syncOnce();

    expect(engine.cursor).toBe(5);
    // Three pages (2 + 2 + 1): the turns after asking for the second and the third come while the
    // cursor is still before the page in hand, i.e. before its transaction.
    expect(cursorsAtNextTurn).toEqual([0, 0, 2]);
  });
});
