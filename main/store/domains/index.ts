import { verifyAuditTrail } from '../audit';
import type { StoreContext } from '../context';
import { casesDomain } from './cases';
import { caseworkDomain } from './casework';
import { demoDomain } from './demo';
import { escalationDomain } from './escalation';
import { mediationDomain } from './mediation';
import { notifyDomain } from './notify';
import { profilesDomain } from './profiles';
import { queueDomain } from './queue';
import { sessionDomain } from './session';
import { statsDomain } from './stats';
import { syncDomain } from './sync';

/**
 * The store's domains: plain objects of functions, so that everything the worker may call is
 * exactly their own properties. A new feature adds one module here and owns it.
 */
export function createDomains(ctx: StoreContext) {
  return {
    session: sessionDomain(ctx),
    cases: casesDomain(ctx),
    demo: demoDomain(ctx),
    stats: statsDomain(ctx),
    queue: queueDomain(ctx),
    casework: caseworkDomain(ctx),
    escalation: escalationDomain(ctx),
    mediation: mediationDomain(ctx),
    sync: syncDomain(ctx),
    notify: notifyDomain(ctx),
    profiles: profilesDomain(ctx),
    audit: { verify: () => verifyAuditTrail(ctx.db) },
  };
}

export type Domains = ReturnType<typeof createDomains>;
export type DomainName = keyof Domains;
export type MethodName<D extends DomainName> = keyof Domains[D] & string;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Fn = (...args: any[]) => any;
export type MethodOf<D extends DomainName, M extends MethodName<D>> = Domains[D][M] extends Fn
  ? Domains[D][M]
  : never;
