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

/** What a case contributes to its period's figures, in the order of a difference's before/after. */
export const CONTRIBUTION_FIELDS = [
  'receivedDate',
  'carrier',
  'serviceType',
  'category',
  'reason',
  'validAppeal',
  'satisfaction',
  'carrierSatisfaction',
  'amountRecovered',
  'untruthfulReply',
  'overdue',
  'destProvince',
] as const;
export type ContributionField = (typeof CONTRIBUTION_FIELDS)[number];

export interface PostLockDifference {
  caseId: string;
  caseNo: string;
  /** added: now counts in the period; removed: no longer does; changed: counts differently. */
  change: 'added' | 'removed' | 'changed';
  /** Values in CONTRIBUTION_FIELDS order. */
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
