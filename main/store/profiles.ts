import type Database from 'better-sqlite3';
import { RULE_PROFILES, ruleProfileSchema, type RuleProfile } from '../../shared/deadlines';
import { checkRuleProfile } from '../../shared/deadlines/profile-issues';
import type { ProfileRef, ProfileVersion } from '../../shared/deadlines/stored';
import { RpcFailure } from '../../shared/rpc/errors';
import { sameDocument } from '../../shared/sync/reference';
import { appendDeskEvent, type Actor } from './audit';
import { Outbox } from './outbox';

/** Without an activation, new cases run under the shipped `current` profile. */
const DEFAULT_ACTIVE: ProfileRef = { id: 'current', version: 1 };

/**
 * The rule profiles a store knows: the shipped ones (version 1 of their ids) and the versions
 * administrators stored (rule_profiles, append-only). A version never changes once written, so
 * resolved profiles are cached for the connection's life, and the deadline engine's per-profile
 * caches (keyed by the profile object) keep working across bulk recomputations.
 */
export class RuleProfiles {
  private readonly resolved = new Map<string, RuleProfile | null>();
  private readonly outbox: Outbox;
  private readonly stored: Database.Statement<[string, number], { definition: string }>;
  private readonly latest: Database.Statement<[string], { v: number | null }>;
  private readonly activation: Database.Statement<[], ProfileRef>;

  constructor(private readonly db: Database.Database) {
    this.outbox = new Outbox(db);
    this.stored = db.prepare('SELECT definition FROM rule_profiles WHERE profile_id = ? AND version = ?');
    this.latest = db.prepare('SELECT max(version) AS v FROM rule_profiles WHERE profile_id = ?');
    this.activation = db.prepare(
      'SELECT profile_id AS id, version FROM rule_profile_activations ORDER BY seq DESC LIMIT 1',
    );
  }

  /** The exact version a case was recorded under; undefined if this store does not know it. */
  resolve(id: string, version: number): RuleProfile | undefined {
    const key = `${id}@${version}`;
    let p = this.resolved.get(key);
    if (p === undefined) {
      const row = this.stored.get(id, version);
      // Stored rows were validated on the way in; parsing again keeps a hand-edited file from
      // feeding the engine something it cannot count with.
      const fromRow = row ? ruleProfileSchema.safeParse(JSON.parse(row.definition)) : undefined;
      p = fromRow?.success
        ? fromRow.data
        : (RULE_PROFILES.find((b) => b.id === id && b.version === version) ?? null);
      this.resolved.set(key, p);
    }
    return p ?? undefined;
  }

  /** The profile version new cases are recorded under. */
  active(): ProfileRef {
    return this.activation.get() ?? DEFAULT_ACTIVE;
  }

  /** Every known version, shipped ones first, with how many cases each one governs. */
  list(): ProfileVersion[] {
    const active = this.active();
    const counts = new Map(
      this.db
        .prepare<[], { id: string; version: number; n: number }>(
          'SELECT profile_id AS id, profile_version AS version, count(*) AS n FROM cases GROUP BY 1, 2',
        )
        .all()
        .map((r) => [`${r.id}@${r.version}`, r.n]),
    );
    const row = (p: RuleProfile, builtIn: boolean, author: string, createdAt: number): ProfileVersion => ({
      id: p.id,
      version: p.version,
      name: p.name,
      builtIn,
      author,
      createdAt,
      active: p.id === active.id && p.version === active.version,
      cases: counts.get(`${p.id}@${p.version}`) ?? 0,
    });
    const stored = this.db
      .prepare<[], { id: string; version: number; author: string; createdAt: number }>(
        `SELECT profile_id AS id, version, author, created_at AS createdAt FROM rule_profiles
          ORDER BY profile_id, version`,
      )
      .all()
      .map((r) => row(this.resolve(r.id, r.version)!, false, r.author, r.createdAt));
    return [...RULE_PROFILES.map((p) => row(p, true, 'system', 0)), ...stored].sort(
      (a, b) => a.id.localeCompare(b.id) || a.version - b.version,
    );
  }

  /** The newest version of a profile, or the given one. */
  get(id: string, version?: number): RuleProfile {
    const v = version ?? this.nextVersion(id) - 1;
    const p = v > 0 ? this.resolve(id, v) : undefined;
    if (!p)
      throw version === undefined
        ? new RpcFailure('NOT_FOUND', 'profiles.unknown', { id })
        : new RpcFailure('NOT_FOUND', 'profiles.unknownVersion', { id, version });
    return p;
  }

  private nextVersion(id: string): number {
    const stored = this.latest.get(id)?.v ?? 0;
    const builtIn = RULE_PROFILES.some((p) => p.id === id) ? 1 : 0;
    return Math.max(stored, builtIn) + 1;
  }

  /**
   * Stores an edited or imported profile as the next version of its id (whatever version the
   * input names: versions are the store's to number). Refuses it field by field if invalid.
   */
  save(input: unknown, actor: Actor, now: number): ProfileRef {
    const candidate =
      typeof input === 'object' && input !== null && !Array.isArray(input) ? { ...input, version: 1 } : input;
    const checked = checkRuleProfile(candidate);
    if (!checked.ok)
      throw new RpcFailure(
        'VALIDATION_FAILED',
        'profiles.invalid',
        { count: checked.issues.length },
        checked.issues.map((i) => ({ path: i.path, key: i.key, params: i.params })),
      );
    return this.db.transaction(() => {
      const version = this.nextVersion(checked.profile.id);
      const profile: RuleProfile = { ...checked.profile, version };
      this.db
        .prepare(
          `INSERT INTO rule_profiles (profile_id, version, definition, author, created_at) VALUES (?, ?, ?, ?, ?)`,
        )
        .run(profile.id, version, JSON.stringify(profile), actor.staffId, now);
      appendDeskEvent(this.db, { type: 'ruleProfileSaved', at: now, data: { profile } }, actor);
      this.outbox.append('saveRuleProfile.v1', { profile }, null, actor, now);
      return { id: profile.id, version };
    })();
  }

  /**
   * A version numbered elsewhere (the sync server), kept as it is: added if this store lacks it,
   * 'conflict' if this store has that id@version with other content (a version never changes).
   * Call inside the caller's transaction.
   */
  adopt(profile: RuleProfile, author: string, createdAt: number): 'added' | 'known' | 'conflict' {
    const known = this.resolve(profile.id, profile.version);
    if (known) return sameDocument(known, profile) ? 'known' : 'conflict';
    this.db
      .prepare(
        `INSERT INTO rule_profiles (profile_id, version, definition, author, created_at) VALUES (?, ?, ?, ?, ?)`,
      )
      .run(profile.id, profile.version, JSON.stringify(profile), author, createdAt);
    this.resolved.delete(`${profile.id}@${profile.version}`);
    return 'added';
  }

  /** Makes a known version the one new cases run under; cases already recorded keep theirs. */
  activate(ref: ProfileRef, actor: Actor, now: number): ProfileRef {
    this.get(ref.id, ref.version);
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO rule_profile_activations (profile_id, version, activated_by, activated_at) VALUES (?, ?, ?, ?)`,
        )
        .run(ref.id, ref.version, actor.staffId, now);
      appendDeskEvent(this.db, { type: 'ruleProfileActivated', at: now, data: ref }, actor);
      this.outbox.append('activateRuleProfile.v1', ref, null, actor, now);
    })();
    return ref;
  }
}

const perConnection = new WeakMap<Database.Database, RuleProfiles>();

/** The one RuleProfiles of a connection, so that every caller shares its cache. */
export function ruleProfiles(db: Database.Database): RuleProfiles {
  let p = perConnection.get(db);
  if (!p) {
    p = new RuleProfiles(db);
    perConnection.set(db, p);
  }
  return p;
}
