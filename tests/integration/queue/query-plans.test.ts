import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreService } from '../../../main/store/service';
import { countSql, pageSql, VIEWS } from '../../../main/store/queue';
import { QUEUE_VIEWS } from '../../../shared/domain/views';
import { tempDir } from '../../support/temp';

let dir: ReturnType<typeof tempDir>;
let store: StoreService;
beforeAll(() => {
  dir = tempDir();
  store = StoreService.open({ file: join(dir.path, 'desk.sqlite') });
  // The planner's choices depend on statistics: give it some, as a real store has.
  store.db.exec('ANALYZE');
});
afterAll(() => {
  store.close();
  dir.cleanup();
});

const plan = (sql: string, params: unknown[]) =>
  (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
const ctx = { staffId: 'local-operator', now: Date.parse('2026-11-16T10:00:00+08:00') };

/** No table is read in full: every cases/deadlines/parties access is a search or an index scan. */
const fullScans = (details: string[]) =>
  details.filter((d) => /^SCAN \w+$/.test(d) || /USE TEMP B-TREE/.test(d));

describe('saved views use their index', () => {
  it.each(QUEUE_VIEWS)('%s: first page, next page and count', (view) => {
    const v = VIEWS[view];
    const params = v.params(ctx);
    for (const [sql, args] of [
      [pageSql(view, false), [...params, 51]],
      [pageSql(view, true), [...params, 0, 'x', 51]],
    ] as const) {
      const details = plan(sql, [...args]);
      expect(details.join('\n'), sql).toContain(v.index);
      expect(fullScans(details), details.join('\n')).toEqual([]);
      // The sort comes from the index: no separate sorting step, so LIMIT stops early.
      expect(
        details.some((d) => d.includes('ORDER BY')),
        details.join('\n'),
      ).toBe(false);
    }
    if (!v.counters && view !== 'closed') {
      const details = plan(countSql(view), params);
      expect(details.join('\n')).toContain(v.index);
      expect(fullScans(details)).toEqual([]);
    }
  });

  it('search by text uses the FTS index and numbers use their own indexes', () => {
    const fts = plan('SELECT rowid FROM case_search WHERE case_search MATCH ? ORDER BY rowid DESC LIMIT 10', [
      '"转运中心"',
    ]);
    expect(fts.join('\n')).toMatch(/VIRTUAL TABLE INDEX/);
    expect(plan('SELECT id FROM cases WHERE waybill_no = ?', ['X']).join('\n')).toContain(
      'cases_waybill_idx',
    );
    expect(plan('SELECT case_id FROM parties WHERE phone = ?', ['1']).join('\n')).toContain(
      'parties_phone_idx',
    );
  });
});
