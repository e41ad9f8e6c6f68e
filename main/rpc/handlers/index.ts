import type { Handlers } from '../router';
import { appHandlers } from './app';
import { caseHandlers } from './cases';
import { caseworkHandlers } from './casework';
import type { HandlerDeps } from './deps';
import { leadsHandlers } from './leads';
import { mediationHandlers } from './mediation';
import { notifyHandlers } from './notify';
import { profileHandlers } from './profiles';
import { queueHandlers } from './queue';
import { statsHandlers } from './stats';
import { syncHandlers } from './sync';

export type { AppFacts, HandlerDeps } from './deps';

/** One handler per procedure, one module per area (mirroring shared/rpc/procedures). */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    ...appHandlers(deps),
    ...caseHandlers(deps),
    ...queueHandlers(deps),
    ...statsHandlers(deps),
    ...caseworkHandlers(deps),
    ...leadsHandlers(deps),
    ...profileHandlers(deps),
    ...mediationHandlers(deps),
    ...syncHandlers(deps),
    ...notifyHandlers(deps),
  };
}
