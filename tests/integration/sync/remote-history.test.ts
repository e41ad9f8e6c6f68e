import { beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditTrail } from '../../../main/store/audit';
import { twoWorkstations } from '../../sync/pair';
import { InjectTransport, Workstation } from '../../sync/workstation';

/**
 * What a colleague did reads on this workstation as if done here: the same audit types and data
 * as the local commands write, and colleagues' notes in the case's notes.
 */
const pair = twoWorkstations('desk-sync-history-');
let a: Workstation;
let b: Workstation;
beforeEach(() => {
  ({ a, b } = pair);
});

const trail = (ws: Workstation, caseId: string) =>
  (
    ws.store.db
      .prepare('SELECT type, actor_id AS actor, status, data FROM case_events WHERE case_id = ? ORDER BY seq')
      .all(caseId) as { type: string; actor: string; status: string; data: string }[]
  ).map(({ data, ...e }) => {
    const { remote: _remote, ...rest } = JSON.parse(data) as Record<string, unknown>;
    return { ...e, data: rest };
  });

describe("colleagues' work in this workstation's trail", () => {
  it('claims, notes, releases and reassignments arrive in the local words; notes land in the notes', async () => {
    const id = a.register();
    await a.engine.syncOnce();
    await b.engine.syncOnce();

    a.store.domains.casework.claim(id, a.actor, pair.clock.now());
    const note = a.store.domains.casework.addNote(
      id,
      '已致电申诉人，约定明日回复。',
      a.actor,
      pair.clock.now(),
    );
    a.store.domains.casework.release(id, a.actor, ['handler'], pair.clock.now());
    await a.engine.syncOnce();
    // A lead on a third workstation gives the case to Han.
    const lead = new Workstation(
      pair.dir.path,
      'ws-z',
      'u-zhao',
      new InjectTransport(pair.app, 'zhao', 'zhao-password', 'ws-z'),
      pair.clock,
    );
    try {
      await lead.engine.syncOnce();
      lead.store.db
        .prepare(
          `INSERT OR IGNORE INTO staff (id, name, roles, team, created_at) VALUES ('u-han', '韩梅梅', '[]', NULL, 0)`,
        )
        .run();
      lead.store.domains.casework.assign(
        { caseId: id, toUser: 'u-han', expectedAssignee: null, reason: '均衡工作量' },
        lead.actor,
        ['team_lead'],
        pair.clock.now(),
      );
      await lead.engine.syncOnce();
    } finally {
      lead.close();
    }
    await b.engine.syncOnce();

    // Exactly what A's own trail says of its work, and the lead's assignment as the command writes it.
    const mine = trail(a, id).slice(1, 4);
    expect(mine.map((e) => e.type)).toEqual(['case.claimed', 'note.added', 'case.released']);
    expect(trail(b, id).slice(1)).toEqual([
      ...mine,
      { type: 'case.assigned', actor: 'u-zhao', status: 'registered', data: { from: null, to: 'u-han' } },
    ]);
    expect(b.store.domains.casework.notes(id)).toEqual([
      expect.objectContaining({ id: note.id, body: '已致电申诉人，约定明日回复。', authorId: 'u-li' }),
    ]);
    expect(b.row(id)?.assignee_id).toBe('u-han');
    expect(verifyAuditTrail(b.store.db).firstBreak).toBeNull();
  });
});
