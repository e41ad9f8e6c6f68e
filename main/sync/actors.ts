import { ENGINE_ACTOR } from '../escalation/engine';
import { LOCAL_OPERATOR_ID } from '../store/reference';

/**
 * Actors that are this workstation rather than a person: the escalation engine, and the local
 * operator of standalone work before the first sign-in. Nobody signs in as them, and the server
 * accepts only the signed-in user as actor, so their intents are pushed as the signed-in user.
 */
export const WORKSTATION_ACTORS: ReadonlySet<string> = new Set([ENGINE_ACTOR.staffId, LOCAL_OPERATOR_ID]);

/** A refused intent of the engine's opens no conflict for a person: nobody did it by hand. */
export const isUnattendedActor = (staffId: string): boolean => staffId === ENGINE_ACTOR.staffId;

/** Arguments that name an assignee (claimCase, reassignCase). */
const ASSIGNEE_ARGS = ['expectedAssignee', 'toUser'] as const;

/**
 * An intent's arguments as pushed: an assignee that is a workstation actor is the signed-in user
 * on the server too (its own claims were pushed as that user), so a local-operator reassignment
 * of a case it claimed itself expects the user, not `local-operator`.
 */
export function argsAsPushed(args: unknown, userId: string): unknown {
  if (typeof args !== 'object' || args === null) return args;
  const named = args as Record<string, unknown>;
  const mapped = { ...named };
  for (const key of ASSIGNEE_ARGS) {
    const value = named[key];
    if (typeof value === 'string' && WORKSTATION_ACTORS.has(value)) mapped[key] = userId;
  }
  return mapped;
}
