import { z } from 'zod';
import { registerAppealSchema } from '../domain/appeal';
import { fieldEditsSchema } from '../domain/caseEdits';
import { CASE_STATUSES } from '../domain/status';
import { TRANSITION_NAMES } from '../lifecycle';
import { reviseMediationArgs } from './mediation';
import { ESCALATION_MUTATIONS } from './escalation';

/**
 * The intents a workstation sends to the sync server (SYNC.md §3.2). Names carry a version:
 * an old workstation that was offline through an upgrade still sends `*.v1`, so the server keeps
 * every version it ever accepted. Store commands import these names when they append to the outbox.
 */
const id = z.string().min(1).max(64);
const staffId = z.string().min(1).max(64);

export const MUTATIONS = {
  'createCase.v1': z.object({ id, caseNo: z.string().min(1).max(40), input: registerAppealSchema }).strict(),
  'transitionStatus.v1': z
    .object({
      caseId: id,
      transition: z.enum(TRANSITION_NAMES),
      from: z.enum(CASE_STATUSES),
      data: z.unknown(),
    })
    .strict(),
  'claimCase.v1': z.object({ caseId: id, expectedAssignee: staffId.nullable() }).strict(),
  'releaseCase.v1': z.object({ caseId: id }).strict(),
  'reassignCase.v1': z
    .object({
      caseId: id,
      expectedAssignee: staffId.nullable(),
      toUser: staffId,
      reason: z.string().max(500),
    })
    .strict(),
  'appendNote.v1': z.object({ caseId: id, noteId: id, body: z.string().min(1).max(5000) }).strict(),
  /** Each field names the version it was edited from; the edit applies whole or not at all. */
  'editCaseFields.v1': z.object({ caseId: id, fields: fieldEditsSchema }).strict(),
  'reviseMediation.v1': reviseMediationArgs,
  ...ESCALATION_MUTATIONS,
} as const;

export type MutationName = keyof typeof MUTATIONS;
export type MutationArgs<N extends MutationName> = z.output<(typeof MUTATIONS)[N]>;
export const MUTATION_NAMES = Object.keys(MUTATIONS) as MutationName[];

export const isMutationName = (name: string): name is MutationName => Object.hasOwn(MUTATIONS, name);

/** The case a mutation is about: the row the server locks. */
export function mutationCaseId(name: MutationName, args: unknown): string {
  const a = args as { id?: string; caseId?: string };
  return (name === 'createCase.v1' ? a.id : a.caseId) ?? '';
}
