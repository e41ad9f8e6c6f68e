import { z } from 'zod';
import { phone, text } from '../domain/fields';
import { yuanToFen } from '../domain/money';
import type { Role } from '../domain/roles';
import type { CaseStatus } from '../domain/status';
import { OPINION_ISSUED_EVENT } from '../mediation/codes';
import type { MediationRecord } from '../mediation/record';
import {
  MEDIATION_LIMITS,
  agreementSchema,
  opinionSchema,
  outcomeSchema,
  proposalSchema,
  representativeSchema,
  reviseSchema,
  sessionSchema,
} from '../mediation/schemas';
import type { Actor, CaseChange, RejectionCode, RuleOutcome, SyncCase } from './rules';

/**
 * `reviseMediation.v1` (SYNC.md §3.2 "recordMediation"): one change of a case's mediation record,
 * tagged by `op`, naming the record version its screen showed. The workstation's mediation
 * domain and the server apply it with the functions below, so both run the same checks and
 * produce the same record and the same audit event.
 */
const id = z.string().min(1).max(64);
const head = { caseId: id, expectedVersion: z.number().int().nonnegative() };
const fen = z.number().int().nonnegative().max(yuanToFen(MEDIATION_LIMITS.yuan));

export const reviseMediationArgs = z.discriminatedUnion('op', [
  /** The texts given (at least one); those equal to the record's are no change. */
  z
    .object({
      ...head,
      op: z.literal('revise'),
      facts: reviseSchema.shape.facts,
      appellantPosition: reviseSchema.shape.appellantPosition,
      carrierPosition: reviseSchema.shape.carrierPosition,
    })
    .strict()
    .refine((a) => REVISABLE.some((k) => a[k] !== undefined), {
      error: 'validation.mediation.nothingToChange',
    }),
  z
    .object({
      ...head,
      op: z.literal('representative'),
      side: representativeSchema.shape.side,
      name: representativeSchema.shape.name,
      phone: phone.nullable(),
    })
    .strict(),
  /** The session's id is the one its workstation gave it, so it is the same everywhere. */
  z
    .object({
      ...head,
      op: z.literal('session'),
      sessionId: id,
      heldAt: sessionSchema.shape.heldAt,
      mode: sessionSchema.shape.mode,
      attendees: sessionSchema.shape.attendees,
      notes: sessionSchema.shape.notes,
    })
    .strict(),
  z
    .object({
      ...head,
      op: z.literal('proposal'),
      proposalId: id,
      by: proposalSchema.shape.by,
      terms: proposalSchema.shape.terms,
      amountFen: fen.nullable(),
    })
    .strict(),
  z.object({ ...head, op: z.literal('opinion'), opinion: opinionSchema.shape.opinion }).strict(),
  z
    .object({ ...head, op: z.literal('agreement'), terms: agreementSchema.shape.terms, amountFen: fen })
    .strict(),
  z
    .object({
      ...head,
      op: z.literal('outcome'),
      outcome: outcomeSchema.shape.outcome,
      note: text(MEDIATION_LIMITS.text).nullable(),
    })
    .strict(),
]);
export type ReviseMediationArgs = z.output<typeof reviseMediationArgs>;

/** What one change does to the record, without the case it belongs to and the version it saw. */
export type MediationOp = DistributiveOmit<ReviseMediationArgs, 'caseId' | 'expectedVersion'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

const REVISABLE = ['facts', 'appellantPosition', 'carrierPosition'] as const;

/** A session may be recorded a little ahead of the clock of another workstation, not more. */
export const SESSION_CLOCK_SKEW_MS = 5 * 60_000;

const LEADS: readonly Role[] = ['team_lead', 'admin'];

export const EMPTY_RECORD: MediationRecord = {
  version: 0,
  facts: '',
  appellantPosition: '',
  carrierPosition: '',
  representatives: { appellant: null, carrier: null },
  sessions: [],
  proposals: [],
  opinion: null,
  agreement: null,
  outcome: null,
};

export type MediationRefusal = Extract<
  RejectionCode,
  'NOT_MEDIATING' | 'NOT_ASSIGNEE' | 'MEDIATION_CONCLUDED' | 'MEDIATION_STALE'
>;

/**
 * Whether this person may change the record now (DOMAIN §1.8): the case is in mediation, they
 * hold it (or lead), no outcome ends the record yet, and their screen showed its current version.
 */
export function mediationRefusal(
  c: { readonly status: CaseStatus; readonly assigneeId: string | null },
  record: MediationRecord | null,
  actor: { readonly staffId: string; readonly roles: readonly Role[] },
  expectedVersion: number,
): MediationRefusal | null {
  if (c.status !== 'mediating') return 'NOT_MEDIATING';
  if (c.assigneeId !== actor.staffId && !actor.roles.some((r) => LEADS.includes(r))) return 'NOT_ASSIGNEE';
  if (record?.outcome) return 'MEDIATION_CONCLUDED';
  if ((record?.version ?? 0) !== expectedVersion) return 'MEDIATION_STALE';
  return null;
}

export interface MediationIssue {
  readonly path: string;
  readonly key: string;
}

export type Revision =
  | {
      readonly ok: true;
      readonly record: MediationRecord;
      /** The case event of the change: the same type and data on every workstation and the server. */
      readonly event: { readonly type: string; readonly data: Record<string, unknown> };
    }
  | { readonly ok: false; readonly issue: MediationIssue };

const issue = (path: string, key: string): Revision => ({ ok: false, issue: { path, key } });

/**
 * The record after one change by `by` at `at` (the version one higher), with its audit event,
 * or why the change is not valid on this record. Call after `mediationRefusal`.
 */
export function reviseRecord(
  before: MediationRecord | null,
  op: MediationOp,
  by: string,
  at: number,
): Revision {
  const rec = before ?? EMPTY_RECORD;
  const done = (change: Partial<MediationRecord>, type: string, data: Record<string, unknown>): Revision => ({
    ok: true,
    record: { ...rec, ...change, version: rec.version + 1 },
    event: { type, data },
  });
  switch (op.op) {
    case 'revise': {
      const changed = REVISABLE.filter((k) => op[k] !== undefined && op[k] !== rec[k]);
      if (changed.length === 0) return issue('', 'validation.mediation.nothingToChange');
      return done(
        Object.fromEntries(changed.map((k) => [k, op[k]])),
        'mediation.revised',
        Object.fromEntries(changed.map((k) => [k, { from: rec[k], to: op[k] }])),
      );
    }
    case 'representative': {
      const replaced = rec.representatives[op.side] !== null;
      return done(
        { representatives: { ...rec.representatives, [op.side]: { name: op.name, phone: op.phone } } },
        'mediation.representative_set',
        // Personal data: the audit names the fields, never their values.
        { side: op.side, fields: ['name', ...(op.phone === null ? [] : ['phone'])], replaced },
      );
    }
    case 'session': {
      if (op.heldAt > at + SESSION_CLOCK_SKEW_MS) return issue('heldAt', 'validation.mediation.inFuture');
      const { sessionId, heldAt, mode, attendees, notes } = op;
      return done(
        {
          sessions: [
            ...rec.sessions,
            { id: sessionId, heldAt, mode, attendees, notes, recordedBy: by, recordedAt: at },
          ],
        },
        'mediation.session_recorded',
        { sessionId, heldAt, mode, attendees },
      );
    }
    case 'proposal': {
      const { proposalId, by: proposer, terms, amountFen } = op;
      return done(
        {
          proposals: [
            ...rec.proposals,
            { id: proposalId, by: proposer, terms, amountFen, recordedBy: by, recordedAt: at },
          ],
        },
        'mediation.proposal_recorded',
        { proposalId, by: proposer, amountFen },
      );
    }
    case 'opinion':
      // A new opinion replaces the old one and starts a new 3 working days.
      return done({ opinion: { text: op.opinion, issuedAt: at, issuedBy: by } }, OPINION_ISSUED_EVENT, {
        opinion: op.opinion,
        replaces: rec.opinion?.issuedAt ?? null,
      });
    case 'agreement':
      return done(
        { agreement: { terms: op.terms, amountFen: op.amountFen, at } },
        'mediation.agreement_recorded',
        {
          from: rec.agreement && { terms: rec.agreement.terms, amountFen: rec.agreement.amountFen },
          to: { terms: op.terms, amountFen: op.amountFen },
        },
      );
    case 'outcome':
      if (op.outcome === 'agreed' && !rec.agreement) {
        return issue('outcome', 'validation.mediation.agreementRequired');
      }
      return done({ outcome: { outcome: op.outcome, note: op.note, at, by } }, 'mediation.outcome_recorded', {
        outcome: op.outcome,
        note: op.note,
      });
  }
}

/** The server's side of `reviseMediation.v1`: the same checks and change as the workstation's. */
export function decideMediation(
  a: ReviseMediationArgs,
  current: SyncCase,
  base: CaseChange,
  actor: Actor,
  at: number,
): RuleOutcome {
  const { caseId: _caseId, expectedVersion, ...op } = a;
  const reject = (code: RejectionCode, extra: Record<string, unknown> = {}): RuleOutcome => ({
    kind: 'rejected',
    code,
    details: { status: current.status, assigneeId: current.assigneeId, version: current.version, ...extra },
  });
  const refusal = mediationRefusal(current, base.mediation, actor, expectedVersion);
  if (refusal === 'MEDIATION_STALE')
    return reject(refusal, { mediationVersion: base.mediation?.version ?? 0 });
  if (refusal) return reject(refusal);
  const revision = reviseRecord(base.mediation, op, actor.staffId, at);
  if (!revision.ok) return reject('INVALID_DATA', { issues: [revision.issue] });
  return { kind: 'applied', next: { ...base, mediation: revision.record }, event: revision.event };
}
