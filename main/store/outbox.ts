import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Actor } from './audit';

/**
 * The local transactional outbox of team sync (SYNC.md §3.3): every domain command appends the
 * intent it carried out, in the same transaction as its change, so nothing done offline is
 * lost. `seq` is taken inside that transaction, so a rolled-back command leaves no gap.
 * Mutation names are versioned (`transitionStatus.v1`) so that a server can keep handling
 * intents from workstations that were offline through an upgrade.
 */
export class Outbox {
  private readonly next: Database.Statement<[], { seq: number }>;
  private readonly insert: Database.Statement;

  constructor(db: Database.Database) {
    this.next = db.prepare('SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM sync_outbox');
    this.insert = db.prepare(
      `INSERT INTO sync_outbox (seq, mutation_id, name, args, case_id, actor_id, occurred_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  /** Call inside the command's transaction. */
  append(name: string, args: unknown, caseId: string | null, actor: Actor, at: number): void {
    this.insert.run(
      this.next.get()!.seq,
      randomUUID(),
      name,
      JSON.stringify(args),
      caseId,
      actor.staffId,
      at,
    );
  }
}
