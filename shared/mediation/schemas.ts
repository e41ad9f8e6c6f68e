import { z } from 'zod';
import { choice, form, phone, requiredText, text, yuan } from '../domain/fields';
import { ATTENDEES, MEDIATION_OUTCOMES, PROPOSERS, SESSION_MODES, SIDES } from './codes';

/**
 * Inputs of the mediation record. Amounts are entered in yuan and stored in fen; every change
 * names the record version the screen showed, so a stale screen is refused, not merged.
 */
export const MEDIATION_LIMITS = {
  name: 50,
  text: 2000,
  notes: 4000,
  yuan: 10_000_000,
} as const;

const caseId = z.string().min(1).max(64);
const expectedVersion = z.number().int().nonnegative();
const amount = yuan(MEDIATION_LIMITS.yuan);

/** Facts and each side's position: any subset, each replaced whole. */
export const reviseSchema = form({
  caseId,
  expectedVersion,
  facts: text(MEDIATION_LIMITS.text).optional(),
  appellantPosition: text(MEDIATION_LIMITS.text).optional(),
  carrierPosition: text(MEDIATION_LIMITS.text).optional(),
}).strict();

/** A side's representative (the appellant's agent, or the person who speaks for the carrier). */
export const representativeSchema = form({
  caseId,
  expectedVersion,
  side: choice(SIDES),
  name: requiredText(MEDIATION_LIMITS.name),
  phone: phone.optional(),
}).strict();

export const sessionSchema = form({
  caseId,
  expectedVersion,
  heldAt: z.number({ error: 'validation.required' }).int().positive(),
  mode: choice(SESSION_MODES),
  attendees: z
    .array(choice(ATTENDEES), { error: 'validation.required' })
    .min(1, { error: 'validation.mediation.attendeesRequired' })
    .refine((a) => new Set(a).size === a.length, { error: 'validation.mediation.attendeesRepeated' }),
  notes: requiredText(MEDIATION_LIMITS.notes),
}).strict();

export const proposalSchema = form({
  caseId,
  expectedVersion,
  by: choice(PROPOSERS),
  terms: requiredText(MEDIATION_LIMITS.text),
  amountYuan: amount.optional(),
}).strict();

/** Issuing the opinion (调解意见) starts the parties' 3 working days (DOMAIN §1.8). */
export const opinionSchema = form({
  caseId,
  expectedVersion,
  opinion: requiredText(MEDIATION_LIMITS.text),
}).strict();

export const agreementSchema = form({
  caseId,
  expectedVersion,
  terms: requiredText(MEDIATION_LIMITS.text),
  amountYuan: amount,
}).strict();

export const outcomeSchema = form({
  caseId,
  expectedVersion,
  outcome: choice(MEDIATION_OUTCOMES),
  note: text(MEDIATION_LIMITS.text).optional(),
}).strict();

export const caseRef = z.object({ caseId }).strict();

export type ReviseInput = z.output<typeof reviseSchema>;
export type RepresentativeInput = z.output<typeof representativeSchema>;
export type SessionInput = z.output<typeof sessionSchema>;
export type ProposalInput = z.output<typeof proposalSchema>;
export type OpinionInput = z.output<typeof opinionSchema>;
export type AgreementInput = z.output<typeof agreementSchema>;
export type OutcomeInput = z.output<typeof outcomeSchema>;
