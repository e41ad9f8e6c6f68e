/** The deadline engine: what the rest of the app imports. */
export { dueForLimit, dueFromAdHoc } from './ad-hoc';
export type { AdHocDue, AdHocInput, AdHocPause, LimitDueInput } from './ad-hoc';
export { computeClockStatuses, computeClocks } from './engine';
export type { Clock, ClockInput, ClockState, ClockStatus } from './engine';
export type { Explanation } from './explain';
export { TIME_UNITS, limitRuleSchema, parseRuleProfile, ruleProfileSchema } from './profile-schema';
export type {
  LimitRule,
  RuleProfile,
  RuleProfileResult,
  StartTrigger,
  StopTrigger,
  TimeUnit,
} from './profile-schema';
export {
  CARRIER_DESK_PROFILE,
  CURRENT_PROFILE,
  MEASURES_2014_PROFILE,
  RULE_PROFILES,
  findRuleProfile,
} from './profiles';
