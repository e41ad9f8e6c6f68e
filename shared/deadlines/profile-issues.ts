import { issueTexts, type IssueText } from '../validation/issues';
import { ruleProfileSchema, type RuleProfile } from './profile-schema';

/** The English messages of ruleProfileSchema's own checks, and the keys that say them in both languages. */
const REFINEMENT_KEYS: Readonly<Record<string, string>> = {
  'must be HH:MM, from 00:00 to 24:00': 'profiles.issue.timeOfDay',
  'a limit needs at least one start trigger': 'profiles.issue.noStart',
  'a limit needs at least one stop trigger': 'profiles.issue.noStop',
  'rollForward and dueAtTimeOfDay apply to day periods only': 'profiles.issue.dayPeriodOnly',
  'id: lower-case letters, digits and hyphens': 'profiles.issue.id',
  'working hours must end after they start': 'profiles.issue.workingHoursOrder',
  'a profile with working_hours limits must set workingHours': 'profiles.issue.workingHoursMissing',
};

export type CheckedProfile =
  | { readonly ok: true; readonly profile: RuleProfile }
  | { readonly ok: false; readonly issues: readonly IssueText[] };

/** Validates an administrator's profile (parsed JSON), naming each wrong field with an i18n key. */
export function checkRuleProfile(input: unknown): CheckedProfile {
  const parsed = ruleProfileSchema.safeParse(input);
  return parsed.success
    ? { ok: true, profile: parsed.data }
    : { ok: false, issues: issueTexts(parsed.error.issues, REFINEMENT_KEYS) };
}
