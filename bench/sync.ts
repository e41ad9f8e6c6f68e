/**
 * `npm run bench:sync -- [--database-url URL] [--cases N] [--push N] [--samples N]`: team sync on
 * loopback. The real Fastify server (PostgreSQL at URL, else PGlite in memory, named in `params`)
 * in a worker thread of its own (bench/sync-server.ts: a deployment's server is never in the
 * workstation's thread), and real workstation engines on SQLite files over HTTP:
 * - push: createCase mutations/s from one workstation, batches of 50;
 * - pull_apply and bootstrap_100k: a new workstation pulls N server cases (one register event each)
 *   into SQLite, pages of the engine's default size (MAX_PULL_LIMIT, 5,000), each page one transaction;
 * - propagation: 10 workstations long-polling; time from a registration on A (its loop nudged, as
 *   the store does after a local write) until the case is in B's SQLite, p50/p95.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openPostgres } from '../server/db';
import { spawnWorker } from '../main/workers/spawn';
import { SyncEngine } from '../main/sync/engine';
import { SyncLoop } from '../main/sync/loop';
import { HttpTransport } from '../main/sync/transport';
import { StoreService } from '../main/store/service';
import type { FromSyncServer, SyncServerData, ToSyncServer } from './sync-server';
import { benchAppeal } from './appeal';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    cases: { type: 'string', default: '100000' },
    push: { type: 'string', default: '2000' },
    samples: { type: 'string', default: '40' },
  },
});
const url = values['database-url'];
const CASES = Number(values.cases);
const PUSH = Number(values.push);
const SAMPLES = Number(values.samples);
const WORKSTATIONS = 10;

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const round = (x: number) => Math.round(x * 10) / 10;
const rssMb = () => Math.round(process.memoryUsage().rss / 1048576);

/** The PostgreSQL database of this run (created here, dropped at the end); none for PGlite. */
async function openDb(): Promise<{ databaseUrl?: string; drop: () => Promise<void> }> {
  if (!url) return { drop: async () => undefined };
  const name = `desk_bench_${Date.now()}`;
  const admin = openPostgres(url);
  await admin.query(`CREATE DATABASE ${name}`);
  const scoped = new URL(url);
  scoped.pathname = `/${name}`;
  return {
    databaseUrl: scoped.href,
    drop: async () => {
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}

const dir = mkdtempSync(join(tmpdir(), 'desk-bench-sync-'));
const { databaseUrl, drop } = await openDb();
const users = Array.from({ length: WORKSTATIONS + 1 }, (_, i) => ({
  id: `u-${i}`,
  username: `user${i}`,
  name: `User ${i}`,
  roles: ['handler'],
  password: `password-${i}`,
}));
// The server runs in its own thread (bench/sync-server.ts), as it runs apart from workstations in
// any deployment; its database is reached through it.
const server = spawnWorker(new URL('./sync-server.ts', import.meta.url), {
  databaseUrl,
  staff: users,
} satisfies SyncServerData);
const replies = new Map<number, { resolve: (rows: unknown[]) => void; reject: (error: Error) => void }>();
let closed: () => void = () => undefined;
const base = await new Promise<string>((resolve, reject) => {
  server.once('error', reject);
  server.on('message', (m: FromSyncServer) => {
    if (m.type === 'ready') resolve(m.base);
    else if (m.type === 'closed') closed();
    else if (m.type === 'result') replies.get(m.id)?.resolve(m.rows);
    else replies.get(m.id)?.reject(new Error(m.message));
  });
});
let nextQuery = 0;
function serverQuery(sql: string, params: unknown[] = []): Promise<unknown[]> {
  const id = nextQuery++;
  server.postMessage({ type: 'query', id, sql, params } satisfies ToSyncServer);
  return new Promise((resolve, reject) => replies.set(id, { resolve, reject }));
}

async function workstation(i: number) {
  const u = users[i]!;
  const res = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      username: u.username,
      password: u.password,
      workstation: { id: `ws-${i}`, name: `ws-${i}` },
    }),
  });
  const { accessToken } = (await res.json()) as { accessToken: string };
  const store = StoreService.open({ file: join(dir, `ws-${i}.sqlite`) });
  store.db
    .prepare(`INSERT OR IGNORE INTO staff (id, name, roles, created_at) VALUES (?, ?, '["handler"]', 0)`)
    .run(u.id, u.name);
  const engine = new SyncEngine(
    store.db,
    new HttpTransport(base, { accessToken: async () => accessToken }),
    { now: () => Date.now() },
    { userId: u.id, workstation: `ws-${i}` },
  );
  return { store, engine, actor: { staffId: u.id, workstation: `ws-${i}` } };
}

const metrics: {
  name: string;
  unit: string;
  p50?: number;
  p95?: number;
  value?: number;
  baseline: null;
  ratio: null;
  peak_rss_mb: number;
}[] = [];

// push: local registrations first (not timed), then the outbox pushed over HTTP.
{
  const w = await workstation(0);
  const now = Date.now();
  for (let i = 0; i < PUSH; i++) w.store.domains.cases.register(benchAppeal(now), w.actor, ['handler'], now);
  const started = performance.now();
  await w.engine.pushAll();
  const seconds = (performance.now() - started) / 1000;
  if (w.engine.status().pendingCount !== 0) throw new Error('push left mutations pending');
  metrics.push({
    name: 'push',
    unit: 'mutations/s',
    value: round(PUSH / seconds),
    baseline: null,
    ratio: null,
    peak_rss_mb: rssMb(),
  });
  w.store.close();
}

// propagation: 10 long-polling workstations, each caught up first (before the 100k, to keep this quick).
{
  const stations = await Promise.all(Array.from({ length: WORKSTATIONS }, (_, i) => workstation(i)));
  for (const s of stations) await s.engine.syncOnce();
  const loops = stations.map((s) => {
    const loop = new SyncLoop(s.engine, {
      status: () => undefined,
      changed: () => undefined,
      authRequired: () => undefined,
    });
    loop.start();
    return loop;
  });
  await new Promise((r) => setTimeout(r, 500));
  const times: number[] = [];
  for (let k = 0; k < SAMPLES; k++) {
    const from = k % WORKSTATIONS;
    const to = (from + 1 + (k % (WORKSTATIONS - 1))) % WORKSTATIONS;
    const a = stations[from]!;
    const seen = stations[to]!.store.db.prepare('SELECT 1 FROM cases WHERE id = ?');
    const started = performance.now();
    const id = a.store.domains.cases.register(benchAppeal(Date.now()), a.actor, ['handler']).case.id;
    loops[from]!.nudge();
    while (!seen.get(id)) await new Promise((r) => setTimeout(r, 2));
    times.push(performance.now() - started);
  }
  metrics.push({
    name: 'propagation',
    unit: 'ms',
    p50: round(pct(times, 0.5)),
    p95: round(pct(times, 0.95)),
    baseline: null,
    ratio: null,
    peak_rss_mb: rssMb(),
  });
  await Promise.all(loops.map((l) => l.stop()));
  for (const s of stations) s.store.close();
}

// bootstrap: CASES more server cases written in bulk, then a brand-new workstation pulls everything.
{
  const intake = JSON.stringify(benchAppeal(Date.now()));
  await serverQuery(
    `WITH n AS (SELECT g, (SELECT version FROM sync_spaces WHERE space_id = 'site') + g AS v FROM generate_series(1, $1::int) g),
     c AS (INSERT INTO cases (id, space_id, case_no, status, assignee_id, lifecycle, intake, columns, created_at, updated_at, version)
       SELECT gen_random_uuid()::text, 'site', 'SS20261121' || lpad(g::text, 6, '0'), 'registered', NULL,
              '{"status":"registered","transferCount":0,"transferRoundsExceeded":false,"supervised":false,"supervisionReminders":0,"escalatedToSupervision":false,"reopenCount":0}'::jsonb,
              $2::jsonb, '{}'::jsonb, 0, 0, v FROM n RETURNING id, version)
     INSERT INTO case_events (case_id, space_id, version, type, actor_user_id, workstation, data, occurred_at, applied_at, mutation_id)
       SELECT id, 'site', version, 'transition.register', 'u-0', 'ws-0', '{}'::jsonb, 0, 0, NULL FROM c`,
    [CASES, intake],
  );
  await serverQuery(`UPDATE sync_spaces SET version = version + $1 WHERE space_id = 'site'`, [CASES]);
  const w = await workstation(WORKSTATIONS);
  const started = performance.now();
  await w.engine.syncOnce();
  const seconds = (performance.now() - started) / 1000;
  const rows = (w.store.db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
  if (rows !== CASES + PUSH + SAMPLES)
    throw new Error(`bootstrap pulled ${rows} cases, expected ${CASES + PUSH + SAMPLES}`);
  metrics.push({
    name: 'pull_apply',
    unit: 'rows/s',
    value: round(rows / seconds),
    baseline: null,
    ratio: null,
    peak_rss_mb: rssMb(),
  });
  metrics.push({
    name: `bootstrap_${CASES / 1000}k`,
    unit: 's',
    value: round(seconds),
    baseline: null,
    ratio: null,
    peak_rss_mb: rssMb(),
  });
  w.store.close();
}

await new Promise<void>((resolve) => {
  closed = resolve;
  server.postMessage({ type: 'close' } satisfies ToSyncServer);
});
await server.terminate();
await drop();
rmSync(dir, { recursive: true, force: true });
console.log(
  JSON.stringify({
    bench: 'sync',
    params: {
      backend: url ? 'postgresql' : 'pglite (in memory; no --database-url)',
      server: 'own worker thread (Fastify and its database client apart from the workstations)',
      cases: CASES,
      push: PUSH,
      samples: SAMPLES,
      workstations: WORKSTATIONS,
      host: '127.0.0.1',
    },
    metrics,
  }),
);
process.exit(0);
