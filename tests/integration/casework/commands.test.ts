import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditTrail } from '../../../main/store/audit';
import { StoreService } from '../../../main/store/service';
import type { Role } from '../../../shared/domain/roles';
import { validAppeal } from '../../support/appeals';
import { addStaff, refusal } from '../../support/store';
import { tempDir } from '../../support/temp';

const ws = 'test-ws';
const handlerA = { staffId: 'h-a', workstation: ws };
const handlerB = { staffId: 'h-b', workstation: ws };
const lead = { staffId: 'lead', workstation: ws };
const H: Role[] = ['handler'];
const L: Role[] = ['team_lead'];

let dir: ReturnType<typeof tempDir>;
let store: StoreService;
let caseId: string;

const domain = () => store.domains.casework;
const events = (id = caseId) =>
  store.db
    .prepare('SELECT type, actor_id AS actor, data FROM case_events WHERE case_id = ? ORDER BY seq')
    .all(id) as {
    type: string;
    actor: string;
    data: string;
  }[];
const outbox = () =>
  store.db.prepare('SELECT name, args FROM sync_outbox ORDER BY seq').all() as {
    name: string;
    args: string;
  }[];
const assignee = (id = caseId) =>
  (store.db.prepare('SELECT assignee_id AS a FROM cases WHERE id = ?').get(id) as { a: string | null }).a;

beforeEach(() => {
  dir = tempDir();
  store = StoreService.open({ file: join(dir.path, 'desk.sqlite') });
  addStaff(store.db, [
    ['h-a', '张承办', H],
    ['h-b', '李承办', H],
    ['lead', '王组长', L],
  ]);
  caseId = store.domains.cases.register(validAppeal(), handlerA, H).case.id;
});
afterEach(() => {
  store.close();
  dir.cleanup();
});

describe('claim, release and assign', () => {
  it('claims an unassigned case, audits it and records the intent', () => {
    domain().claim(caseId, handlerA);
    expect(assignee()).toBe('h-a');
    expect(events().at(-1)).toMatchObject({ type: 'case.claimed', actor: 'h-a' });
    expect(outbox().at(-1)).toEqual({
      name: 'claimCase.v1',
      args: JSON.stringify({ caseId, expectedAssignee: null }),
    });
    // Claiming one's own case again changes nothing.
    const before = events().length;
    domain().claim(caseId, handlerA);
    expect(events()).toHaveLength(before);
  });

  it('refuses to claim a colleague’s case with CONFLICT naming who holds it, changing nothing', () => {
    domain().claim(caseId, handlerA);
    const before = [events().length, outbox().length];
    const refused = refusal(() => domain().claim(caseId, handlerB));
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      key: 'casework.conflict.assignedTo',
      params: { name: '张承办' },
    });
    expect(assignee()).toBe('h-a');
    expect([events().length, outbox().length]).toEqual(before);
  });

  it('lets a handler hand over their own case but only a lead take a colleague’s', () => {
    domain().claim(caseId, handlerA);
    expect(
      refusal(() =>
        domain().assign({ caseId, toUser: 'h-a', expectedAssignee: 'h-a', reason: '' }, handlerB, H),
      ),
    ).toMatchObject({
      code: 'FORBIDDEN',
      key: 'casework.forbidden.reassign',
    });
    domain().assign({ caseId, toUser: 'h-b', expectedAssignee: 'h-a', reason: '休假' }, handlerA, H);
    expect(assignee()).toBe('h-b');
    domain().assign({ caseId, toUser: 'h-a', expectedAssignee: 'h-b', reason: '回来了' }, lead, L);
    expect(assignee()).toBe('h-a');
    expect(outbox().at(-1)?.name).toBe('reassignCase.v1');
    expect(
      events()
        .filter((e) => e.type === 'case.assigned')
        .map((e) => JSON.parse(e.data) as unknown),
    ).toEqual([
      { from: 'h-a', to: 'h-b' },
      { from: 'h-b', to: 'h-a' },
    ]);
  });

  it('refuses a reassignment from a stale screen (compare-and-set on the assignee)', () => {
    domain().claim(caseId, handlerA);
    const refused = refusal(() =>
      domain().assign({ caseId, toUser: 'h-b', expectedAssignee: null, reason: '' }, lead, L),
    );
    expect(refused.code).toBe('CONFLICT');
    expect(assignee()).toBe('h-a');
  });

  it('releases only one’s own case unless a lead', () => {
    domain().claim(caseId, handlerA);
    expect(refusal(() => domain().release(caseId, handlerB, H)).code).toBe('FORBIDDEN');
    domain().release(caseId, lead, L);
    expect(assignee()).toBeNull();
    expect(outbox().at(-1)?.name).toBe('releaseCase.v1');
  });

  it('keeps the my-cases and unassigned counts in step', () => {
    const count = (view: 'mine' | 'unassigned', staff: string) => store.domains.queue.count(view, staff);
    expect(count('unassigned', 'h-a')).toBe(1);
    domain().claim(caseId, handlerA);
    expect([count('mine', 'h-a'), count('unassigned', 'h-a'), count('mine', 'h-b')]).toEqual([1, 0, 0]);
  });
});

describe('notes and the contact log', () => {
  it('appends notes with author and time, audited, in the outbox', () => {
    domain().addNote(caseId, '用户称下午在家', handlerA, 1_000);
    domain().addNote(caseId, '已联系网点', handlerB, 2_000);
    expect(
      domain()
        .notes(caseId)
        .map((n) => [n.body, n.authorName, n.createdAt]),
    ).toEqual([
      ['用户称下午在家', '张承办', 1_000],
      ['已联系网点', '李承办', 2_000],
    ]);
    expect(events().filter((e) => e.type === 'note.added')).toHaveLength(2);
    expect(outbox().at(-1)?.name).toBe('appendNote.v1');
  });

  it('logs each call with its outcome and next attempt', () => {
    const entry = domain().logContact(
      { caseId, calledAt: 10_000, outcome: 'no_answer', nextAttemptAt: 10_000 + 4 * 3_600_000, note: null },
      handlerA,
    );
    expect(entry).toMatchObject({ outcome: 'no_answer', nextAttemptAt: 14_410_000, staffName: '张承办' });
    domain().logContact(
      { caseId, calledAt: 20_000_000, outcome: 'reached', nextAttemptAt: null, note: '满意' },
      handlerA,
    );
    expect(
      domain()
        .contacts(caseId)
        .map((c) => c.outcome),
    ).toEqual(['no_answer', 'reached']);
    expect(events().filter((e) => e.type === 'contact.logged')).toHaveLength(2);
    // The team server does not know logContact yet: the audit trail holds it, the outbox does not.
    expect(outbox().map((o) => o.name)).not.toContain('logContact.v1');
  });

  it('refuses notes on a case that does not exist, leaving nothing behind', () => {
    expect(refusal(() => domain().addNote('nope', 'x', handlerA)).code).toBe('NOT_FOUND');
    expect(store.db.prepare('SELECT COUNT(*) AS n FROM case_notes').get()).toEqual({ n: 0 });
  });
});

describe('revealing personal data', () => {
  it('reveals to the assignee and to a lead, auditing each reveal; refuses others', () => {
    expect(refusal(() => domain().reveal({ caseId, field: 'phone' }, handlerA, H)).code).toBe('FORBIDDEN');
    expect(events().some((e) => e.type === 'pii.revealed')).toBe(false);
    domain().claim(caseId, handlerA);
    expect(domain().reveal({ caseId, field: 'phone', reason: '回访' }, handlerA, H)).toEqual({
      field: 'phone',
      value: '13912345678',
    });
    expect(refusal(() => domain().reveal({ caseId, field: 'name' }, handlerB, H)).code).toBe('FORBIDDEN');
    expect(domain().reveal({ caseId, field: 'name' }, lead, L).value).toBe('王小明');
    const reveals = events().filter((e) => e.type === 'pii.revealed');
    expect(reveals.map((e) => [e.actor, JSON.parse(e.data) as unknown])).toEqual([
      ['h-a', { field: 'phone', reason: '回访' }],
      ['lead', { field: 'name' }],
    ]);
    expect(verifyAuditTrail(store.db).firstBreak).toBeNull();
  });

  it('tells the drawer whether the session may reveal', () => {
    expect(domain().view(caseId, handlerA, H).mayReveal).toBe(false);
    expect(domain().view(caseId, lead, L).mayReveal).toBe(true);
  });
});

describe('duplicates, links and bulk actions', () => {
  it('finds earlier appeals by waybill or phone in the last 90 days and links them in both trails', () => {
    const other = store.domains.cases.register(
      validAppeal({ appellant: { name: '赵六', phone: '13700001111', role: 'sender' } }),
      handlerA,
      H,
    ).case.id;
    const byWaybill = domain().duplicates({ waybillNo: 'SF1234567890123', excludeCaseId: other });
    expect(byWaybill.map((d) => [d.id, d.matchedOn, d.linked])).toEqual([[caseId, ['waybill'], false]]);
    expect(byWaybill[0]!.appellantPhone).toBe('139****5678');
    expect(
      domain()
        .duplicates({ phone: '13912345678' })
        .map((d) => d.id),
    ).toEqual([caseId]);
    expect(domain().duplicates({ phone: '13912345678' }, Date.now() + 91 * 86_400_000)).toEqual([]);

    domain().link({ caseId: other, otherCaseId: caseId, reason: 'waybill' }, handlerA);
    expect(domain().duplicates({ waybillNo: 'SF1234567890123', excludeCaseId: other })[0]!.linked).toBe(true);
    expect(events(caseId).at(-1)).toMatchObject({ type: 'case.linked' });
    expect(events(other).at(-1)).toMatchObject({ type: 'case.linked' });
    expect(
      domain()
        .view(caseId, handlerA, H)
        .links.map((l) => l.caseId),
    ).toEqual([other]);
  });

  it('applies a bulk assignment case by case, reporting refusals', () => {
    const second = store.domains.cases.register(validAppeal(), handlerA, H).case.id;
    domain().claim(second, handlerB);
    const outcomes = domain().bulk(
      { action: 'assign', caseIds: [caseId, second, 'missing'], toUser: 'h-a' },
      handlerA,
      H,
    );
    expect(outcomes.map((o) => [o.caseId, o.applied, o.applied ? null : o.key])).toEqual([
      [caseId, true, null],
      [second, false, 'casework.forbidden.reassign'],
      ['missing', false, 'errors.NOT_FOUND'],
    ]);
    expect([assignee(caseId), assignee(second)]).toEqual(['h-a', 'h-b']);
  });

  it('tags and transfers in bulk; a case in the wrong status is refused alone', () => {
    const second = store.domains.cases.register(validAppeal(), handlerA, H).case.id;
    store.domains.cases.transition({ caseId, transition: 'accept', data: {} }, handlerA, H);
    const transfer = domain().bulk(
      { action: 'transfer', caseIds: [caseId, second], carrierId: 'sf', outlet: '杭州西湖网点' },
      handlerA,
      H,
    );
    expect(transfer.map((o) => o.applied)).toEqual([true, false]);
    expect(store.domains.cases.get(caseId, H)!.status).toBe('transferred');
    domain().bulk({ action: 'tag', caseIds: [caseId, second], tag: '媒体关注' }, handlerA, H);
    domain().bulk({ action: 'tag', caseIds: [caseId], tag: '媒体关注' }, handlerA, H);
    expect(domain().view(second, handlerA, H).tags).toEqual(['媒体关注']);
    expect(events(caseId).filter((e) => e.type === 'tag.added')).toHaveLength(1);
    expect(verifyAuditTrail(store.db).firstBreak).toBeNull();
  });
});
