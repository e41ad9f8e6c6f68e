import { hash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { CaseStatus } from '../../shared/domain/status';
import { BulkInsert } from './bulk';

/**
 * The append-only, hash-chained audit trail. Each event's hash covers its own fields and the
 * previous event's hash, so editing or deleting any event breaks every later link of its case.
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface Actor {
  staffId: string;
  workstation: string;
}

export interface NewEvent {
  caseId: string;
  type: string;
  at: number;
  status: CaseStatus;
  data: unknown;
}

interface ChainFields {
  caseId: string;
  seq: number;
  type: string;
  actorId: string;
  workstation: string;
  at: number;
  status: string;
  data: string;
  prevHash: string;
}

export function eventHash(f: ChainFields): string {
  // A fixed field order and a separator that cannot appear unescaped in JSON text. The one-shot
  // hash gives the same digest as createHash().update().digest() without a Hash object per event.
  return hash(
    'sha256',
    [f.caseId, f.seq, f.type, f.actorId, f.workstation, f.at, f.status, f.prevHash, f.data].join('\u001f'),
    'hex',
  );
}

export class AuditLog {
  private readonly head: Database.Statement<[string], { seq: number; hash: string }>;
  private readonly insert: Database.Statement;
  private readonly moveHead: Database.Statement;
  private readonly insertAll: BulkInsert;
  private readonly moveHeads: Database.Statement<[string]>;
  private readonly heads: Database.Statement<[string], { case_id: string; seq: number; hash: string }>;

  constructor(db: Database.Database) {
    this.head = db.prepare('SELECT seq, hash FROM case_events WHERE case_id = ? ORDER BY seq DESC LIMIT 1');
    this.insert = db.prepare(
      `INSERT INTO case_events (case_id, seq, type, actor_id, workstation, at, status, data, prev_hash, hash)
       VALUES (@caseId, @seq, @type, @actorId, @workstation, @at, @status, @data, @prevHash, @hash)`,
    );
    this.moveHead = db.prepare('UPDATE cases SET audit_seq = ? WHERE id = ?');
    this.insertAll = new BulkInsert(
      db,
      'INSERT INTO case_events (case_id, seq, type, actor_id, workstation, at, status, data, prev_hash, hash)',
      10,
    );
    this.heads = db.prepare(
      `SELECT e.case_id, e.seq, e.hash FROM case_events e
         JOIN (SELECT case_id, max(seq) AS seq FROM case_events
                WHERE case_id IN (SELECT value FROM json_each(?)) GROUP BY case_id) h
           ON e.case_id = h.case_id AND e.seq = h.seq`,
    );
    this.moveHeads = db.prepare(
      `UPDATE cases SET audit_seq = head.value ->> 1 FROM json_each(?) AS head WHERE cases.id = head.value ->> 0`,
    );
  }

  /** Appends one event; call inside the transaction that makes the change it records. */
  append(event: NewEvent, actor: Actor): void {
    const head = this.write(event, actor, this.head.get(event.caseId));
    this.moveHead.run(head.seq, event.caseId);
  }

  /**
   * Appends events in order, reading the cases' chain heads at once and moving each once, and
   * inserting many per statement (BulkInsert): for bulk writers (a pulled page). The chains are the
   * same as from one `append` per event.
   */
  appendAll(entries: readonly { event: NewEvent; actor: Actor }[]): void {
    if (entries.length === 0) return;
    // Every case's chain head in one statement, not one per case; a case without one starts at genesis.
    const caseIds = [...new Set(entries.map((e) => e.event.caseId))];
    const heads = new Map(
      this.heads.all(JSON.stringify(caseIds)).map((h) => [h.case_id, { seq: h.seq, hash: h.hash }]),
    );
    const rows: unknown[][] = [];
    for (const { event, actor } of entries) {
      const head = heads.get(event.caseId);
      const f = chainFields(event, actor, head);
      const hash = eventHash(f);
      rows.push([
        f.caseId,
        f.seq,
        f.type,
        f.actorId,
        f.workstation,
        f.at,
        f.status,
        f.data,
        f.prevHash,
        hash,
      ]);
      heads.set(event.caseId, { seq: f.seq, hash });
    }
    this.insertAll.run(rows);
    this.moveHeads.run(JSON.stringify([...heads].map(([caseId, head]) => [caseId, head.seq])));
  }

  private write(
    event: NewEvent,
    actor: Actor,
    head: { seq: number; hash: string } | undefined,
  ): { seq: number; hash: string } {
    const fields = chainFields(event, actor, head);
    const hash = eventHash(fields);
    this.insert.run({ ...fields, hash });
    return { seq: fields.seq, hash };
  }
}

function chainFields(
  event: NewEvent,
  actor: Actor,
  head: { seq: number; hash: string } | undefined,
): ChainFields {
  return {
    caseId: event.caseId,
    seq: (head?.seq ?? 0) + 1,
    type: event.type,
    actorId: actor.staffId,
    workstation: actor.workstation,
    at: event.at,
    status: event.status,
    data: JSON.stringify(event.data ?? {}),
    prevHash: head?.hash ?? GENESIS_HASH,
  };
}

export interface ChainBreak {
  caseId: string;
  caseNo: string | null;
  eventId: number | null;
  seq: number;
  problem: 'hash_mismatch' | 'prev_hash_mismatch' | 'seq_gap' | 'truncated' | 'no_events';
}

export interface VerifyReport {
  casesChecked: number;
  eventsChecked: number;
  firstBreak: ChainBreak | null;
}

/** Walks every chain in (case, seq) order with one streaming pass; stops at the first break. */
export function verifyAuditTrail(db: Database.Database): VerifyReport {
  const rows = db
    .prepare(
      `SELECT e.id, e.case_id AS caseId, e.seq, e.type, e.actor_id AS actorId, e.workstation, e.at, e.status,
              e.data, e.prev_hash AS prevHash, e.hash, c.audit_seq AS headSeq
         FROM case_events e JOIN cases c ON c.id = e.case_id
        ORDER BY e.case_id, e.seq`,
    )
    .iterate() as IterableIterator<ChainFields & { id: number; hash: string; headSeq: number }>;
  const caseNoOf = db.prepare<[string], { case_no: string }>('SELECT case_no FROM cases WHERE id = ?');
  const broken = (caseId: string, eventId: number | null, seq: number, problem: ChainBreak['problem']) => ({
    caseId,
    caseNo: caseNoOf.get(caseId)?.case_no ?? null,
    eventId,
    seq,
    problem,
  });

  let casesChecked = 0;
  let eventsChecked = 0;
  let currentCase: string | null = null;
  let currentHead = 0;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  const stop = () => (rows as { return?: () => void }).return?.();
  for (const row of rows) {
    if (row.caseId !== currentCase) {
      if (currentCase !== null && expectedSeq - 1 !== currentHead) {
        stop();
        return {
          casesChecked,
          eventsChecked,
          firstBreak: broken(currentCase, null, expectedSeq, 'truncated'),
        };
      }
      currentCase = row.caseId;
      currentHead = row.headSeq;
      casesChecked++;
      expectedSeq = 1;
      prevHash = GENESIS_HASH;
    }
    eventsChecked++;
    let problem: ChainBreak['problem'] | null = null;
    if (row.seq !== expectedSeq) problem = 'seq_gap';
    else if (row.prevHash !== prevHash) problem = 'prev_hash_mismatch';
    else if (eventHash(row) !== row.hash) problem = 'hash_mismatch';
    if (problem) {
      stop();
      return { casesChecked, eventsChecked, firstBreak: broken(row.caseId, row.id, row.seq, problem) };
    }
    expectedSeq++;
    prevHash = row.hash;
  }
  if (currentCase !== null && expectedSeq - 1 !== currentHead) {
    return { casesChecked, eventsChecked, firstBreak: broken(currentCase, null, expectedSeq, 'truncated') };
  }
  const orphan = db
    .prepare<[], { id: string }>(
      'SELECT c.id FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id) LIMIT 1',
    )
    .get();
  if (orphan) return { casesChecked, eventsChecked, firstBreak: broken(orphan.id, null, 0, 'no_events') };
  return { casesChecked, eventsChecked, firstBreak: null };
}

/** The chain of events that concern no single case, hashed like a case's chain under this name. */
export const DESK_CHAIN = 'desk';

export interface DeskEvent {
  seq: number;
  type: string;
  actorId: string;
  workstation: string;
  at: number;
  data: unknown;
}

const deskFields = (r: Omit<ChainFields, 'caseId' | 'status'>): ChainFields => ({
  ...r,
  caseId: DESK_CHAIN,
  status: '',
});

/** Appends one event to the desk chain; call inside the transaction that makes the change it records. */
export function appendDeskEvent(
  db: Database.Database,
  event: { type: string; at: number; data: unknown },
  actor: Actor,
): number {
  const head = db.prepare('SELECT seq, hash FROM desk_events ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  const fields = deskFields({
    seq: (head?.seq ?? 0) + 1,
    type: event.type,
    actorId: actor.staffId,
    workstation: actor.workstation,
    at: event.at,
    data: JSON.stringify(event.data ?? {}),
    prevHash: head?.hash ?? GENESIS_HASH,
  });
  db.prepare(
    `INSERT INTO desk_events (seq, type, actor_id, workstation, at, data, prev_hash, hash)
     VALUES (@seq, @type, @actorId, @workstation, @at, @data, @prevHash, @hash)`,
  ).run({ ...fields, hash: eventHash(fields) });
  return fields.seq;
}

export function deskEvents(db: Database.Database, type?: string): DeskEvent[] {
  const rows = db
    .prepare(
      `SELECT seq, type, actor_id AS actorId, workstation, at, data FROM desk_events
        WHERE ? IS NULL OR type = ? ORDER BY seq`,
    )
    .all(type ?? null, type ?? null) as (Omit<DeskEvent, 'data'> & { data: string })[];
  return rows.map((r) => ({ ...r, data: JSON.parse(r.data) as unknown }));
}

/** The first broken link of the desk chain (its seq), or null when every event is intact. */
export function verifyDeskTrail(db: Database.Database): { eventsChecked: number; brokenAt: number | null } {
  const rows = db
    .prepare(
      `SELECT seq, type, actor_id AS actorId, workstation, at, data, prev_hash AS prevHash, hash
         FROM desk_events ORDER BY seq`,
    )
    .iterate() as IterableIterator<Omit<ChainFields, 'caseId' | 'status'> & { hash: string }>;
  let expected = 1;
  let prevHash = GENESIS_HASH;
  for (const row of rows) {
    if (row.seq !== expected || row.prevHash !== prevHash || eventHash(deskFields(row)) !== row.hash) {
      (rows as { return?: () => void }).return?.();
      return { eventsChecked: expected - 1, brokenAt: row.seq };
    }
    expected++;
    prevHash = row.hash;
  }
  return { eventsChecked: expected - 1, brokenAt: null };
}
