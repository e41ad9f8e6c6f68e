import { z } from 'zod';
import type { Procedure } from './define';
import type { DataChanged } from './dto';
import { appProcedures } from './procedures/app';
import { caseProcedures } from './procedures/cases';
import { caseworkProcedures } from './procedures/casework';
import { leadsProcedures } from './procedures/leads';
import { statsProcedures } from './procedures/stats';
import type { JobProgress } from '../stats/dto';
import type { EscalationRaised } from '../escalation/dto';
import { queueProcedures } from './procedures/queue';

/**
 * Every call the renderer can make, declared once (one module per area under procedures/).
 * main/ registers exactly one handler per name (checked at compile time), validates input with
 * these schemas and checks the roles.
 */
export const contract = {
  ...appProcedures,
  ...caseProcedures,
  ...queueProcedures,
  ...caseworkProcedures,
  ...statsProcedures,
  ...leadsProcedures,
} as const satisfies Record<string, Procedure>;

export type Contract = typeof contract;
export type ProcedureName = keyof Contract;

/** Push events from main to the renderer. */
export const events = {
  'data.changed': z.object({ tables: z.array(z.string()), caseIds: z.array(z.string()).optional() }),
  'jobs.progress': z.object({ jobId: z.string(), state: z.string(), done: z.number(), total: z.number() }),
  'escalation.raised': z.object({
    count: z.number(),
    items: z.array(z.object({ id: z.string(), caseId: z.string(), ruleId: z.string(), level: z.number() })),
  }),
} as const;

export interface EventPayloads {
  'data.changed': DataChanged;
  'jobs.progress': JobProgress;
  'escalation.raised': EscalationRaised;
}
export type EventName = keyof EventPayloads;
