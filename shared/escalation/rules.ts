import { z } from 'zod';

/** Escalation levels: 1 the handler, 2 the team lead, 3 the head of centre. */
export const LEVELS = [1, 2, 3] as const;
export type Level = (typeof LEVELS)[number];

export const ACTIONS = ['notify', 'raise_priority', 'reassign'] as const;
export type EscalationAction = (typeof ACTIONS)[number];

/** The English messages of the rules' own checks (shared/escalation/messages.ts has their keys). */ export const OFFICE_HOURS_ORDER =
  'office hours must start before they end';
export const PRE_BREACH_THRESHOLD = 'give either workingHoursBefore or periodPercent';
export const REASSIGN_TARGET = 'the reassign action needs reassignTo';

/** Those messages' i18n keys (shared/escalation/messages.ts), for field errors in both languages. */
export const RULE_REFINEMENT_KEYS: Readonly<Record<string, string>> = {
  [OFFICE_HOURS_ORDER]: 'escalation.rule.officeHoursOrder',
  [PRE_BREACH_THRESHOLD]: 'escalation.rule.oneThreshold',
  [REASSIGN_TARGET]: 'escalation.rule.reassignTarget',
};

const level = z.union([z.literal(1), z.literal(2), z.literal(3)]);
const officeHours = z
  .object({ start: z.number().int().min(0).max(1440), end: z.number().int().min(0).max(1440) })
  .refine((h) => h.start < h.end, { message: OFFICE_HOURS_ORDER });
const limits = z.array(z.string().min(1)).default([]);

/** Each kind's parameters: one row of data per rule, checked whenever an administrator edits it. */
export const ruleParamsSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('pre_breach'),
      /** Clocks this applies to (empty: every clock). */
      limits,
      /** Raise once the clock is due within this much working time… */
      workingHoursBefore: z.number().positive().max(200).optional(),
      /** …or once this share of its period (in working time from its start) has passed. */
      periodPercent: z.number().int().min(1).max(99).optional(),
      officeHours: officeHours.default({ start: 510, end: 1050 }),
    })
    .refine((p) => (p.workingHoursBefore === undefined) !== (p.periodPercent === undefined), {
      message: PRE_BREACH_THRESHOLD,
      path: ['workingHoursBefore'],
    }),
  z.object({ kind: z.literal('breach'), limits }),
  z.object({ kind: z.literal('carrier_overdue') }),
  z.object({
    kind: z.literal('repeat_appeals'),
    days: z.number().int().min(1).max(365),
    /** Appeals (this one included) by the same phone or about the same waybill. */
    minCount: z.number().int().min(2).max(100),
  }),
  z.object({ kind: z.literal('outlet_pileup'), minCount: z.number().int().min(2).max(10_000) }),
  z.object({ kind: z.literal('sensitive_words'), words: z.array(z.string().trim().min(1)).min(1).max(500) }),
  z.object({ kind: z.literal('claim_amount'), thresholdFen: z.number().int().positive() }),
  z.object({ kind: z.literal('transfer_rounds') }),
]);
export type RuleParams = z.infer<typeof ruleParamsSchema>;
export type RuleKind = RuleParams['kind'];

export const ruleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_.-]{1,60}$/),
    level,
    enabled: z.boolean(),
    params: ruleParamsSchema,
    actions: z.array(z.enum(ACTIONS)).max(3),
    /** Staff id the `reassign` action hands the case to. */
    reassignTo: z.string().min(1).nullable().default(null),
    /** An escalation nobody acknowledged climbs one level after this many minutes (0: never). */
    climbAfterMinutes: z.number().int().min(0).max(100_000).default(0),
  })
  .strict()
  .refine((r) => !r.actions.includes('reassign') || r.reassignTo !== null, {
    message: REASSIGN_TARGET,
    path: ['reassignTo'],
  });
export type EscalationRule = z.infer<typeof ruleSchema>;

/** The shipped rule set: written into a new store once, then the administrator's to edit. */
export const DEFAULT_RULES: readonly EscalationRule[] = [
  {
    id: 'pre_breach.4h',
    level: 1,
    enabled: true,
    params: { kind: 'pre_breach', limits: [], workingHoursBefore: 4, officeHours: { start: 510, end: 1050 } },
    actions: ['notify'],
    reassignTo: null,
    climbAfterMinutes: 0,
  },
  {
    id: 'breach',
    level: 2,
    enabled: true,
    params: { kind: 'breach', limits: [] },
    actions: ['notify', 'raise_priority'],
    reassignTo: null,
    climbAfterMinutes: 24 * 60,
  },
  {
    id: 'carrier_overdue',
    level: 2,
    enabled: true,
    params: { kind: 'carrier_overdue' },
    actions: ['notify'],
    reassignTo: null,
    climbAfterMinutes: 0,
  },
  {
    id: 'repeat_appeals',
    level: 1,
    enabled: true,
    params: { kind: 'repeat_appeals', days: 30, minCount: 3 },
    actions: ['notify'],
    reassignTo: null,
    climbAfterMinutes: 0,
  },
  {
    id: 'outlet_pileup',
    level: 2,
    enabled: true,
    params: { kind: 'outlet_pileup', minCount: 10 },
    actions: ['notify'],
    reassignTo: null,
    climbAfterMinutes: 0,
  },
  {
    id: 'sensitive_words',
    level: 2,
    enabled: true,
    params: {
      kind: 'sensitive_words',
      words: [
        '媒体',
        '记者',
        '曝光',
        '投诉到电视台',
        '起诉',
        '律师函',
        '报警',
        '自杀',
        '轻生',
        '不想活',
        '集体投诉',
        '联名',
      ],
    },
    actions: ['notify', 'raise_priority'],
    reassignTo: null,
    climbAfterMinutes: 0,
  },
  {
    id: 'claim_amount',
    level: 2,
    enabled: true,
    params: { kind: 'claim_amount', thresholdFen: 500_000 },
    actions: ['notify'],
    reassignTo: null,
    climbAfterMinutes: 0,
  },
  {
    id: 'transfer_rounds',
    level: 3,
    enabled: true,
    params: { kind: 'transfer_rounds' },
    actions: ['notify', 'raise_priority'],
    reassignTo: null,
    climbAfterMinutes: 0,
  },
];
