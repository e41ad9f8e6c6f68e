import type Database from 'better-sqlite3';
import type { SyncCase } from '../../shared/sync/rules';
import { MediationRecords } from '../store/mediationRecords';

/**
 * The mediation record of the server's copy of cases, written into the workstation's tables
 * (called by CaseMaterializer inside the page transaction, after the cases' rows). A copy with a
 * record replaces the local one whole; a known case whose copy has none loses a local record that
 * this workstation sent intents for (optimistic changes the server refused). A record kept here
 * before mediation synced, never sent, stays. Cases without a record on either side cost one
 * set-based lookup per page.
 */
export class MediationMaterializer {
  private readonly records: MediationRecords;
  private readonly sentHere: Database.Statement<[string]>;

  constructor(db: Database.Database) {
    this.records = new MediationRecords(db);
    this.sentHere = db.prepare(
      `SELECT 1 FROM sync_outbox WHERE case_id = ? AND name = 'reviseMediation.v1' LIMIT 1`,
    );
  }

  /** `known`: the cases that were here before this page (only they can hold a local record). */
  apply(cases: readonly SyncCase[], known: { has(caseId: string): boolean }): void {
    const withoutRecord: string[] = [];
    for (const c of cases) {
      if (c.mediation) this.records.write(c.id, c.mediation, c.updatedAt);
      else if (known.has(c.id)) withoutRecord.push(c.id);
    }
    for (const caseId of this.records.presentAmong(withoutRecord)) {
      if (this.sentHere.get(caseId)) this.records.remove(caseId);
    }
  }
}
