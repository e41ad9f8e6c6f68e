/**
 * `npm run bench:sync-apply -- [--cases N] [--drop-trigger NAME]…`: the workstation's half of a
 * bootstrap alone. Pages of 5,000 server cases (one register event each, like bench/sync.ts) are
 * built in memory first and served by a transport without a server, so only the real engine's
 * apply into SQLite is timed: seconds, µs a case, and each page's transaction in ms (they grow
 * as the store fills). `--drop-trigger` removes a trigger first, to see what it costs.
 * `--mediated S` gives that share of the cases a mediation record (representatives, two sessions,
 * two proposals, an opinion), to see what writing records costs.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { StoreService } from '../main/store/service';
import { SyncEngine } from '../main/sync/engine';
import type { Transport } from '../main/sync/transport';
import { REGISTERED_STATE } from '../shared/lifecycle';
import { MAX_PULL_LIMIT, type PullResponse, type SyncEvent } from '../shared/sync/protocol';
import type { SyncCase } from '../shared/sync/rules';
import type { MediationRecord } from '../shared/mediation/record';
import { benchAppeal } from './appeal';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    'drop-trigger': { type: 'string', multiple: true, default: [] },
    mediated: { type: 'string', default: '0' },
  },
});
const CASES = Number(values.cases);
const MEDIATED = Number(values.mediated);
const EVERY_MEDIATED = MEDIATED > 0 ? Math.max(1, Math.round(1 / MEDIATED)) : 0;

// As it comes over HTTP: a plain JSON value, not the schema's output object.
const intake = JSON.parse(JSON.stringify(benchAppeal(Date.now()))) as SyncCase['intake'];
const lifecycle: SyncCase['lifecycle'] = REGISTERED_STATE;
const mediationRecord = (caseId: string): MediationRecord => ({
  version: 7,
  facts: '快件在派送途中丢失，收件人未收到。',
  appellantPosition: '要求按保价金额赔偿。',
  carrierPosition: '同意按实际损失赔偿。',
  representatives: { appellant: null, carrier: { name: '周经理', phone: '13800001111' } },
  sessions: [1, 2].map((n) => ({
    id: `${caseId}:s${n}`,
    heldAt: n,
    mode: 'phone' as const,
    attendees: ['appellant' as const, 'mediator' as const],
    notes: '电话调解，双方陈述意见。',
    recordedBy: 'u-0',
    recordedAt: n,
  })),
  proposals: (['carrier', 'appellant'] as const).map((by, n) => ({
    id: `${caseId}:p${n}`,
    by,
    terms: '赔付200元',
    amountFen: 20000,
    recordedBy: 'u-0',
    recordedAt: n,
  })),
  opinion: { text: '建议企业赔付250元。', issuedAt: 3, issuedBy: 'u-0' },
  agreement: null,
  outcome: null,
});

// As JSON text, as they come over HTTP: the engine's page starts from JSON.parse.
const pages: string[] = [];
for (let from = 0; from < CASES; from += MAX_PULL_LIMIT) {
  const to = Math.min(CASES, from + MAX_PULL_LIMIT);
  const cases: SyncCase[] = [];
  const events: SyncEvent[] = [];
  for (let version = from + 1; version <= to; version++) {
    const id = randomUUID();
    cases.push({
      id,
      caseNo: `SS20261121${String(version).padStart(6, '0')}`,
      status: 'registered',
      assigneeId: null,
      lifecycle,
      intake,
      columns: {},
      mediation: EVERY_MEDIATED > 0 && version % EVERY_MEDIATED === 0 ? mediationRecord(id) : null,
      createdAt: 0,
      updatedAt: 0,
      version,
    });
    events.push({
      caseId: id,
      version,
      type: 'transition.register',
      actorUserId: 'u-0',
      workstation: 'ws-0',
      data: {},
      occurredAt: 0,
      appliedAt: 0,
      mutationId: null,
    });
  }
  const page: PullResponse = {
    serverEpoch: 'bench',
    lastMutationId: 0,
    mutationResults: [],
    fromVersion: from,
    toVersion: to,
    hasMore: to < CASES,
    cases,
    events,
  };
  pages.push(JSON.stringify(page));
}

const dir = mkdtempSync(join(tmpdir(), 'desk-bench-sync-apply-'));
const store = StoreService.open({ file: join(dir, 'ws.sqlite') });
for (const name of values['drop-trigger']) store.db.exec(`DROP TRIGGER "${name.replaceAll('"', '')}"`);
let served = 0;
const transport: Transport = {
  push: () => Promise.reject(new Error('nothing to push')),
  pull: () => Promise.resolve(JSON.parse(pages[served++]!) as PullResponse),
};
const engine = new SyncEngine(
  store.db,
  transport,
  { now: () => Date.now() },
  { userId: 'u-0', workstation: 'ws-0' },
);
// Each page's transaction, timed from the outside: the engine applies pages in `applyPage`.
const perPage: number[] = [];
const applyPage = Reflect.get(SyncEngine.prototype, 'applyPage') as (...args: unknown[]) => void;
Reflect.set(engine, 'applyPage', function (this: SyncEngine, ...args: unknown[]) {
  const started = performance.now();
  applyPage.apply(this, args);
  perPage.push(Math.round(performance.now() - started));
});

const started = performance.now();
await engine.syncOnce();
const seconds = (performance.now() - started) / 1000;
store.close();
rmSync(dir, { recursive: true, force: true });
const sorted = [...perPage].sort((a, b) => a - b);
const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const peak = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(`pages (ms): ${perPage.join(' ')}`);
console.log(
  JSON.stringify({
    bench: 'sync-apply',
    params: {
      cases: CASES,
      pageSize: MAX_PULL_LIMIT,
      droppedTriggers: values['drop-trigger'],
      mediated: MEDIATED,
    },
    metrics: [
      { name: 'apply', unit: 's', value: Math.round(seconds * 100) / 100, peak_rss_mb: peak },
      { name: 'apply.rows', unit: 'rows/s', value: Math.round(CASES / seconds), peak_rss_mb: peak },
      { name: 'apply.page', unit: 'ms', p50: at(0.5), p95: at(0.95), peak_rss_mb: peak },
    ],
  }),
);
