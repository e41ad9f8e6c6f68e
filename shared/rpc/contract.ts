import { z } from 'zod';
import { registerAppealSchema } from '../domain/appeal';
import { ANY_ROLE } from '../domain/roles';
import { QUEUE_VIEWS } from '../domain/views';
import { CASE_STATUSES } from '../domain/status';
import { TRANSITION_NAMES } from '../lifecycle';
import type { Clock } from '../deadlines';
import { procedure, type Procedure } from './define';
import type {
  AppInfo,
  CaseDetail,
  CaseEventView,
  CasePage,
  DataChanged,
  DemoStatus,
  ReferenceData,
  RegisterResult,
  Session,
} from './dto';

const none = z.object({}).strict();
const caseId = z.string().min(1).max(64);

/**
 * Every call the renderer can make, declared once. main/ registers exactly one handler per
 * name (checked at compile time), validates input with these schemas and checks the roles.
 */
export const contract = {
  'app.info': procedure<AppInfo>().query(none, ANY_ROLE),
  'session.get': procedure<Session>().query(none, ANY_ROLE),
  'session.setLocale': procedure<Session>().mutation(z.object({ locale: z.enum(['zh-CN', 'en']) }).strict(), ANY_ROLE),
  'reference.get': procedure<ReferenceData>().query(none, ANY_ROLE),
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
  'cases.count': procedure<{ count: number }>().query(z.object({ view: z.enum(QUEUE_VIEWS) }).strict(), ANY_ROLE),
  'cases.get': procedure<CaseDetail>().query(z.object({ id: caseId }).strict(), ANY_ROLE),
  'cases.register': procedure<RegisterResult>().mutation(registerAppealSchema, ['handler', 'team_lead', 'admin']),
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
  'demo.status': procedure<DemoStatus>().query(none, ANY_ROLE),
  'demo.load': procedure<{ written: number }>().mutation(
    z.object({ cases: z.number().int().min(1).max(200_000) }).strict(),
    ['admin', 'team_lead'],
  ),
} as const satisfies Record<string, Procedure>;

export type Contract = typeof contract;
export type ProcedureName = keyof Contract;

/** Push events from main to the renderer. */
export const events = {
  'data.changed': z.object({ tables: z.array(z.string()), caseIds: z.array(z.string()).optional() }),
} as const;

export interface EventPayloads {
  'data.changed': DataChanged;
}
export type EventName = keyof EventPayloads;
