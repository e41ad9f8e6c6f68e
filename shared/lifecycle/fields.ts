import { z } from 'zod';
import { normaliseMainlandPhone } from '../domain/phone';

/**
 * Field schemas shared by the transition forms. Messages are i18n keys, in the style of
 * shared/domain/appeal.ts, so the form under the transition says the same as main does.
 */
export const FIELD_LIMITS = {
  shortText: 100,
  note: 1000,
  longText: 2000,
  personName: 50,
  yuan: 10_000_000,
} as const;

export const text = (max: number) =>
  z.string({ error: 'validation.required' }).trim().max(max, { error: 'validation.tooLong' });

export const requiredText = (max: number) => text(max).min(1, { error: 'validation.required' });

/** An amount of money in yuan: finite, not negative, bounded so a typo of extra zeros is caught. */
export const yuan = z
  .number({ error: 'validation.number.invalid' })
  .nonnegative({ error: 'validation.number.negative' })
  .max(FIELD_LIMITS.yuan, { error: 'validation.tooLarge' });

/** A mainland phone number, stored normalised (the national significant number). */
export const phone = z
  .string({ error: 'validation.required' })
  .trim()
  .min(1, { error: 'validation.required' })
  .max(30, { error: 'validation.phone.invalid' })
  .transform((raw, ctx) => {
    const n = normaliseMainlandPhone(raw);
    if (n === null) {
      ctx.addIssue({ code: 'custom', message: 'validation.phone.invalid' });
      return z.NEVER;
    }
    return n;
  });

/** A yes/no the handler must state explicitly: a missing answer is not "no". */
export const answer = z.boolean({ error: 'validation.required' });

export const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: 'validation.required' });

/** The data of one transition form: anything but an object is missing data. */
export const form = <S extends z.ZodRawShape>(shape: S) => z.object(shape, { error: 'validation.required' });
