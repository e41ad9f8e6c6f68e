import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { SyncEngine, type Clock } from '../../main/sync/engine';
import { SyncHttpError, type Transport } from '../../main/sync/transport';
import { AuditLog } from '../../main/store/audit';
import { Outbox } from '../../main/store/outbox';
import { StoreService } from '../../main/store/service';
import { registerAppealSchema } from '../../shared/domain/appeal';
import type {
  PullRequest,
  PullResponse,
  PushRequest,
  PushResponse,
  SyncErrorBody,
} from '../../shared/sync/protocol';
import { validAppeal } from '../support/appeals';

/** Full HTTP semantics without sockets (Fastify inject); the server can be swapped on restart. */
export class InjectTransport implements Transport {
  private token: string | null = null;

  constructor(
    public app: FastifyInstance,
    private readonly username: string,
    private readonly password: string,
    private readonly workstationId: string,
  ) {}

  private async post<T>(url: string, payload: unknown, retry = true): Promise<T> {
    this.token ??= await this.login();
    const res = await this.app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${this.token}` },
      payload: payload as object,
    });
    if (res.statusCode === 401 && retry) {
      this.token = null;
      return this.post(url, payload, false);
    }
    if (res.statusCode >= 400) throw new SyncHttpError(res.statusCode, res.json() as SyncErrorBody);
    return res.json() as T;
  }

  private async login(): Promise<string> {
    const res = await this.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: {
        username: this.username,
        password: this.password,
        workstation: { id: this.workstationId, name: this.workstationId },
      },
    });
    if (res.statusCode !== 200) throw new SyncHttpError(res.statusCode, res.json() as SyncErrorBody);
    return (res.json() as { accessToken: string }).accessToken;
  }

  push(req: PushRequest): Promise<PushResponse> {
    return this.post('/sync/v1/push', req);
  }
  pull(req: PullRequest): Promise<PullResponse> {
    return this.post('/sync/v1/pull', req);
  }
}

export type Fault = 'none' | 'dropRequest' | 'dropResponse' | 'duplicate' | 'partition';

/** Fault injection between an engine and the server: the next call suffers `fault`. */
export class FaultyTransport implements Transport {
  next: Fault = 'none';
  partitioned = false;
  /** Requests held back, to be delivered late (reordering). */
  readonly delayed: (() => Promise<unknown>)[] = [];

  constructor(private readonly inner: Transport) {}

  private async call<T>(send: () => Promise<T>): Promise<T> {
    const fault = this.next;
    this.next = 'none';
    if (this.partitioned || fault === 'partition') throw new Error('network unreachable');
    if (fault === 'dropRequest') {
      this.delayed.push(send);
      throw new Error('request lost');
    }
    if (fault === 'dropResponse') {
      await send().catch(() => undefined);
      throw new Error('response lost');
    }
    if (fault === 'duplicate') {
      const [a] = await Promise.allSettled([send(), send()]);
      if (a.status === 'rejected') throw a.reason;
      return a.value;
    }
    return send();
  }

  push(req: PushRequest): Promise<PushResponse> {
    return this.call(() => this.inner.push(req));
  }
  pull(req: PullRequest): Promise<PullResponse> {
    return this.call(() => this.inner.pull(req));
  }

  /** Delivers a held-back request now, after newer ones: the server must not apply anything twice. */
  async deliverDelayed(): Promise<void> {
    const send = this.delayed.shift();
    if (send) await send().catch(() => undefined);
  }
}

/**
 * A simulated workstation: its own SQLite file, the real store commands for local work and the
 * real sync engine. Claims are written the way a store command does (change, audit, outbox in one
 * transaction) until the claim command lands in the store.
 */
export class Workstation {
  store: StoreService;
  engine: SyncEngine;
  readonly transport: FaultyTransport;
  private readonly file: string;

  constructor(
    dir: string,
    readonly id: string,
    readonly userId: string,
    inner: Transport,
    private readonly clock: Clock,
  ) {
    this.file = join(dir, `${id}.sqlite`);
    this.transport = new FaultyTransport(inner);
    this.store = StoreService.open({ file: this.file });
    // Signing in to the server records the user in the workstation's staff list.
    this.store.db
      .prepare(
        `INSERT OR IGNORE INTO staff (id, name, roles, team, created_at) VALUES (?, ?, '["handler"]', NULL, 0)`,
      )
      .run(userId, userId);
    this.engine = this.newEngine();
  }

  private newEngine(): SyncEngine {
    return new SyncEngine(this.store.db, this.transport, this.clock, {
      userId: this.userId,
      workstation: this.id,
      pageLimit: 7,
    });
  }

  get actor() {
    return { staffId: this.userId, workstation: this.id };
  }

  /** Closes the SQLite file mid-flight and opens it again: what survives is what was committed. */
  crash(): void {
    this.store.db.close();
    this.store = StoreService.open({ file: this.file });
    this.engine = this.newEngine();
  }

  close(): void {
    this.store.close();
  }

  register(waybill = 'SF1234567890123'): string {
    const input = registerAppealSchema.parse(
      validAppeal({ waybillNo: waybill, receivedAt: this.clock.now() }),
    );
    return this.store.domains.cases.register(input, this.actor, ['handler'], this.clock.now()).case.id;
  }

  accept(caseId: string): void {
    this.store.domains.cases.transition(
      { caseId, transition: 'accept', data: {} },
      this.actor,
      ['handler'],
      this.clock.now(),
    );
  }

  claim(caseId: string): void {
    const db = this.store.db;
    const row = db.prepare('SELECT assignee_id, status FROM cases WHERE id = ?').get(caseId) as {
      assignee_id: string | null;
      status: string;
    };
    if (row.assignee_id !== null) return;
    db.transaction(() => {
      db.prepare('UPDATE cases SET assignee_id = ?, version = version + 1 WHERE id = ?').run(
        this.userId,
        caseId,
      );
      new AuditLog(db).append(
        { caseId, type: 'claim', at: this.clock.now(), status: row.status as 'registered', data: {} },
        this.actor,
      );
      new Outbox(db).append(
        'claimCase.v1',
        { caseId, expectedAssignee: null },
        caseId,
        this.actor,
        this.clock.now(),
      );
    })();
  }

  caseIds(): string[] {
    return (this.store.db.prepare('SELECT id FROM cases ORDER BY id').all() as { id: string }[]).map(
      (r) => r.id,
    );
  }

  row(caseId: string) {
    return this.store.db
      .prepare('SELECT case_no, status, assignee_id FROM cases WHERE id = ?')
      .get(caseId) as { case_no: string; status: string; assignee_id: string | null } | undefined;
  }

  conflicts() {
    return this.store.db.prepare('SELECT mutation_id, code, case_id FROM sync_conflicts').all() as {
      mutation_id: string;
      code: string;
      case_id: string;
    }[];
  }

  outbox() {
    return this.store.db.prepare('SELECT seq, mutation_id, state FROM sync_outbox ORDER BY seq').all() as {
      seq: number;
      mutation_id: string;
      state: string;
    }[];
  }
}

export const newId = () => randomUUID();
