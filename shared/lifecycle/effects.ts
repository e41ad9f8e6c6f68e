import type { CaseLifecycleState, LifecycleCounter, LifecycleFlag } from './state';

/**
 * What a transition does to the counters and flags, as data, so the case screen and the docs can
 * show it and the tests can check it. Effects apply in order.
 */
export type Effect =
  | { readonly kind: 'increment'; readonly counter: LifecycleCounter }
  | { readonly kind: 'set'; readonly flag: LifecycleFlag; readonly value: boolean }
  /** Sets `flag` once `counter` (after the effects before it) is above `limit`; never clears it. */
  | {
      readonly kind: 'flagAbove';
      readonly flag: LifecycleFlag;
      readonly counter: LifecycleCounter;
      readonly limit: number;
    };

export function applyEffects(state: CaseLifecycleState, effects: readonly Effect[]): CaseLifecycleState {
  let next = state;
  for (const effect of effects) {
    switch (effect.kind) {
      case 'increment':
        next = { ...next, [effect.counter]: next[effect.counter] + 1 };
        break;
      case 'set':
        next = { ...next, [effect.flag]: effect.value };
        break;
      case 'flagAbove':
        if (next[effect.counter] > effect.limit) next = { ...next, [effect.flag]: true };
        break;
    }
  }
  return next;
}
