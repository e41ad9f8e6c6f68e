import type { LimitRule, RuleProfile, TimeUnit } from '../../../shared/deadlines/profile-schema';
import type { RuleRow } from '../../../shared/escalation/dto';
import type { EscalationRule, RuleParams } from '../../../shared/escalation/rules';
import type { FieldProblem } from '../forms/fieldErrors';

/** The limit settings the profile screen edits; triggers, pauses and sources stay as stored. */
export interface LimitEdit {
  unit: TimeUnit;
  amount: number;
  rollForward: boolean;
  workingDaysLeft: number | null;
  elapsedPercent: number | null;
}

export const DAY_UNITS: readonly TimeUnit[] = ['calendar_days', 'working_days'];

/**
 * One limit changed. Roll-forward and the due time of day apply to day periods only, so moving a
 * limit to an hour unit turns roll-forward off and the end of day back to 24:00, as the schema wants.
 */
export function editLimit(profile: RuleProfile, name: string, change: Partial<LimitEdit>): RuleProfile {
  const rule = profile.limits[name as keyof RuleProfile['limits']];
  if (!rule) return profile;
  const warning = { ...rule.warning };
  if (change.workingDaysLeft !== undefined) {
    if (change.workingDaysLeft === null) delete warning.workingDaysLeft;
    else warning.workingDaysLeft = change.workingDaysLeft;
  }
  if (change.elapsedPercent !== undefined) {
    if (change.elapsedPercent === null) delete warning.elapsedPercent;
    else warning.elapsedPercent = change.elapsedPercent;
  }
  const next: LimitRule = {
    ...rule,
    ...(change.unit !== undefined && { unit: change.unit }),
    ...(change.amount !== undefined && { amount: change.amount }),
    ...(change.rollForward !== undefined && { rollForward: change.rollForward }),
    warning,
  };
  if (!DAY_UNITS.includes(next.unit)) {
    next.rollForward = false;
    next.dueAtTimeOfDay = '24:00';
  }
  return { ...profile, limits: { ...profile.limits, [name]: next } };
}

/** The problems of one field (dotted path) among those main returned. */
export const problemsAt = (problems: readonly FieldProblem[], path: string) =>
  problems.filter((p) => p.path === path);

/** Problems not shown under a field of the screen: shown together above it. */
export const problemsOutside = (problems: readonly FieldProblem[], shown: (path: string) => boolean) =>
  problems.filter((p) => !shown(p.path));

/** A rule as the editor holds it: the saved row without its bookkeeping. */
export const ruleDraft = ({ updatedAt: _at, updatedBy: _by, ...rule }: RuleRow): EscalationRule => rule;

/** Pre-breach counts either working hours before due or a share of the period: switching keeps one. */
export function preBreachMode(
  params: Extract<RuleParams, { kind: 'pre_breach' }>,
  mode: 'hours' | 'share',
): Extract<RuleParams, { kind: 'pre_breach' }> {
  const { workingHoursBefore, periodPercent, ...rest } = params;
  return mode === 'hours'
    ? { ...rest, workingHoursBefore: workingHoursBefore ?? 4 }
    : { ...rest, periodPercent: periodPercent ?? 80 };
}
