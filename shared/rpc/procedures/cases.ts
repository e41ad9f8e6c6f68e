import { z } from 'zod';
import type { Clock } from '../../deadlines';
import { registerAppealSchema } from '../../domain/appeal';
import { fieldEditsSchema } from '../../domain/caseEdits';
import { ANY_ROLE } from '../../domain/roles';
import { CASE_STATUSES } from '../../domain/status';
import { QUEUE_VIEWS } from '../../domain/views';
import { TRANSITION_NAMES } from '../../lifecycle';
import { procedure } from '../define';
import type { CaseDetail, CaseEventView, CasePage, RegisterResult } from '../dto';
import { caseId } from './common';

/** The queue, registration, the lifecycle, the timeline and the clocks of a case. */
export const caseProcedures = {
  'cases.list': procedure<CasePage>().query(
    z
      .object({
        view: z.enum(QUEUE_VIEWS),
        cursor: z.string().max(200).nullable().default(null),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    ANY_ROLE,
  ),
  'cases.count': procedure<{ count: number }>().query(
    z.object({ view: z.enum(QUEUE_VIEWS) }).strict(),
    ANY_ROLE,
  ),
  'cases.get': procedure<CaseDetail>().query(z.object({ id: caseId }).strict(), ANY_ROLE),
  'cases.register': procedure<RegisterResult>().mutation(registerAppealSchema, [
    'handler',
    'team_lead',
    'admin',
  ]),
  'cases.history': procedure<CaseEventView[]>().query(z.object({ id: caseId }).strict(), ANY_ROLE),
  'cases.clocks': procedure<Clock[]>().query(z.object({ id: caseId }).strict(), ANY_ROLE),
  /** The lifecycle decides who may do what from which status; this only names the attempt. */
  'cases.transition': procedure<CaseDetail>().mutation(
    z
      .object({
        caseId,
        transition: z.enum(TRANSITION_NAMES),
        data: z.unknown(),
        expectedStatus: z.enum(CASE_STATUSES).optional(),
      })
      .strict(),
    ['handler', 'mediator', 'team_lead', 'admin'],
  ),
  /** Corrections of descriptive fields, each with the version the screen showed. */
  'cases.editFields': procedure<CaseDetail>().mutation(
    z.object({ caseId, fields: fieldEditsSchema }).strict(),
    ['handler', 'mediator', 'team_lead', 'admin'],
  ),
} as const;
