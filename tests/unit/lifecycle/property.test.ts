import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messages as appMessages } from '../../../shared/i18n/messages';
import { ROLES } from '../../../shared/domain/roles';
import { CHANNELS } from '../../../shared/domain/channel';
import { TERMINAL_STATUSES } from '../../../shared/domain/status';
import type { CaseStatus } from '../../../shared/domain/status';
import {
  CARRIER_CONTACT_METHODS,
  CLOSURE_REASONS,
  ESCALATION_GROUNDS,
  LIFECYCLE_MESSAGES,
  NOTICE_METHODS,
  NOT_ACCEPT_REASONS,
  REGISTERED_STATE,
  REHANDLE_REASONS,
  SATISFACTION_LEVELS,
  TRANSFERS_BEFORE_FLAG,
  TRANSITION_NAMES,
  availableTransitions,
  checkTransition,
} from '../../../shared/lifecycle';
import type { CaseLifecycleState, TransitionName } from '../../../shared/lifecycle';
import { VALID_DATA } from './fixtures';
import { SPEC, allowed } from './spec';

/** Any code a form could send, so mutated data often hits a real value in the wrong place. */
const CODES = [
  ...CHANNELS,
  ...NOT_ACCEPT_REASONS,
  ...NOTICE_METHODS,
  ...CARRIER_CONTACT_METHODS,
  ...REHANDLE_REASONS,
  ...CLOSURE_REASONS,
  ...SATISFACTION_LEVELS,
  ...ESCALATION_GROUNDS,
];

const FIELDS = [...new Set(Object.values(VALID_DATA).flatMap((d) => Object.keys(d))), 'unexpected'];

/**
 * One attempt. Most are steered to a transition the role is offered, so that runs get deep into
 * the lifecycle (random names alone rarely get past transfer); the rest try anything. The data
 * is mostly the transition's valid data, else valid data with fields replaced or added, else
 * anything at all: it is chosen when the transition is known.
 */
const attempt = fc.record({
  steer: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  pick: fc.nat(),
  name: fc.constantFrom(...TRANSITION_NAMES),
  role: fc.constantFrom(...ROLES),
  data: fc.oneof(
    { weight: 5, arbitrary: fc.constant({ kind: 'valid' as const }) },
    {
      weight: 2,
      arbitrary: fc
        .dictionary(
          fc.constantFrom(...FIELDS),
          fc.oneof(fc.anything(), fc.constantFrom(...CODES), fc.constant(undefined)),
        )
        .map((patch) => ({ kind: 'patched' as const, patch })),
    },
    { weight: 1, arbitrary: fc.anything().map((value) => ({ kind: 'anything' as const, value })) },
  ),
});
type Attempt = typeof attempt extends fc.Arbitrary<infer A> ? A : never;

const ENDINGS: readonly TransitionName[] = ['withdraw', 'not_accept'];

/** What the attempt tries on a case in `state`. */
function resolve(state: CaseLifecycleState, a: Attempt): { name: TransitionName; data: unknown } {
  // Ending a case early is offered almost everywhere and would cut most runs short: steer to it less.
  const offered = availableTransitions(state, a.role).flatMap((n) => (ENDINGS.includes(n) ? [n] : [n, n, n]));
  const name = a.steer && offered.length > 0 ? offered[a.pick % offered.length]! : a.name;
  const data =
    a.data.kind === 'valid'
      ? VALID_DATA[name]
      : a.data.kind === 'patched'
        ? { ...VALID_DATA[name], ...a.data.patch }
        : a.data.value;
  return { name, data };
}

const attempts = (maxLength: number) => fc.array(attempt, { minLength: 1, maxLength, size: 'max' });

const terminal = (s: CaseStatus) => TERMINAL_STATUSES.includes(s);

/** Can the spec move a case from `a` to `b` in one transition? */
const isEdge = (a: CaseStatus, b: CaseStatus) =>
  TRANSITION_NAMES.some((name) => {
    const { to, by } = SPEC[name];
    const from = Object.values(by).some((statuses) => statuses.includes(a));
    return from && (to === 'same' ? a === b : to === b);
  });

function expectConsistent(state: CaseLifecycleState) {
  expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  for (const n of [state.transferCount, state.supervisionReminders, state.reopenCount]) {
    expect(Number.isInteger(n) && n >= 0).toBe(true);
  }
  expect(state.transferRoundsExceeded).toBe(state.transferCount > TRANSFERS_BEFORE_FLAG);
  if (state.supervised) expect(state.status).toBe('transferred');
  for (const role of ROLES) {
    const offered = availableTransitions(state, role);
    if (terminal(state.status)) expect(offered.filter((n) => n !== 'reopen')).toEqual([]);
    for (const name of offered) expect(allowed(name, role, state.status)).toBe(true);
  }
}

const knownKeys = new Set([...Object.keys(LIFECYCLE_MESSAGES.en), ...Object.keys(appMessages.en)]);

describe('any sequence of attempted transitions by any roles', () => {
  it('moves only as the table allows, along a valid path, and keeps the state consistent', () => {
    // What the runs reached, to show the property was tested on more than the first steps.
    const applied = new Set<TransitionName>();
    let exceededTransfers = false;
    fc.assert(
      fc.property(attempts(80), (tries) => {
        let state = REGISTERED_STATE;
        const path: CaseStatus[] = [state.status];
        for (const a of tries) {
          const before = state;
          const { role } = a;
          const { name, data } = resolve(before, a);
          const result = checkTransition(before, name, role, data);
          const offered = availableTransitions(before, role).includes(name);
          if (!result.ok) {
            // Only data can spoil a transition that is offered; anything else is refused before the data.
            expect(result.code === 'INVALID_DATA').toBe(offered);
            expect(knownKeys.has(result.reason)).toBe(true);
            for (const issue of result.fieldErrors ?? []) expect(knownKeys.has(issue.key)).toBe(true);
            continue;
          }
          expect(offered).toBe(true);
          expect(allowed(name, role, before.status)).toBe(true);
          const to = SPEC[name].to;
          expect(result.next.status).toBe(to === 'same' ? before.status : to);
          if (terminal(before.status)) expect(name).toBe('reopen');
          expect(result.entry).toMatchObject({
            type: `transition.${name}`,
            from: before.status,
            status: result.next.status,
          });
          state = result.next;
          applied.add(name);
          exceededTransfers ||= state.transferRoundsExceeded;
          path.push(state.status);
          expectConsistent(state);
        }
        for (let i = 1; i < path.length; i++) expect(isEdge(path[i - 1]!, path[i]!)).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect([...applied].sort()).toEqual(TRANSITION_NAMES.filter((n) => n !== 'register').sort());
    expect(exceededTransfers).toBe(true);
  });

  it('always accepts the valid data of an offered transition', () => {
    fc.assert(
      fc.property(attempts(60), fc.constantFrom(...ROLES), (tries, role) => {
        let state = REGISTERED_STATE;
        for (const a of tries) {
          const { name, data } = resolve(state, a);
          const result = checkTransition(state, name, a.role, data);
          if (result.ok) state = result.next;
        }
        for (const name of availableTransitions(state, role)) {
          expect(checkTransition(state, name, role, VALID_DATA[name]).ok).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
