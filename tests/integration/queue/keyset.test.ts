import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCursor } from '../../../main/store/queue';
import { StoreService } from '../../../main/store/service';
import { registerAppealSchema } from '../../../shared/domain/appeal';
import type { QueueView } from '../../../shared/domain/views';
import { validAppeal } from '../../support/appeals';
import { tempDir } from '../../support/temp';

let dir: ReturnType<typeof tempDir>;
let store: StoreService;
let clone: (id: string, receivedAt: number, assignee: string | null, open: boolean) => void;
let serial = 0;

beforeAll(() => {
  dir = tempDir();
  store = StoreService.open({ file: join(dir.path, 'desk.sqlite') });
  const at = Date.parse('2026-11-16T10:00:00+08:00');
  const template = store.domains.cases.register(
    registerAppealSchema.parse(validAppeal({ receivedAt: at })),
    { staffId: 'local-operator', workstation: 'ws' },
    ['handler'],
    at,
  ).case.id;
  // Rows copied from a registered case with another id, time, assignee and openness: cheap
  // enough to make hundreds per property run.
  const columns = (store.db.prepare('PRAGMA table_info(cases)').all() as { name: string }[]).map(
    (c) => c.name,
  );
  const chosen: Record<string, string> = {
    id: '@id',
    case_no: '@caseNo',
    received_at: '@receivedAt',
    assignee_id: '@assignee',
    is_open: '@open',
    status: "CASE WHEN @open = 1 THEN 'accepted' ELSE 'closed' END",
  };
  const insertCase = store.db.prepare(
    `INSERT INTO cases (${columns.join(', ')}) SELECT ${columns.map((c) => chosen[c] ?? c).join(', ')} FROM cases WHERE id = '${template}'`,
  );
  const insertParty = store.db.prepare(
    "INSERT INTO parties (id, case_id, kind, name, phone, created_at) VALUES (@id || '-p', @id, 'appellant', '张三', '13900000000', 0)",
  );
  clone = (id, receivedAt, assignee, open) => {
    serial += 1;
    const row = { id, caseNo: `T${serial}`, receivedAt, assignee, open: open ? 1 : 0 };
    insertCase.run(row);
    insertParty.run(row);
  };
});
afterAll(() => {
  store.close();
  dir.cleanup();
});

const row = fc.record({
  // Few distinct times, so ties on received_at (broken by id) are common.
  receivedAt: fc.integer({ min: 0, max: 20 }).map((n) => 1_700_000_000_000 + n * 1000),
  assignee: fc.constantFrom(null, 'local-operator'),
  open: fc.boolean(),
});

describe('keyset paging', () => {
  it('returns every row present when paging starts exactly once, whatever is inserted meanwhile', () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 0, maxLength: 40 }),
        fc.array(row, { maxLength: 10 }),
        fc.integer({ min: 1, max: 7 }),
        fc.constantFrom<QueueView>('all', 'open', 'closed', 'mine', 'unassigned'),
        (before, during, pageSize, view) => {
          store.db.exec(
            "DELETE FROM parties WHERE case_id LIKE 'k-%'; DELETE FROM cases WHERE id LIKE 'k-%'",
          );
          before.forEach((r, i) => clone(`k-${serial}-b${i}`, r.receivedAt, r.assignee, r.open));
          const q = store.domains.queue;
          const initial = new Set(q.list(view, 'local-operator', null, 200).items.map((i) => i.id));

          const seen: string[] = [];
          let cursor = null;
          const inserts = [...during];
          do {
            const page = q.list(view, 'local-operator', cursor, pageSize);
            seen.push(...page.items.map((i) => i.id));
            const next = inserts.shift();
            if (next) clone(`k-${serial}-d`, next.receivedAt, next.assignee, next.open);
            cursor = page.nextCursor === null ? null : decodeCursor(page.nextCursor);
          } while (cursor);

          expect(new Set(seen).size).toBe(seen.length);
          // In the view's order, none skipped: the first snapshot (one big page) is the reference.
          expect(seen.filter((id) => initial.has(id))).toEqual([...initial]);
        },
      ),
      { numRuns: 150 },
    );
  });
});
