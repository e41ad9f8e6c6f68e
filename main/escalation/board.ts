import type Database from 'better-sqlite3';
import { shanghaiDay, startOfShanghaiDay, type WorkingCalendar } from '../../shared/calendar';
import type {
  BoardClock,
  CalendarDay,
  DeadlineBoard,
  HandlerLoad,
  Urgency,
} from '../../shared/escalation/dto';

export interface BoardFilter {
  carrierId: string | null;
  category: string | null;
  limitName: string | null;
  /** Only clocks of cases held by staff of this team (null: every case). */
  team: string | null;
  limit: number;
}

const DAY_MS = 86_400_000;
const URGENCIES: readonly Urgency[] = ['overdue', 'today', 'tomorrow', 'week', 'later'];

/** The instants where each urgency starts, from the Shanghai day of `now`. */
function bounds(now: number) {
  const today = startOfShanghaiDay(shanghaiDay(now));
  return { now, tomorrow: today + DAY_MS, dayAfter: today + 2 * DAY_MS, week: today + 7 * DAY_MS };
}

const URGENCY_SQL = `CASE WHEN d.due_at <= @now THEN 'overdue' WHEN d.due_at < @tomorrow THEN 'today'
  WHEN d.due_at < @dayAfter THEN 'tomorrow' WHEN d.due_at < @week THEN 'week' ELSE 'later' END`;

/**
 * The 时限看板: each open case's next running clock (case_deadlines.next, kept by the queue
 * domain), counted per urgency and per handler, with the most urgent `limit` clocks listed.
 */
export function deadlineBoard(db: Database.Database, filter: BoardFilter, now: number): DeadlineBoard {
  const where = ['d.next = 1', "d.state = 'running'"];
  const args: Record<string, unknown> = { ...bounds(now), limit: filter.limit };
  const exact = { carrierId: 'c.carrier_id', category: 'c.category', limitName: 'd.limit_name' } as const;
  for (const [key, column] of Object.entries(exact) as [keyof typeof exact, string][]) {
    if (filter[key] === null) continue;
    where.push(`${column} = @${key}`);
    args[key] = filter[key];
  }
  if (filter.team) {
    where.push('c.assignee_id IN (SELECT id FROM staff WHERE team = @team)');
    args.team = filter.team;
  }
  const from = `FROM case_deadlines d JOIN cases c ON c.id = d.case_id WHERE ${where.join(' AND ')}`;
  const clocks = db
    .prepare<Record<string, unknown>, Omit<BoardClock, 'provisional'> & { provisional: number }>(
      `SELECT d.case_id AS caseId, c.case_no AS caseNo, d.limit_name AS limitName, d.due_at AS dueAt,
         d.due_date AS dueDate, d.provisional, ${URGENCY_SQL} AS urgency, c.assignee_id AS assigneeId,
         c.carrier_id AS carrierId, c.category, c.status
       ${from} ORDER BY d.due_at, d.case_id LIMIT @limit`,
    )
    .all(args)
    .map((r) => ({ ...r, provisional: r.provisional === 1 }));
  const perHandler = db
    .prepare<Record<string, unknown>, { staffId: string | null; urgency: Urgency; n: number }>(
      `SELECT c.assignee_id AS staffId, ${URGENCY_SQL} AS urgency, COUNT(*) AS n ${from} GROUP BY 1, 2`,
    )
    .all(args);
  const counts = Object.fromEntries(URGENCIES.map((u) => [u, 0])) as Record<Urgency, number>;
  const loads = new Map<string | null, HandlerLoad>();
  for (const r of perHandler) {
    counts[r.urgency] += r.n;
    const load = loads.get(r.staffId) ?? { staffId: r.staffId, name: null, open: 0, dueSoon: 0, overdue: 0 };
    load.open += r.n;
    if (r.urgency === 'overdue') load.overdue += r.n;
    if (r.urgency === 'today' || r.urgency === 'tomorrow') load.dueSoon += r.n;
    loads.set(r.staffId, load);
  }
  const names = new Map(
    db
      .prepare<[], { id: string; name: string }>('SELECT id, name FROM staff')
      .all()
      .map((s) => [s.id, s.name]),
  );
  const workload = [...loads.values()]
    .map((l) => ({ ...l, name: l.staffId ? (names.get(l.staffId) ?? null) : null }))
    .sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon || b.open - a.open);
  const total = URGENCIES.reduce((s, u) => s + counts[u], 0);
  return { clocks, counts, truncated: total > clocks.length, workload };
}

/** The calendar strip: the kind of each day of the next `weeks` weeks from today (Shanghai). */
export function calendarDays(calendar: WorkingCalendar, now: number, weeks: number): CalendarDay[] {
  const first = shanghaiDay(now);
  return Array.from({ length: weeks * 7 }, (_, i) => {
    const info = calendar.kindOf(first + i);
    return { date: info.date, kind: info.kind, holiday: info.holiday ?? null, provisional: info.provisional };
  });
}
