import { parseCalendarYearImport, type CalendarYear } from '../shared/calendar';
import { RULE_PROFILES, type RuleProfile } from '../shared/deadlines';
import { checkRuleProfile } from '../shared/deadlines/profile-issues';
import type { ProfileRef } from '../shared/deadlines/stored';
import { checkVolumeEntries, type ReferenceData, type VolumeEntry } from '../shared/sync/reference';
import type { Sql, SyncDb } from './db';
import { SyncError } from './errors';

/**
 * The reference data administrators keep on the server, checked by the same shared/ code a
 * workstation's own imports use; a refusal names every wrong field or row and stores nothing.
 */
export class ReferenceStore {
  constructor(private readonly db: SyncDb) {}

  async putCalendarYear(year: number, body: unknown, by: string, now: number): Promise<CalendarYear> {
    const result = parseCalendarYearImport(body, year);
    if (!result.ok)
      throw new SyncError(
        'BadRequest',
        `the calendar year was not stored: ${result.issues.length} problems`,
        {
          issues: result.issues,
        },
      );
    await this.db.tx((sql) =>
      sql.query(
        `INSERT INTO calendar_years (year, data, updated_by, updated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (year) DO UPDATE SET data = EXCLUDED.data, updated_by = EXCLUDED.updated_by,
           updated_at = EXCLUDED.updated_at`,
        [result.year.year, JSON.stringify(result.year), by, now],
      ),
    );
    return result.year;
  }

  /** Stores the profile as the next version of its id, whatever version it names (as main/store/profiles.ts). */
  async saveProfile(body: unknown, by: string, now: number): Promise<ProfileRef> {
    const candidate =
      typeof body === 'object' && body !== null && !Array.isArray(body) ? { ...body, version: 1 } : body;
    const checked = checkRuleProfile(candidate);
    if (!checked.ok)
      throw new SyncError('BadRequest', `the profile was not stored: ${checked.issues.length} problems`, {
        issues: checked.issues,
      });
    return this.db.tx(async (sql) => {
      // One version number at a time per id: the lock is held until COMMIT.
      await sql.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`rule_profiles:${checked.profile.id}`]);
      const [row] = await sql.query<{ v: number | null }>(
        'SELECT max(version) AS v FROM rule_profiles WHERE profile_id = $1',
        [checked.profile.id],
      );
      const builtIn = RULE_PROFILES.some((p) => p.id === checked.profile.id) ? 1 : 0;
      const version = Math.max(row?.v ?? 0, builtIn) + 1;
      const profile: RuleProfile = { ...checked.profile, version };
      await sql.query(
        'INSERT INTO rule_profiles (profile_id, version, definition, author, created_at) VALUES ($1, $2, $3, $4, $5)',
        [profile.id, version, JSON.stringify(profile), by, now],
      );
      return { id: profile.id, version };
    });
  }

  async activateProfile(ref: ProfileRef, by: string, now: number): Promise<ProfileRef> {
    await this.db.tx(async (sql) => {
      const builtIn = RULE_PROFILES.some((p) => p.id === ref.id && p.version === ref.version);
      const [stored] = await sql.query('SELECT 1 FROM rule_profiles WHERE profile_id = $1 AND version = $2', [
        ref.id,
        ref.version,
      ]);
      if (!builtIn && !stored)
        throw new SyncError('BadRequest', `there is no profile ${ref.id}@${ref.version}`, {
          issues: [{ path: 'version', key: 'profiles.unknownVersion', params: { ...ref } }],
        });
      await sql.query(
        'INSERT INTO rule_profile_activations (profile_id, version, activated_by, activated_at) VALUES ($1, $2, $3, $4)',
        [ref.id, ref.version, by, now],
      );
    });
    return ref;
  }

  /** All rows or none; a row replaces the same carrier's period. */
  async putVolumes(rows: readonly VolumeEntry[], by: string, now: number): Promise<number> {
    const checked = checkVolumeEntries(rows);
    if (!checked.ok)
      throw new SyncError(
        'BadRequest',
        `no volumes were stored: ${checked.rejected.length} ${checked.rejected.length === 1 ? 'row is' : 'rows are'} wrong`,
        {
          rejected: checked.rejected,
        },
      );
    await this.db.tx(async (sql) => {
      for (const r of checked.rows)
        await sql.query(
          `INSERT INTO business_volumes (carrier_id, period, pieces, imported_by, imported_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (carrier_id, period) DO UPDATE SET pieces = EXCLUDED.pieces,
             imported_by = EXCLUDED.imported_by, imported_at = EXCLUDED.imported_at`,
          [r.carrierId, r.period, r.pieces, by, now],
        );
    });
    return checked.rows.length;
  }

  /** Everything in one snapshot, so a workstation never takes an activation without its version. */
  read(): Promise<ReferenceData> {
    return this.db.tx((sql) => readReference(sql), 'repeatable read');
  }
}

async function readReference(sql: Sql): Promise<ReferenceData> {
  const calendarYears = await sql.query<ReferenceData['calendarYears'][number]>(
    `SELECT data AS calendar, updated_by AS "updatedBy", updated_at AS "updatedAt" FROM calendar_years ORDER BY year`,
  );
  const ruleProfiles = await sql.query<ReferenceData['ruleProfiles'][number]>(
    `SELECT definition AS profile, author, created_at AS "createdAt" FROM rule_profiles
      ORDER BY profile_id, version`,
  );
  const [activeProfile] = await sql.query<NonNullable<ReferenceData['activeProfile']>>(
    `SELECT profile_id AS id, version, activated_by AS "activatedBy", activated_at AS "activatedAt"
       FROM rule_profile_activations ORDER BY seq DESC LIMIT 1`,
  );
  const volumes = await sql.query<ReferenceData['volumes'][number]>(
    `SELECT carrier_id AS "carrierId", period, pieces, imported_by AS "importedBy", imported_at AS "importedAt"
       FROM business_volumes ORDER BY period, carrier_id`,
  );
  return { calendarYears, ruleProfiles, activeProfile: activeProfile ?? null, volumes };
}
