import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { isMutationName } from '../../shared/sync/mutations';
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
    // Only intents the team server can apply are queued. The others (tagCase, lockPeriod, …) stay in
    // this workstation's hash-chained audit trail only, until the server learns them: the server
    // needs each client's push seqs without gaps, so an intent it would refuse cannot wait here
    // unsent, and sent it would be refused and land in the user's conflict inbox.
    if (!isMutationName(name)) return;
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
