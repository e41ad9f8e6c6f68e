/**
 * `npm run bench:queue -- [--cases N] [--data-dir D] [--runs R]`: the queue at scale. Every
 * saved view's first page, next page and count, free-text searches and exact lookups, each
 * measured through the RPC handler path (router.dispatch on a real started app: validation,
 * roles, the store worker round trip, and the result encoded for the wire as both transports
 * send it) and as the same SQL run directly on better-sqlite3 (`baseline`). `rpc.worker_echo`
 * is a bare worker thread echoing a small message: the floor under any call that crosses to the
 * store worker. Seeds the store with the demo generator if it holds fewer than N cases.
 */
import { spawnSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { QUEUE_VIEWS, type QueueView } from '../shared/domain/views';
import type { RpcResult } from '../shared/rpc/errors';
import { startApp } from '../main/app/context';
import { storeFile } from '../main/config/paths';
import { encodeResult } from '../main/rpc/wire';
import { COUNTER_SQL, countSql, pageSql, StatementCache, VIEWS } from '../main/store/queue';
import { CaseSearch } from '../main/store/search/text';
import { StoreService } from '../main/store/service';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '1000000' },
    'data-dir': { type: 'string' },
    runs: { type: 'string', default: '300' },
  },
});
const cases = Number(values.cases);
const runs = Number(values.runs);
const dataDir = values['data-dir'] ?? join(tmpdir(), `desk-bench-queue-${cases}`);
const PAGE = 50;

interface Metric {
  name: string;
  unit: string;
  p50?: number;
  p95?: number;
  value?: number;
  baseline?: number;
  ratio?: number;
  peak_rss_mb: number;
}

const r2 = (n: number) => Math.round(n * 100) / 100;
let peakRss = 0;
const sampleRss = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss / 2 ** 20));

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

async function time(fn: () => unknown): Promise<number[]> {
  for (let i = 0; i < 3; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
    sampleRss();
  }
  return out;
}

function ensureSeeded(): void {
  const file = storeFile(dataDir);
  const have = existsSync(file)
    ? (
        new Database(file, { readonly: true }).prepare('SELECT COUNT(*) AS n FROM cases').get() as {
          n: number;
        }
      ).n
    : 0;
  if (have < cases) {
    console.log(`seeding ${cases - have} cases into ${dataDir} …`);
    const seed = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'main/cli/main.ts', 'seed', '--cases', String(cases - have), '--data-dir', dataDir],
      { stdio: 'inherit' },
    );
    if (seed.status !== 0) throw new Error('seeding failed');
  }
  // Opening the store brings case_deadlines up to date with the seeded cases.
  const t = performance.now();
  const store = StoreService.open({ file });
  const caughtUp = store.domains.queue.catchUpDeadlines();
  store.close();
  if (caughtUp > 0)
    console.log(
      `deadlines of ${caughtUp} cases computed in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
}

async function main(): Promise<void> {
  ensureSeeded();
  const metrics: Metric[] = [];
  const app = await startApp({ dataDir, host: 'web', version: 'bench' });
  const raw = new Database(storeFile(dataDir), { readonly: true });
  raw.pragma('cache_size = -65536');
  // What a transport does with a call: dispatch, then the result as the JSON text it sends.
  const wire = async (name: string, input: unknown): Promise<string> =>
    encodeResult(await app.router.dispatch(name, input));
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const r = JSON.parse(await wire(name, input)) as RpcResult<T>;
    if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
    return r.value;
  };
  const session = await app.store.call('session', 'session');
  const ctx = { staffId: session.staff.id, now: Date.now() };

  const push = (name: string, ours: number[], base: number[]) => {
    const m: Metric = {
      name,
      unit: 'ms',
      p50: r2(quantile(ours, 0.5)),
      p95: r2(quantile(ours, 0.95)),
      baseline: r2(quantile(base, 0.95)),
      ratio: 0,
      peak_rss_mb: Math.round(peakRss),
    };
    m.ratio = r2(m.p95! / Math.max(m.baseline!, 0.001));
    metrics.push(m);
    console.log(`${name}: p50 ${m.p50} ms, p95 ${m.p95} ms, raw SQL p95 ${m.baseline} ms, ratio ${m.ratio}`);
  };

  for (const view of QUEUE_VIEWS as readonly QueueView[]) {
    const v = VIEWS[view];
    const params = v.params(ctx);
    const first = raw.prepare(pageSql(view, false));
    const next = raw.prepare(pageSql(view, true));
    const page = await call<{ items: { id: string }[]; nextCursor: string | null }>('cases.list', {
      view,
      limit: PAGE,
    });
    const rawFirst = first.all(...params, PAGE + 1) as { sortKey: number; id: string }[];
    push(
      `view.${view}.first_page`,
      await time(() => wire('cases.list', { view, limit: PAGE })),
      await time(() => first.all(...params, PAGE + 1)),
    );
    const last = rawFirst[PAGE - 1];
    if (page.nextCursor && last) {
      const cursor = page.nextCursor;
      push(
        `view.${view}.next_page`,
        await time(() => wire('cases.list', { view, cursor, limit: PAGE })),
        await time(() => next.all(...params, last.sortKey, last.id, PAGE + 1)),
      );
    } else console.log(`view.${view}.next_page: skipped, the view has one page (${page.items.length} rows)`);
    const count = v.counters
      ? () => raw.prepare(COUNTER_SQL).get(JSON.stringify(v.counters!(ctx)))
      : view === 'closed'
        ? () => raw.prepare(COUNTER_SQL).get(JSON.stringify(['all', 'open']))
        : () => raw.prepare(countSql(view)).get(...params);
    const n = (await call<{ count: number }>('cases.count', { view })).count;
    console.log(`  ${view}: ${n} cases`);
    push(`view.${view}.count`, await time(() => wire('cases.count', { view })), await time(count));
  }

  // Search terms taken from the store itself, so they match whatever the generator wrote.
  const sample = raw
    .prepare(
      `SELECT c.description, c.waybill_no AS waybill, c.case_no AS caseNo, p.phone, p.name FROM cases c
       JOIN parties p ON p.case_id = c.id AND p.kind = 'appellant' WHERE c.rowid = (SELECT max(rowid) / 2 FROM cases)`,
    )
    .get() as { description: string; waybill: string; caseNo: string; phone: string; name: string };
  const chars = [...sample.description.replace(/[，。、！？：；,.!?\s]/g, '')];
  const searches: Record<string, string> = {
    common_3: chars.slice(0, 3).join(''),
    rare_6: chars.slice(6, 12).join(''),
    name: sample.name,
    two_words: `${chars.slice(0, 3).join('')} ${chars.slice(8, 11).join('')}`,
    short_2: chars.slice(2, 4).join(''),
    absent: '量子纠缠申诉',
  };
  // The baseline runs the statement the store's search builds for the text, on the raw connection.
  const rawSearch = new CaseSearch(raw);
  const rawStatements = new StatementCache(raw);
  const bareSearch = (text: string) => () => {
    const q = rawSearch.query(text, null, PAGE);
    return rawStatements.get(q.sql).all(...q.params);
  };
  for (const [what, text] of Object.entries(searches)) {
    const found = await call<{ items: unknown[]; kind: string }>('queue.search', { text, limit: PAGE });
    console.log(`search.fts.${what} "${text}" (${found.kind}): ${found.items.length} rows on the first page`);
    push(
      `search.fts.${what}`,
      await time(() => wire('queue.search', { text, limit: PAGE })),
      await time(bareSearch(text)),
    );
  }

  const lookups: Record<string, string> = {
    waybill: sample.waybill,
    phone: sample.phone,
    case_no: sample.caseNo,
  };
  for (const [field, text] of Object.entries(lookups)) {
    const found = await call<{ items: unknown[] }>('queue.search', { text, limit: PAGE });
    console.log(`lookup.${field} ${text}: ${found.items.length} rows`);
    push(
      `lookup.${field}`,
      await time(() => wire('queue.search', { text, limit: PAGE })),
      await time(bareSearch(text)),
    );
  }

  const echo = new Worker(
    "require('node:worker_threads').parentPort.on('message', (m) => require('node:worker_threads').parentPort.postMessage(m))",
    { eval: true },
  );
  let answered: (() => void) | null = null;
  echo.on('message', () => answered?.());
  const echoes = await time(
    () =>
      new Promise<void>((resolve) => {
        answered = resolve;
        echo.postMessage({
          type: 'call',
          id: 1,
          domain: 'queue',
          method: 'count',
          args: ['all', ctx.staffId],
        });
      }),
  );
  await echo.terminate();
  metrics.push({
    name: 'rpc.worker_echo',
    unit: 'ms',
    p50: r2(quantile(echoes, 0.5)),
    p95: r2(quantile(echoes, 0.95)),
    peak_rss_mb: Math.round(peakRss),
  });
  console.log(`rpc.worker_echo: p50 ${r2(quantile(echoes, 0.5))} ms, p95 ${r2(quantile(echoes, 0.95))} ms`);

  raw.close();
  await app.close();
  console.log(JSON.stringify({ bench: 'queue', params: { cases, runs, page: PAGE, dataDir }, metrics }));
}

await main();
