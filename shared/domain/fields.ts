import { z } from 'zod';
import { normaliseMainlandPhone } from './phone';

/**
 * Field schemas every form uses (intake, transition forms). Messages are i18n keys
 * (`validation.*`), translated where they are shown, so main and the renderer say the same thing.
 */

export const text = (max: number) =>
  z.string({ error: 'validation.required' }).trim().max(max, { error: 'validation.tooLong' });

export const requiredText = (max: number) => text(max).min(1, { error: 'validation.required' });

/** Money in yuan: finite, not negative, bounded so that a typo of extra zeros is caught. */
export const yuan = (max: number) =>
  z
    .number({ error: 'validation.number.invalid' })
    .nonnegative({ error: 'validation.number.negative' })
    .max(max, { error: 'validation.tooLarge' });

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

/** A yes/no that must be stated explicitly: a missing answer is not "no". */
export const answer = z.boolean({ error: 'validation.required' });

export const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: 'validation.required' });

/** A form's data: anything but an object is missing data. */
export const form = <S extends z.ZodRawShape>(shape: S) => z.object(shape, { error: 'validation.required' });
