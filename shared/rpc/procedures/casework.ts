import { z } from 'zod';
import type {
  BulkOutcome,
  CaseNote,
  CaseworkView,
  ContactEntry,
  DuplicateCandidate,
  Revealed,
} from '../../casework/dto';
import {
  assignSchema,
  bulkSchema,
  claimSchema,
  contactSchema,
  duplicatesSchema,
  linkSchema,
  noteSchema,
  revealSchema,
} from '../../casework/schemas';
import { ANY_ROLE, type Role } from '../../domain/roles';
import { procedure } from '../define';
import { caseId } from './common';

const WORKERS: readonly Role[] = ['handler', 'mediator', 'team_lead', 'admin'];

/** The handler's actions on a case beside the lifecycle; the store checks assignee and role rules again. */
export const caseworkProcedures = {
  'casework.view': procedure<CaseworkView>().query(z.object({ caseId }).strict(), ANY_ROLE),
  'casework.claim': procedure<null>().mutation(claimSchema, WORKERS),
  'casework.release': procedure<null>().mutation(claimSchema, WORKERS),
  'casework.assign': procedure<null>().mutation(assignSchema, WORKERS),
  'casework.addNote': procedure<CaseNote>().mutation(noteSchema, WORKERS),
  'casework.logContact': procedure<ContactEntry>().mutation(contactSchema, WORKERS),
  'casework.reveal': procedure<Revealed>().mutation(revealSchema, WORKERS),
  'casework.duplicates': procedure<DuplicateCandidate[]>().query(duplicatesSchema, WORKERS),
  'casework.link': procedure<null>().mutation(linkSchema, WORKERS),
  'casework.bulk': procedure<(BulkOutcome & { message?: string })[]>().mutation(bulkSchema, WORKERS),
} as const;
