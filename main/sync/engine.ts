import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { CaseStatus } from '../../shared/domain/status';
import {
  DEFAULT_SPACE,
  MAX_PULL_LIMIT,
  MAX_PUSH_MUTATIONS,
  PROTOCOL_VERSION,
} from '../../shared/sync/protocol';
import type { MutationResult, PullResponse, SyncEvent } from '../../shared/sync/protocol';
import type { SyncCase } from '../../shared/sync/rules';
import { AuditLog, type Actor, type NewEvent } from '../store/audit';
import { BulkInsert } from '../store/bulk';
import { argsAsPushed, isUnattendedActor, WORKSTATION_ACTORS } from './actors';
import { byId, CaseMaterializer } from './materialize';
import { localEvent, remoteNote } from './remoteEvents';
import { SyncHttpError, type Transport } from './transport';

export interface Clock {
  now(): number;
}

export interface SyncStatus {
  readonly online: boolean;
  readonly pendingCount: number;
  readonly oldestPendingAgeMs: number | null;
  readonly lastSyncAt: number | null;
  readonly openConflicts: number;
  /** Pending mutations wait for this user to sign in (the queue is pushed in order). */
  readonly blockedOnUser: string | null;
  readonly lastError: string | null;
}

export interface EngineOptions {
  /** The signed-in user: only their mutations may be pushed (the server refuses others). */
  readonly userId: string;
  readonly workstation: string;
  readonly pageLimit?: number;
}

export interface SyncEffects {
  /** Local cases whose rows changed: main refreshes the views that show them. */
  readonly caseIds: string[];
  readonly conflictsAdded: number;
}

interface OutboxRow {
  seq: number;
  mutation_id: string;
  name: string;
  args: string;
  case_id: string | null;
  actor_id: string;
  occurred_at: number;
  state: 'pending' | 'acked' | 'rejected';
}

/** The engine's statements, prepared once per connection. */
function statements(db: Database.Database) {
  const ids = 'SELECT value FROM json_each(?)';
  return {
    getState: db.prepare<[string], { value: string }>('SELECT value FROM sync_state WHERE key = ?'),
    deleteState: db.prepare<[string]>('DELETE FROM sync_state WHERE key = ?'),
    putState: db.prepare<[string, string]>(
      'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ),
    cursor: db.prepare<[string], { version: number }>('SELECT version FROM sync_cursors WHERE space_id = ?'),
    setCursor: db.prepare<[string, number, number]>(
      `INSERT INTO sync_cursors (space_id, version, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (space_id) DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at`,
    ),
    outboxRow: db.prepare<[number], OutboxRow>('SELECT * FROM sync_outbox WHERE seq = ?'),
    markOutbox: db.prepare<[string, string | null, number | null, number]>(
      'UPDATE sync_outbox SET state = ?, last_error = ?, server_version = ? WHERE seq = ?',
    ),
    // A colleague's note: its text, for the case's notes (the trail keeps only its length).
    addNote: db.prepare<[string, string, string, string, number]>(
      'INSERT OR IGNORE INTO case_notes (id, case_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?)',
    ),
    confirmSeen: db.prepare<[string]>(`DELETE FROM sync_unconfirmed WHERE mutation_id IN (${ids})`),
    addConflict: db.prepare(
      `INSERT OR IGNORE INTO sync_conflicts (id, seq, mutation_id, case_id, name, args, actor_id, code, server_state, detected_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    hasPending: db.prepare<[string]>(
      `SELECT 1 FROM sync_outbox WHERE case_id = ? AND state = 'pending' LIMIT 1`,
    ),
    pendingAmong: db.prepare<[string], { case_id: string }>(
      `SELECT DISTINCT case_id FROM sync_outbox WHERE state = 'pending' AND case_id IN (${ids})`,
    ),
    base: db.prepare<[string], { version: number; data: string }>(
      'SELECT version, data FROM sync_case_base WHERE case_id = ?',
    ),
    // RETURNING names the rows written: a copy older than the stored one is not.
    upsertBases: new BulkInsert(
      db,
      'INSERT INTO sync_case_base (case_id, version, data)',
      3,
      `ON CONFLICT (case_id) DO UPDATE SET version = excluded.version, data = excluded.data
       WHERE excluded.version > version RETURNING case_id`,
    ),
    ownMutations: db.prepare<[string], { mutation_id: string }>(
      `SELECT mutation_id FROM sync_outbox WHERE mutation_id IN (${ids})`,
    ),
    statusOf: db.prepare<[string], { id: string; status: CaseStatus }>(
      `SELECT id, status FROM cases WHERE id IN (${ids})`,
    ),
  };
}

/**
 * The workstation side of team sync (SYNC.md §3.8, §3.10), without threads or timers so tests
 * drive it step by step: push the outbox in order, pull pages, apply each page in one SQLite
 * transaction, and turn rejections into conflict-inbox rows.
 *
 * Rebase is by deferral (PowerSync's rule, SYNC.md §3.8 "simpler fallback"): a case with pending
 * local mutations keeps its optimistic row; the server's copy waits in `sync_case_base` and
 * replaces the row once the case's last pending mutation is acknowledged or rejected.
 */
export class SyncEngine {
  private readonly sql: ReturnType<typeof statements>;
  private readonly audit: AuditLog;
  private readonly materializer: CaseMaterializer;
  private online = false;
  private lastSyncAt: number | null = null;
  private lastError: string | null = null;
  private blockedOnUser: string | null = null;
  /** Set when a pull finished the check after a server restore (resendLost). */
  private lostResent = false;

  constructor(
    private readonly db: Database.Database,
    private readonly transport: Transport,
    private readonly clock: Clock,
    private readonly options: EngineOptions,
  ) {
    // A catching-up page dirties index leaves all over the UUID-keyed indexes (cases, parties, base
    // copies, audit chains); in SQLite's default 2 MiB cache they spill to the WAL mid-transaction
    // and are written again and again. 64 MiB holds a 5,000-case page's working set at 100k cases.
    db.pragma('cache_size = -65536');
    this.sql = statements(db);
    this.audit = new AuditLog(db);
    this.materializer = new CaseMaterializer(db);
    if (this.state('client_id') === null) this.setState('client_id', randomUUID());
  }

  private state(key: string): string | null {
    return this.sql.getState.get(key)?.value ?? null;
  }

  private setState(key: string, value: string | number | null): void {
    if (value === null) this.sql.deleteState.run(key);
    else this.sql.putState.run(key, String(value));
  }

  get clientId(): string {
    return this.state('client_id')!;
  }

  /** Local outbox seq minus this, is the seq the server knows (it restarts at 1 when the client id rotates). */
  private get seqOffset(): number {
    return Number(this.state('seq_offset') ?? 0);
  }

  get cursor(): number {
    return this.sql.cursor.get(DEFAULT_SPACE)?.version ?? 0;
  }

  status(): SyncStatus {
    const pending = this.db
      .prepare(`SELECT count(*) AS n, min(occurred_at) AS oldest FROM sync_outbox WHERE state = 'pending'`)
      .get() as { n: number; oldest: number | null };
    const conflicts = this.db
      .prepare('SELECT count(*) AS n FROM sync_conflicts WHERE resolved_at IS NULL')
      .get() as { n: number };
    return {
      online: this.online,
      pendingCount: pending.n,
      oldestPendingAgeMs: pending.oldest === null ? null : Math.max(0, this.clock.now() - pending.oldest),
      lastSyncAt: this.lastSyncAt,
      openConflicts: conflicts.n,
      blockedOnUser: this.blockedOnUser,
      lastError: this.lastError,
    };
  }

  /** One full round: push everything pushable, then pull until the server has nothing newer. */
  async syncOnce(): Promise<SyncEffects> {
    const effects: SyncEffects = { caseIds: [], conflictsAdded: 0 };
    try {
      await this.pushAll(effects);
      this.lostResent = false;
      await this.pullAll(effects, 0);
      // Intents a server restore lost are pending again: send them now, not a long-poll later.
      if (this.lostResent) await this.pushAll(effects);
      this.online = true;
      this.lastError = null;
      this.lastSyncAt = this.clock.now();
      return effects;
    } catch (error) {
      this.online = !(error instanceof SyncHttpError) ? false : this.online;
      this.lastError = error instanceof Error ? error.message : String(error);
      throw error;
    }
  }

  /** A long-poll pull: returns when the server has news or `waitMs` passed. */
  async waitForChanges(waitMs: number, signal?: AbortSignal): Promise<SyncEffects> {
    const effects: SyncEffects = { caseIds: [], conflictsAdded: 0 };
    await this.pullAll(effects, waitMs, signal);
    return effects;
  }

  private pendingBatch(): OutboxRow[] {
    return (
      this.db
        // Named: by its own choice SQLite walks the whole outbox in seq order to the first pending rows.
        .prepare(
          `SELECT * FROM sync_outbox INDEXED BY sync_outbox_pending_idx WHERE state = 'pending' ORDER BY seq LIMIT ?`,
        )
        .all(MAX_PUSH_MUTATIONS) as OutboxRow[]
    );
  }

  async pushAll(effects: SyncEffects = { caseIds: [], conflictsAdded: 0 }): Promise<void> {
    for (;;) {
      // After a restore, nothing goes out before the lost intents are known and queued first.
      if (this.restoring) return;
      const pending = this.pendingBatch();
      const first = pending[0];
      if (!first) {
        this.blockedOnUser = null;
        return;
      }
      // The queue goes in order: another user's intent waits for them to sign in here. The
      // workstation's own (engine, pre-sign-in) intents go as the signed-in user's.
      const mine = pending.slice(0, pending.findIndex((r) => this.pushedAs(r) !== this.options.userId) >>> 0);
      this.blockedOnUser = mine.length < pending.length ? pending[mine.length]!.actor_id : null;
      if (mine.length === 0) return;
      const offset = this.seqOffset;
      const clientId = this.clientId;
      try {
        const res = await this.transport.push({
          clientId,
          protocolVersion: PROTOCOL_VERSION,
          clientNow: this.clock.now(),
          mutations: mine.map((r) => ({
            seq: r.seq - offset,
            id: r.mutation_id,
            name: r.name,
            args: argsAsPushed(JSON.parse(r.args) as unknown, this.options.userId),
            actorUserId: this.pushedAs(r),
            occurredAt: r.occurred_at,
          })),
        });
        this.online = true;
        this.resolve(res.results, offset, effects);
        if (res.results.length < mine.length) return;
      } catch (error) {
        if (!(error instanceof SyncHttpError)) throw error;
        if (error.body.error === 'OutOfOrder') {
          // Ahead of us: the server has mutations whose responses were lost, and their outcomes come
          // with the next pull. Behind us: it lost some of ours in a restore, which the pull finds
          // (ResyncRequired) and answers by queueing them again (resendLost).
          await this.pullAll(effects, 0);
          if (this.pendingBatch()[0]?.seq === first.seq) throw error;
          continue;
        }
        if (error.body.error === 'ResyncRequired') {
          // The server does not know this client: restored to before it first pushed.
          this.resync();
          return;
        }
        if (error.body.error === 'ClientStateDiverged') {
          // Our seqs were used by other intents: this workstation's store was restored from a backup.
          this.rotateClient(first.seq);
          continue;
        }
        throw error;
      }
      if (this.blockedOnUser) return;
    }
  }

  private pushedAs(row: OutboxRow): string {
    return WORKSTATION_ACTORS.has(row.actor_id) ? this.options.userId : row.actor_id;
  }

  /** A new identity towards the server (old local DB restored, server restored): pending intents are resent under it. */
  private rotateClient(firstPendingSeq: number): void {
    this.db.transaction(() => {
      this.setState('client_id', randomUUID());
      this.setState('seq_offset', firstPendingSeq - 1);
      this.setState('last_acked', 0);
    })();
  }

  async pullAll(effects: SyncEffects, waitMs: number, signal?: AbortSignal): Promise<void> {
    let request = this.requestPage(this.cursor, waitMs, signal);
    for (;;) {
      let page: PullResponse;
      try {
        page = await request;
      } catch (error) {
        if (error instanceof SyncHttpError && error.body.error === 'ResyncRequired') {
          this.resync();
          request = this.requestPage(this.cursor, 0, signal);
          continue;
        }
        throw error;
      }
      this.online = true;
      // The server reads the next page while this one is written (it follows on where this one ends).
      const next = page.hasMore ? this.requestPage(page.toVersion, 0, signal) : null;
      next?.catch(() => undefined); // awaited below; an error here must not go unhandled meanwhile
      // fetch() only writes the request once the event loop turns; the apply below blocks this
      // thread for hundreds of ms, so without this turn the server would start only after it.
      if (next) await new Promise((r) => setImmediate(r));
      this.applyPage(page, effects);
      if (!next) {
        if (this.restoring) this.resendLost();
        return;
      }
      // A page that was not applied (a late duplicate) leaves the cursor behind: ask again from it.
      request = this.cursor === page.toVersion ? next : this.requestPage(this.cursor, 0, signal);
    }
  }

  private requestPage(cursor: number, waitMs: number, signal?: AbortSignal): Promise<PullResponse> {
    return this.transport.pull(
      {
        clientId: this.clientId,
        protocolVersion: PROTOCOL_VERSION,
        serverEpoch: this.state('server_epoch'),
        cursor,
        lastAckedMutationId: Number(this.state('last_acked') ?? 0),
        waitMs,
        limit: this.options.pageLimit ?? MAX_PULL_LIMIT,
      },
      signal,
    );
  }

  /** Start over from version 0 under a new client id; the outbox is kept and resent (SYNC.md §3.10). */
  private resync(): void {
    const firstPending = this.db
      .prepare(`SELECT min(seq) AS seq FROM sync_outbox WHERE state = 'pending'`)
      .get() as {
      seq: number | null;
    };
    const lastSeq = this.db.prepare('SELECT max(seq) AS seq FROM sync_outbox').get() as {
      seq: number | null;
    };
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM sync_cursors').run();
      this.db.prepare('DELETE FROM sync_case_base').run();
      this.setState('server_epoch', null);
      // Everything the server applied for us must show up again in the history pulled from 0;
      // what does not was lost with the restore (resendLost).
      this.db
        .prepare(
          `INSERT OR IGNORE INTO sync_unconfirmed (mutation_id)
           SELECT mutation_id FROM sync_outbox WHERE state = 'acked' AND server_version IS NOT NULL`,
        )
        .run();
      this.setState('restoring', 1);
      this.rotateClient(firstPending.seq ?? (lastSeq.seq ?? 0) + 1);
    })();
  }

  /** Between a resync after a server restore and the end of the history pulled from 0. */
  private get restoring(): boolean {
    return this.state('restoring') !== null;
  }

  /**
   * The history is complete: intents the server had applied for us and no longer has were lost in
   * its restore. They go out again first, with the pending ones after them, in their original
   * order and with their own ids, under the client id the resync gave (its seqs start here).
   */
  private resendLost(): void {
    this.db.transaction(() => {
      const lost = this.db
        .prepare(
          `SELECT * FROM sync_outbox WHERE mutation_id IN (SELECT mutation_id FROM sync_unconfirmed) ORDER BY seq`,
        )
        .all() as OutboxRow[];
      if (lost.length > 0) {
        const pending = this.db
          .prepare(`SELECT * FROM sync_outbox WHERE state = 'pending' ORDER BY seq`)
          .all() as OutboxRow[];
        const next =
          (this.db.prepare('SELECT max(seq) AS seq FROM sync_outbox').get() as { seq: number }).seq + 1;
        const remove = this.db.prepare('DELETE FROM sync_outbox WHERE seq = ?');
        const insert = this.db.prepare(
          `INSERT INTO sync_outbox (seq, mutation_id, name, args, case_id, actor_id, occurred_at, state)
           VALUES (?, ?, ?, ?, ?, ?, ?, 'pending')`,
        );
        const queue = [...lost, ...pending];
        for (const r of queue) remove.run(r.seq);
        queue.forEach((r, i) =>
          insert.run(next + i, r.mutation_id, r.name, r.args, r.case_id, r.actor_id, r.occurred_at),
        );
        this.setState('seq_offset', next - 1);
      }
      this.db.prepare('DELETE FROM sync_unconfirmed').run();
      this.setState('restoring', null);
    })();
    this.lostResent = true;
  }

  /** Marks outcomes; a rejection becomes exactly one conflict-inbox row. Its own transaction. */
  private resolve(results: readonly MutationResult[], offset: number, effects: SyncEffects): void {
    this.db.transaction(() => this.resolveIn(results, offset, effects))();
  }

  private resolveIn(results: readonly MutationResult[], offset: number, effects: SyncEffects): Set<string> {
    const touched = new Set<string>();
    /** Per case, the newest version our applied intents made, and whether one was refused. */
    const applied = new Map<string, number>();
    const refused = new Set<string>();
    const { outboxRow: row, markOutbox: mark, addConflict: conflict } = this.sql;
    let lastAcked = Number(this.state('last_acked') ?? 0);
    for (const r of results) {
      const local = row.get(r.seq + offset);
      if (!local || local.mutation_id !== r.id) continue;
      if (r.seq > lastAcked) lastAcked = r.seq;
      if (local.state !== 'pending') continue;
      mark.run(
        r.outcome === 'rejected' ? 'rejected' : 'acked',
        r.code,
        r.outcome === 'applied' ? r.version : null,
        local.seq,
      );
      if (local.case_id) {
        touched.add(local.case_id);
        if (r.outcome === 'rejected') refused.add(local.case_id);
        if (r.outcome === 'applied' && r.version !== null)
          applied.set(local.case_id, Math.max(r.version, applied.get(local.case_id) ?? 0));
      }
      // The engine's refused intent stays marked rejected with its reason in its row: nobody did it by hand.
      if (r.outcome === 'rejected' && !isUnattendedActor(local.actor_id)) {
        const added = conflict.run(
          randomUUID(),
          local.seq,
          local.mutation_id,
          local.case_id,
          local.name,
          local.args,
          local.actor_id,
          r.code ?? 'INTERNAL',
          JSON.stringify(r.details ?? {}),
          this.clock.now(),
        );
        (effects as { conflictsAdded: number }).conflictsAdded += added.changes;
      }
    }
    this.setState('last_acked', lastAcked);
    // Cases whose queue just drained show the server's copy again (a rejected optimistic change
    // disappears), unless that copy is older than what our applied intents made: the row already
    // shows their result, and the copy that has it is on its way (drawing the older one would make
    // the change vanish until then).
    for (const caseId of touched) {
      this.showBaseIfSettled(caseId, effects, refused.has(caseId) ? 0 : (applied.get(caseId) ?? 0));
    }
    return touched;
  }

  private showBaseIfSettled(caseId: string, effects: SyncEffects, atLeastVersion = 0): void {
    if (this.sql.hasPending.get(caseId)) return;
    const base = this.sql.base.get(caseId);
    if (!base || base.version < atLeastVersion) return;
    this.materializer.apply([JSON.parse(base.data) as SyncCase]);
    effects.caseIds.push(caseId);
  }

  /** One page, one transaction: outcomes, base copies, visible rows, others' history, cursor. */
  private applyPage(page: PullResponse, effects: SyncEffects): void {
    this.db.transaction(() => {
      const epoch = this.state('server_epoch');
      if (epoch === null) this.setState('server_epoch', page.serverEpoch);
      // A page that does not continue from our cursor (a late duplicate) would move it back: ignore it.
      if (page.fromVersion !== this.cursor || (epoch !== null && epoch !== page.serverEpoch)) return;
      const stored = new Set(
        this.sql.upsertBases
          .all<{ case_id: string }>(
            [...page.cases].sort(byId).map((c) => [c.id, c.version, JSON.stringify(c)]),
          )
          .map((r) => r.case_id),
      );
      const touched = this.resolveIn(page.mutationResults, this.seqOffset, effects);
      // Cases whose outcome just arrived were shown from their (new) base by resolveIn already.
      const pending = this.pendingAmong(page.cases.map((c) => c.id));
      const settled = page.cases.filter((c) => stored.has(c.id) && !pending.has(c.id) && !touched.has(c.id));
      this.materializer.apply(settled);
      for (const c of settled) effects.caseIds.push(c.id);
      // A stale duplicate of a case (its base is newer) shows that base instead, as before.
      for (const c of page.cases) {
        if (!stored.has(c.id) && !touched.has(c.id)) this.showBaseIfSettled(c.id, effects);
      }
      this.appendRemoteHistory(page.events);
      if (this.restoring) {
        this.sql.confirmSeen.run(
          JSON.stringify(page.events.flatMap((e) => (e.mutationId ? [e.mutationId] : []))),
        );
      }
      this.sql.setCursor.run(DEFAULT_SPACE, Math.max(page.toVersion, this.cursor), this.clock.now());
    })();
  }

  /** Others' events join the local audit chains of the cases this workstation has (ours are there already). */
  private appendRemoteHistory(events: readonly SyncEvent[]): void {
    if (events.length === 0) return;
    const own = new Set(
      this.sql.ownMutations
        .all(JSON.stringify(events.flatMap((e) => (e.mutationId ? [e.mutationId] : []))))
        .map((r) => r.mutation_id),
    );
    const status = new Map(
      this.sql.statusOf
        .all(JSON.stringify([...new Set(events.map((e) => e.caseId))]))
        .map((r) => [r.id, r.status]),
    );
    const entries: { event: NewEvent; actor: Actor }[] = [];
    for (const e of events) {
      if (e.mutationId && own.has(e.mutationId)) continue;
      const local = status.get(e.caseId);
      if (!local) continue;
      // A transition's `to` is the status it entered; other events' `to` (a new assignee, an
      // agreement's terms) is not.
      const to = (e.data as { to?: unknown } | null)?.to;
      const { type, data } = localEvent(e);
      entries.push({
        event: {
          caseId: e.caseId,
          type,
          at: e.appliedAt,
          status: type.startsWith('transition.') && typeof to === 'string' ? (to as CaseStatus) : local,
          data: {
            ...data,
            remote: { version: e.version, occurredAt: e.occurredAt, mutationId: e.mutationId },
          },
        },
        actor: { staffId: e.actorUserId, workstation: e.workstation },
      });
      const note = remoteNote(e);
      if (note) this.sql.addNote.run(note.id, e.caseId, e.actorUserId, note.body, e.appliedAt);
    }
    this.audit.appendAll(entries);
  }

  /** Which of these cases have local mutations still waiting for the server. */
  private pendingAmong(caseIds: readonly string[]): Set<string> {
    if (caseIds.length === 0) return new Set();
    return new Set(this.sql.pendingAmong.all(JSON.stringify(caseIds)).map((r) => r.case_id));
  }
}
