import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp';
import { checkConverged, checkSafety } from '../../sync/invariants';
import { TestClock, openTestDb, startServer, type TestDb } from '../../sync/server';
import { InjectTransport, Workstation, type Fault } from '../../sync/workstation';

/**
 * Model-based test (SYNC.md §4.2): three workstations, each with its own SQLite file and the real
 * engine, against the real server code, under dropped requests and responses, duplicates, late
 * delivery, partitions, server restarts and workstation crashes. FC_RUNS=1000 for a long run.
 */
const RUNS = Number(process.env.FC_RUNS ?? 12);

interface Real {
  clock: TestClock;
  handle: TestDb;
  app: FastifyInstance;
  transports: InjectTransport[];
  ws: Workstation[];
  cursors: Map<string, number>;
}

type Cmd = fc.AsyncCommand<object, Real>;
const cmd = (name: string, run: (r: Real) => Promise<void> | void): Cmd => ({
  check: () => true,
  run: async (_m, r) => {
    await run(r);
    await checkSafety(r.handle.db, r.ws, r.cursors);
  },
  toString: () => name,
});

const pick = <T>(items: readonly T[], i: number): T | undefined =>
  items.length === 0 ? undefined : items[i % items.length];
const quietly = async (work: () => Promise<unknown>) => {
  await work().catch(() => undefined);
};

const ws = fc.integer({ min: 0, max: 2 });
const caseIndex = fc.nat(20);
const register = fc.tuple(ws, fc.nat(999)).map(([w, n]) =>
  cmd(`register(${w})`, (r) => {
    r.clock.advance(1000);
    r.ws[w]!.register(`SF1234567${String(n).padStart(6, '0')}`);
  }),
);
const claim = fc.tuple(ws, caseIndex).map(([w, i]) =>
  cmd(`claim(${w}, ${i})`, (r) => {
    const id = pick(r.ws[w]!.caseIds(), i);
    if (id) r.ws[w]!.claim(id);
  }),
);
const sync = ws.map((w) => cmd(`sync(${w})`, (r) => quietly(() => r.ws[w]!.engine.syncOnce())));
// Repeats weight the choice: conflicts need cases known on several workstations and claimed on each.
const commands = [
  register,
  claim,
  claim,
  sync,
  sync,
  sync,
  fc.tuple(ws, caseIndex).map(([w, i]) =>
    cmd(`accept(${w}, ${i})`, (r) => {
      const station = r.ws[w]!;
      const id = pick(station.caseIds(), i);
      if (id && station.row(id)?.status === 'registered') station.accept(id);
    }),
  ),
  ws.map((w) => cmd(`push(${w})`, (r) => quietly(() => r.ws[w]!.engine.pushAll()))),
  fc.tuple(ws, fc.constantFrom<Fault>('dropRequest', 'dropResponse', 'duplicate')).map(([w, fault]) =>
    cmd(`${fault}+sync(${w})`, (r) => {
      r.ws[w]!.transport.next = fault;
      return quietly(() => r.ws[w]!.engine.syncOnce());
    }),
  ),
  ws.map((w) => cmd(`deliverLate(${w})`, (r) => r.ws[w]!.transport.deliverDelayed())),
  fc.tuple(ws, fc.boolean()).map(([w, down]) =>
    cmd(`${down ? 'partition' : 'heal'}(${w})`, (r) => {
      r.ws[w]!.transport.partitioned = down;
    }),
  ),
  ws.map((w) => cmd(`crash(${w})`, (r) => r.ws[w]!.crash())),
  fc.constant(
    cmd('restartServer', async (r) => {
      await r.app.close();
      const db = await r.handle.restart();
      r.app = await startServer(db, r.clock);
      for (const t of r.transports) t.app = r.app;
    }),
  ),
];

describe('team sync model', () => {
  it(`three workstations converge under faults (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 40, size: 'max' }), async (cmds) => {
        const dir = tempDir('desk-sync-model-');
        const clock = new TestClock();
        const handle = await openTestDb();
        const app = await startServer(handle.db, clock);
        const users = [
          ['u-li', 'li', 'li-password'],
          ['u-han', 'han', 'han-password'],
          ['u-zhao', 'zhao', 'zhao-password'],
        ] as const;
        const transports = users.map(([, name, pw], i) => new InjectTransport(app, name, pw, `ws-${i}`));
        const real: Real = {
          clock,
          handle,
          app,
          transports,
          ws: users.map(([id], i) => new Workstation(dir.path, `ws-${i}`, id, transports[i]!, clock)),
          cursors: new Map(),
        };
        try {
          await fc.asyncModelRun(() => ({ model: {}, real }), cmds);
          // Heal everything, then a bounded number of rounds must be enough to converge.
          for (const w of real.ws) {
            w.transport.partitioned = false;
            w.transport.next = 'none';
          }
          for (let round = 0; round < 3; round++) for (const w of real.ws) await w.engine.syncOnce();
          await checkSafety(real.handle.db, real.ws, real.cursors);
          await checkConverged(real.handle.db, real.ws);
          expect(real.ws.every((w) => w.engine.status().pendingCount === 0)).toBe(true);
        } finally {
          for (const w of real.ws) w.close();
          await real.app.close();
          await real.handle.dispose();
          dir.cleanup();
        }
      }),
      // Shrinking replays whole clusters of workstations: slow. FC_SHRINK=1 to shrink; the seed and path replay it.
      { numRuns: RUNS, verbose: 1, endOnFailure: !process.env.FC_SHRINK },
    );
  }, 600_000);
});
