import { z } from 'zod';
import { calendarYearSchema } from '../calendar/calendar-year';
import { ruleProfileSchema } from '../deadlines/profile-schema';
import { validateVolumeTable, type VolumeProblem } from '../stats/volumes';

/**
 * The reference data administrators keep on the sync server and every signed-in workstation
 * takes (`GET /reference`): calendar years, rule-profile versions and the active one, business
 * volumes. Each entry says which administrator stored it and when, for the workstation's audit.
 */
const staffId = z.string().min(1).max(64);
const instant = z.number().int().nonnegative();

/** A volume row as an administrator sends it (`PUT /admin/volumes`). */
export const volumeEntrySchema = z
  .object({ carrierId: z.string().max(64), period: z.string().max(20), pieces: z.number() })
  .strict();
export type VolumeEntry = z.output<typeof volumeEntrySchema>;

export const referenceDataSchema = z.object({
  calendarYears: z.array(z.object({ calendar: calendarYearSchema, updatedBy: staffId, updatedAt: instant })),
  /** Every version the server stored (the shipped version 1 of each id is on every workstation). */
  ruleProfiles: z.array(z.object({ profile: ruleProfileSchema, author: staffId, createdAt: instant })),
  /** Null until an administrator activated a version on the server. */
  activeProfile: z
    .object({
      id: z.string().min(1).max(40),
      version: z.number().int().positive(),
      activatedBy: staffId,
      activatedAt: instant,
    })
    .nullable(),
  volumes: z.array(
    z.object({
      carrierId: z.string().min(1).max(64),
      period: z.string().min(1).max(20),
      pieces: z.number().int().nonnegative(),
      importedBy: staffId,
      importedAt: instant,
    }),
  ),
});
export type ReferenceData = z.output<typeof referenceDataSchema>;

export type CheckedVolumes =
  { ok: true; rows: VolumeEntry[] } | { ok: false; rejected: { row: number; problems: VolumeProblem[] }[] };

/**
 * The checks of a volume file (shared/stats/volumes.ts), row by row: known carrier (its id, or
 * its Chinese or English name), a period, a whole non-negative number of pieces, no carrier and
 * period twice. Rows count from 1 (a duplicate's `line` names the first row); accepted rows name
 * the carrier by id.
 */
export function checkVolumeEntries(rows: readonly VolumeEntry[]): CheckedVolumes {
  const preview = validateVolumeTable([
    ['carrier', 'period', 'pieces'],
    ...rows.map((r) => [r.carrierId, r.period, Number.isFinite(r.pieces) ? String(r.pieces) : '']),
  ]);
  if (preview.rejected.length > 0)
    return {
      ok: false,
      rejected: preview.rejected.map((r) => ({
        // The table's line 1 is its header.
        row: r.line - 1,
        problems: r.problems.map((p) =>
          typeof p.params.line === 'number' ? { ...p, params: { ...p.params, line: p.params.line - 1 } } : p,
        ),
      })),
    };
  return {
    ok: true,
    rows: preview.valid.map((r) => ({ carrierId: r.carrierId, period: r.period, pieces: r.pieces })),
  };
}

/** Equal as JSON documents whatever the order of their keys (jsonb keeps its own order). */
export function sameDocument(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
