import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobProgress } from '../../../shared/stats/dto';
import { deskEvents, verifyDeskTrail } from '../../../main/store/audit';
import { startTestApp, value } from '../../support/app';
import { tempDir } from '../../support/temp';
import { buildFixtureStore } from './fixture';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;

/** Personal data that leaves unmasked is audited in the desk's hash chain (PIPL Art.51), and only then. */
describe('personal-data exports in the hash-chained audit', () => {
  const dir = tempDir('desk-stats-audit-');
  const file = () => join(dir.path, 'desk.sqlite');
  let app: TestApp;

  beforeAll(async () => {
    buildFixtureStore(dir.path, false).db.close();
    app = await startTestApp(dir.path);
  });
  afterAll(async () => {
    await app.close();
    dir.cleanup();
  });

  async function exportCases(input: object): Promise<JobProgress> {
    const { jobId } = value<{ jobId: string }>(await app.call('jobs.exportCases', input));
    for (;;) {
      const p = value<JobProgress>(await app.call('jobs.progress', { jobId }));
      if (p.state !== 'running') return p;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  function audited() {
    const db = new Database(file(), { readonly: true });
    try {
      return { events: deskEvents(db, 'personalDataExported'), chain: verifyDeskTrail(db) };
    } finally {
      db.close();
    }
  }

  it('a masked export, or one without personal columns, is not a personal-data export', async () => {
    await exportCases({
      source: { kind: 'view', view: 'all' },
      format: 'csv',
      columns: ['caseNo', 'appellantName'],
    });
    await exportCases({
      source: { kind: 'view', view: 'all' },
      format: 'csv',
      columns: ['caseNo', 'carrier'],
      includePersonal: true,
    });
    expect(audited().events).toEqual([]);
  });

  it('an unmasked export records who, when, which view, how many rows and which personal columns', async () => {
    const before = Date.now();
    const done = await exportCases({
      source: { kind: 'period', period: '2026-10' },
      format: 'xlsx',
      columns: ['caseNo', 'appellantName', 'appellantPhone', 'carrier'],
      includePersonal: true,
    });
    expect(done.state).toBe('done');
    const session = value<{ staff: { id: string } }>(await app.call('session.get'));
    const { events, chain } = audited();
    expect(events).toHaveLength(1);
    const [event] = events;
    expect(event).toMatchObject({
      seq: 1,
      type: 'personalDataExported',
      actorId: session.staff.id,
      data: {
        source: { kind: 'period', period: '2026-10' },
        format: 'xlsx',
        columns: ['caseNo', 'appellantName', 'appellantPhone', 'carrier'],
        personalColumns: ['appellantName', 'appellantPhone'],
        rows: done.total,
      },
    });
    expect(done.total).toBe(20);
    expect(event!.at).toBeGreaterThanOrEqual(before);
    expect(chain).toEqual({ eventsChecked: 1, brokenAt: null });
  });

  it('a selection is recorded with its cases; the chain links each event to the one before', async () => {
    const db = new Database(file(), { readonly: true });
    const ids = db.prepare('SELECT id FROM cases ORDER BY id LIMIT 3').pluck().all() as string[];
    db.close();
    await exportCases({
      source: { kind: 'selection', caseIds: ids },
      format: 'csv',
      columns: ['appellantPhone'],
      includePersonal: true,
    });
    const { events, chain } = audited();
    expect(events.map((e) => e.seq)).toEqual([1, 2]);
    expect(events[1]!.data).toMatchObject({
      source: { caseIds: ids },
      rows: 3,
      personalColumns: ['appellantPhone'],
    });
    expect(chain).toEqual({ eventsChecked: 2, brokenAt: null });
  });

  it('the trail refuses edits, and an edit made behind the triggers’ back breaks the chain', () => {
    const db = new Database(file());
    try {
      expect(() => db.prepare("UPDATE desk_events SET data = '{}' WHERE seq = 1").run()).toThrow(
        /append-only/,
      );
      expect(() => db.prepare('DELETE FROM desk_events WHERE seq = 2').run()).toThrow(/append-only/);
      db.exec('DROP TRIGGER desk_events_no_update');
      db.prepare(`UPDATE desk_events SET data = json_set(data, '$.rows', 1) WHERE seq = 1`).run();
      expect(verifyDeskTrail(db)).toEqual({ eventsChecked: 0, brokenAt: 1 });
    } finally {
      db.close();
    }
  });
});

describe('a role that may not export personal data', () => {
  const dir = tempDir('desk-stats-audit-handler-');
  let app: TestApp;

  beforeAll(async () => {
    const { db } = buildFixtureStore(dir.path, false);
    db.prepare(
      "INSERT INTO staff (id, name, roles, created_at) VALUES ('h-1', '受理员', '[\"handler\"]', 0)",
    ).run();
    db.prepare(
      "INSERT INTO app_meta (key, value) VALUES ('session.staffId', 'h-1') ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ).run();
    db.close();
    app = await startTestApp(dir.path);
  });
  afterAll(async () => {
    await app.close();
    dir.cleanup();
  });

  it('gets masked rows even when ticking the box, and nothing is audited as revealed', async () => {
    const { jobId } = value<{ jobId: string }>(
      await app.call('jobs.exportCases', {
        source: { kind: 'view', view: 'all' },
        format: 'csv',
        columns: ['appellantName'],
        includePersonal: true,
      }),
    );
    let state = 'running';
    while (state === 'running') {
      state = value<JobProgress>(await app.call('jobs.progress', { jobId })).state;
      await new Promise((r) => setTimeout(r, 20));
    }
    const chunk = value<{ base64: string }>(await app.call('jobs.download', { jobId, offset: 0 }));
    const names = Buffer.from(chunk.base64, 'base64').toString('utf8').trim().split('\r\n').slice(1);
    expect(names.length).toBe(47);
    expect(names.every((n) => n.includes('*'))).toBe(true);
    const db = new Database(join(dir.path, 'desk.sqlite'), { readonly: true });
    expect(deskEvents(db)).toEqual([]);
    db.close();
  });
});
