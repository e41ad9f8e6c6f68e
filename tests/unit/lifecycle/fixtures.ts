import type { CaseStatus } from '../../../shared/domain/status';
import type { Role } from '../../../shared/domain/roles';
import { REGISTERED_STATE, checkTransition } from '../../../shared/lifecycle';
import type { CaseLifecycleState, TransitionName } from '../../../shared/lifecycle';

/** Data each transition accepts from every status it can start from. */
export const VALID_DATA: Record<TransitionName, Record<string, unknown>> = {
  register: { channel: 'phone_12305' },
  accept: {},
  not_accept: { reason: 'duplicate', noticeMethod: 'phone' },
  transfer: { carrierId: 'sf', outlet: '深圳南山网点' },
  record_carrier_reply: {
    investigationResult: '快件在转运中心滞留两天',
    carrierResponsible: true,
    responsibleUnit: '深圳转运中心',
    settlement: '退还运费',
    compensationYuan: 20,
    userSatisfied: true,
    handlerName: '李四',
    handlerPhone: '138 1234 5678',
  },
  supervise: { method: 'platform' },
  start_verification: {},
  start_mediation: { userConsented: true, carrierConsented: true },
  start_callback: {},
  rehandle: { reason: 'reply_mismatch' },
  close: {
    closureReason: 'mediation_agreed',
    validAppeal: true,
    responsibleUnit: '深圳转运中心',
    satisfaction: { carrier: 'satisfied', administration: 'satisfied' },
    recoveredYuan: 20,
    carrierReplyUntruthful: false,
  },
  withdraw: { channel: 'phone_12305' },
  reopen: { reason: '用户反映赔偿未到账' },
  escalate_to_supervision: { ground: 'surge', detail: '同一网点一周内申诉40件' },
};

export const stateIn = (status: CaseStatus, rest: Partial<CaseLifecycleState> = {}): CaseLifecycleState => ({
  ...REGISTERED_STATE,
  ...rest,
  status,
});

/** Applies steps that must all succeed (with VALID_DATA unless given), failing loudly otherwise. */
export function walk(
  start: CaseLifecycleState,
  steps: readonly (
    TransitionName | readonly [TransitionName, Role] | readonly [TransitionName, Role, unknown]
  )[],
): CaseLifecycleState {
  let state = start;
  for (const step of steps) {
    const [name, role, data] =
      typeof step === 'string'
        ? [step, 'admin' as Role, VALID_DATA[step]]
        : [step[0], step[1], step[2] ?? VALID_DATA[step[0]]];
    const result = checkTransition(state, name, role, data);
    if (!result.ok)
      throw new Error(
        `${name} by ${role} from ${state.status}: ${result.reason} ${JSON.stringify(result.fieldErrors ?? {})}`,
      );
    state = result.next;
  }
  return state;
}
