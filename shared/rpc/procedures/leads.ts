import { z } from 'zod';
import type {
  CalendarDay,
  DeadlineBoard,
  EscalationList,
  EvaluationResult,
  RuleRow,
} from '../../escalation/dto';
import type { Role } from '../../domain/roles';
import { procedure } from '../define';
import { none } from './common';

const LEADS: readonly Role[] = ['team_lead', 'admin'];
const WORKERS: readonly Role[] = ['handler', 'mediator', 'team_lead', 'admin'];
const escalationId = z.string().min(1).max(64);
const filterValue = z.string().min(1).max(64).nullable().default(null);

/** The team lead's views: the deadline board (时限看板) and escalations (升级督办), and the rules behind them. */
export const leadsProcedures = {
  'leads.board': procedure<DeadlineBoard>().query(
    z
      .object({
        carrierId: filterValue,
        category: filterValue,
        limitName: filterValue,
        /** Only my team's cases (the session's team). */
        myTeam: z.boolean().default(false),
        limit: z.number().int().min(1).max(1000).default(300),
      })
      .strict(),
    WORKERS,
  ),
  'leads.calendar': procedure<CalendarDay[]>().query(
    z.object({ weeks: z.number().int().min(1).max(26).default(4) }).strict(),
    WORKERS,
  ),
  'leads.escalations': procedure<EscalationList>().query(
    z
      .object({
        states: z
          .array(z.enum(['open', 'acknowledged', 'resolved', 'snoozed']))
          .min(1)
          .default(['open', 'acknowledged', 'snoozed']),
        ruleId: filterValue,
        level: z
          .union([z.literal(1), z.literal(2), z.literal(3)])
          .nullable()
          .default(null),
        limit: z.number().int().min(1).max(1000).default(300),
      })
      .strict(),
    WORKERS,
  ),
  // Acting on an escalation is the leads' (as the sync server checks too: shared/sync/escalation.ts).
  'leads.acknowledge': procedure<null>().mutation(z.object({ id: escalationId }).strict(), LEADS),
  'leads.resolve': procedure<null>().mutation(
    z.object({ id: escalationId, note: z.string().trim().min(1).max(1000) }).strict(),
    LEADS,
  ),
  'leads.snooze': procedure<null>().mutation(
    z
      .object({
        id: escalationId,
        until: z.number().int().positive(),
        reason: z.string().trim().min(1).max(500),
      })
      .strict(),
    LEADS,
  ),
  'leads.rules': procedure<RuleRow[]>().query(none, WORKERS),
  // The rule is data the store checks (ruleSchema), so that each wrong field gets its own message.
  'leads.saveRule': procedure<RuleRow>().mutation(z.looseObject({ id: z.string().min(1).max(60) }), [
    'admin',
  ]),
  'leads.evaluate': procedure<EvaluationResult>().mutation(none, LEADS),
} as const;
