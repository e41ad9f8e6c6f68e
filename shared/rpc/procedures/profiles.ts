import { z } from 'zod';
import type { RuleProfile } from '../../deadlines/profile-schema';
import type { ProfileRef, ProfileVersion } from '../../deadlines/stored';
import type { Role } from '../../domain/roles';
import { procedure } from '../define';
import { none } from './common';

const ADMIN: readonly Role[] = ['admin'];
const profileId = z.string().min(1).max(40);
const version = z.number().int().positive();

/**
 * Rule profiles (time limits) for administrators. `save` takes the profile as data and the store
 * validates it, so that every wrong field comes back with its own message in both languages.
 */
export const profileProcedures = {
  'profiles.list': procedure<ProfileVersion[]>().query(none, ADMIN),
  'profiles.get': procedure<RuleProfile>().query(
    z.object({ id: profileId, version: version.nullable().default(null) }).strict(),
    ADMIN,
  ),
  'profiles.save': procedure<ProfileRef>().mutation(z.object({ profile: z.unknown() }).strict(), ADMIN),
  'profiles.activate': procedure<ProfileRef>().mutation(z.object({ id: profileId, version }).strict(), ADMIN),
} as const;
