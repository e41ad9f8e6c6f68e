import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { maskName, maskPhone } from '../../../shared/domain/phone';
import type { Role } from '../../../shared/domain/roles';
import type { CaseStatus } from '../../../shared/domain/status';
import { yuanToFen } from '../../../shared/domain/money';
import { OPINION_ISSUED_EVENT, type Attendee } from '../../../shared/mediation/codes';
import type { MediationDocument, MediationView, PersonView } from '../../../shared/mediation/dto';
import type { MediationRecord } from '../../../shared/mediation/record';
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
import {
  mediationRefusal,
  reviseRecord,
  type MediationOp,
  type MediationRefusal,
} from '../../../shared/sync/mediation';
import { AuditLog, type Actor } from '../audit';
import type { StoreContext } from '../context';
import { MediationRecords } from '../mediationRecords';
import { Outbox } from '../outbox';
import { refreshDeadlines } from '../search/deadlines';
import { mayReveal } from './casework';

interface CaseFacts {
  caseNo: string;
  status: CaseStatus;
  assigneeId: string | null;
  carrierId: string;
  outlet: string | null;
  carrierName: string | null;
}

/** Tables a change writes besides `mediations` and `case_events`, for the views to refresh. */
const OP_TABLES: Record<MediationOp['op'], string[]> = {
  revise: [],
  representative: ['parties'],
  session: ['mediation_sessions'],
  proposal: ['mediation_proposals'],
  opinion: ['case_deadlines'],
  agreement: [],
  outcome: [],
};

const fieldError = (path: string, key: string) =>
  new RpcFailure('VALIDATION_FAILED', 'errors.VALIDATION_FAILED', {}, [{ path, key }]);

/** The shared refusal as this workstation's RPC error (the server's is a sync rejection code). */
function refused(code: MediationRefusal, facts: CaseFacts, rec: MediationRecord | null): RpcFailure {
  switch (code) {
    case 'NOT_MEDIATING':
      return new RpcFailure('INVALID_TRANSITION', 'mediation.refused.notMediating', { status: facts.status });
    case 'NOT_ASSIGNEE':
      return new RpcFailure('FORBIDDEN', 'mediation.refused.notHolder');
    case 'MEDIATION_CONCLUDED':
      return new RpcFailure('INVALID_TRANSITION', 'mediation.refused.concluded');
    case 'MEDIATION_STALE':
      return new RpcFailure('CONFLICT', 'mediation.refused.stale', {}, [], {
        currentVersion: rec?.version ?? 0,
      });
  }
}

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
  const records = new MediationRecords(db);
  const caseFacts = db.prepare(
    `SELECT c.case_no AS caseNo, c.status, c.assignee_id AS assigneeId, c.carrier_id AS carrierId, c.outlet,
            k.name_zh AS carrierName
       FROM cases c LEFT JOIN carriers k ON k.id = c.carrier_id WHERE c.id = ?`,
  ) as Database.Statement<[string], CaseFacts>;
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
    const rec = records.read(caseId);
    const version = rec?.version ?? 0;
    return {
      caseId,
      caseNo: facts.caseNo,
      carrierId: facts.carrierId,
      outlet: facts.outlet,
      version,
      mayEdit: mediationRefusal(facts, rec, { staffId: actor.staffId, roles }, version) === null,
      mayExport: mayReveal(roles, facts.assigneeId, actor.staffId),
      appellant: masked(person(caseId, 'appellant')) ?? { name: '', phone: null },
      representatives: {
        appellant: masked(rec?.representatives.appellant ?? null),
        carrier: masked(rec?.representatives.carrier ?? null),
      },
      facts: rec?.facts ?? '',
      positions: { appellant: rec?.appellantPosition ?? '', carrier: rec?.carrierPosition ?? '' },
      sessions: sessions(caseId),
      proposals: proposals(caseId),
      opinion: rec?.opinion
        ? {
            text: rec.opinion.text,
            issuedAt: rec.opinion.issuedAt,
            issuedByName: nameOf(rec.opinion.issuedBy),
          }
        : null,
      agreement: rec?.agreement
        ? { terms: rec.agreement.terms, amountFen: rec.agreement.amountFen, recordedAt: rec.agreement.at }
        : null,
      outcome: rec?.outcome
        ? { outcome: rec.outcome.outcome, note: rec.outcome.note, recordedAt: rec.outcome.at }
        : null,
    };
  };

  /**
   * One change of the record: the shared checks (case in mediation, held by the actor or a lead,
   * no outcome yet, version as seen), then the shared change, written with its audit event and
   * its intent in one transaction, so a refusal or a failure leaves nothing written. The server
   * runs the same two functions on the intent (shared/sync/mediation.ts).
   */
  const write = (
    input: { caseId: string; expectedVersion: number },
    op: MediationOp,
    actor: Actor,
    roles: readonly Role[],
    now: number,
  ): MediationView => {
    const tables = db.transaction(() => {
      const facts = load(input.caseId);
      const before = records.read(input.caseId);
      const refusal = mediationRefusal(
        facts,
        before,
        { staffId: actor.staffId, roles },
        input.expectedVersion,
      );
      if (refusal) throw refused(refusal, facts, before);
      const revision = reviseRecord(before, op, actor.staffId, now);
      if (!revision.ok) throw fieldError(revision.issue.path, revision.issue.key);
      records.write(input.caseId, revision.record, now);
      const { type, data } = revision.event;
      audit.append({ caseId: input.caseId, type, at: now, status: facts.status, data }, actor);
      outbox.append(
        'reviseMediation.v1',
        { caseId: input.caseId, expectedVersion: input.expectedVersion, ...op },
        input.caseId,
        actor,
        now,
      );
      if (type === OPINION_ISSUED_EVENT) refreshDeadlines(db, input.caseId, ctx.calendar.get(), now);
      return OP_TABLES[op.op];
    })();
    ctx.changed({ tables: ['mediations', 'case_events', ...tables], caseIds: [input.caseId] });
    return view(input.caseId, actor, roles);
  };

  return {
    view,

    /** Facts and positions: the fields given replace the old text; the audit keeps both (changed ones only). */
    revise(input: ReviseInput, actor: Actor, roles: readonly Role[], now = Date.now()): MediationView {
      const { caseId: _caseId, expectedVersion: _seen, ...given } = input;
      const fields = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
      return write(input, { op: 'revise', ...fields }, actor, roles, now);
    },

    /** A side's representative, kept in `parties` (personal data); the audit names the fields, not the values. */
    setRepresentative(
      input: RepresentativeInput,
      actor: Actor,
      roles: readonly Role[],
      now = Date.now(),
    ): MediationView {
      const op = {
        op: 'representative',
        side: input.side,
        name: input.name,
        phone: input.phone ?? null,
      } as const;
      return write(input, op, actor, roles, now);
    },

    addSession(input: SessionInput, actor: Actor, roles: readonly Role[], now = Date.now()): MediationView {
      const { caseId: _caseId, expectedVersion: _seen, ...session } = input;
      return write(input, { op: 'session', sessionId: randomUUID(), ...session }, actor, roles, now);
    },

    addProposal(input: ProposalInput, actor: Actor, roles: readonly Role[], now = Date.now()): MediationView {
      const amountFen = input.amountYuan === undefined ? null : yuanToFen(input.amountYuan);
      const op = {
        op: 'proposal',
        proposalId: randomUUID(),
        by: input.by,
        terms: input.terms,
        amountFen,
      } as const;
      return write(input, op, actor, roles, now);
    },

    /** 调解意见: a new opinion replaces the old one and starts a new 3 working days (the profile's restart). */
    issueOpinion(input: OpinionInput, actor: Actor, roles: readonly Role[], now = Date.now()): MediationView {
      return write(input, { op: 'opinion', opinion: input.opinion }, actor, roles, now);
    },

    recordAgreement(
      input: AgreementInput,
      actor: Actor,
      roles: readonly Role[],
      now = Date.now(),
    ): MediationView {
      const op = { op: 'agreement', terms: input.terms, amountFen: yuanToFen(input.amountYuan) } as const;
      return write(input, op, actor, roles, now);
    },

    /**
     * The outcome ends the record (it cannot change afterwards); an agreement needs its terms
     * first (checked by the shared rule). The case is then closed or withdrawn by the lifecycle
     * (OUTCOME_CLOSURE).
     */
    recordOutcome(
      input: OutcomeInput,
      actor: Actor,
      roles: readonly Role[],
      now = Date.now(),
    ): MediationView {
      const op = { op: 'outcome', outcome: input.outcome, note: input.note ? input.note : null } as const;
      return write(input, op, actor, roles, now);
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
        const rec = records.read(caseId);
        if (!rec) throw new RpcFailure('NOT_FOUND', 'mediation.refused.notFound');
        const v = view(caseId, actor, roles);
        const representatives = rec.representatives;
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
