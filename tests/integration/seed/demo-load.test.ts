import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreService } from '../../../main/store/service';
import { tempDir } from '../../support/temp';

let dir: ReturnType<typeof tempDir>;
let store: StoreService;
beforeAll(() => {
  dir = tempDir('desk-demo-load-');
  store = StoreService.open({ file: join(dir.path, 'desk.sqlite') });
});
afterAll(() => {
  store.close();
  dir.cleanup();
});

const count = (sql: string) => (store.db.prepare(sql).get() as { n: number }).n;

describe('the first-start demo load', () => {
  it('fills an empty store with searchable cases that have their deadlines, then refuses a second load', () => {
    expect(store.domains.demo.status()).toEqual({ caseCount: 0, offerDemo: true });
    const actor = { staffId: 'staff-a001', workstation: 'ws-demo' };
    expect(store.domains.demo.load(500, actor)).toEqual({ written: 500 });
    expect(count('SELECT COUNT(DISTINCT case_id) AS n FROM case_deadlines')).toBe(500);
    expect(count('SELECT COUNT(*) AS n FROM case_search')).toBe(500);
    // Nothing is left for the catch-up: the load computed every case's deadlines itself.
    expect(store.domains.queue.catchUpDeadlines()).toBe(0);
    expect(count("SELECT COUNT(*) AS n FROM case_events WHERE workstation = 'ws-demo'")).toBe(
      count('SELECT SUM(audit_seq) AS n FROM cases'),
    );
    expect(() => store.domains.demo.load(10, actor)).toThrow();
    expect(store.domains.demo.status().offerDemo).toBe(false);
  });
});
