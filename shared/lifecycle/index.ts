/** The case lifecycle: what may happen to a case, by whom, with what data, and what it changes. */
export * from './codes';
export { LIMIT_EFFECTS } from './clocks';
export type { LimitEffects } from './clocks';
export type { Effect } from './effects';
export { availableTransitions, checkTransition, registerCase } from './machine';
export type { LifecycleEntry, Refusal, RefusalCode, TransitionResult } from './machine';
export { LIFECYCLE_MESSAGES } from './messages';
export { REGISTERED_STATE } from './state';
export type { CaseLifecycleState, LifecycleCounter, LifecycleFlag } from './state';
export { TRANSFERS_BEFORE_FLAG, TRANSITIONS, TRANSITION_NAMES, fromStatuses } from './transitions';
export type { FieldIssue, RoleStatuses, TransitionData, TransitionDef, TransitionName } from './transitions';
