/** What the statistics procedures return besides the notice itself. */

export interface TrendPoint {
  month: string;
  total: number;
  valid: number;
}

export interface DrillCase {
  id: string;
  caseNo: string;
  receivedDate: string;
  carrierId: string;
  category: string;
  reason: string;
  status: string;
  validAppeal: boolean | null;
}

export interface ExportResult {
  file: string;
  rows: number;
  bytes: number;
}

export interface JobProgress {
  jobId: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  done: number;
  total: number;
  error?: string;
}

export interface PeriodLock {
  period: string;
  lockedAt: number;
  lockedBy: string;
}

export interface PostLockDifference {
  caseId: string;
  caseNo: string;
  /** added: now counts in the period; removed: no longer does; changed: counts differently. */
  change: 'added' | 'removed' | 'changed';
  before: unknown[] | null;
  after: unknown[] | null;
}

/** One chunk of a finished export's file, for the renderer to assemble into a download. */
export interface DownloadChunk {
  fileName: string;
  size: number;
  offset: number;
  base64: string;
  nextOffset: number | null;
}
