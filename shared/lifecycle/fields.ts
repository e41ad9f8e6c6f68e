import { yuan as yuanUpTo } from '../domain/fields';

/** Size limits of the transition forms' fields. */
export const FIELD_LIMITS = {
  shortText: 100,
  note: 1000,
  longText: 2000,
  personName: 50,
  yuan: 10_000_000,
} as const;

/** Amounts recorded on a case (compensation, recovered). */
export const yuan = yuanUpTo(FIELD_LIMITS.yuan);
