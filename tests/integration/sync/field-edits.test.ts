import { beforeEach, describe, expect, it } from 'vitest';
import type { FieldEdits } from '../../../shared/domain/caseEdits';
import { twoWorkstations, type SyncPair } from '../../sync/pair';
import type { Workstation } from '../../sync/workstation';

const pair = twoWorkstations('desk-sync-edits-');
let handle: SyncPair['handle'];
let a: Workstation;
let b: Workstation;
beforeEach(() => {
  ({ handle, a, b } = pair);
});

const edit = (ws: Workstation, caseId: string, fields: FieldEdits) =>
  ws.store.domains.cases.editFields({ caseId, fields }, ws.actor, ['handler']);
/** What the case's screen shows on a workstation. */
const shown = (ws: Workstation, caseId: string) => {
  const d = ws.store.domains.cases.get(caseId, ['handler'])!;
  return {
    description: d.description,
    demand: d.demand,
    category: d.category,
    reason: d.reason,
    fieldVersions: d.fieldVersions,
  };
};
const phoneOn = (ws: Workstation, caseId: string) =>
  (
    ws.store.db.prepare(`SELECT phone FROM parties WHERE case_id = ? AND kind = 'appellant'`).get(caseId) as {
      phone: string;
    }
  ).phone;
const syncAll = async () => {
  await a.engine.syncOnce();
  await b.engine.syncOnce();
  await a.engine.syncOnce();
};

async function sharedCase(): Promise<string> {
  const id = a.register();
  await a.engine.syncOnce();
  await b.engine.syncOnce();
  return id;
}

describe('field corrections across workstations', () => {
  it('a correction on A shows on B with the same field versions, and B can build on it', async () => {
    const id = await sharedCase();
    edit(a, id, {
      description: { value: '快件在中转站被误分拣，延误五日', baseVersion: 0 },
      category: { value: 'delay', baseVersion: 0 },
      reason: { value: 'transit_delay', baseVersion: 0 },
      appellantPhone: { value: '13987654321', baseVersion: 0 },
    });
    await syncAll();
    expect(shown(b, id)).toEqual(shown(a, id));
    expect(shown(b, id)).toMatchObject({
      category: 'delay',
      fieldVersions: { description: 1, category: 1, reason: 1, appellantPhone: 1 },
    });
    expect(phoneOn(b, id)).toBe('13987654321');
    const history = b.store.domains.cases.history(id);
    expect(history.at(-1)).toMatchObject({ type: 'case.fields_edited', actorId: 'u-li' });
    expect(JSON.stringify(history.at(-1)!.data)).not.toContain('13987654321');

    // B corrects the description again from the version it now shows: applied everywhere.
    edit(b, id, { description: { value: '快件在中转站被误分拣，延误六日', baseVersion: 1 } });
    await syncAll();
    expect(shown(a, id)).toMatchObject({
      description: '快件在中转站被误分拣，延误六日',
      fieldVersions: { description: 2 },
    });
    expect(b.conflicts()).toEqual([]);
  });

  it('two offline corrections of different fields both apply', async () => {
    const id = await sharedCase();
    edit(a, id, { description: { value: 'A 的更正', baseVersion: 0 } });
    edit(b, id, { demand: { value: 'apology', baseVersion: 0 } });
    await syncAll();
    await b.engine.syncOnce();
    for (const ws of [a, b]) {
      expect(shown(ws, id)).toMatchObject({
        description: 'A 的更正',
        demand: 'apology',
        fieldVersions: { description: 1, demand: 1 },
      });
      expect(ws.conflicts()).toEqual([]);
    }
  });

  it('two offline corrections of the same field: the first wins, the second is one conflict keeping its value', async () => {
    const id = await sharedCase();
    edit(a, id, { description: { value: 'A 的更正', baseVersion: 0 } });
    edit(b, id, {
      description: { value: 'B 的更正', baseVersion: 0 },
      demand: { value: 'apology', baseVersion: 0 },
    });
    expect(shown(b, id).description).toBe('B 的更正');
    await a.engine.syncOnce();
    await b.engine.syncOnce();
    // B's optimistic values are gone (the mutation applies whole or not at all), the server's show.
    expect(shown(b, id)).toMatchObject({
      description: 'A 的更正',
      demand: 'compensation',
      fieldVersions: { description: 1 },
    });
    const conflicts = b.store.db
      .prepare('SELECT code, args, server_state AS server FROM sync_conflicts')
      .all() as { code: string; args: string; server: string }[];
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.code).toBe('FIELD_CONFLICT');
    expect(JSON.parse(conflicts[0]!.args)).toMatchObject({ fields: { description: { value: 'B 的更正' } } });
    expect(JSON.parse(conflicts[0]!.server)).toMatchObject({
      fields: [{ field: 'description', serverVersion: 1, serverValue: 'A 的更正' }],
    });
    const [server] = await handle.db.query<{ field_versions: unknown }>(
      'SELECT field_versions FROM cases WHERE id = $1',
      [id],
    );
    expect(server!.field_versions).toEqual({ description: 1 });

    // B decides its values stand: sent again, re-based on the server's versions, they apply everywhere.
    const [open] = b.store.domains.sync.conflicts(false);
    expect(open).toMatchObject({ code: 'FIELD_CONFLICT', retry: 'retry' });
    b.store.domains.sync.resolveConflict(open!.id, 'retry', b.actor);
    await b.engine.syncOnce();
    await a.engine.syncOnce();
    for (const ws of [a, b]) {
      expect(shown(ws, id)).toMatchObject({
        description: 'B 的更正',
        demand: 'apology',
        fieldVersions: { description: 2, demand: 1 },
      });
    }
    expect(b.engine.status()).toMatchObject({ pendingCount: 0, openConflicts: 0 });
  });

  it('an acknowledged correction stays shown until the pulled copy brings it back (no flicker)', async () => {
    const id = await sharedCase();
    edit(a, id, { description: { value: '已确认的更正', baseVersion: 0 } });
    // The push is acknowledged, but the pull after it is lost: the last pulled copy predates the edit.
    await a.engine.pushAll();
    expect(a.outbox().at(-1)?.state).toBe('acked');
    expect(shown(a, id)).toMatchObject({ description: '已确认的更正', fieldVersions: { description: 1 } });
    await a.engine.syncOnce();
    expect(shown(a, id)).toMatchObject({ description: '已确认的更正', fieldVersions: { description: 1 } });
  });

  it('two offline corrections of the same field on one workstation chain: both apply', async () => {
    const id = await sharedCase();
    edit(a, id, { description: { value: '第一次', baseVersion: 0 } });
    edit(a, id, { description: { value: '第二次', baseVersion: 1 } });
    await syncAll();
    expect(shown(b, id)).toMatchObject({ description: '第二次', fieldVersions: { description: 2 } });
    expect(a.conflicts()).toEqual([]);
  });

  it('a conflict over the phone number names the field and never shows the number', async () => {
    const id = await sharedCase();
    edit(a, id, { appellantPhone: { value: '13987654321', baseVersion: 0 } });
    edit(b, id, { appellantPhone: { value: '13700001111', baseVersion: 0 } });
    await syncAll();
    const [conflict] = b.store.db
      .prepare('SELECT code, server_state AS server FROM sync_conflicts')
      .all() as {
      code: string;
      server: string;
    }[];
    expect(conflict!.code).toBe('FIELD_CONFLICT');
    expect(JSON.parse(conflict!.server)).toMatchObject({
      fields: [{ field: 'appellantPhone', serverVersion: 1 }],
    });
    expect(conflict!.server).not.toContain('13987654321');
    // What the inbox is given of B's own refused value is masked too.
    const [listed] = b.store.domains.sync.conflicts(false);
    expect(listed!.args).toMatchObject({
      fields: { appellantPhone: { value: '137****1111', baseVersion: 0 } },
    });
    expect(phoneOn(b, id)).toBe('13987654321');
  });
});
