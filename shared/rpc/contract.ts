import { z } from 'zod';
import type { Procedure } from './define';
import type { DataChanged } from './dto';
import { appProcedures } from './procedures/app';
import { caseProcedures } from './procedures/cases';
import { caseworkProcedures } from './procedures/casework';
import { leadsProcedures } from './procedures/leads';
import { mediationProcedures } from './procedures/mediation';
import { notifyProcedures } from './procedures/notify';
import { profileProcedures } from './procedures/profiles';
import { statsProcedures } from './procedures/stats';
import type { JobProgress } from '../stats/dto';
import type { EscalationRaised } from '../escalation/dto';
import type { Notice } from '../notify/dto';
import { queueProcedures } from './procedures/queue';
import { syncProcedures } from './procedures/sync';
import type { SyncStatusView } from '../sync/view';

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
  ...profileProcedures,
  ...mediationProcedures,
  ...notifyProcedures,
  ...syncProcedures,
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
  notify: z.object({
    id: z.string(),
    kind: z.enum(['escalation', 'assigned']),
    titleKey: z.string(),
    bodyKey: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    caseId: z.string(),
    level: z.number(),
    at: z.number(),
  }),
  /** Electron only: the user clicked a native notification; the renderer opens the case. */
  'notify.open': z.object({ caseId: z.string() }),
  'sync.status': z.looseObject({ mode: z.string(), pendingCount: z.number(), openConflicts: z.number() }),
} as const;

export interface EventPayloads {
  'data.changed': DataChanged;
  'jobs.progress': JobProgress;
  'escalation.raised': EscalationRaised;
  notify: Notice;
  'notify.open': { caseId: string };
  'sync.status': SyncStatusView;
}
export type EventName = keyof EventPayloads;
