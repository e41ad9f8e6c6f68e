import { hostname } from 'node:os';
import { maskName, maskPhone } from '../../../shared/domain/phone';
import type { Role } from '../../../shared/domain/roles';
import { RpcFailure } from '../../../shared/rpc/errors';
import { retryIntent } from '../../../shared/sync/retry';
import type { SyncCase } from '../../../shared/sync/rules';
import type { SyncConflictView, SyncUser } from '../../../shared/sync/view';
import type { Actor } from '../audit';
import type { StoreContext } from '../context';
import { Outbox } from '../outbox';
import { getMeta, LOCAL_OPERATOR_ID, setMeta } from '../reference';
import { refreshDeadlines } from '../search/deadlines';
import { takeServerReference, type ReferenceTaken } from '../server-reference';

/** The sync settings main keeps in the store (the refresh token is not here: see main/sync/secrets.ts). */
export interface StoredSyncSettings {
  serverUrl: string | null;
  workstationName: string;
  workstationId: string;
  user: SyncUser | null;
}

interface ConflictRow {
  id: string;
  case_id: string | null;
  case_no: string | null;
  name: string;
  args: string;
  actor_id: string;
  code: string;
  server_state: string;
  detected_at: number;
  resolved_at: number | null;
  resolution: string | null;
  base: string | null;
}

/**
 * Team sync's part of the store: where the server is, who is signed in (server account ids are
 * staff ids, so the signed-in account becomes the session's staff member), the unsent-work
 * figures while no sync worker runs, and the conflict inbox the worker fills.
 */
export function syncDomain(ctx: StoreContext) {
  const { db, changed, calendar } = ctx;
  const outbox = new Outbox(db);
  const settings = (): StoredSyncSettings => {
    const user = getMeta(db, 'sync.user');
    return {
      serverUrl: getMeta(db, 'sync.serverUrl') || null,
      workstationName: getMeta(db, 'workstation.name') ?? hostname(),
      workstationId: getMeta(db, 'workstation.id')!,
      user: user ? (JSON.parse(user) as SyncUser) : null,
    };
  };
  const conflictSql = `SELECT k.id, k.case_id, c.case_no, k.name, k.args, k.actor_id, k.code, k.server_state,
          k.detected_at, k.resolved_at, k.resolution, b.data AS base
     FROM sync_conflicts k LEFT JOIN cases c ON c.id = k.case_id LEFT JOIN sync_case_base b ON b.case_id = k.case_id`;
  /** The server's copy as last pulled, else as it was when it refused. */
  const currentServerState = (r: ConflictRow): Record<string, unknown> => {
    if (r.base) {
      const base = JSON.parse(r.base) as Pick<
        SyncCase,
        'status' | 'assigneeId' | 'version' | 'fieldVersions'
      >;
      return {
        status: base.status,
        assigneeId: base.assigneeId,
        version: base.version,
        fieldVersions: base.fieldVersions ?? {},
      };
    }
    return JSON.parse(r.server_state) as Record<string, unknown>;
  };
  const view = (r: ConflictRow): SyncConflictView => {
    const args = JSON.parse(r.args) as unknown;
    const shown = maskedArgs(r.name, args);
    return {
      id: r.id,
      caseId: r.case_id,
      caseNo: r.case_no,
      name: r.name,
      args: shown,
      actorId: r.actor_id,
      code: r.code,
      serverState: JSON.parse(r.server_state) as Record<string, unknown>,
      detectedAt: r.detected_at,
      resolvedAt: r.resolved_at,
      resolution: r.resolution,
      retry:
        r.resolved_at === null && retryIntent(r.name, args, r.code, currentServerState(r)) ? 'retry' : 'none',
    };
  };
  const getConflict = (id: string) => {
    const row = db.prepare(`${conflictSql} WHERE k.id = ?`).get(id) as ConflictRow | undefined;
    if (!row || row.resolved_at !== null) throw new RpcFailure('NOT_FOUND', 'sync.errors.conflictNotFound');
    return row;
  };

  return {
    settings,
    setSettings(input: { serverUrl: string | null; workstationName: string }): StoredSyncSettings {
      db.transaction(() => {
        setMeta(db, 'sync.serverUrl', input.serverUrl ?? '');
        setMeta(db, 'workstation.name', input.workstationName);
      })();
      changed({ tables: ['app_meta'] });
      return settings();
    },

    /** The account the server signed in becomes a staff member here and the session's user. */
    signIn(user: SyncUser & { roles: Role[] }, now = Date.now()): StoredSyncSettings {
      db.transaction(() => {
        db.prepare(
          `INSERT INTO staff (id, name, roles, team, active, created_at) VALUES (?, ?, ?, NULL, 1, ?)
           ON CONFLICT (id) DO UPDATE SET name = excluded.name, roles = excluded.roles, active = 1`,
        ).run(user.id, user.name, JSON.stringify(user.roles), now);
        setMeta(db, 'session.staffId', user.id);
        setMeta(db, 'sync.user', JSON.stringify({ id: user.id, name: user.name, username: user.username }));
      })();
      changed({ tables: ['staff', 'app_meta'] });
      return settings();
    },

    /** The server's staff list: colleagues' names and roles for assignment and display, kept current. */
    upsertStaff(
      list: readonly { id: string; name: string; roles: Role[]; teamId: string | null; active: number }[],
      now = Date.now(),
    ): void {
      const upsert = db.prepare(
        `INSERT INTO staff (id, name, roles, team, active, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, roles = excluded.roles, team = excluded.team,
           active = excluded.active`,
      );
      db.transaction(() => {
        for (const s of list) {
          if (s.id === LOCAL_OPERATOR_ID) continue;
          upsert.run(s.id, s.name, JSON.stringify(s.roles), s.teamId, s.active === 1 ? 1 : 0, now);
        }
      })();
      changed({ tables: ['staff'] });
    },

    /** The server's calendar years, rule profiles and volumes (GET /reference), taken like local imports. */
    takeReference: (reference: unknown, serverUrl: string, now = Date.now()): ReferenceTaken =>
      takeServerReference(ctx, reference, serverUrl, now),

    /** Back to the workstation's own operator; the unsent work stays queued for its author. */
    signOut(): StoredSyncSettings {
      db.transaction(() => {
        setMeta(db, 'session.staffId', LOCAL_OPERATOR_ID);
        db.prepare(`DELETE FROM app_meta WHERE key = 'sync.user'`).run();
      })();
      changed({ tables: ['staff', 'app_meta'] });
      return settings();
    },

    /**
     * The sync worker writes cases on its own connection, around the store's commands: their
     * deadline rows (the queue's due/overdue views) are recomputed here, as registration and
     * transitions do for local work. Main calls it with each batch's case ids before announcing it.
     */
    refreshSyncedDeadlines(caseIds: readonly string[], now = Date.now()): void {
      const cal = calendar.get();
      db.transaction(() => {
        for (const id of caseIds) refreshDeadlines(db, id, cal, now);
      })();
    },

    /** Unsent work and open conflicts, read here while no sync worker runs. */
    counts(): { pendingCount: number; oldestPendingAt: number | null; openConflicts: number } {
      const pending = db
        .prepare(`SELECT count(*) AS n, min(occurred_at) AS oldest FROM sync_outbox WHERE state = 'pending'`)
        .get() as { n: number; oldest: number | null };
      const open = db.prepare('SELECT count(*) AS n FROM sync_conflicts WHERE resolved_at IS NULL').get() as {
        n: number;
      };
      return { pendingCount: pending.n, oldestPendingAt: pending.oldest, openConflicts: open.n };
    },

    conflicts(includeResolved: boolean, limit = 500): SyncConflictView[] {
      const rows = db
        .prepare(
          `${conflictSql} ${includeResolved ? '' : 'WHERE k.resolved_at IS NULL'} ORDER BY k.detected_at DESC LIMIT ?`,
        )
        .all(limit) as ConflictRow[];
      return rows.map(view);
    },

    /**
     * Dismiss (the person has seen it; the server's state stands) or retry: the intent goes out
     * again as a new one (new id, next seq), re-based where shared/sync/retry says it makes sense.
     */
    resolveConflict(
      id: string,
      action: 'dismiss' | 'retry',
      actor: Actor,
      now = Date.now(),
    ): SyncConflictView {
      db.transaction(() => {
        const row = getConflict(id);
        if (action === 'retry') {
          const again = retryIntent(row.name, JSON.parse(row.args), row.code, currentServerState(row));
          if (!again) throw new RpcFailure('CONFLICT', 'sync.errors.cannotRetry');
          outbox.append(again.name, again.args, row.case_id, actor, now);
        }
        db.prepare(
          'UPDATE sync_conflicts SET resolved_at = ?, resolution = ?, resolved_by = ? WHERE id = ?',
        ).run(now, action === 'retry' ? 'retried' : 'dismissed', actor.staffId, id);
      })();
      changed({ tables: ['sync_conflicts', 'sync_outbox'] });
      return view(db.prepare(`${conflictSql} WHERE k.id = ?`).get(id) as ConflictRow);
    },
  };
}

/**
 * A refused intent as the conflict inbox may show it: personal data it carries (an appellant, a
 * mediation representative, a corrected name or phone) masked, as everywhere else on screen.
 */
function maskedArgs(name: string, args: unknown): unknown {
  const person = (p: { name?: unknown; phone?: unknown }) => ({
    ...p,
    ...(typeof p.name === 'string' ? { name: maskName(p.name) } : {}),
    ...(typeof p.phone === 'string' ? { phone: maskPhone(p.phone) } : {}),
  });
  const a = args as Record<string, unknown>;
  if (name === 'createCase.v1') {
    const input = a.input as { appellant?: Record<string, unknown> } | undefined;
    return input?.appellant ? { ...a, input: { ...input, appellant: person(input.appellant) } } : a;
  }
  if (name === 'reviseMediation.v1' && a.op === 'representative') return person(a);
  if (name === 'editCaseFields.v1') {
    const fields = { ...(a.fields as Record<string, { value: unknown }>) };
    for (const [field, mask] of [
      ['appellantName', maskName],
      ['appellantPhone', maskPhone],
    ] as const) {
      const edit = fields[field];
      if (edit && typeof edit.value === 'string') fields[field] = { ...edit, value: mask(edit.value) };
    }
    return { ...a, fields };
  }
  return args;
}
