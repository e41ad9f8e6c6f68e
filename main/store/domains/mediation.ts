import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { maskName, maskPhone } from '../../../shared/domain/phone';
import type { Role } from '../../../shared/domain/roles';
import type { CaseStatus } from '../../../shared/domain/status';
import { yuanToFen } from '../../../shared/domain/money';
import {
  OPINION_ISSUED_EVENT,
  type Attendee,
  type MediationOutcome,
  type Side,
} from '../../../shared/mediation/codes';
import type { MediationDocument, MediationView, PersonView } from '../../../shared/mediation/dto';
import type {
  AgreementInput,
  OpinionInput,
  OutcomeInput,
  ProposalInput,
  RepresentativeInput,
  ReviseInput,
  SessionInput,
} from '../../../shared/mediation/schemas';
import { RpcFailure } from '../../../shared/rpc/errors';
import { AuditLog, type Actor } from '../audit';
import type { StoreContext } from '../context';
import { Outbox } from '../outbox';
import { refreshDeadlines } from '../search/deadlines';
import { mayReveal } from './casework';

const LEADS: readonly Role[] = ['team_lead', 'admin'];
/** A session may be recorded a little ahead of the clock of another workstation, not more. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** The parties row that holds each side's representative. */
const REPRESENTATIVE_KIND: Record<Side, string> = { appellant: 'agent', carrier: 'carrier_representative' };

interface CaseFacts {
  caseNo: string;
  status: CaseStatus;
  assigneeId: string | null;
  carrierId: string;
  outlet: string | null;
  carrierName: string | null;
}

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
}

/** What one change did: its audit event and the intent sent to the sync server. */
interface Change {
  type: string;
  data: Record<string, unknown>;
  intent: Record<string, unknown>;
  tables: string[];
}

const fieldError = (path: string, key: string) =>
  new RpcFailure('VALIDATION_FAILED', 'errors.VALIDATION_FAILED', {}, [{ path, key }]);

/**
 * The mediation record (DOMAIN §1.8): written while the case is `mediating` by whoever holds it
 * (or a lead), each change compared against the version the screen showed, audited on the case's
 * hash chain and queued as `reviseMediation.v1`, all in one transaction. Issuing the opinion
 * appends the `mediation.opinion_issued` fact, which starts the parties' 3 working days.
 */
export function mediationDomain(ctx: StoreContext) {
  const { db } = ctx;
  const audit = new AuditLog(db);
  const outbox = new Outbox(db);
  const caseFacts = db.prepare(
    `SELECT c.case_no AS caseNo, c.status, c.assignee_id AS assigneeId, c.carrier_id AS carrierId, c.outlet,
            k.name_zh AS carrierName
       FROM cases c LEFT JOIN carriers k ON k.id = c.carrier_id WHERE c.id = ?`,
  ) as Database.Statement<[string], CaseFacts>;
  const recordRow = db.prepare(
    `SELECT version, facts, appellant_position AS appellantPosition, carrier_position AS carrierPosition,
            opinion, opinion_issued_at AS opinionIssuedAt, opinion_issued_by AS opinionIssuedBy,
            agreement_terms AS agreementTerms, agreement_amount_fen AS agreementAmountFen, agreement_at AS agreementAt,
            outcome, outcome_note AS outcomeNote, outcome_at AS outcomeAt
       FROM mediations WHERE case_id = ?`,
  ) as Database.Statement<[string], RecordRow>;
  const partyRow = db.prepare(
    'SELECT name, phone FROM parties WHERE case_id = ? AND kind = ?',
  ) as Database.Statement<[string, string], PersonView>;
  const staffName = db.prepare('SELECT name FROM staff WHERE id = ?').pluck() as Database.Statement<
    [string],
    string
  >;

  const load = (caseId: string) => {
    const facts = caseFacts.get(caseId);
    if (!facts) throw new RpcFailure('NOT_FOUND', 'errors.NOT_FOUND');
    return facts;
  };
  const isLead = (roles: readonly Role[]) => roles.some((r) => LEADS.includes(r));
  const holds = (facts: CaseFacts, actor: Actor, roles: readonly Role[]) =>
    isLead(roles) || facts.assigneeId === actor.staffId;
  const person = (caseId: string, kind: string) => partyRow.get(caseId, kind) ?? null;
  const masked = (p: PersonView | null): PersonView | null =>
    p && { name: maskName(p.name), phone: p.phone === null ? null : maskPhone(p.phone) };
  const nameOf = (id: string | null) => (id ? (staffName.get(id) ?? id) : null);

  const sessions = (caseId: string) =>
    (
      db
        .prepare(
          `SELECT m.id, m.held_at AS heldAt, m.mode, m.attendees, m.notes, s.name AS recordedByName,
                  m.recorded_at AS recordedAt
             FROM mediation_sessions m LEFT JOIN staff s ON s.id = m.recorded_by
            WHERE m.case_id = ? ORDER BY m.held_at, m.rowid`,
        )
        .all(caseId) as (Omit<MediationView['sessions'][number], 'attendees'> & { attendees: string })[]
    ).map((s) => ({ ...s, attendees: JSON.parse(s.attendees) as Attendee[] }));
  const proposals = (caseId: string) =>
    db
      .prepare(
        `SELECT id, proposer AS by, terms, amount_fen AS amountFen, recorded_at AS recordedAt
           FROM mediation_proposals WHERE case_id = ? ORDER BY recorded_at, rowid`,
      )
      .all(caseId) as MediationView['proposals'];

  const view = (caseId: string, actor: Actor, roles: readonly Role[]): MediationView => {
    const facts = load(caseId);
    const rec = recordRow.get(caseId);
    return {
      caseId,
      caseNo: facts.caseNo,
      carrierId: facts.carrierId,
      outlet: facts.outlet,
      version: rec?.version ?? 0,
      mayEdit: facts.status === 'mediating' && !rec?.outcome && holds(facts, actor, roles),
      mayExport: mayReveal(roles, facts.assigneeId, actor.staffId),
      appellant: masked(person(caseId, 'appellant')) ?? { name: '', phone: null },
      representatives: {
        appellant: masked(person(caseId, REPRESENTATIVE_KIND.appellant)),
        carrier: masked(person(caseId, REPRESENTATIVE_KIND.carrier)),
      },
      facts: rec?.facts ?? '',
      positions: { appellant: rec?.appellantPosition ?? '', carrier: rec?.carrierPosition ?? '' },
      sessions: sessions(caseId),
      proposals: proposals(caseId),
      opinion:
        rec?.opinion && rec.opinionIssuedAt !== null
          ? { text: rec.opinion, issuedAt: rec.opinionIssuedAt, issuedByName: nameOf(rec.opinionIssuedBy) }
          : null,
      agreement:
        rec?.agreementTerms && rec.agreementAmountFen !== null && rec.agreementAt !== null
          ? { terms: rec.agreementTerms, amountFen: rec.agreementAmountFen, recordedAt: rec.agreementAt }
          : null,
      outcome:
        rec?.outcome && rec.outcomeAt !== null
          ? { outcome: rec.outcome, note: rec.outcomeNote, recordedAt: rec.outcomeAt }
          : null,
    };
  };

  /**
   * One change of the record: checks (case in mediation, held by the actor, no outcome yet,
   * version as seen), then the change, the version, the audit event and the intent, in one
   * transaction, so a refusal or a failure leaves nothing written.
   */
  const write = (
    input: { caseId: string; expectedVersion: number },
    actor: Actor,
    roles: readonly Role[],
    now: number,
    apply: (rec: RecordRow | undefined, facts: CaseFacts) => Change,
  ): MediationView => {
    const tables = db.transaction(() => {
      const facts = load(input.caseId);
      if (facts.status !== 'mediating') {
        throw new RpcFailure('INVALID_TRANSITION', 'mediation.refused.notMediating', {
          status: facts.status,
        });
      }
      if (!holds(facts, actor, roles)) throw new RpcFailure('FORBIDDEN', 'mediation.refused.notHolder');
      const rec = recordRow.get(input.caseId);
      if (rec?.outcome) throw new RpcFailure('INVALID_TRANSITION', 'mediation.refused.concluded');
      const version = rec?.version ?? 0;
      if (version !== input.expectedVersion) {
        throw new RpcFailure('CONFLICT', 'mediation.refused.stale', {}, [], { currentVersion: version });
      }
      const change = apply(rec, facts);
      db.prepare(
        `INSERT INTO mediations (case_id, version, created_at, updated_at) VALUES (@caseId, 1, @now, @now)
         ON CONFLICT (case_id) DO UPDATE SET version = version + 1, updated_at = @now`,
      ).run({ caseId: input.caseId, now });
      audit.append(
        { caseId: input.caseId, type: change.type, at: now, status: facts.status, data: change.data },
        actor,
      );
      outbox.append(
        'reviseMediation.v1',
        { caseId: input.caseId, expectedVersion: input.expectedVersion, ...change.intent },
        input.caseId,
        actor,
        now,
      );
      if (change.type === OPINION_ISSUED_EVENT) refreshDeadlines(db, input.caseId, ctx.calendar.get(), now);
      return change.tables;
    })();
    ctx.changed({ tables: ['mediations', 'case_events', ...tables], caseIds: [input.caseId] });
    return view(input.caseId, actor, roles);
  };

  /** Creates the record's row first if needed, so the UPDATEs below have a row to change. */
  const ensureRow = (caseId: string, now: number) =>
    db
      .prepare(
        'INSERT INTO mediations (case_id, version, created_at, updated_at) VALUES (?, 0, ?, ?) ON CONFLICT DO NOTHING',
      )
      .run(caseId, now, now);

  return {
    view,

    /** Facts and positions: the fields given replace the old text; the audit keeps both. */
    revise(input: ReviseInput, actor: Actor, roles: readonly Role[], now = Date.now()): MediationView {
      const fields = {
        facts: 'facts',
        appellantPosition: 'appellant_position',
        carrierPosition: 'carrier_position',
      } as const;
      return write(input, actor, roles, now, (rec) => {
        const given = (Object.keys(fields) as (keyof typeof fields)[]).filter((k) => input[k] !== undefined);
        const changed = given.filter((k) => input[k] !== (rec?.[k] ?? ''));
        if (changed.length === 0) throw fieldError('', 'validation.mediation.nothingToChange');
        ensureRow(input.caseId, now);
        for (const k of changed) {
          db.prepare(`UPDATE mediations SET ${fields[k]} = ? WHERE case_id = ?`).run(input[k], input.caseId);
        }
        const diff = Object.fromEntries(changed.map((k) => [k, { from: rec?.[k] ?? '', to: input[k] }]));
        const intent = Object.fromEntries(changed.map((k) => [k, input[k]]));
        return { type: 'mediation.revised', data: diff, intent: { op: 'revise', ...intent }, tables: [] };
      });
    },

    /** A side's representative, kept in `parties` (personal data); the audit names the fields, not the values. */
    setRepresentative(
      input: RepresentativeInput,
      actor: Actor,
      roles: readonly Role[],
      now = Date.now(),
    ): MediationView {
      return write(input, actor, roles, now, () => {
        const kind = REPRESENTATIVE_KIND[input.side];
        const phone = input.phone ?? null;
        const existing = person(input.caseId, kind);
        if (existing) {
          db.prepare('UPDATE parties SET name = ?, phone = ? WHERE case_id = ? AND kind = ?').run(
            input.name,
            phone,
            input.caseId,
            kind,
          );
        } else {
          db.prepare(
            'INSERT INTO parties (id, case_id, kind, name, phone, created_at) VALUES (?, ?, ?, ?, ?, ?)',
          ).run(randomUUID(), input.caseId, kind, input.name, phone, now);
        }
        const fields = ['name', ...(phone === null ? [] : ['phone'])];
        return {
          type: 'mediation.representative_set',
          data: { side: input.side, fields, replaced: existing !== null },
          intent: { op: 'representative', side: input.side, name: input.name, phone },
          tables: ['parties'],
        };
      });
    },

    addSession(input: SessionInput, actor: Actor, roles: readonly Role[], now = Date.now()): MediationView {
      if (input.heldAt > now + CLOCK_SKEW_MS) throw fieldError('heldAt', 'validation.mediation.inFuture');
      return write(input, actor, roles, now, () => {
        const id = randomUUID();
        const { caseId, expectedVersion: _seen, ...session } = input;
        db.prepare(
          `INSERT INTO mediation_sessions (id, case_id, held_at, mode, attendees, notes, recorded_by, recorded_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          id,
          caseId,
          session.heldAt,
          session.mode,
          JSON.stringify(session.attendees),
          session.notes,
          actor.staffId,
          now,
        );
        return {
          type: 'mediation.session_recorded',
          data: { sessionId: id, heldAt: session.heldAt, mode: session.mode, attendees: session.attendees },
          intent: { op: 'session', sessionId: id, ...session },
          tables: ['mediation_sessions'],
        };
      });
    },

    addProposal(input: ProposalInput, actor: Actor, roles: readonly Role[], now = Date.now()): MediationView {
      return write(input, actor, roles, now, () => {
        const id = randomUUID();
        const amountFen = input.amountYuan === undefined ? null : yuanToFen(input.amountYuan);
        db.prepare(
          `INSERT INTO mediation_proposals (id, case_id, proposer, terms, amount_fen, recorded_by, recorded_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        ).run(id, input.caseId, input.by, input.terms, amountFen, actor.staffId, now);
        return {
          type: 'mediation.proposal_recorded',
          data: { proposalId: id, by: input.by, amountFen },
          intent: { op: 'proposal', proposalId: id, by: input.by, terms: input.terms, amountFen },
          tables: ['mediation_proposals'],
        };
      });
    },

    /** 调解意见: a new opinion replaces the old one and starts a new 3 working days (the profile's restart). */
    issueOpinion(input: OpinionInput, actor: Actor, roles: readonly Role[], now = Date.now()): MediationView {
      return write(input, actor, roles, now, (rec) => {
        ensureRow(input.caseId, now);
        db.prepare(
          'UPDATE mediations SET opinion = ?, opinion_issued_at = ?, opinion_issued_by = ? WHERE case_id = ?',
        ).run(input.opinion, now, actor.staffId, input.caseId);
        return {
          type: OPINION_ISSUED_EVENT,
          data: { opinion: input.opinion, replaces: rec?.opinionIssuedAt ?? null },
          intent: { op: 'opinion', opinion: input.opinion },
          tables: ['case_deadlines'],
        };
      });
    },

    recordAgreement(
      input: AgreementInput,
      actor: Actor,
      roles: readonly Role[],
      now = Date.now(),
    ): MediationView {
      return write(input, actor, roles, now, (rec) => {
        const amountFen = yuanToFen(input.amountYuan);
        ensureRow(input.caseId, now);
        db.prepare(
          'UPDATE mediations SET agreement_terms = ?, agreement_amount_fen = ?, agreement_at = ? WHERE case_id = ?',
        ).run(input.terms, amountFen, now, input.caseId);
        const before = rec?.agreementTerms
          ? { terms: rec.agreementTerms, amountFen: rec.agreementAmountFen }
          : null;
        return {
          type: 'mediation.agreement_recorded',
          data: { from: before, to: { terms: input.terms, amountFen } },
          intent: { op: 'agreement', terms: input.terms, amountFen },
          tables: [],
        };
      });
    },

    /**
     * The outcome ends the record (it cannot change afterwards); an agreement needs its terms
     * first. The case is then closed or withdrawn by the lifecycle (OUTCOME_CLOSURE).
     */
    recordOutcome(
      input: OutcomeInput,
      actor: Actor,
      roles: readonly Role[],
      now = Date.now(),
    ): MediationView {
      return write(input, actor, roles, now, (rec) => {
        if (input.outcome === 'agreed' && !rec?.agreementTerms) {
          throw fieldError('outcome', 'validation.mediation.agreementRequired');
        }
        ensureRow(input.caseId, now);
        const note = input.note ? input.note : null;
        db.prepare(
          'UPDATE mediations SET outcome = ?, outcome_note = ?, outcome_at = ?, outcome_by = ? WHERE case_id = ?',
        ).run(input.outcome, note, now, actor.staffId, input.caseId);
        return {
          type: 'mediation.outcome_recorded',
          data: { outcome: input.outcome, note },
          intent: { op: 'outcome', outcome: input.outcome, note },
          tables: [],
        };
      });
    },

    /**
     * The record with the parties' personal data in clear, for printing: allowed to those who may
     * reveal the case's personal data, and audited as a disclosure (PIPL Art.51).
     */
    document(caseId: string, actor: Actor, roles: readonly Role[], now = Date.now()): MediationDocument {
      const doc = db.transaction((): MediationDocument => {
        const facts = load(caseId);
        if (!mayReveal(roles, facts.assigneeId, actor.staffId)) {
          throw new RpcFailure('FORBIDDEN', 'mediation.refused.export');
        }
        const rec = recordRow.get(caseId);
        if (!rec) throw new RpcFailure('NOT_FOUND', 'mediation.refused.notFound');
        const v = view(caseId, actor, roles);
        const representatives = {
          appellant: person(caseId, REPRESENTATIVE_KIND.appellant),
          carrier: person(caseId, REPRESENTATIVE_KIND.carrier),
        };
        const disclosed = [
          'appellant.name',
          'appellant.phone',
          ...(representatives.appellant ? ['representatives.appellant'] : []),
          ...(representatives.carrier ? ['representatives.carrier'] : []),
        ];
        audit.append(
          { caseId, type: 'mediation.exported', at: now, status: facts.status, data: { disclosed } },
          actor,
        );
        return {
          caseNo: facts.caseNo,
          carrierName: facts.carrierName ?? facts.carrierId,
          outlet: facts.outlet,
          appellant: person(caseId, 'appellant') ?? { name: '', phone: null },
          representatives,
          mediatorName: nameOf(facts.assigneeId) ?? nameOf(actor.staffId) ?? actor.staffId,
          facts: v.facts,
          positions: v.positions,
          sessions: v.sessions.map(({ id: _id, recordedAt: _at, ...s }) => s),
          proposals: v.proposals.map(({ id: _id, ...p }) => p),
          opinion: v.opinion && { text: v.opinion.text, issuedAt: v.opinion.issuedAt },
          agreement: v.agreement && { terms: v.agreement.terms, amountFen: v.agreement.amountFen },
          outcome: v.outcome?.outcome ?? null,
          printedAt: now,
        };
      })();
      ctx.changed({ tables: ['case_events'], caseIds: [caseId] });
      return doc;
    },
  };
}
