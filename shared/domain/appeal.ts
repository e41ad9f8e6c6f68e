import { z } from 'zod';
import { APPELLANT_ROLES, CHANNELS, DEMANDS, SERVICE_TYPES } from './channel';
import { findCategory, findReason } from './categories';
import { findProvince } from './regions';
import { phone, requiredText, text, yuan } from './fields';

/**
 * The appeal-registration form (DOMAIN.md §7.2, intake subset). Messages are i18n keys
 * (`validation.*`), translated where they are shown, so main and renderer say the same thing.
 */
export const LIMITS = {
  name: 50,
  description: 4000,
  outlet: 100,
  priorResult: 1000,
  waybill: 40,
  demandAmountYuan: 10_000_000,
} as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'validation.date.invalid' });

export const appellantSchema = z.object({
  name: requiredText(LIMITS.name),
  phone,
  role: z.enum(APPELLANT_ROLES, { error: 'validation.required' }),
});

export const registerAppealSchema = z
  .object({
    channel: z.enum(CHANNELS, { error: 'validation.required' }),
    /** Epoch ms; defaults to now when omitted (a live 12305 call). */
    receivedAt: z.number().int().positive().optional(),
    appellant: appellantSchema,
    carrierId: z.string({ error: 'validation.required' }).min(1, { error: 'validation.required' }).max(40),
    outlet: text(LIMITS.outlet).optional(),
    waybillNo: requiredText(LIMITS.waybill),
    serviceType: z.enum(SERVICE_TYPES, { error: 'validation.required' }),
    originProvince: z
      .string({ error: 'validation.required' })
      .refine((c) => findProvince(c) !== undefined, { error: 'validation.province.unknown' }),
    destProvince: z
      .string({ error: 'validation.required' })
      .refine((c) => findProvince(c) !== undefined, { error: 'validation.province.unknown' }),
    category: z.string({ error: 'validation.required' }),
    reason: z.string({ error: 'validation.required' }),
    description: requiredText(LIMITS.description),
    demand: z.enum(DEMANDS, { error: 'validation.required' }),
    demandAmountYuan: yuan(LIMITS.demandAmountYuan).optional(),
    priorComplaint: z.object({
      made: z.boolean(),
      date: isoDate.optional(),
      result: text(LIMITS.priorResult).optional(),
    }),
  })
  .superRefine((v, ctx) => {
    if (!findCategory(v.category)) {
      ctx.addIssue({ code: 'custom', path: ['category'], message: 'validation.category.unknown' });
    } else if (!findReason(v.category, v.reason)) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'validation.reason.unknown' });
    }
    if (v.priorComplaint.made && !v.priorComplaint.date) {
      ctx.addIssue({ code: 'custom', path: ['priorComplaint', 'date'], message: 'validation.required' });
    }
  });

export type RegisterAppealInput = z.input<typeof registerAppealSchema>;
export type RegisterAppeal = z.output<typeof registerAppealSchema>;

/**
 * The prerequisite of DOMAIN §1.1 / Art.9(2): the user complained to the carrier first and is
 * dissatisfied, or 7 days have passed. It is a warning, not a refusal: the acceptance decision
 * is the handler's, and the non-acceptance reasons cover it.
 */
export type PrerequisiteWarning = 'no_prior_complaint' | 'carrier_window_open';

export function prerequisiteWarning(
  prior: { made: boolean; date?: string | undefined; result?: string | undefined },
  receivedDate: string,
): PrerequisiteWarning | null {
  if (!prior.made) return 'no_prior_complaint';
  if (!prior.date) return null;
  const days = (Date.parse(`${receivedDate}T00:00:00Z`) - Date.parse(`${prior.date}T00:00:00Z`)) / 86_400_000;
  const dissatisfied = (prior.result ?? '').trim().length > 0;
  return days < 7 && !dissatisfied ? 'carrier_window_open' : null;
}
