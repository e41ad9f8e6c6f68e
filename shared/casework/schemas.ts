import { z } from 'zod';

/** Inputs of the handler actions outside the lifecycle: assignment, notes, calls, reveal, tags, links, bulk. */
const id = z.string().min(1).max(64);
const caseId = z.string().min(1).max(64);

export const CONTACT_OUTCOMES = ['reached', 'no_answer', 'busy', 'wrong_number'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

export const PII_FIELDS = ['name', 'phone', 'idNumber', 'address'] as const;
export type PiiField = (typeof PII_FIELDS)[number];

export const LINK_REASONS = ['waybill', 'phone', 'manual'] as const;
export type LinkReason = (typeof LINK_REASONS)[number];

export const claimSchema = z.object({ caseId }).strict();
export const assignSchema = z
  .object({
    caseId,
    toUser: id,
    /** The assignee the screen showed: compare-and-set, so a stale screen gets CONFLICT. */
    expectedAssignee: id.nullable(),
    reason: z.string().max(500).default(''),
  })
  .strict();
export const noteSchema = z.object({ caseId, body: z.string().trim().min(1).max(5000) }).strict();
export const contactSchema = z
  .object({
    caseId,
    calledAt: z.number().int().positive(),
    outcome: z.enum(CONTACT_OUTCOMES),
    nextAttemptAt: z.number().int().positive().nullable().default(null),
    note: z.string().max(1000).nullable().default(null),
  })
  .strict()
  .refine((c) => c.nextAttemptAt === null || c.nextAttemptAt > c.calledAt, {
    path: ['nextAttemptAt'],
    message: 'validation.casework.nextBeforeCall',
  });
export const revealSchema = z
  .object({ caseId, field: z.enum(PII_FIELDS), reason: z.string().max(200).optional() })
  .strict();
export const tagName = z.string().trim().min(1).max(40);
export const duplicatesSchema = z
  .object({
    waybillNo: z.string().trim().max(40).optional(),
    phone: z.string().trim().max(20).optional(),
    excludeCaseId: caseId.optional(),
  })
  .strict();
export const linkSchema = z
  .object({ caseId, otherCaseId: caseId, reason: z.enum(LINK_REASONS) })
  .strict()
  .refine((l) => l.caseId !== l.otherCaseId, {
    path: ['otherCaseId'],
    message: 'validation.casework.linkSelf',
  });

const selection = z.array(caseId).min(1).max(500);
export const bulkSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('assign'), caseIds: selection, toUser: id }).strict(),
  z.object({ action: z.literal('tag'), caseIds: selection, tag: tagName }).strict(),
  z
    .object({
      action: z.literal('transfer'),
      caseIds: selection,
      carrierId: z.string().min(1).max(40),
      outlet: z.string().max(200).optional(),
    })
    .strict(),
]);
export type BulkInput = z.output<typeof bulkSchema>;
