import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EscalationRaised, RuleRow } from '../../../shared/escalation/dto';
import type { Notice } from '../../../shared/notify/dto';
import type { RegisterResult } from '../../../shared/rpc/dto';
import { storeFile } from '../../../main/config/paths';
import { validAppeal } from '../../support/appeals';
import { useTestApp, value } from '../../support/app';

const desk = useTestApp();
let notices: Notice[];
let raised: EscalationRaised[];

const SENSITIVE = '再不赔偿我就找媒体曝光。';

beforeEach(async () => {
  // The signed-in operator leads team A; one handler in team A, one in team B. Written beside the
  // worker's connection (WAL), as an administrator's staff import would be.
  const db = new Database(storeFile(desk.dataDir));
  db.prepare(`UPDATE staff SET team = 'A' WHERE id = 'local-operator'`).run();
  const insert = db.prepare(
    `INSERT INTO staff (id, name, roles, team, created_at) VALUES (?, ?, '["handler"]', ?, 0)`,
  );
  insert.run('h-a', '甲组承办', 'A');
  insert.run('h-b', '乙组承办', 'B');
  db.close();
  notices = [];
  raised = [];
  desk.app.notifications.on('notify', (n) => notices.push(n));
  desk.app.escalations.on('raised', (r) => raised.push(r));
});

async function until(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 25));
  if (!ok()) throw new Error('condition not reached in 5 s');
}

const rule = async (id: string) =>
  value<RuleRow[]>(await desk.app.call('leads.rules')).find((r) => r.id === id)!;

async function saveRule(id: string, change: Partial<RuleRow>): Promise<void> {
  const { updatedAt: _at, updatedBy: _by, ...current } = await rule(id);
  value(await desk.app.call('leads.saveRule', { ...current, ...change }));
}

/** A case registered while the sensitive-words rule is off and handed to `handler`. */
async function caseOf(handler: string): Promise<string> {
  const { id } = value<RegisterResult>(
    await desk.app.call('cases.register', validAppeal({ description: SENSITIVE, demandAmountYuan: 100 })),
  ).case;
  value(await desk.app.call('casework.assign', { caseId: id, toUser: handler, expectedAssignee: null }));
  return id;
}

/** A note is a change: the runner evaluates the case; wait until it pushed the L2 and the notifier ran. */
async function escalate(caseId: string): Promise<void> {
  value(await desk.app.call('casework.addNote', { caseId, body: '已电话联系' }));
  await until(() => raised.some((r) => r.items.some((i) => i.caseId === caseId)));
  await desk.app.notifications.idle();
}

describe('desktop notifications', () => {
  it('an L2 escalation in my team notifies me exactly once; another team’s does not; quiet mode none, inbox kept', async () => {
    await saveRule('sensitive_words', { enabled: false });
    const mine = await caseOf('h-a');
    const theirs = await caseOf('h-b');
    const later = await caseOf('h-a');
    await desk.app.notifications.idle();
    expect(notices).toEqual([]); // my own assignments do not notify me
    await saveRule('sensitive_words', { enabled: true });

    await escalate(mine);
    await escalate(theirs);
    expect(notices).toEqual([
      expect.objectContaining({
        kind: 'escalation',
        caseId: mine,
        level: 2,
        titleKey: 'notify.escalation.title',
        bodyKey: 'escalation.evidence.sensitiveWords',
        params: expect.objectContaining({ level: 2, words: '媒体、曝光' }),
      }),
    ]);

    expect(value(await desk.app.call('notify.setQuiet', { quiet: true }))).toEqual({ quiet: true });
    expect(value(await desk.app.call('notify.settings'))).toEqual({ quiet: true });
    await escalate(later);
    expect(notices).toHaveLength(1);
    // Quiet mode silences the desktop, not the inbox.
    const db = new Database(storeFile(desk.dataDir), { readonly: true });
    const inbox = db
      .prepare(
        `SELECT e.case_id AS caseId FROM escalation_inbox i JOIN escalations e ON e.id = i.escalation_id
          WHERE i.staff_id = 'local-operator' ORDER BY e.raised_at`,
      )
      .all();
    db.close();
    expect(inbox).toEqual([{ caseId: mine }, { caseId: later }]);
  });

  it('a case the engine hands to me notifies me once as an assignment', async () => {
    await saveRule('sensitive_words', { actions: ['reassign'], reassignTo: 'local-operator' });
    const { id } = value<RegisterResult>(
      await desk.app.call('cases.register', validAppeal({ description: SENSITIVE, demandAmountYuan: 100 })),
    ).case;
    await until(() => notices.length > 0);
    await desk.app.notifications.idle();
    expect(notices).toEqual([
      expect.objectContaining({
        kind: 'assigned',
        caseId: id,
        bodyKey: 'notify.assigned.byEngine',
        params: expect.objectContaining({ count: 1 }),
      }),
    ]);
  });
});
