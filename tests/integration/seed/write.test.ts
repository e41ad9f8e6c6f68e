import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoBatches } from '../../../main/seed/batches';
import { writeBatches, writeDemoData } from '../../../main/seed/write';
import { verifyAuditTrail } from '../../../main/store/audit';
import { refreshAllDeadlines } from '../../../main/store/search/deadlines';
import { StoreService } from '../../../main/store/service';
import { buildCalendar } from '../../../shared/calendar';
import { CURRENT_PROFILE } from '../../../shared/deadlines';
import { registerAppealSchema } from '../../../shared/domain/appeal';
import { shanghaiDate } from '../../../shared/domain/time';
import { validAppeal } from '../../support/appeals';
import { tempDir } from '../../support/temp';

const NOW = Date.parse('2026-11-29T03:30:00Z');
const SEED = 2024;
const actor = { staffId: 'staff-h001', workstation: 'test-ws' };

let dir: ReturnType<typeof tempDir>;
const stores: StoreService[] = [];
const open = (name: string) => {
  const s = StoreService.open({ file: join(dir.path, name, 'desk.sqlite') });
  stores.push(s);
  return s;
};
const one = <T>(s: StoreService, sql: string, ...args: unknown[]) => s.db.prepare(sql).get(...args) as T;
const n = (s: StoreService, sql: string) => one<{ n: number }>(s, sql).n;

/** Everything the load wrote, as one string: for comparing two stores row for row. */
const dump = (s: StoreService) =>
  JSON.stringify([
    s.db.prepare('SELECT * FROM cases ORDER BY id').raw().all(),
    s.db.prepare('SELECT * FROM parties ORDER BY id').raw().all(),
    s.db
      .prepare(
        'SELECT case_id, seq, type, actor_id, workstation, at, status, data, prev_hash, hash FROM case_events ORDER BY case_id, seq',
      )
      .raw()
      .all(),
    s.db.prepare('SELECT * FROM case_number_counters ORDER BY day').raw().all(),
  ]);

/** Batch parameters for a store without cases or imported calendar years. */
const params = () => ({
  seed: 5,
  count: 400,
  now: NOW,
  idSalt: 0,
  batchSize: 100,
  workstation: 'w',
  counters: {},
  calendarYears: [],
  profile: CURRENT_PROFILE,
});

let main: StoreService;
let progress: number[];

beforeAll(() => {
  dir = tempDir('desk-seed-');
  main = open('main');
  progress = [];
  const result = writeDemoData(main.db, {
    cases: 2_000,
    seed: SEED,
    now: NOW,
    batchSize: 500,
    onProgress: (w) => progress.push(w),
  });
  expect(result.written).toBe(2_000);
});
afterAll(() => {
  for (const s of stores) s.close();
  dir.cleanup();
});

describe('writeDemoData into a real store', () => {
  it('writes the cases, one appellant each, and their events', () => {
    expect(n(main, 'SELECT COUNT(*) AS n FROM cases')).toBe(2_000);
    expect(n(main, "SELECT COUNT(*) AS n FROM parties WHERE kind = 'appellant'")).toBe(2_000);
    expect(n(main, 'SELECT COUNT(DISTINCT case_id) AS n FROM parties')).toBe(2_000);
    expect(n(main, 'SELECT COUNT(*) AS n FROM case_events')).toBe(
      n(main, 'SELECT SUM(audit_seq) AS n FROM cases'),
    );
    expect(
      n(
        main,
        'SELECT COUNT(*) AS n FROM cases c WHERE audit_seq != (SELECT MAX(seq) FROM case_events e WHERE e.case_id = c.id)',
      ),
    ).toBe(0);
    expect(n(main, "SELECT COUNT(*) AS n FROM staff WHERE id LIKE 'staff-%'")).toBe(42);
    expect(progress).toEqual([500, 1_000, 1_500, 2_000]);
  });

  it('leaves an audit trail that verifies', () => {
    const report = verifyAuditTrail(main.db);
    expect(report.firstBreak).toBeNull();
    expect(report.casesChecked).toBe(2_000);
  });

  it("writes each case's deadlines as the store computes them, and moves the catch-up past them", () => {
    const deadlines = () =>
      JSON.stringify(
        main.db.prepare('SELECT * FROM case_deadlines ORDER BY case_id, limit_name').raw().all(),
      );
    const seeded = deadlines();
    expect(n(main, 'SELECT COUNT(DISTINCT case_id) AS n FROM case_deadlines')).toBe(2_000);
    expect(n(main, "SELECT COUNT(*) AS n FROM case_deadlines WHERE state = 'running'")).toBeGreaterThan(0);
    expect(main.domains.queue.catchUpDeadlines(NOW)).toBe(0);
    main.db.exec('DELETE FROM case_deadlines');
    expect(refreshAllDeadlines(main.db, buildCalendar([]), NOW)).toBe(2_000);
    expect(deadlines()).toBe(seeded);
  });

  it('keeps the counters in step with the case numbers, and restores the pragmas', () => {
    const days = main.db
      .prepare(
        `SELECT received_date AS day, COUNT(*) AS n, MAX(CAST(substr(case_no, 11) AS INTEGER)) AS maxNo,
                (SELECT last FROM case_number_counters k WHERE k.day = c.received_date) AS counter
           FROM cases c GROUP BY received_date`,
      )
      .all() as { day: string; n: number; maxNo: number; counter: number }[];
    expect(days.length).toBeGreaterThan(500);
    for (const d of days) expect([d.maxNo, d.counter]).toEqual([d.n, d.n]);
    expect(main.db.pragma('synchronous', { simple: true })).toBe(1);
    expect(main.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(main.db.pragma('foreign_key_check')).toEqual([]);
  });

  it('lets a registration that follows take the next number of the day', () => {
    const receivedAt = one<{ received_at: number }>(
      main,
      'SELECT received_at FROM cases ORDER BY received_at DESC LIMIT 1',
    ).received_at;
    const day = shanghaiDate(receivedAt);
    const before = one<{ last: number }>(
      main,
      'SELECT last FROM case_number_counters WHERE day = ?',
      day,
    ).last;
    const result = main.domains.cases.register(
      registerAppealSchema.parse(validAppeal({ receivedAt })),
      actor,
      ['handler'],
      NOW,
    );
    expect(result.case.caseNo).toBe(`SS${day.replaceAll('-', '')}${String(before + 1).padStart(6, '0')}`);
  });

  it('appends to a store that has cases: more numbers, no collisions, still verifiable', () => {
    const s = open('append');
    writeDemoData(s.db, { cases: 600, seed: SEED, now: NOW });
    s.domains.cases.register(
      registerAppealSchema.parse(validAppeal({ receivedAt: NOW - 60_000 })),
      actor,
      ['handler'],
      NOW,
    );
    writeDemoData(s.db, { cases: 600, seed: SEED, now: NOW });
    expect(n(s, 'SELECT COUNT(*) AS n FROM cases')).toBe(1_201);
    expect(n(s, 'SELECT COUNT(DISTINCT case_no) AS n FROM cases')).toBe(1_201);
    expect(verifyAuditTrail(s.db).firstBreak).toBeNull();
    // The same seed twice gives the same content under new ids and numbers.
    expect(n(s, 'SELECT COUNT(DISTINCT description) AS n FROM cases')).toBeLessThan(700);
  });

  it('writes the same rows from the worker thread as inline', () => {
    const inline = open('inline');
    const worker = open('worker');
    writeDemoData(inline.db, { cases: 2_500, seed: 77, now: NOW, useWorker: false });
    writeDemoData(worker.db, { cases: 2_500, seed: 77, now: NOW, useWorker: true });
    expect(dump(worker)).toBe(dump(inline));
  });

  it('renumbers and re-chains cases whose day was numbered by someone else meanwhile', () => {
    const s = open('race');
    writeDemoData(s.db, { cases: 0 }); // the roster the demo cases are assigned to
    // The batches are made from a view of the counters taken before these registrations…
    const batches = [...demoBatches({ ...params(), seed: 5, count: 400, batchSize: 100 })];
    const lastDay = batches.at(-1)!.days.at(-1)!.date;
    const receivedAt = Date.parse(`${lastDay}T02:00:00Z`);
    for (let i = 0; i < 3; i++) {
      s.domains.cases.register(
        registerAppealSchema.parse(validAppeal({ receivedAt })),
        actor,
        ['handler'],
        NOW,
      );
    }
    let i = 0;
    writeBatches(s.db, { next: () => batches[i++] ?? null, close: () => {} }, { batchSize: 1_000 });
    // …so the demo cases of that day continue after the three registrations.
    const numbers = (
      s.db
        .prepare('SELECT case_no FROM cases WHERE received_date = ? ORDER BY case_no')
        .pluck()
        .all(lastDay) as string[]
    ).map((x) => Number(x.slice(10)));
    expect(numbers).toEqual(numbers.map((_, k) => k + 1));
    expect(
      one<{ last: number }>(s, 'SELECT last FROM case_number_counters WHERE day = ?', lastDay).last,
    ).toBe(numbers.length);
    expect(verifyAuditTrail(s.db).firstBreak).toBeNull();
    const registerData = s.db
      .prepare(
        'SELECT c.case_no, e.data FROM cases c JOIN case_events e ON e.case_id = c.id AND e.seq = 1 WHERE c.received_date = ?',
      )
      .all(lastDay) as { case_no: string; data: string }[];
    for (const r of registerData) expect((JSON.parse(r.data) as { caseNo: string }).caseNo).toBe(r.case_no);
  });

  it('fills the search index in bulk, and a failed load leaves its trigger in place', () => {
    const search = (s: StoreService, text: string) => s.domains.queue.search(text, null, 50).items;
    const someName = one<{ name: string }>(main, 'SELECT name FROM parties LIMIT 1').name;
    expect(n(main, 'SELECT COUNT(*) AS n FROM case_search')).toBe(n(main, 'SELECT COUNT(*) AS n FROM cases'));
    expect(
      n(
        main,
        'SELECT COUNT(*) AS n FROM cases c JOIN case_search s ON s.rowid = c.rowid AND s.case_id = c.id AND s.description = c.description',
      ),
    ).toBe(n(main, 'SELECT COUNT(*) AS n FROM cases'));
    expect(search(main, '转运中心').length).toBeGreaterThan(0);

    const s = open('failed');
    writeDemoData(s.db, { cases: 0 });
    const batches = [...demoBatches({ ...params(), count: 200, batchSize: 100 })];
    let i = 0;
    const failing = {
      next: () => {
        if (i === 1) throw new Error('generator failed');
        return batches[i++] ?? null;
      },
      close: () => {},
    };
    expect(() => writeBatches(s.db, failing, { batchSize: 1_000 })).toThrow('generator failed');
    expect(n(s, 'SELECT COUNT(*) AS n FROM cases')).toBe(0);
    expect(
      n(
        s,
        "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name = 'case_search_party_insert'",
      ),
    ).toBe(1);
    // Registration still feeds the index through the trigger.
    const registered = s.domains.cases.register(
      registerAppealSchema.parse(validAppeal({ description: `${someName}的快件在转运中心丢失了` })),
      actor,
      ['handler'],
      NOW,
    );
    expect(search(s, '转运中心').map((c) => c.id)).toEqual([registered.case.id]);
  });

  it('refuses a count out of range', () => {
    expect(() => writeDemoData(main.db, { cases: -1 })).toThrow(RangeError);
    expect(() => writeDemoData(main.db, { cases: 1.5 })).toThrow(RangeError);
    expect(() => writeDemoData(main.db, { cases: 5_000_001 })).toThrow(RangeError);
  });
});
