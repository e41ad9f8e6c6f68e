import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach } from 'vitest';
import { tempDir } from '../support/temp';
import { TestClock, openTestDb, startServer, type TestDb } from './server';
import { InjectTransport, Workstation } from './workstation';

export interface SyncPair {
  dir: ReturnType<typeof tempDir>;
  handle: TestDb;
  app: FastifyInstance;
  clock: TestClock;
  /** Li's workstation. */
  a: Workstation;
  /** Han's workstation. */
  b: Workstation;
}

/**
 * Registers hooks that give each test a fresh sync server (PGlite, or PostgreSQL with
 * DATABASE_URL) and two workstations on their own SQLite files, and tear them down after it.
 * The returned object is filled in before each test.
 */
export function twoWorkstations(prefix: string): SyncPair {
  const pair = {} as SyncPair;
  beforeEach(async () => {
    pair.dir = tempDir(prefix);
    pair.clock = new TestClock();
    pair.handle = await openTestDb();
    pair.app = await startServer(pair.handle.db, pair.clock);
    const at = (ws: string, userId: string, user: string) =>
      new Workstation(
        pair.dir.path,
        ws,
        userId,
        new InjectTransport(pair.app, user, `${user}-password`, ws),
        pair.clock,
      );
    pair.a = at('ws-a', 'u-li', 'li');
    pair.b = at('ws-b', 'u-han', 'han');
  });
  afterEach(async () => {
    pair.a.close();
    pair.b.close();
    await pair.app.close();
    await pair.handle.dispose();
    pair.dir.cleanup();
  });
  return pair;
}
