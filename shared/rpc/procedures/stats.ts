import { z } from 'zod';
import type { Role } from '../../domain/roles';
import { caseExportSchema } from '../../stats/columns';
import type {
  DownloadChunk,
  DrillCase,
  JobProgress,
  PeriodLock,
  PostLockDifference,
  TrendPoint,
} from '../../stats/dto';
import type { Notice } from '../../stats/notice';
import { periodSchema } from '../../stats/period';
import { AVERAGING_METHODS } from '../../stats/rates';
import type { VolumePreview } from '../../stats/volumes';
import { procedure } from '../define';
import { none } from './common';

/** Who reads the statistics; who may lock a period, import volumes or change the averaging. */
export const STATS_READERS: readonly Role[] = ['statistics', 'team_lead', 'admin'];
export const STATS_EDITORS: readonly Role[] = ['statistics', 'admin'];
/** Any role may export a queue view; the rows hold personal data only masked, unless… */
const EXPORTERS: readonly Role[] = ['handler', 'mediator', 'team_lead', 'statistics', 'admin'];

const jobId = z.string().uuid();
const volumeFile = z
  .object({
    fileName: z.string().min(1).max(200),
    /** The file's bytes, base64 (volume files are small: one row per carrier and period). */
    contentBase64: z.string().max(8_000_000),
  })
  .strict();
const drillFilter = z
  .object({
    period: periodSchema,
    kind: z.enum(['postal', 'express']).optional(),
    carrierId: z.string().max(64).optional(),
    category: z.string().max(64).optional(),
    reason: z.string().max(64).optional(),
    valid: z.boolean().optional(),
    overdue: z.boolean().optional(),
    province: z.string().max(12).optional(),
  })
  .strict();

/** Statistics in the notice format, volumes, locks, and long exports as jobs with progress and cancel. */
export const statsProcedures = {
  'stats.notice': procedure<Notice>().query(z.object({ period: periodSchema }).strict(), STATS_READERS),
  'stats.trend': procedure<TrendPoint[]>().query(
    z.object({ period: periodSchema, months: z.number().int().min(2).max(36).default(12) }).strict(),
    STATS_READERS,
  ),
  'stats.drill': procedure<DrillCase[]>().query(
    z.object({ filter: drillFilter, limit: z.number().int().min(1).max(500).default(200) }).strict(),
    STATS_READERS,
  ),
  'stats.locks': procedure<PeriodLock[]>().query(none, STATS_READERS),
  'stats.lock': procedure<{ locked: true }>().mutation(
    z.object({ period: periodSchema }).strict(),
    STATS_EDITORS,
  ),
  'stats.differences': procedure<PostLockDifference[]>().query(
    z.object({ period: periodSchema }).strict(),
    STATS_READERS,
  ),
  /** How the main carriers' average rate is computed (the setting the notice uses when not locked). */
  'stats.averaging': procedure<{ averaging: (typeof AVERAGING_METHODS)[number] }>().query(
    none,
    STATS_READERS,
  ),
  'stats.setAveraging': procedure<{ averaging: (typeof AVERAGING_METHODS)[number] }>().mutation(
    z.object({ averaging: z.enum(AVERAGING_METHODS) }).strict(),
    STATS_EDITORS,
  ),
  /** Step one of a volume import: what would be imported and what is rejected, with reasons. Writes nothing. */
  'volumes.preview': procedure<VolumePreview>().mutation(volumeFile, STATS_EDITORS),
  /** Step two: re-checks the same file; with rejected rows it imports only if acceptValid. */
  'volumes.commit': procedure<{ imported: number }>().mutation(
    volumeFile.extend({ acceptValid: z.boolean().default(false) }),
    STATS_EDITORS,
  ),
  'jobs.exportNotice': procedure<{ jobId: string }>().mutation(
    z.object({ period: periodSchema, format: z.enum(['xlsx', 'csv']) }).strict(),
    STATS_READERS,
  ),
  /** Any queue view, a period, or a selection, as XLSX or CSV with chosen columns (the queue calls this). */
  'jobs.exportCases': procedure<{ jobId: string }>().mutation(caseExportSchema, EXPORTERS),
  'jobs.progress': procedure<JobProgress>().query(z.object({ jobId }).strict(), EXPORTERS),
  'jobs.cancel': procedure<{ cancelled: boolean }>().mutation(z.object({ jobId }).strict(), EXPORTERS),
  'jobs.download': procedure<DownloadChunk>().query(
    z.object({ jobId, offset: z.number().int().min(0).default(0) }).strict(),
    EXPORTERS,
  ),
} as const;
