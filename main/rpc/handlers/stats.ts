import { mkdirSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RpcFailure } from '../../../shared/rpc/errors';
import type { statsProcedures } from '../../../shared/rpc/procedures/stats';
import { PERSONAL_COLUMN_KEYS, PERSONAL_EXPORT_ROLES } from '../../../shared/stats/columns';
import type {
  DrillCase,
  ExportResult,
  PeriodLock,
  PostLockDifference,
  TrendPoint,
} from '../../../shared/stats/dto';
import type { Notice } from '../../../shared/stats/notice';
import { parsePeriod, trailingMonths } from '../../../shared/stats/period';
import { validateVolumeTable, type VolumePreview } from '../../../shared/stats/volumes';
import { readTable } from '../../stats/volume-file';
import type { HandlersFor } from '../router';
import { actorOf, type HandlerDeps } from './deps';
import { writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { randomUUID } from 'node:crypto';
import { extname } from 'node:path';

/** Downloads come in chunks: an export of a million rows must not be one giant message. */
const CHUNK = 4 * 1024 * 1024;

async function previewUpload(fileName: string, contentBase64: string): Promise<VolumePreview> {
  const ext = extname(fileName).toLowerCase() === '.xlsx' ? '.xlsx' : '.csv';
  const temp = join(tmpdir(), `desk-volumes-${randomUUID()}${ext}`);
  await writeFile(temp, Buffer.from(contentBase64, 'base64'));
  try {
    return validateVolumeTable(await readTable(temp));
  } finally {
    await rm(temp, { force: true });
  }
}

export function statsHandlers({ store, jobs, facts }: HandlerDeps): HandlersFor<typeof statsProcedures> {
  const exportsDir = join(facts.dataDir, 'exports');
  const downloads = new Map<string, string>();
  const startExport = (spec: Parameters<typeof jobs.start>[0], fileName: string) => {
    mkdirSync(exportsDir, { recursive: true });
    const { jobId } = jobs.start(spec);
    downloads.set(jobId, fileName);
    return { jobId };
  };
  const fileFor = (jobId: string, ext: string) =>
    join(exportsDir, `${jobId.slice(0, 8)}-${Date.now()}.${ext}`);

  return {
    'stats.notice': async ({ period }) => (await jobs.run({ kind: 'notice', period })) as Notice,
    'stats.trend': async ({ period, months }) =>
      (await jobs.run({
        kind: 'trend',
        months: trailingMonths(parsePeriod(period), months).map((p) => p.id),
      })) as TrendPoint[],
    'stats.drill': async ({ filter, limit }) =>
      (await jobs.run({ kind: 'drill', filter, limit })) as DrillCase[],
    'stats.locks': async () => (await store.call('stats', 'locks')) as PeriodLock[],
    'stats.lock': ({ period }, { session }) => store.call('stats', 'lock', period, actorOf(session)),
    'stats.differences': async ({ period }) =>
      (await jobs.run({ kind: 'differences', period })) as PostLockDifference[],
    'stats.averaging': () => store.call('stats', 'averaging'),
    'stats.setAveraging': ({ averaging }) => store.call('stats', 'setAveraging', averaging),
    'volumes.preview': ({ fileName, contentBase64 }) => previewUpload(fileName, contentBase64),
    'volumes.commit': async ({ fileName, contentBase64, acceptValid }, { session }) => {
      const preview = await previewUpload(fileName, contentBase64);
      if (preview.fileProblem) throw new RpcFailure('VALIDATION_FAILED', preview.fileProblem.key);
      if (preview.rejected.length > 0 && !acceptValid) {
        throw new RpcFailure('CONFLICT', 'stats.volume.rejected', { count: preview.rejected.length });
      }
      return store.call('stats', 'importVolumes', preview.valid, fileName, actorOf(session));
    },
    'jobs.exportNotice': async ({ period, format }) => {
      const tmpId = randomUUID();
      return startExport(
        { kind: 'noticeExport', period, format, file: fileFor(tmpId, format) },
        `邮政业用户申诉情况-${period}.${format}`,
      );
    },
    'jobs.exportCases': async (request, { session }) => {
      const mayReveal = session.staff.roles.some((r) =>
        (PERSONAL_EXPORT_ROLES as readonly string[]).includes(r),
      );
      const personalColumns = request.columns.filter((k) => PERSONAL_COLUMN_KEYS.includes(k));
      const revealPersonal = request.includePersonal && mayReveal && personalColumns.length > 0;
      if (revealPersonal) {
        const { rows } = (await jobs.run({
          kind: 'countCases',
          source: request.source,
          staffId: session.staff.id,
        })) as { rows: number };
        await store.call(
          'stats',
          'recordPersonalExport',
          { source: request.source, format: request.format, columns: request.columns, personalColumns, rows },
          actorOf(session),
        );
      }
      const label =
        request.source.kind === 'view'
          ? request.source.view
          : request.source.kind === 'period'
            ? request.source.period
            : 'selection';
      return startExport(
        {
          kind: 'caseExport',
          request,
          staffId: session.staff.id,
          revealPersonal,
          file: fileFor(randomUUID(), request.format),
        },
        `申诉案件-${label}.${request.format}`,
      );
    },
    'jobs.progress': async ({ jobId }) => {
      const p = jobs.progress(jobId);
      if (!p) throw new RpcFailure('NOT_FOUND', 'stats.job.not_found');
      return p;
    },
    'jobs.cancel': async ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
    'jobs.download': async ({ jobId, offset }) => {
      const result = jobs.result(jobId) as ExportResult | null;
      const fileName = downloads.get(jobId);
      if (!result || !fileName) throw new RpcFailure('NOT_FOUND', 'stats.job.not_found');
      const size = statSync(result.file).size;
      const length = Math.max(0, Math.min(CHUNK, size - offset));
      const buffer = Buffer.alloc(length);
      const fd = openSync(result.file, 'r');
      try {
        readSync(fd, buffer, 0, length, offset);
      } finally {
        closeSync(fd);
      }
      const next = offset + length;
      return {
        fileName,
        size,
        offset,
        base64: buffer.toString('base64'),
        nextOffset: next < size ? next : null,
      };
    },
  };
}
