import { shanghaiDate } from '../shared/domain/time';
import type { Role } from '../shared/domain/roles';
import { MUTATIONS, isMutationName, mutationCaseId } from '../shared/sync/mutations';
import type { MutationArgs } from '../shared/sync/mutations';
import { DEFAULT_SPACE } from '../shared/sync/protocol';
import type { MutationResult, PullResponse, PushMutation, PushResponse } from '../shared/sync/protocol';
import { decide, newCase } from '../shared/sync/rules';
import type { CaseChange, RuleOutcome, SyncCase } from '../shared/sync/rules';
import type { Sql, SyncDb } from './db';
import { SyncError } from './errors';

export interface Clock {
  now(): number;
}

/** Who is pushing: from the access token. */
export interface Session {
  readonly staffId: string;
  readonly workstationId: string;
}

interface CaseRow {
  id: string;
  case_no: string;
  status: string;
  assignee_id: string | null;
  lifecycle: unknown;
  intake: unknown;
  columns: unknown;
  field_versions: unknown;
  mediation: unknown;
  escalations: unknown;
  created_at: number | string;
  updated_at: number | string;
  version: number | string;
}

interface MutationRow {
  seq: number | string;
  mutation_id: string;
  outcome: MutationResult['outcome'];
  error_code: MutationResult['code'];
  error_details: Record<string, unknown> | null;
  version: number | string | null;
}

const CASE_COLUMNS =
  'id, case_no, status, assignee_id, lifecycle, intake, columns, field_versions, mediation, escalations, created_at, updated_at, version';

/** A case row as the JSON of a SyncCase (int8 columns come out as JSON numbers). */
const CASE_JSON = `json_build_object('id', id, 'caseNo', case_no, 'status', status, 'assigneeId', assignee_id,
  'lifecycle', lifecycle, 'intake', intake, 'columns', columns, 'fieldVersions', field_versions,
  'mediation', mediation, 'escalations', escalations, 'createdAt', created_at, 'updatedAt', updated_at, 'version', version)`;

/** Rows per query when a pull page is read. */
const READ_CHUNK = 1000;

/** An event row as the JSON of a SyncEvent. */
const EVENT_JSON = `json_build_object('caseId', case_id, 'version', version, 'type', type,
  'actorUserId', actor_user_id, 'workstation', workstation, 'data', data, 'occurredAt', occurred_at,
  'appliedAt', applied_at, 'mutationId', mutation_id)`;

export interface PullPageRequest {
  clientId: string;
  serverEpoch: string | null;
  cursor: number;
  lastAckedMutationId: number;
  limit: number;
}

const toCase = (r: CaseRow): SyncCase => ({
  id: r.id,
  caseNo: r.case_no,
  status: r.status as SyncCase['status'],
  assigneeId: r.assignee_id,
  lifecycle: r.lifecycle as SyncCase['lifecycle'],
  intake: r.intake as SyncCase['intake'],
  columns: r.columns as SyncCase['columns'],
  fieldVersions: r.field_versions as SyncCase['fieldVersions'],
  mediation: r.mediation as SyncCase['mediation'],
  escalations: r.escalations as SyncCase['escalations'],
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
  version: Number(r.version),
});

const toResult = (r: MutationRow): MutationResult => ({
  seq: Number(r.seq),
  id: r.mutation_id,
  outcome: r.outcome,
  code: r.error_code,
  details: r.error_details,
  version: r.version === null ? null : Number(r.version),
});

/** Bounded retries of a transaction that lost a deadlock or serialisation race. */
const RETRYABLE = new Set(['40001', '40P01']);
const TX_ATTEMPTS = 3;

/**
 * The sync server's logic without HTTP (SYNC.md §3.7, §3.6): push applies each mutation in its
 * own transaction under row locks; pull reads one snapshot by version cursor.
 */
export class SyncStore {
  constructor(
    private readonly db: SyncDb,
    private readonly clock: Clock,
  ) {}

  async epoch(): Promise<string> {
    const [row] = await this.db.query<{ value: string }>(
      `SELECT value FROM sync_meta WHERE key = 'server_epoch'`,
    );
    return row!.value;
  }

  async push(
    session: Session,
    clientId: string,
    clientNow: number,
    mutations: readonly PushMutation[],
  ): Promise<PushResponse> {
    // Refuse the whole request before anything is applied: a workstation may only push its own user's intents.
    const foreign = mutations.find((m) => m.actorUserId !== session.staffId);
    if (foreign) {
      throw new SyncError(
        'Forbidden',
        `mutation ${foreign.seq} is by ${foreign.actorUserId}, not the signed-in user`,
      );
    }
    for (let i = 1; i < mutations.length; i++) {
      if (mutations[i]!.seq !== mutations[i - 1]!.seq + 1)
        throw new SyncError('BadRequest', 'seqs must be contiguous');
    }
    const now = this.clock.now();
    await this.db.query(
      `INSERT INTO sync_clients (client_id, workstation_id, last_mutation_id, created_at, last_seen_at)
       VALUES ($1, $2, 0, $3, $3) ON CONFLICT (client_id) DO NOTHING`,
      [clientId, session.workstationId, now],
    );
    const results: MutationResult[] = [];
    for (const m of mutations) {
      try {
        results.push(await this.pushOne(session, clientId, clientNow, m));
      } catch (error) {
        // A refusal of the protocol (gap, divergence) ends the batch; what committed is reported.
        if (error instanceof SyncError && results.length > 0 && error.code !== 'Forbidden') break;
        throw error;
      }
    }
    const [client] = await this.db.query<{ last_mutation_id: number | string }>(
      'SELECT last_mutation_id FROM sync_clients WHERE client_id = $1',
      [clientId],
    );
    return { serverEpoch: await this.epoch(), lastMutationId: Number(client!.last_mutation_id), results };
  }

  private async pushOne(
    session: Session,
    clientId: string,
    clientNow: number,
    m: PushMutation,
  ): Promise<MutationResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await this.db.tx((sql) => this.applyOne(sql, session, clientId, clientNow, m));
        return result;
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code && RETRYABLE.has(code) && attempt < TX_ATTEMPTS) continue;
        throw error;
      }
    }
  }

  private async applyOne(
    sql: Sql,
    session: Session,
    clientId: string,
    clientNow: number,
    m: PushMutation,
  ): Promise<MutationResult> {
    const [client] = await sql.query<{ last_mutation_id: number | string; workstation_id: string }>(
      'SELECT last_mutation_id, workstation_id FROM sync_clients WHERE client_id = $1 FOR UPDATE',
      [clientId],
    );
    if (!client) throw new SyncError('ResyncRequired', 'unknown client');
    if (client.workstation_id !== session.workstationId) {
      throw new SyncError('Forbidden', 'this client belongs to another workstation');
    }
    const last = Number(client.last_mutation_id);
    if (m.seq <= last) {
      const [stored] = await sql.query<MutationRow>(
        'SELECT seq, mutation_id, outcome, error_code, error_details, version FROM sync_mutations WHERE client_id = $1 AND seq = $2',
        [clientId, m.seq],
      );
      if (!stored || stored.mutation_id !== m.id) {
        throw new SyncError('ClientStateDiverged', `seq ${m.seq} was already used by another mutation`);
      }
      return toResult(stored);
    }
    if (m.seq > last + 1)
      throw new SyncError('OutOfOrder', `expected seq ${last + 1}`, { expectedSeq: last + 1 });

    const now = this.clock.now();
    const outcome = await this.runMutation(sql, session, m, now);
    let version: number | null = null;
    if (outcome.kind === 'applied') version = outcome.version;
    const details = outcome.kind === 'rejected' ? outcome.details : null;
    const code = outcome.kind === 'rejected' ? outcome.code : null;
    await sql.query(
      `INSERT INTO sync_mutations (client_id, seq, mutation_id, name, args, actor_user_id, pushed_by, occurred_at,
         received_at, client_skew_ms, outcome, error_code, error_details, space_id, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [
        clientId,
        m.seq,
        m.id,
        m.name,
        JSON.stringify(m.args ?? null),
        m.actorUserId,
        session.staffId,
        m.occurredAt,
        now,
        clientNow - now,
        outcome.kind,
        code,
        details === null ? null : JSON.stringify(details),
        DEFAULT_SPACE,
        version,
      ],
    );
    await sql.query('UPDATE sync_clients SET last_mutation_id = $2, last_seen_at = $3 WHERE client_id = $1', [
      clientId,
      m.seq,
      now,
    ]);
    if (version !== null)
      await sql.query(`SELECT pg_notify('sync_space', $1)`, [`${DEFAULT_SPACE}:${version}`]);
    return { seq: m.seq, id: m.id, outcome: outcome.kind, code, details, version };
  }

  /** Validates and applies one intent; row locks: case, then the space counter (SYNC.md §3.5 lock order). */
  private async runMutation(
    sql: Sql,
    session: Session,
    m: PushMutation,
    now: number,
  ): Promise<{ kind: 'applied'; version: number } | Exclude<RuleOutcome, { kind: 'applied' }>> {
    if (!isMutationName(m.name)) {
      return { kind: 'rejected', code: 'VERSION_NOT_SUPPORTED', details: { name: m.name } };
    }
    const parsed = MUTATIONS[m.name].safeParse(m.args);
    if (!parsed.success) {
      return {
        kind: 'rejected',
        code: 'INVALID_DATA',
        details: { issues: parsed.error.issues.map((i) => i.path.join('.')) },
      };
    }
    const [actor] = await sql.query<{ roles: Role[]; active: number }>(
      'SELECT roles, active FROM staff WHERE id = $1',
      [m.actorUserId],
    );
    if (!actor || actor.active !== 1)
      return { kind: 'rejected', code: 'FORBIDDEN', details: { actor: m.actorUserId } };
    const caseId = mutationCaseId(m.name, parsed.data);
    const [row] = await sql.query<CaseRow>(`SELECT ${CASE_COLUMNS} FROM cases WHERE id = $1 FOR UPDATE`, [
      caseId,
    ]);
    const current = row ? toCase(row) : null;

    if (m.name === 'createCase.v1') {
      if (current) return { kind: 'noop' };
      const args = parsed.data as MutationArgs<'createCase.v1'>;
      const caseNo = await this.caseNumber(sql, args.caseNo, args.input.receivedAt ?? m.occurredAt);
      const created = newCase(args, caseNo, now);
      const version = await this.bumpSpace(sql);
      await sql.query(
        `INSERT INTO cases (id, space_id, case_no, status, assignee_id, lifecycle, intake, columns, created_at, updated_at, version)
         VALUES ($1, $2, $3, $4, NULL, $5, $6, $7, $8, $8, $9)`,
        [
          created.id,
          DEFAULT_SPACE,
          caseNo,
          created.status,
          JSON.stringify(created.lifecycle),
          JSON.stringify(created.intake),
          JSON.stringify(created.columns),
          now,
          version,
        ],
      );
      await this.event(sql, created.id, version, 'transition.register', session, { caseNo }, m, now);
      return { kind: 'applied', version };
    }

    const outcome = decide(m.name, parsed.data, current, { staffId: m.actorUserId, roles: actor.roles }, now);
    if (outcome.kind !== 'applied') return outcome;
    const version = await this.bumpSpace(sql);
    const next: CaseChange = outcome.next;
    await sql.query(
      `UPDATE cases SET status = $2, assignee_id = $3, lifecycle = $4, columns = $5, intake = $6,
         field_versions = $7, mediation = $8, escalations = $9, updated_at = $10, version = $11 WHERE id = $1`,
      [
        caseId,
        next.status,
        next.assigneeId,
        JSON.stringify(next.lifecycle),
        JSON.stringify(next.columns),
        JSON.stringify(next.intake),
        JSON.stringify(next.fieldVersions),
        next.mediation === null ? null : JSON.stringify(next.mediation),
        JSON.stringify(next.escalations),
        now,
        version,
      ],
    );
    await this.event(sql, caseId, version, outcome.event.type, session, outcome.event.data, m, now);
    return { kind: 'applied', version };
  }

  /** The counter row stays locked until COMMIT: no later transaction can take a higher version first. */
  private async bumpSpace(sql: Sql): Promise<number> {
    const [row] = await sql.query<{ version: number | string }>(
      `INSERT INTO sync_spaces (space_id, version) VALUES ($1, 1)
       ON CONFLICT (space_id) DO UPDATE SET version = sync_spaces.version + 1 RETURNING version`,
      [DEFAULT_SPACE],
    );
    return Number(row!.version);
  }

  /**
   * Case numbers are unique across workstations: the server keeps the workstation's number when
   * it is still free and otherwise gives the next free number of the same day (docs/sync.md).
   */
  private async caseNumber(sql: Sql, proposed: string, receivedAt: number): Promise<string> {
    const day = shanghaiDate(receivedAt).replaceAll('-', '');
    const taken = async (no: string) =>
      (await sql.query('SELECT 1 FROM cases WHERE case_no = $1', [no])).length > 0;
    const proposedN = proposed.startsWith(`SS${day}`) ? Number(proposed.slice(10)) : NaN;
    if (Number.isInteger(proposedN) && !(await taken(proposed))) {
      await sql.query(
        `INSERT INTO case_number_counters (day, last) VALUES ($1, $2)
         ON CONFLICT (day) DO UPDATE SET last = GREATEST(case_number_counters.last, EXCLUDED.last)`,
        [day, proposedN],
      );
      return proposed;
    }
    for (;;) {
      const [row] = await sql.query<{ last: number }>(
        `INSERT INTO case_number_counters (day, last) VALUES ($1, 1)
         ON CONFLICT (day) DO UPDATE SET last = case_number_counters.last + 1 RETURNING last`,
        [day],
      );
      const no = `SS${day}${String(row!.last).padStart(6, '0')}`;
      if (!(await taken(no))) return no;
    }
  }

  private async event(
    sql: Sql,
    caseId: string,
    version: number,
    type: string,
    session: Session,
    data: unknown,
    m: PushMutation,
    now: number,
  ) {
    await sql.query(
      `INSERT INTO case_events (case_id, space_id, version, type, actor_user_id, workstation, data, occurred_at, applied_at, mutation_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        caseId,
        DEFAULT_SPACE,
        version,
        type,
        m.actorUserId,
        session.workstationId,
        JSON.stringify(data),
        m.occurredAt,
        now,
        m.id,
      ],
    );
  }

  /** The space's current version, outside any snapshot: what long-poll waiters compare against. */
  async spaceVersion(): Promise<number> {
    const [row] = await this.db.query<{ version: number | string }>(
      'SELECT version FROM sync_spaces WHERE space_id = $1',
      [DEFAULT_SPACE],
    );
    return row ? Number(row.version) : 0;
  }

  /** One page after `cursor`, every table from one REPEATABLE READ snapshot. */
  async pull(session: Session, req: PullPageRequest): Promise<PullResponse> {
    return JSON.parse(await this.pullJson(session, req)) as PullResponse;
  }

  /**
   * `pull` as the JSON text of a PullResponse, for HTTP: PostgreSQL writes each case and event as
   * JSON itself, so their jsonb columns are neither parsed nor serialised again here.
   */
  async pullJson(session: Session, req: PullPageRequest): Promise<string> {
    return this.db.tx(async (sql) => {
      const [meta] = await sql.query<{ value: string }>(
        `SELECT value FROM sync_meta WHERE key = 'server_epoch'`,
      );
      const serverEpoch = meta!.value;
      const [space] = await sql.query<{ version: number | string }>(
        'SELECT version FROM sync_spaces WHERE space_id = $1',
        [DEFAULT_SPACE],
      );
      const head = space ? Number(space.version) : 0;
      if ((req.serverEpoch !== null && req.serverEpoch !== serverEpoch) || req.cursor > head) {
        throw new SyncError(
          'ResyncRequired',
          'the server was restored or replaced: bootstrap again and keep the outbox',
        );
      }
      const [client] = await sql.query<{ last_mutation_id: number | string; workstation_id: string }>(
        'SELECT last_mutation_id, workstation_id FROM sync_clients WHERE client_id = $1',
        [req.clientId],
      );
      if (client && client.workstation_id !== session.workstationId) {
        throw new SyncError('Forbidden', 'this client belongs to another workstation');
      }
      const lastMutationId = client ? Number(client.last_mutation_id) : 0;
      if (req.lastAckedMutationId > lastMutationId) {
        throw new SyncError(
          'ResyncRequired',
          'the server does not know mutations this client says were acknowledged',
        );
      }
      const mutationResults = (
        await sql.query<MutationRow>(
          `SELECT seq, mutation_id, outcome, error_code, error_details, version FROM sync_mutations
            WHERE client_id = $1 AND seq > $2 ORDER BY seq LIMIT 500`,
          [req.clientId, req.lastAckedMutationId],
        )
      ).map(toResult);
      // JSON built by the database, read in chunks of the one snapshot: PGlite hands a result over
      // through a buffer that grows by 1/8 at a time, so one 5 MB result costs far more than five of 1 MB.
      const cases: string[] = [];
      let count = 0;
      let last = req.cursor;
      for (;;) {
        const take = Math.min(READ_CHUNK, req.limit - count);
        const [chunk] = await sql.query<{ n: number | string; last: number | string | null; json: string }>(
          `SELECT count(*) AS n, max(version) AS last, coalesce(json_agg(${CASE_JSON} ORDER BY version), '[]')::text AS json
             FROM (SELECT * FROM cases WHERE space_id = $1 AND version > $2 ORDER BY version LIMIT $3) page`,
          [DEFAULT_SPACE, last, take],
        );
        const n = Number(chunk!.n);
        if (n > 0) cases.push(chunk!.json.slice(1, -1));
        count += n;
        last = Number(chunk!.last ?? last);
        if (n < take || count === req.limit) break;
      }
      const hasMore =
        count === req.limit &&
        (
          await sql.query<{ more: boolean }>(
            'SELECT EXISTS (SELECT 1 FROM cases WHERE space_id = $1 AND version > $2) AS more',
            [DEFAULT_SPACE, last],
          )
        )[0]!.more;
      // Each version belongs to exactly one case row, so a page never splits a version.
      const toVersion = hasMore ? last : head;
      // Every version has one event, so a range of READ_CHUNK versions holds at most that many.
      const events: string[] = [];
      for (let from = req.cursor; from < toVersion; from += READ_CHUNK) {
        const [chunk] = await sql.query<{ json: string | null }>(
          `SELECT json_agg(${EVENT_JSON} ORDER BY version, id)::text AS json FROM case_events
            WHERE space_id = $1 AND version > $2 AND version <= $3`,
          [DEFAULT_SPACE, from, Math.min(from + READ_CHUNK, toVersion)],
        );
        if (chunk!.json) events.push(chunk!.json.slice(1, -1));
      }
      const envelope: Omit<PullResponse, 'cases' | 'events'> = {
        serverEpoch,
        lastMutationId,
        mutationResults,
        fromVersion: req.cursor,
        toVersion,
        hasMore,
      };
      const json = JSON.stringify(envelope);
      return `${json.slice(0, -1)},"cases":[${cases.join(',')}],"events":[${events.join(',')}]}`;
    }, 'repeatable read');
  }
}
