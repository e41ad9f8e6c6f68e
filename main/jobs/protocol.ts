import type { CaseExportRequest } from '../../shared/stats/columns';
import type { DrillCase, ExportResult, PostLockDifference, TrendPoint } from '../../shared/stats/dto';
import type { DrillFilter, Notice } from '../../shared/stats/notice';

/** What the job worker can be asked to do. Everything reads the store; nothing writes it. */
export type JobSpec =
  | { kind: 'notice'; period: string }
  | { kind: 'drill'; filter: DrillFilter; limit: number }
  | { kind: 'trend'; months: string[] }
  | { kind: 'differences'; period: string }
  | { kind: 'countCases'; source: CaseExportRequest['source']; staffId: string }
  | { kind: 'noticeExport'; period: string; format: 'xlsx' | 'csv'; file: string }
  | {
      kind: 'caseExport';
      request: CaseExportRequest;
      staffId: string;
      revealPersonal: boolean;
      file: string;
    };

export type JobResult =
  Notice | DrillCase[] | TrendPoint[] | PostLockDifference[] | ExportResult | { rows: number };

export type JobRequest = { type: 'start'; jobId: string; spec: JobSpec } | { type: 'cancel'; jobId: string };

export type JobReply =
  | { type: 'ready' }
  | { type: 'progress'; jobId: string; done: number; total: number }
  | { type: 'done'; jobId: string; result: JobResult }
  | { type: 'failed'; jobId: string; error: string; cancelled: boolean };

export interface JobWorkerData {
  file: string;
  nativeBinding?: string | undefined;
}
