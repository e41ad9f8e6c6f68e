import { z } from 'zod';
import type { Procedure } from './define';
import type { DataChanged } from './dto';
import { appProcedures } from './procedures/app';
import { caseProcedures } from './procedures/cases';
import { caseworkProcedures } from './procedures/casework';
import { statsProcedures } from './procedures/stats';
import type { JobProgress } from '../stats/dto';
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
} as const satisfies Record<string, Procedure>;

export type Contract = typeof contract;
export type ProcedureName = keyof Contract;

/** Push events from main to the renderer. */
export const events = {
  'data.changed': z.object({ tables: z.array(z.string()), caseIds: z.array(z.string()).optional() }),
  'jobs.progress': z.object({ jobId: z.string(), state: z.string(), done: z.number(), total: z.number() }),
} as const;

export interface EventPayloads {
  'data.changed': DataChanged;
  'jobs.progress': JobProgress;
}
export type EventName = keyof EventPayloads;
