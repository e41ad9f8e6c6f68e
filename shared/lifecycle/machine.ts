import type { z } from 'zod';
import type { HistoryEntry } from '../domain/history';
import type { Role } from '../domain/roles';
import type { CaseStatus } from '../domain/status';
import { applyEffects } from './effects';
import { REGISTERED_STATE } from './state';
import type { CaseLifecycleState } from './state';
import { TRANSITIONS, TRANSITION_NAMES, fromStatuses } from './transitions';
import type { FieldIssue, RoleStatuses, TransitionData, TransitionDef, TransitionName } from './transitions';

export type RefusalCode = 'INVALID_TRANSITION' | 'FORBIDDEN_ROLE' | 'INVALID_DATA';

export interface Refusal {
  readonly ok: false;
  readonly code: RefusalCode;
  /** An i18n key under `lifecycle.refused.*`; `params` fill it. */
  readonly reason: string;
  readonly params: Readonly<Record<string, string>>;
  /** For INVALID_DATA: what is wrong with which field. */
  readonly fieldErrors?: readonly FieldIssue[];
}

/**
 * The history entry a transition appends, less `at`: the store stamps the time when it commits.
 * `data` is the parsed (trimmed, normalised) transition data, for the audit trail.
 */
export interface LifecycleEntry<N extends TransitionName> extends Omit<HistoryEntry, 'at'> {
  readonly type: `transition.${N}`;
  readonly transition: N;
  /** The status before; null for `register`, which creates the case. */
  readonly from: CaseStatus | null;
  readonly data: TransitionData<N>;
}

export type TransitionResult<N extends TransitionName> =
  { readonly ok: true; readonly next: CaseLifecycleState; readonly entry: LifecycleEntry<N> } | Refusal;

const refuse = (
  code: RefusalCode,
  reason: string,
  params: Record<string, string>,
  fieldErrors?: readonly FieldIssue[],
): Refusal =>
  fieldErrors ? { ok: false, code, reason, params, fieldErrors } : { ok: false, code, reason, params };

/** Status, role and flags, in that order: everything but the data. */
function refusalBeforeData(state: CaseLifecycleState, name: TransitionName, role: Role): Refusal | null {
  const def: TransitionDef = TRANSITIONS[name];
  const { status } = state;
  if (!fromStatuses(name).includes(status)) {
    return refuse('INVALID_TRANSITION', 'lifecycle.refused.fromStatus', { transition: name, status });
  }
  const roleFrom = def.by[role];
  if (!roleFrom) {
    return refuse('FORBIDDEN_ROLE', 'lifecycle.refused.role', { transition: name, role });
  }
  if (!roleFrom.includes(status)) {
    return refuse('FORBIDDEN_ROLE', 'lifecycle.refused.roleFromStatus', { transition: name, role, status });
  }
  if (def.blockedBy && state[def.blockedBy.flag]) {
    return refuse('INVALID_TRANSITION', def.blockedBy.reason, { transition: name, status });
  }
  return null;
}

/** The transitions the case screen may offer this role now; each still needs its data. */
export function availableTransitions(state: CaseLifecycleState, role: Role): TransitionName[] {
  return TRANSITION_NAMES.filter((name) => refusalBeforeData(state, name, role) === null);
}

function zodIssue(issue: z.core.$ZodIssue): FieldIssue {
  const params: Record<string, number> = {};
  if (issue.code === 'too_big') params.max = Number(issue.maximum);
  if (issue.code === 'too_small') params.min = Number(issue.minimum);
  return { path: issue.path.map(String).join('.'), key: issue.message, params };
}

type DataCheck<N extends TransitionName> =
  { readonly ok: true; readonly data: TransitionData<N> } | { readonly ok: false; readonly refusal: Refusal };

function parseData<N extends TransitionName>(
  state: CaseLifecycleState | null,
  name: N,
  data: unknown,
): DataCheck<N> {
  const def: TransitionDef = TRANSITIONS[name];
  const invalid = (issues: readonly FieldIssue[]): DataCheck<N> => ({
    ok: false,
    refusal: refuse('INVALID_DATA', 'lifecycle.refused.invalidData', { transition: name }, issues),
  });
  const parsed = def.schema.safeParse(data);
  if (!parsed.success) return invalid(parsed.error.issues.map(zodIssue));
  const stateIssues = state && def.checkData ? def.checkData(state, parsed.data) : [];
  if (stateIssues.length > 0) return invalid(stateIssues);
  // `def` is widened to look it up by a generic name; the schema is TRANSITIONS[N]'s own.
  return { ok: true, data: parsed.data as TransitionData<N> };
}

/**
 * Decides whether `role` may apply transition `name` with `data` to a case in `state`, and if so
 * what the case becomes and what the history records. Pure: the caller persists both, after its
 * own checks (assignee, concurrency).
 */
export function checkTransition<N extends TransitionName>(
  state: CaseLifecycleState,
  name: N,
  role: Role,
  data: unknown,
): TransitionResult<N> {
  const refusal = refusalBeforeData(state, name, role);
  if (refusal) return refusal;
  const checked = parseData(state, name, data);
  if (!checked.ok) return checked.refusal;
  const def: TransitionDef = TRANSITIONS[name];
  const next = applyEffects(state, def.effects);
  const status = def.to === 'unchanged' ? state.status : def.to;
  return {
    ok: true,
    next: { ...next, status },
    entry: { type: `transition.${name}`, transition: name, from: state.status, status, data: checked.data },
  };
}

/** `register` creates the case, so unlike the others it starts from no state. */
export function registerCase(role: Role, data: unknown): TransitionResult<'register'> {
  const by: RoleStatuses = TRANSITIONS.register.by;
  if (!by[role]) return refuse('FORBIDDEN_ROLE', 'lifecycle.refused.role', { transition: 'register', role });
  const checked = parseData(null, 'register', data);
  if (!checked.ok) return checked.refusal;
  return {
    ok: true,
    next: REGISTERED_STATE,
    entry: {
      type: 'transition.register',
      transition: 'register',
      from: null,
      status: 'registered',
      data: checked.data,
    },
  };
}
