import type { EscalationRule, Level } from './rules';

export type EscalationState = 'open' | 'acknowledged' | 'resolved' | 'snoozed';

/** What a rule saw: an i18n key of shared/escalation/messages.ts and its parameters. */
export interface Evidence {
  key: string;
  params: Record<string, string | number>;
}

export interface EscalationRow {
  id: string;
  ruleId: string;
  kind: string;
  caseId: string;
  caseNo: string;
  assigneeId: string | null;
  level: Level;
  state: EscalationState;
  evidence: Evidence;
  raisedAt: number;
  acknowledgedAt: number | null;
  acknowledgedBy: string | null;
  resolvedAt: number | null;
  resolutionNote: string | null;
  snoozedUntil: number | null;
  snoozeReason: string | null;
}

export interface EscalationList {
  rows: EscalationRow[];
  /** Open (not resolved) escalations per level, whatever the filter. */
  byLevel: Record<Level, number>;
}

export interface EvaluationResult {
  raised: number;
  climbed: number;
  ms: number;
}

export type RuleRow = EscalationRule & { updatedAt: number; updatedBy: string };

/** The deadline board (时限看板): every running clock of the team. */
export type Urgency = 'overdue' | 'today' | 'tomorrow' | 'week' | 'later';

export interface BoardClock {
  caseId: string;
  caseNo: string;
  limitName: string;
  dueAt: number;
  dueDate: string;
  provisional: boolean;
  urgency: Urgency;
  assigneeId: string | null;
  carrierId: string;
  category: string;
  status: string;
}

export interface HandlerLoad {
  staffId: string | null;
  name: string | null;
  open: number;
  dueSoon: number;
  overdue: number;
}

export interface DeadlineBoard {
  clocks: BoardClock[];
  /** Clock counts per urgency, before the row cap. */
  counts: Record<Urgency, number>;
  truncated: boolean;
  workload: HandlerLoad[];
}

export interface CalendarDay {
  date: string;
  kind: 'workday' | 'weekend' | 'holiday' | 'makeup_workday';
  holiday: string | null;
  provisional: boolean;
}

/** The push event after a pass raised or climbed escalations at L2/L3: a desktop notification's worth. */
export interface EscalationRaised {
  count: number;
  items: { id: string; caseId: string; ruleId: string; level: number }[];
}
