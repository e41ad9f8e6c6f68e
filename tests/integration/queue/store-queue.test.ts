import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CalendarSource } from '../../../main/calendar/imported-years';
import { StoreService } from '../../../main/store/service';
import { ruleProfiles } from '../../../main/store/profiles';
import { deadlineRows, type DeadlineRow } from '../../../main/store/search/deadlines';
import { registerAppealSchema } from '../../../shared/domain/appeal';
import type { HistoryEntry } from '../../../shared/domain/history';
import { QUEUE_VIEWS } from '../../../shared/domain/views';
import { validAppeal } from '../../support/appeals';
import { tempDir } from '../../support/temp';

const actor = { staffId: 'local-operator', workstation: 'test-ws' };
const roles = ['handler', 'team_lead'] as const;
const carrierReply = {
  investigationResult: '经核实，快件在末端网点丢失。',
  carrierResponsible: true,
  responsibleUnit: '顺丰速运杭州西湖网点',
  compensationYuan: 300,
  userSatisfied: false,
  handlerName: '李客服',
  handlerPhone: '13800138000',
};
const closure = {
  closureReason: 'resolved',
  validAppeal: true,
  responsibleUnit: '顺丰速运杭州西湖网点',
  satisfaction: { carrier: 'satisfied', administration: 'satisfied' },
  recoveredYuan: 300,
  carrierReplyUntruthful: false,
};

let dir: ReturnType<typeof tempDir>;
let store: StoreService;
beforeEach(() => {
  dir = tempDir();
  store = StoreService.open({ file: join(dir.path, 'desk.sqlite') });
});
afterEach(() => {
  store.close();
  dir.cleanup();
});

const T0 = Date.parse('2026-11-16T10:00:00+08:00');
const HOUR = 3_600_000;
const register = (overrides: Parameters<typeof validAppeal>[0] = {}, at = T0) =>
  store.domains.cases.register(
    registerAppealSchema.parse(validAppeal({ receivedAt: at, ...overrides })),
    actor,
    [...roles],
    at,
  ).case.id;
const move = (caseId: string, transition: string, data: unknown, at: number) =>
  store.domains.cases.transition({ caseId, transition: transition as never, data }, actor, [...roles], at);

/** What the table holds for a case, in the engine's order. */
const stored = (caseId: string) =>
  store.db
    .prepare(
      'SELECT limit_name AS limitName, started_at AS startedAt, due_at AS dueAt, due_date AS dueDate, state, provisional, next FROM case_deadlines WHERE case_id = ? ORDER BY limit_name',
    )
    .all(caseId)
    .map((r) => {
      const row = r as Omit<DeadlineRow, 'caseId' | 'provisional' | 'next'> & {
        provisional: number;
        next: number;
      };
      return { ...row, provisional: row.provisional === 1, next: row.next === 1 };
    });

/** The same rows recomputed from scratch from the case's history. */
const recomputed = (caseId: string, now: number) => {
  const c = store.db
    .prepare('SELECT received_at, profile_id, profile_version FROM cases WHERE id = ?')
    .get(caseId) as { received_at: number; profile_id: string; profile_version: number };
  const profile = ruleProfiles(store.db).resolve(c.profile_id, c.profile_version);
  const history = store.db
    .prepare('SELECT at, type, status FROM case_events WHERE case_id = ? ORDER BY seq')
    .all(caseId) as HistoryEntry[];
  return deadlineRows(caseId, c.received_at, profile, history, new CalendarSource(dir.path).get(), now)
    .map(({ caseId: _c, ...r }) => r)
    .sort((a, b) => a.limitName.localeCompare(b.limitName));
};

describe('case_deadlines', () => {
  it('stays equal to the engine after registration and every transition', () => {
    const id = register();
    expect(stored(id)).toEqual(recomputed(id, T0));
    expect(stored(id).find((r) => r.limitName === 'acceptance')).toMatchObject({
      state: 'running',
      next: true,
    });

    const steps: [string, unknown][] = [
      ['accept', {}],
      ['transfer', { carrierId: 'sf', outlet: '杭州西湖网点' }],
      ['record_carrier_reply', carrierReply],
      ['start_callback', {}],
      ['close', closure],
    ];
    let at = T0;
    for (const [name, data] of steps) {
      at += 5 * HOUR;
      move(id, name, data, at);
      expect(stored(id), name).toEqual(recomputed(id, at));
    }
    // Closed: nothing runs any more, so the case has no next deadline.
    expect(stored(id).some((r) => r.state === 'running' || r.next)).toBe(false);
    expect(stored(id).find((r) => r.limitName === 'acceptance')?.state).toBe('met');
  });

  it('puts a case in due today, then overdue, by its next running clock', () => {
    const id = register();
    const [next] = stored(id).filter((r) => r.next);
    expect(next).toBeDefined();
    const q = store.domains.queue;
    const ids = (view: 'due_today' | 'overdue', now: number) =>
      q.list(view, actor.staffId, null, 50, now).items.map((i) => i.id);

    const sameDay = next!.dueAt - HOUR;
    expect(ids('due_today', sameDay)).toEqual([id]);
    expect(ids('overdue', sameDay)).toEqual([]);
    expect(q.count('due_today', actor.staffId, sameDay)).toBe(1);
    expect(ids('overdue', next!.dueAt)).toEqual([id]);
    expect(ids('due_today', next!.dueAt)).toEqual([]);
    expect(q.count('overdue', actor.staffId, next!.dueAt + 1)).toBe(1);
  });

  it('lists transferred cases whose carrier reply is late as carrier overdue', () => {
    const id = register();
    move(id, 'accept', {}, T0 + HOUR);
    move(id, 'transfer', { carrierId: 'sf' }, T0 + 2 * HOUR);
    const carrier = stored(id).find((r) => r.limitName === 'carrier_reply');
    expect(carrier?.state).toBe('running');
    const q = store.domains.queue;
    expect(q.list('carrier_overdue', actor.staffId, null, 50, carrier!.dueAt - 1).items).toEqual([]);
    expect(q.list('carrier_overdue', actor.staffId, null, 50, carrier!.dueAt).items.map((i) => i.id)).toEqual(
      [id],
    );
    move(id, 'record_carrier_reply', carrierReply, carrier!.dueAt + HOUR);
    expect(q.count('carrier_overdue', actor.staffId, carrier!.dueAt + 2 * HOUR)).toBe(0);
  });
});

describe('queue counts', () => {
  it('match COUNT(*) over the views after registrations and transitions', () => {
    const ids = [0, 1, 2, 3, 4].map((i) => register({}, T0 + i * HOUR));
    move(ids[0]!, 'accept', {}, T0 + 10 * HOUR);
    move(ids[0]!, 'transfer', { carrierId: 'sf' }, T0 + 11 * HOUR);
    move(ids[0]!, 'record_carrier_reply', carrierReply, T0 + 12 * HOUR);
    move(ids[1]!, 'withdraw', { channel: 'phone_12305' }, T0 + 12 * HOUR);
    const now = T0 + 20 * HOUR;
    for (const view of QUEUE_VIEWS) {
      let listed = 0;
      let cursor = null;
      do {
        const page = store.domains.queue.list(view, actor.staffId, cursor, 2, now);
        listed += page.items.length;
        cursor = page.nextCursor
          ? (JSON.parse(Buffer.from(page.nextCursor, 'base64url').toString()) as [number, string])
          : null;
        cursor = cursor ? { key: cursor[0], id: cursor[1] } : null;
      } while (cursor);
      expect(store.domains.queue.count(view, actor.staffId, now), view).toBe(listed);
    }
    expect(store.domains.queue.counts(actor.staffId, now)).toMatchObject({
      all: 5,
      awaiting_callback: 1,
      closed: 1,
    });
  });
});

describe('search', () => {
  it('finds a case by a Chinese substring of its description or the appellant name, and exactly by numbers', () => {
    const a = register({ description: '包裹在转运中心滞留超过十天无人处理', waybillNo: 'SF1111111111111' });
    const b = register(
      {
        description: '快递员未经同意放在驿站',
        appellant: { name: '欧阳娜娜', phone: '13700001111', role: 'sender' },
      },
      T0 + HOUR,
    );
    const q = store.domains.queue;
    expect(q.search('转运中心', null, 20)).toMatchObject({ kind: 'text', items: [{ id: a }] });
    expect(q.search('欧阳娜', null, 20).items.map((i) => i.id)).toEqual([b]);
    expect(q.search('转运 滞留超', null, 20).items.map((i) => i.id)).toEqual([a]);
    expect(q.search('驿站', null, 20)).toMatchObject({ kind: 'short_text', items: [{ id: b }] });
    expect(q.search('sf 1111 1111 11111', null, 20)).toMatchObject({ kind: 'number', items: [{ id: a }] });
    expect(q.search('+86 137 0000 1111', null, 20).items.map((i) => i.id)).toEqual([b]);
    const caseNo = store.domains.cases.get(b, [...roles])!.caseNo;
    expect(q.search(caseNo.toLowerCase(), null, 20)).toMatchObject({ kind: 'case_no', items: [{ id: b }] });
    expect(q.search('不存在的内容', null, 20).items).toEqual([]);
    // Query syntax is text, not FTS5 operators.
    expect(q.search('"转运 OR', null, 20).items).toEqual([]);
  });
});

describe('user views', () => {
  it('are stored per staff member and filter, sort and count in the store', () => {
    const a = register({ carrierId: 'sf' }, T0);
    register({ carrierId: 'ems', waybillNo: 'EA123456785CN' }, T0 + HOUR);
    const c = register({ carrierId: 'sf', waybillNo: 'SF2222222222222' }, T0 + 2 * HOUR);
    const q = store.domains.queue;
    const view = q.createView(actor.staffId, {
      name: '顺丰',
      filters: { carrierId: ['sf'], status: ['registered'] },
      sort: { column: 'receivedAt', direction: 'asc' },
    });
    expect(q.views(actor.staffId).map((v) => v.name)).toEqual(['顺丰']);
    expect(q.views('someone-else')).toEqual([]);
    expect(q.viewPage(actor.staffId, view.id, null, 50).items.map((i) => i.id)).toEqual([a, c]);
    expect(q.viewCount(actor.staffId, view.id)).toBe(2);
    q.updateView(actor.staffId, view.id, {
      name: view.name,
      filters: view.filters,
      sort: { column: 'waybillNo', direction: 'desc' },
    });
    expect(q.viewPage(actor.staffId, view.id, null, 50).items.map((i) => i.id)).toEqual([c, a]);
    expect(() => q.viewPage('someone-else', view.id, null, 50)).toThrow();
    q.deleteView(actor.staffId, view.id);
    expect(q.views(actor.staffId)).toEqual([]);
  });
});
