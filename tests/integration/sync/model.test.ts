import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp';
import { checkConverged, checkSafety } from '../../sync/invariants';
import { TestClock, openTestDb, startServer, type TestDb } from '../../sync/server';
import { InjectTransport, Workstation, type Fault } from '../../sync/workstation';
import type { Role } from '../../../shared/domain/roles';
import type { TransitionName } from '../../../shared/lifecycle';
import { RpcFailure } from '../../../shared/rpc/errors';
import { VALID_DATA } from '../../unit/lifecycle/fixtures';

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
/**
 * Workstation 2 is the admin's (a lead: may mediate cases others hold); 0 and 1 are those of
 * handlers who also mediate (they may start mediation, and keep the record of cases they hold).
 */
const rolesOf = (w: number): Role[] => (w === 2 ? ['admin'] : ['handler', 'mediator']);
/** A refusal by the workstation's own store (it would be refused on the server too) changes nothing. */
const unlessRefused = (work: () => unknown): boolean => {
  try {
    work();
    return true;
  } catch (error) {
    if (!(error instanceof RpcFailure)) throw error;
    return false;
  }
};
/** The path to mediation, as far as the workstation's own store allows, in one command. */
const NEXT_STEP: Partial<Record<string, TransitionName>> = {
  registered: 'accept',
  accepted: 'transfer',
  transferred: 'record_carrier_reply',
  carrier_replied: 'start_mediation',
};
const advance = fc.tuple(ws, caseIndex).map(([w, i]) =>
  cmd(`advance(${w}, ${i})`, (r) => {
    const station = r.ws[w]!;
    const id = pick(
      station.caseIds().filter((c) => NEXT_STEP[station.row(c)!.status]),
      i,
    );
    for (let transition = id && NEXT_STEP[station.row(id)!.status]; id && transition;) {
      r.clock.advance(1000);
      // A mediator takes on the case she mediates (a claim, when nobody holds it).
      if (transition === 'start_mediation') station.claim(id);
      const input = { caseId: id, transition, data: VALID_DATA[transition] };
      const done = unlessRefused(() =>
        station.store.domains.cases.transition(input, station.actor, rolesOf(w), r.clock.now()),
      );
      transition = done ? NEXT_STEP[station.row(id)!.status] : undefined;
    }
  }),
);
/** A change of the mediation record from the version this workstation shows (reviseMediation.v1). */
const mediate = fc
  .tuple(ws, caseIndex, fc.constantFrom('revise', 'session', 'representative', 'opinion'), fc.nat(99))
  .map(([w, i, op, n]) =>
    cmd(`mediate(${w}, ${i}, ${op})`, (r) => {
      const station = r.ws[w]!;
      const m = station.store.domains.mediation;
      const roles = rolesOf(w);
      const editable = station
        .caseIds()
        .filter((c) => station.row(c)!.status === 'mediating')
        .map((c) => m.view(c, station.actor, roles))
        .filter((v) => v.mayEdit);
      const seen = pick(editable, i);
      if (!seen) return;
      const now = r.clock.now();
      const head = { caseId: seen.caseId, expectedVersion: seen.version };
      unlessRefused(() => {
        if (op === 'revise') m.revise({ ...head, facts: `事实${w}-${n}` }, station.actor, roles, now);
        if (op === 'session') {
          const session = { heldAt: now, mode: 'phone', attendees: ['mediator'], notes: `记录${n}` } as const;
          m.addSession({ ...head, ...session, attendees: [...session.attendees] }, station.actor, roles, now);
        }
        if (op === 'representative') {
          const rep = { side: 'carrier', name: `代表${n}`, phone: '13800001111' } as const;
          m.setRepresentative({ ...head, ...rep }, station.actor, roles, now);
        }
        if (op === 'opinion') m.issueOpinion({ ...head, opinion: `意见${n}` }, station.actor, roles, now);
      });
    }),
  );
/** A correction of a case's details from the field versions this workstation shows (editCaseFields.v1). */
const correct = fc
  .tuple(ws, caseIndex, fc.constantFrom('description', 'demand', 'both'), fc.nat(99))
  .map(([w, i, which, n]) =>
    cmd(`correct(${w}, ${i}, ${which})`, (r) => {
      const station = r.ws[w]!;
      const id = pick(station.caseIds(), i);
      const shown = id && station.store.domains.cases.get(id, rolesOf(w));
      if (!shown) return;
      const base = (field: string) => shown.fieldVersions[field] ?? 0;
      const fields = {
        ...(which !== 'demand'
          ? // Every third holds a word the escalation engine's sensitive-words rule watches for.
            {
              description: {
                value: `更正${w}-${n}${n % 3 ? '' : '，要找记者曝光'}`,
                baseVersion: base('description'),
              },
            }
          : {}),
        ...(which !== 'description'
          ? { demand: { value: n % 2 ? 'apology' : 'explanation', baseVersion: base('demand') } }
          : {}),
      };
      unlessRefused(() =>
        station.store.domains.cases.editFields(
          { caseId: id, fields },
          station.actor,
          rolesOf(w),
          r.clock.now(),
        ),
      );
    }),
  );
/** The workstation's escalation engine passes over its cases (escalateCase.v1 for each raise). */
const escalate = ws.map((w) =>
  cmd(`escalate(${w})`, (r) => {
    r.ws[w]!.store.domains.escalation.evaluateAll(r.clock.now());
  }),
);
/** The admin (workstation 2) acknowledges or resolves an escalation it shows, at the level shown. */
const leadActs = fc.tuple(caseIndex, fc.boolean()).map(([i, resolve]) =>
  cmd(`${resolve ? 'resolve' : 'acknowledge'}(2, ${i})`, (r) => {
    const station = r.ws[2]!;
    const open = station.store.db
      .prepare(`SELECT id FROM escalations WHERE state <> 'resolved' ORDER BY id`)
      .all() as { id: string }[];
    const target = pick(open, i);
    if (!target) return;
    const esc = station.store.domains.escalation;
    unlessRefused(() =>
      resolve ? esc.resolve(target.id, '已处理', station.actor) : esc.acknowledge(target.id, station.actor),
    );
  }),
);
// Repeats weight the choice: conflicts need cases known on several workstations and claimed on each.
const commands = [
  register,
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
  advance,
  advance,
  advance,
  mediate,
  mediate,
  mediate,
  mediate,
  correct,
  correct,
  escalate,
  leadActs,
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
        await handle.db.query(
          `UPDATE staff SET roles = '["handler", "mediator"]' WHERE id IN ('u-li', 'u-han')`,
        );
        const users = [
          ['u-li', 'li', 'li-password'],
          ['u-han', 'han', 'han-password'],
          ['u-admin', 'admin', 'admin-password'],
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
