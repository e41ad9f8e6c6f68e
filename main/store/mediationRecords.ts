import type Database from 'better-sqlite3';
import type { Attendee, MediationOutcome, Proposer, SessionMode, Side } from '../../shared/mediation/codes';
import type { MediationPerson, MediationRecord } from '../../shared/mediation/record';

/** The parties row that holds each side's representative. */
export const REPRESENTATIVE_KIND: Record<Side, 'agent' | 'carrier_representative'> = {
  appellant: 'agent',
  carrier: 'carrier_representative',
};
const SIDES = Object.keys(REPRESENTATIVE_KIND) as Side[];

interface RecordRow {
  version: number;
  facts: string;
  appellantPosition: string;
  carrierPosition: string;
  opinion: string | null;
  opinionIssuedAt: number | null;
  opinionIssuedBy: string | null;
  agreementTerms: string | null;
  agreementAmountFen: number | null;
  agreementAt: number | null;
  outcome: MediationOutcome | null;
  outcomeNote: string | null;
  outcomeAt: number | null;
  outcomeBy: string | null;
}

interface SessionRow {
  id: string;
  heldAt: number;
  mode: SessionMode;
  attendees: string;
  notes: string;
  recordedBy: string;
  recordedAt: number;
}

interface ProposalRow {
  id: string;
  by: Proposer;
  terms: string;
  amountFen: number | null;
  recordedBy: string;
  recordedAt: number;
}

/**
 * A case's mediation record (shared/mediation/record.ts) in the workstation's tables:
 * `mediations`, `mediation_sessions`, `mediation_proposals` and the representatives in `parties`.
 * The mediation domain reads it, applies a change with the shared rules and writes it back; the
 * sync materializer writes the server's copy the same way, so a record looks the same everywhere
 * (the session and proposal ids are the ones their workstation gave them).
 */
export class MediationRecords {
  private readonly record: Database.Statement<[string], RecordRow>;
  private readonly person: Database.Statement<[string, string], MediationPerson>;
  private readonly sessions: Database.Statement<[string], SessionRow>;
  private readonly proposals: Database.Statement<[string], ProposalRow>;
  private readonly upsert: Database.Statement;
  private readonly deleteRecord: Database.Statement<[string]>;
  private readonly deleteSessions: Database.Statement<[string]>;
  private readonly deleteProposals: Database.Statement<[string]>;
  private readonly insertSession: Database.Statement;
  private readonly insertProposal: Database.Statement;
  private readonly upsertPerson: Database.Statement;
  private readonly deletePerson: Database.Statement<[string, string]>;
  private readonly present: Database.Statement<[string], { case_id: string }>;

  constructor(db: Database.Database) {
    this.record = db.prepare(
      `SELECT version, facts, appellant_position AS appellantPosition, carrier_position AS carrierPosition,
              opinion, opinion_issued_at AS opinionIssuedAt, opinion_issued_by AS opinionIssuedBy,
              agreement_terms AS agreementTerms, agreement_amount_fen AS agreementAmountFen,
              agreement_at AS agreementAt, outcome, outcome_note AS outcomeNote, outcome_at AS outcomeAt,
              outcome_by AS outcomeBy
         FROM mediations WHERE case_id = ?`,
    );
    this.person = db.prepare('SELECT name, phone FROM parties WHERE case_id = ? AND kind = ?');
    // Rows go in in the record's order, so rowid order is recording order.
    this.sessions = db.prepare(
      `SELECT id, held_at AS heldAt, mode, attendees, notes, recorded_by AS recordedBy, recorded_at AS recordedAt
         FROM mediation_sessions WHERE case_id = ? ORDER BY rowid`,
    );
    this.proposals = db.prepare(
      `SELECT id, proposer AS by, terms, amount_fen AS amountFen, recorded_by AS recordedBy,
              recorded_at AS recordedAt
         FROM mediation_proposals WHERE case_id = ? ORDER BY rowid`,
    );
    this.upsert = db.prepare(
      `INSERT INTO mediations (case_id, version, facts, appellant_position, carrier_position, opinion,
         opinion_issued_at, opinion_issued_by, agreement_terms, agreement_amount_fen, agreement_at, outcome,
         outcome_note, outcome_at, outcome_by, created_at, updated_at)
       VALUES (@caseId, @version, @facts, @appellantPosition, @carrierPosition, @opinion, @opinionIssuedAt,
         @opinionIssuedBy, @agreementTerms, @agreementAmountFen, @agreementAt, @outcome, @outcomeNote,
         @outcomeAt, @outcomeBy, @at, @at)
       ON CONFLICT (case_id) DO UPDATE SET version = excluded.version, facts = excluded.facts,
         appellant_position = excluded.appellant_position, carrier_position = excluded.carrier_position,
         opinion = excluded.opinion, opinion_issued_at = excluded.opinion_issued_at,
         opinion_issued_by = excluded.opinion_issued_by, agreement_terms = excluded.agreement_terms,
         agreement_amount_fen = excluded.agreement_amount_fen, agreement_at = excluded.agreement_at,
         outcome = excluded.outcome, outcome_note = excluded.outcome_note, outcome_at = excluded.outcome_at,
         outcome_by = excluded.outcome_by, updated_at = excluded.updated_at`,
    );
    this.deleteRecord = db.prepare('DELETE FROM mediations WHERE case_id = ?');
    this.deleteSessions = db.prepare('DELETE FROM mediation_sessions WHERE case_id = ?');
    this.deleteProposals = db.prepare('DELETE FROM mediation_proposals WHERE case_id = ?');
    this.insertSession = db.prepare(
      `INSERT INTO mediation_sessions (id, case_id, held_at, mode, attendees, notes, recorded_by, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertProposal = db.prepare(
      `INSERT INTO mediation_proposals (id, case_id, proposer, terms, amount_fen, recorded_by, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.upsertPerson = db.prepare(
      `INSERT INTO parties (id, case_id, kind, name, phone, created_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (case_id, kind) DO UPDATE SET name = excluded.name, phone = excluded.phone`,
    );
    this.deletePerson = db.prepare('DELETE FROM parties WHERE case_id = ? AND kind = ?');
    this.present = db.prepare(
      'SELECT case_id FROM mediations WHERE case_id IN (SELECT value FROM json_each(?))',
    );
  }

  /** The case's record, or null if it has none yet (version 0). */
  read(caseId: string): MediationRecord | null {
    const r = this.record.get(caseId);
    if (!r) return null;
    const person = (side: Side) => this.person.get(caseId, REPRESENTATIVE_KIND[side]) ?? null;
    return {
      version: r.version,
      facts: r.facts,
      appellantPosition: r.appellantPosition,
      carrierPosition: r.carrierPosition,
      representatives: { appellant: person('appellant'), carrier: person('carrier') },
      sessions: this.sessions
        .all(caseId)
        .map((s) => ({ ...s, attendees: JSON.parse(s.attendees) as Attendee[] })),
      proposals: this.proposals.all(caseId),
      opinion:
        r.opinion !== null && r.opinionIssuedAt !== null
          ? { text: r.opinion, issuedAt: r.opinionIssuedAt, issuedBy: r.opinionIssuedBy ?? '' }
          : null,
      agreement:
        r.agreementTerms !== null && r.agreementAmountFen !== null && r.agreementAt !== null
          ? { terms: r.agreementTerms, amountFen: r.agreementAmountFen, at: r.agreementAt }
          : null,
      outcome:
        r.outcome !== null && r.outcomeAt !== null
          ? { outcome: r.outcome, note: r.outcomeNote, at: r.outcomeAt, by: r.outcomeBy ?? '' }
          : null,
    };
  }

  /** Replaces the case's record with `rec` (`at`: when this workstation wrote it). */
  write(caseId: string, rec: MediationRecord, at: number): void {
    this.upsert.run({
      caseId,
      version: rec.version,
      facts: rec.facts,
      appellantPosition: rec.appellantPosition,
      carrierPosition: rec.carrierPosition,
      opinion: rec.opinion?.text ?? null,
      opinionIssuedAt: rec.opinion?.issuedAt ?? null,
      opinionIssuedBy: rec.opinion?.issuedBy ?? null,
      agreementTerms: rec.agreement?.terms ?? null,
      agreementAmountFen: rec.agreement?.amountFen ?? null,
      agreementAt: rec.agreement?.at ?? null,
      outcome: rec.outcome?.outcome ?? null,
      outcomeNote: rec.outcome?.note ?? null,
      outcomeAt: rec.outcome?.at ?? null,
      outcomeBy: rec.outcome?.by ?? null,
      at,
    });
    this.deleteSessions.run(caseId);
    for (const s of rec.sessions) {
      this.insertSession.run(
        s.id,
        caseId,
        s.heldAt,
        s.mode,
        JSON.stringify(s.attendees),
        s.notes,
        s.recordedBy,
        s.recordedAt,
      );
    }
    this.deleteProposals.run(caseId);
    for (const p of rec.proposals) {
      this.insertProposal.run(p.id, caseId, p.by, p.terms, p.amountFen, p.recordedBy, p.recordedAt);
    }
    for (const side of SIDES) {
      const p = rec.representatives[side];
      const kind = REPRESENTATIVE_KIND[side];
      if (p) this.upsertPerson.run(`${caseId}:${kind}`, caseId, kind, p.name, p.phone, at);
      else this.deletePerson.run(caseId, kind);
    }
  }

  /** Removes the case's record and its representatives. */
  remove(caseId: string): void {
    this.deleteSessions.run(caseId);
    this.deleteProposals.run(caseId);
    this.deleteRecord.run(caseId);
    for (const side of SIDES) this.deletePerson.run(caseId, REPRESENTATIVE_KIND[side]);
  }

  /** Which of these cases have a record here: one statement for a page of ids. */
  presentAmong(caseIds: readonly string[]): string[] {
    if (caseIds.length === 0) return [];
    return this.present.all(JSON.stringify(caseIds)).map((r) => r.case_id);
  }
}
