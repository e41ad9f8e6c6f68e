import type { RuleProfile } from '../../../shared/deadlines';
import type { ProfileRef, ProfileVersion } from '../../../shared/deadlines/stored';
import type { Actor } from '../audit';
import type { StoreContext } from '../context';
import { ruleProfiles } from '../profiles';

/** Rule profiles: the shipped ones and administrators' versions, and which one new cases run under. */
export function profilesDomain(ctx: StoreContext) {
  const profiles = ruleProfiles(ctx.db);
  return {
    list: (): ProfileVersion[] => profiles.list(),
    get: (id: string, version?: number): RuleProfile => profiles.get(id, version),
    active: (): ProfileRef => profiles.active(),
    /** Stores `input` (validated here) as the next version of its id. */
    save(input: unknown, actor: Actor, now = Date.now()): ProfileRef {
      const saved = profiles.save(input, actor, now);
      ctx.changed({ tables: ['rule_profiles'] });
      return saved;
    },
    activate(ref: ProfileRef, actor: Actor, now = Date.now()): ProfileRef {
      const active = profiles.activate(ref, actor, now);
      ctx.changed({ tables: ['rule_profile_activations'] });
      return active;
    },
  };
}
