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
