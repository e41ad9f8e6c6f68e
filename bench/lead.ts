/**
 * `npm run bench:lead -- [--cases N] [--data-dir D] [--runs R]`: the team lead's views at scale.
 * `deadline_board.load` and `escalation_view.load` are the time to the data each view shows
 * (leads.board, leads.escalations) through router.dispatch on a real started app;
 * `escalation.evaluate_all` is one pass of every rule over all open cases (leads.evaluate), the
 * first pass on the store (which raises) and, as `escalation.evaluate_all.repeat`, a second one
 * (which must raise nothing: idempotence). Seeds the store with the demo generator if needed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import type { EvaluationResult } from '../shared/escalation/dto';
import type { RpcResult } from '../shared/rpc/errors';
import { startApp } from '../main/app/context';
import { storeFile } from '../main/config/paths';
import { StoreService } from '../main/store/service';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '1000000' },
    'data-dir': { type: 'string' },
    runs: { type: 'string', default: '30' },
  },
});
const cases = Number(values.cases);
const runs = Number(values.runs);
const dataDir = values['data-dir'] ?? join(tmpdir(), `desk-bench-lead-${cases}`);

interface Metric {
  name: string;
  unit: string;
  p50?: number;
  p95?: number;
  value?: number;
  peak_rss_mb: number;
}

const r2 = (n: number) => Math.round(n * 100) / 100;
let peakRss = 0;
const sampleRss = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss / 2 ** 20));
const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

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
  const store = StoreService.open({ file });
  const caughtUp = store.domains.queue.catchUpDeadlines();
  store.close();
  if (caughtUp > 0) console.log(`deadlines of ${caughtUp} cases computed`);
}

async function main(): Promise<void> {
  ensureSeeded();
  const app = await startApp({ dataDir, host: 'web', version: 'bench' });
  app.escalations.stop(); // the bench times its own passes
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const r = (await app.router.dispatch(name, input)) as RpcResult<T>;
    if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
    return r.value;
  };
  const metrics: Metric[] = [];
  const pass = async (name: string) => {
    const t = performance.now();
    const r = await call<EvaluationResult>('leads.evaluate', {});
    const ms = performance.now() - t;
    sampleRss();
    console.log(
      `${name}: ${r2(ms)} ms (in the store ${r2(r.ms)} ms), raised ${r.raised}, climbed ${r.climbed}`,
    );
    metrics.push({ name, unit: 'ms', value: r2(ms), peak_rss_mb: Math.round(peakRss) });
  };
  await pass('escalation.evaluate_all');
  await pass('escalation.evaluate_all.repeat');

  const timed = async (name: string, procedure: string, input: unknown) => {
    for (let i = 0; i < 3; i++) await call(procedure, input);
    const xs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await call(procedure, input);
      xs.push(performance.now() - t);
      sampleRss();
    }
    const m = {
      name,
      unit: 'ms',
      p50: r2(quantile(xs, 0.5)),
      p95: r2(quantile(xs, 0.95)),
      peak_rss_mb: Math.round(peakRss),
    };
    console.log(`${name}: p50 ${m.p50} ms, p95 ${m.p95} ms`);
    metrics.push(m);
  };
  await timed('deadline_board.load', 'leads.board', {});
  await timed('deadline_board.load.filtered', 'leads.board', { carrierId: 'sf', limitName: 'acceptance' });
  await timed('escalation_view.load', 'leads.escalations', {});
  await timed('escalation_view.load.by_rule', 'leads.escalations', { ruleId: 'breach' });
  await app.close();
  console.log(JSON.stringify({ bench: 'lead', params: { cases, runs, dataDir }, metrics }));
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
