import { z } from 'zod';
import { LIMIT_NAMES } from '../domain/history';
import { CASE_STATUSES } from '../domain/status';
import { parseTimeOfDay } from '../calendar/shanghai-time';

/**
 * A rule profile: the time limits of one regulation version (or one desk's practice) as data,
 * so that an administrator can store an edited profile as JSON without a code change.
 */
export const TIME_UNITS = ['calendar_days', 'working_days', 'hours', 'working_hours'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

const DAY_UNITS: readonly TimeUnit[] = ['calendar_days', 'working_days'];

/** DOMAIN.md's confidence tags: confirmed, one secondary source, unconfirmed. */
export const CONFIDENCE_TAGS = ['C', 'S', 'U'] as const;

/** NaN for a malformed time, so that comparisons with it fail (the format error is reported separately). */
const minutes = (time: string) => parseTimeOfDay(time) ?? Number.NaN;
const timeOfDay = z
  .string()
  .refine((t) => parseTimeOfDay(t) !== undefined, { error: 'must be HH:MM, from 00:00 to 24:00' });

/** What starts or stops a clock, read from the case history (shared/domain/history.ts). */
const statusTrigger = z.object({ on: z.literal('status'), status: z.enum(CASE_STATUSES) }); // entering the status
const eventTrigger = z.object({ on: z.literal('event'), type: z.string().min(1).max(100) }); // an entry of this type
const receivedTrigger = z.object({ on: z.literal('received') }); // the case's received time

export const startTriggerSchema = z.discriminatedUnion('on', [receivedTrigger, statusTrigger, eventTrigger]);
export const stopTriggerSchema = z.discriminatedUnion('on', [statusTrigger, eventTrigger]);
export type StartTrigger = z.output<typeof startTriggerSchema>;
export type StopTrigger = z.output<typeof stopTriggerSchema>;

export const limitRuleSchema = z
  .object({
    unit: z.enum(TIME_UNITS),
    amount: z.number().int().positive().max(3650),
    /** Any of these starts the clock. */
    start: z.array(startTriggerSchema).min(1, { error: 'a limit needs at least one start trigger' }),
    stop: z.array(stopTriggerSchema).min(1, { error: 'a limit needs at least one stop trigger' }),
    /** Statuses in which the clock does not run. */
    pauseIn: z.array(z.enum(CASE_STATUSES)),
    /** Whether a later start trigger starts the clock afresh (e.g. a re-transfer); otherwise the first one counts. */
    restartOnReentry: z.boolean(),
    /** 民法典 Art.203: a day period whose last day is not a working day ends on the next working day. */
    rollForward: z.boolean(),
    /** When on the last day the period ends; 24:00 (the default) is 00:00 +08:00 of the next day. */
    dueAtTimeOfDay: timeOfDay,
    warning: z.object({
      /** Warn when at most this many working days remain after today. */
      workingDaysLeft: z.number().int().min(0).max(365).optional(),
      /** Warn when at least this share of the time from start to due has passed. */
      elapsedPercent: z.number().min(1).max(100).optional(),
    }),
    source: z.object({
      /** The rule's basis, citing DOMAIN.md. */
      basis: z.string().min(1).max(500),
      confidence: z.enum(CONFIDENCE_TAGS),
    }),
  })
  .refine((r) => DAY_UNITS.includes(r.unit) || (!r.rollForward && r.dueAtTimeOfDay === '24:00'), {
    error: 'rollForward and dueAtTimeOfDay apply to day periods only',
    path: ['unit'],
  });
export type LimitRule = z.output<typeof limitRuleSchema>;

export const ruleProfileSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { error: 'id: lower-case letters, digits and hyphens' }),
    version: z.number().int().positive(),
    name: z.object({ zh: z.string().min(1).max(60), en: z.string().min(1).max(60) }),
    /** Office hours on working days, for `working_hours` limits. */
    workingHours: z.object({ start: timeOfDay, end: timeOfDay }).optional(),
    limits: z.partialRecord(z.enum(LIMIT_NAMES), limitRuleSchema),
  })
  .refine(
    (p) => p.workingHours === undefined || minutes(p.workingHours.start) < minutes(p.workingHours.end),
    {
      error: 'working hours must end after they start',
      path: ['workingHours'],
    },
  )
  .refine(
    (p) => p.workingHours !== undefined || !Object.values(p.limits).some((r) => r?.unit === 'working_hours'),
    {
      error: 'a profile with working_hours limits must set workingHours',
      path: ['workingHours'],
    },
  );
export type RuleProfile = z.output<typeof ruleProfileSchema>;

export type RuleProfileResult =
  | { readonly ok: true; readonly profile: RuleProfile }
  | { readonly ok: false; readonly issues: readonly { readonly path: string; readonly message: string }[] };

/** Validates a stored or edited profile (parsed JSON). */
export function parseRuleProfile(input: unknown): RuleProfileResult {
  const parsed = ruleProfileSchema.safeParse(input);
  return parsed.success
    ? { ok: true, profile: parsed.data }
    : { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
}
