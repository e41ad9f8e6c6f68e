import { buildCalendar, type CalendarYear, type WorkingCalendar } from '../../shared/calendar';
import type { RuleProfile } from '../../shared/deadlines';
import { GENESIS_HASH, eventHash } from '../store/audit';
import { DEFAULT_PROFILE } from '../store/cases';
import { deadlineRows } from '../store/search/deadlines';
import { generateDemoCases, type DemoCase } from './generate';

/**
 * Demo cases as rows ready to insert, in batches of flat arrays. Flat arrays of primitives are
 * what crosses a thread boundary cheaply (structured clone), and what better-sqlite3 binds
 * positionally without building objects. Numbering and the audit hash chain are done here, off
 * the writer's thread; the writer checks the numbers against the store and re-chains the few
 * cases whose day was numbered by someone else in the meantime (see renumberDay).
 */
export const CASE_COLUMNS = [
  'id',
  'case_no',
  'status',
  'is_open',
  'channel',
  'received_at',
  'received_date',
  'appellant_role',
  'carrier_id',
  'outlet',
  'waybill_no',
  'service_type',
  'origin_province',
  'origin_city',
  'dest_province',
  'dest_city',
  'category',
  'reason',
  'description',
  'demand',
  'demand_amount_fen',
  'prior_complaint_made',
  'prior_complaint_date',
  'prior_complaint_result',
  'assignee_id',
  'priority',
  'profile_id',
  'profile_version',
  'transfer_count',
  'transfer_rounds_exceeded',
  'supervised',
  'supervision_reminders',
  'escalated_to_supervision',
  'reopen_count',
  'valid_appeal',
  'responsible_unit',
  'satisfaction',
  'carrier_satisfaction',
  'carrier_reply_untruthful',
  'amount_recovered_fen',
  'closed_at',
  'created_at',
  'updated_at',
  'version',
  'audit_seq',
] as const;
export const CASE_WIDTH = CASE_COLUMNS.length;
export const CASE_NO_AT = 1;
export const RECEIVED_DATE_AT = 6;

/** parties: id, case_id, name, phone, created_at (kind is always 'appellant'). */
export const PARTY_WIDTH = 5;

/** case_events: case_id, seq, type, actor_id, workstation, at, status, data, prev_hash, hash. */
export const EVENT_WIDTH = 10;
/** case_deadlines: case_id, limit_name, started_at, due_at, due_date, state, provisional, next. */
export const DEADLINE_WIDTH = 8;
const EV_DATA = 7;
const EV_PREV = 8;
const EV_HASH = 9;

/** The numbers a batch took for one receipt day: from + 1 … to. */
export interface DayNumbers {
  date: string;
  from: number;
  to: number;
}

export interface Batch {
  count: number;
  cases: unknown[];
  parties: unknown[];
  events: unknown[];
  /** The cases' materialised clocks (case_deadlines) as of `now`, as the store would compute them. */
  deadlines: unknown[];
  /** Events per case, in case order. */
  eventCounts: number[];
  days: DayNumbers[];
}

export interface BatchParams {
  seed: number;
  count: number;
  now: number;
  idSalt: number;
  batchSize: number;
  workstation: string;
  /** The store's per-day counters when seeding started (`YYYY-MM-DD` → last number). */
  counters: Record<string, number>;
  /** The data folder's imported calendar years (loadImportedYears), for the cases' deadlines. */
  calendarYears: CalendarYear[];
  /** The demo cases' rule profile (DEFAULT_PROFILE) as the store resolves it, for their deadlines. */
  profile: RuleProfile | undefined;
}

/** `SS` + YYYYMMDD + the day's 6-digit sequence, as CaseCommands.register numbers cases. */
export function caseNumberOf(date: string, n: number): string {
  if (n > 999_999) throw new RangeError(`no case numbers left for ${date}: a day has at most 999,999`);
  return `SS${date.replaceAll('-', '')}${String(n).padStart(6, '0')}`;
}

const bool = (v: boolean | null) => (v === null ? null : v ? 1 : 0);

export function* demoBatches(p: BatchParams): Generator<Batch> {
  let days: DayNumbers[] = [];
  let day: DayNumbers | null = null;
  const caseNumber = (date: string) => {
    if (day?.date !== date) {
      // Receipt days come in order, each once: a new day starts from the store's counter.
      const from = p.counters[date] ?? 0;
      day = { date, from, to: from };
      days.push(day);
    }
    return caseNumberOf(date, ++day.to);
  };

  const calendar = buildCalendar(p.calendarYears);
  let batch = emptyBatch();
  for (const c of generateDemoCases({
    seed: p.seed,
    count: p.count,
    now: p.now,
    idSalt: p.idSalt,
    caseNumber,
  })) {
    pushCase(batch, c, p, calendar);
    if (batch.count === p.batchSize) {
      batch.days = days.filter((d) => d.to > d.from);
      yield batch;
      batch = emptyBatch();
      // The day in progress continues in the next batch, from where this one stopped.
      days = [];
      if (day) {
        day = { date: day.date, from: day.to, to: day.to };
        days.push(day);
      }
    }
  }
  if (batch.count > 0) {
    batch.days = days.filter((d) => d.to > d.from);
    yield batch;
  }
}

function emptyBatch(): Batch {
  return { count: 0, cases: [], parties: [], events: [], deadlines: [], eventCounts: [], days: [] };
}

function pushCase(b: Batch, c: DemoCase, p: BatchParams, calendar: WorkingCalendar): void {
  b.count++;
  b.cases.push(
    c.id,
    c.caseNo,
    c.status,
    bool(c.isOpen),
    c.channel,
    c.receivedAt,
    c.receivedDate,
    c.appellantRole,
    c.carrierId,
    c.outlet,
    c.waybillNo,
    c.serviceType,
    c.originProvince,
    c.originCity,
    c.destProvince,
    c.destCity,
    c.category,
    c.reason,
    c.description,
    c.demand,
    c.demandAmountFen,
    bool(c.priorComplaintMade),
    c.priorComplaintDate,
    c.priorComplaintResult,
    c.assigneeId,
    c.priority,
    DEFAULT_PROFILE.id,
    DEFAULT_PROFILE.version,
    c.transferCount,
    bool(c.transferRoundsExceeded),
    bool(c.supervised),
    c.supervisionReminders,
    bool(c.escalatedToSupervision),
    c.reopenCount,
    bool(c.validAppeal),
    c.responsibleUnit,
    c.satisfaction,
    c.carrierSatisfaction,
    bool(c.carrierReplyUntruthful),
    c.amountRecoveredFen,
    c.closedAt,
    c.createdAt,
    c.updatedAt,
    c.version,
    c.events.length,
  );
  b.parties.push(c.appellant.id, c.id, c.appellant.name, c.appellant.phone, c.createdAt);
  const start = b.events.length;
  for (let i = 0; i < c.events.length; i++) {
    const e = c.events[i]!;
    b.events.push(c.id, i + 1, e.type, e.actorId, p.workstation, e.at, e.status, e.json, '', '');
  }
  chain(b.events, start, c.events.length);
  b.eventCounts.push(c.events.length);
  // The same engine and inputs as the store's catch-up (refreshAllDeadlines), off the writer's thread.
  for (const d of deadlineRows(c.id, c.receivedAt, p.profile, c.events, calendar, p.now)) {
    const { limitName, startedAt, dueAt, dueDate, state, provisional, next } = d;
    b.deadlines.push(c.id, limitName, startedAt, dueAt, dueDate, state, provisional ? 1 : 0, next ? 1 : 0);
  }
}

/** Fills prev_hash and hash of `n` consecutive event rows from `start`: one case's chain. */
function chain(rows: unknown[], start: number, n: number): void {
  let prevHash = GENESIS_HASH;
  for (let i = 0; i < n; i++) {
    const o = start + i * EVENT_WIDTH;
    const hash = eventHash({
      caseId: rows[o] as string,
      seq: rows[o + 1] as number,
      type: rows[o + 2] as string,
      actorId: rows[o + 3] as string,
      workstation: rows[o + 4] as string,
      at: rows[o + 5] as number,
      status: rows[o + 6] as string,
      data: rows[o + EV_DATA] as string,
      prevHash,
    });
    rows[o + EV_PREV] = prevHash;
    rows[o + EV_HASH] = hash;
    prevHash = hash;
  }
}

/**
 * Renumbers the batch's cases of one receipt day from `last + 1` (the store's counter now), when
 * someone registered cases on that day after seeding read the counters. The case number is in
 * the registration event's data, so those cases' chains are hashed again. Returns the new last.
 */
export function renumberDay(b: Batch, date: string, last: number): number {
  let n = last;
  let eventAt = 0;
  for (let i = 0; i < b.count; i++) {
    const events = b.eventCounts[i]!;
    if (b.cases[i * CASE_WIDTH + RECEIVED_DATE_AT] === date) {
      const caseNo = caseNumberOf(date, ++n);
      b.cases[i * CASE_WIDTH + CASE_NO_AT] = caseNo;
      const register = JSON.parse(b.events[eventAt + EV_DATA] as string) as Record<string, unknown>;
      register.caseNo = caseNo; // same key order: JSON.parse keeps it
      b.events[eventAt + EV_DATA] = JSON.stringify(register);
      chain(b.events, eventAt, events);
    }
    eventAt += events * EVENT_WIDTH;
  }
  return n;
}
