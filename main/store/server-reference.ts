import { parseCalendarYearImport } from '../../shared/calendar';
import { checkRuleProfile } from '../../shared/deadlines/profile-issues';
import type { ProfileRef } from '../../shared/deadlines/stored';
import { checkVolumeEntries, referenceDataSchema, sameDocument } from '../../shared/sync/reference';
import { describeIssues, loadImportedYears, saveImportedYear } from '../calendar/imported-years';
import { appendDeskEvent, type Actor } from './audit';
import type { StoreContext } from './context';
import { ruleProfiles } from './profiles';
import { refreshAllDeadlines } from './search/deadlines';

/** What taking the server's reference data changed here. */
export interface ReferenceTaken {
  calendarYears: number[];
  profileVersions: string[];
  activated: ProfileRef | null;
  volumes: number;
  /** Server versions this store already has as id@version with other content: kept, never overwritten. */
  profileConflicts: string[];
}

/**
 * Takes the sync server's calendar years, rule-profile versions, active profile and volumes
 * (GET /reference) as the local imports would: checked by the same shared/ code first (nothing
 * is written if anything fails), then only what differs, in one transaction with a desk event
 * per change naming the administrator and the server as its source. No sync intents: the
 * server already has it all. Calendar years are files, written after the commit; the open
 * cases' clocks are then recomputed as after a local calendar import.
 */
export function takeServerReference(
  { db, dataDir, calendar, changed }: StoreContext,
  input: unknown,
  serverUrl: string,
  now = Date.now(),
): ReferenceTaken {
  const parsed = referenceDataSchema.safeParse(input);
  if (!parsed.success) throw new Error(`the server's reference data is malformed: ${parsed.error.message}`);
  const ref = parsed.data;
  const years = ref.calendarYears.map((y) => {
    const checked = parseCalendarYearImport(y.calendar, y.calendar.year);
    if (!checked.ok)
      throw new Error(`calendar ${y.calendar.year} from the server: ${describeIssues(checked.issues)}`);
    return { ...y, calendar: checked.year };
  });
  for (const p of ref.ruleProfiles) {
    const checked = checkRuleProfile(p.profile);
    if (!checked.ok)
      throw new Error(
        `profile ${p.profile.id}@${p.profile.version} from the server: ${checked.issues.map((i) => `${i.path}: ${i.key}`).join('; ')}`,
      );
  }
  const volumes = checkVolumeEntries(ref.volumes);
  if (!volumes.ok) throw new Error(`volumes from the server: ${JSON.stringify(volumes.rejected)}`);

  const profiles = ruleProfiles(db);
  const actor = (staffId: string): Actor => ({ staffId, workstation: serverUrl });
  const source = serverUrl;
  const local = new Map(loadImportedYears(dataDir).map((y) => [y.year, y]));
  const newYears = years.filter((y) => !sameDocument(local.get(y.calendar.year), y.calendar));
  const taken: ReferenceTaken = {
    calendarYears: newYears.map((y) => y.calendar.year),
    profileVersions: [],
    activated: null,
    volumes: 0,
    profileConflicts: [],
  };

  db.transaction(() => {
    for (const p of ref.ruleProfiles) {
      const key = `${p.profile.id}@${p.profile.version}`;
      const outcome = profiles.adopt(p.profile, p.author, p.createdAt);
      if (outcome === 'conflict') taken.profileConflicts.push(key);
      if (outcome !== 'added') continue;
      taken.profileVersions.push(key);
      appendDeskEvent(
        db,
        { type: 'ruleProfileSaved', at: now, data: { profile: p.profile, source } },
        actor(p.author),
      );
    }
    const active = ref.activeProfile;
    const current = profiles.active();
    if (
      active &&
      (current.id !== active.id || current.version !== active.version) &&
      !taken.profileConflicts.includes(`${active.id}@${active.version}`)
    ) {
      const target = { id: active.id, version: active.version };
      if (!profiles.resolve(target.id, target.version))
        throw new Error(`the server's active profile ${target.id}@${target.version} is unknown here`);
      db.prepare(
        `INSERT INTO rule_profile_activations (profile_id, version, activated_by, activated_at) VALUES (?, ?, ?, ?)`,
      ).run(target.id, target.version, active.activatedBy, active.activatedAt);
      appendDeskEvent(
        db,
        { type: 'ruleProfileActivated', at: now, data: { ...target, source } },
        actor(active.activatedBy),
      );
      taken.activated = target;
    }

    const pieces = db.prepare<[string, string], { pieces: number }>(
      'SELECT pieces FROM business_volumes WHERE carrier_id = ? AND period = ?',
    );
    const upsert = db.prepare(
      `INSERT INTO business_volumes (carrier_id, period, pieces, imported_at, imported_by, source)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (carrier_id, period) DO UPDATE SET pieces = excluded.pieces, imported_at = excluded.imported_at,
         imported_by = excluded.imported_by, source = excluded.source`,
    );
    const byImporter = new Map<string, { carrierId: string; period: string; pieces: number }[]>();
    ref.volumes.forEach((v, i) => {
      const row = volumes.rows[i]!;
      if (pieces.get(row.carrierId, row.period)?.pieces === row.pieces) return;
      upsert.run(row.carrierId, row.period, row.pieces, v.importedAt, v.importedBy, source);
      byImporter.set(v.importedBy, [...(byImporter.get(v.importedBy) ?? []), row]);
      taken.volumes += 1;
    });
    for (const [by, rows] of byImporter)
      appendDeskEvent(db, { type: 'volumesImported', at: now, data: { rows, source } }, actor(by));

    for (const y of newYears)
      appendDeskEvent(
        db,
        { type: 'calendarYearImported', at: now, data: { year: y.calendar.year, source } },
        actor(y.updatedBy),
      );
  })();

  for (const y of newYears) saveImportedYear(dataDir, y.calendar);
  if (newYears.length > 0) refreshAllDeadlines(db, calendar.get(), now, { openOnly: true });

  const tables = [
    ...(taken.profileVersions.length > 0 ? ['rule_profiles'] : []),
    ...(taken.activated ? ['rule_profile_activations'] : []),
    ...(taken.volumes > 0 ? ['business_volumes'] : []),
    ...(newYears.length > 0 ? ['case_deadlines'] : []),
  ];
  if (tables.length > 0) changed({ tables });
  return taken;
}
