import { shanghaiDay, startOfShanghaiDay, type WorkingCalendar } from '../../shared/calendar';
import { addWorkingMs } from '../../shared/deadlines/office-hours';
import type { RuleParams } from '../../shared/escalation/rules';

/** One rule's candidates as SQL selecting (case_id, condition, evidence JSON) over open cases. */
export interface CandidateQuery {
  sql: string;
  params: unknown[];
}

const DAY_MS = 86_400_000;
const DUE_TEXT = `strftime('%Y-%m-%d %H:%M', d.due_at / 1000 + 28800, 'unixepoch')`;

function limitFilter(limits: readonly string[], params: unknown[]): string {
  if (limits.length === 0) return '';
  params.push(...limits);
  return ` AND d.limit_name IN (${limits.map(() => '?').join(', ')})`;
}

function caseFilter(column: string, caseId: string | null, params: unknown[]): string {
  if (caseId === null) return '';
  params.push(caseId);
  return ` AND ${column} = ?`;
}

/**
 * Set-based: each rule is one statement over all open cases (or one case, for the evaluation on a
 * change), so a pass over a million cases is a handful of index ranges and scans, not a JS loop.
 * The condition names exactly what fired (a clock and its due time, a waybill, an outlet's week),
 * and the unique index on (rule, case, condition) makes raising it again a no-op.
 */
export function candidateQuery(
  p: RuleParams,
  now: number,
  calendar: WorkingCalendar,
  caseId: string | null,
): CandidateQuery {
  const params: unknown[] = [];
  switch (p.kind) {
    case 'pre_breach': {
      if (p.periodPercent !== undefined) {
        // The share is working time from each clock's own start, so it is a function per row
        // (main/escalation/period-share.ts), over running clocks not yet due.
        const { start, end } = p.officeHours;
        params.push(p.periodPercent, now, now, now, p.periodPercent, start, end);
        const sql = `SELECT d.case_id, d.limit_name || '@' || d.due_at AS condition,
            json_object('key', 'escalation.evidence.preBreachShare', 'params',
              json_object('limit', d.limit_name, 'due', ${DUE_TEXT}, 'percent', ?)) AS evidence
          FROM case_deadlines d JOIN cases c ON c.id = d.case_id
          WHERE d.state = 'running' AND d.due_at > ? AND d.started_at < ? AND c.is_open = 1
            AND desk_period_share_reached(d.started_at, d.due_at, ?, ?, ?, ?) = 1`;
        return { sql: sql + limitFilter(p.limits, params) + caseFilter('d.case_id', caseId, params), params };
      }
      // Working time is monotonic, so "due within N working hours of now" is one range on due_at.
      const hoursBefore = p.workingHoursBefore ?? 0;
      const horizon = addWorkingMs(calendar, p.officeHours, now, hoursBefore * 3_600_000);
      params.push(hoursBefore, now, horizon);
      const sql = `SELECT d.case_id, d.limit_name || '@' || d.due_at AS condition,
          json_object('key', 'escalation.evidence.preBreach', 'params',
            json_object('limit', d.limit_name, 'due', ${DUE_TEXT}, 'hours', ?)) AS evidence
        FROM case_deadlines d JOIN cases c ON c.id = d.case_id
        WHERE d.state = 'running' AND d.due_at > ? AND d.due_at <= ? AND c.is_open = 1`;
      return { sql: sql + limitFilter(p.limits, params) + caseFilter('d.case_id', caseId, params), params };
    }
    case 'breach': {
      params.push(now);
      const sql = `SELECT d.case_id, d.limit_name || '@' || d.due_at AS condition,
          json_object('key', 'escalation.evidence.breach', 'params',
            json_object('limit', d.limit_name, 'due', ${DUE_TEXT})) AS evidence
        FROM case_deadlines d JOIN cases c ON c.id = d.case_id
        WHERE (d.state = 'missed' OR (d.state = 'running' AND d.due_at <= ?)) AND c.is_open = 1`;
      return { sql: sql + limitFilter(p.limits, params) + caseFilter('d.case_id', caseId, params), params };
    }
    case 'carrier_overdue': {
      params.push(now);
      // Reads the partial index case_deadlines_carrier_idx.
      const sql = `SELECT d.case_id, 'carrier_reply@' || d.due_at AS condition,
          json_object('key', 'escalation.evidence.carrierOverdue', 'params', json_object('due', ${DUE_TEXT})) AS evidence
        FROM case_deadlines d JOIN cases c ON c.id = d.case_id
        WHERE d.limit_name = 'carrier_reply' AND d.state = 'running' AND d.due_at <= ? AND c.is_open = 1`;
      return { sql: sql + caseFilter('d.case_id', caseId, params), params };
    }
    case 'repeat_appeals': {
      const since = now - p.days * DAY_MS;
      const one = caseId === null ? '' : ' AND waybill_no = (SELECT waybill_no FROM cases WHERE id = ?)';
      const onePhone =
        caseId === null
          ? ''
          : ` AND p.phone = (SELECT phone FROM parties WHERE case_id = ? AND kind = 'appellant')`;
      // The phone itself never goes into the condition or the evidence: it is personal data.
      const sql = `SELECT c.id AS case_id, 'waybill:' || c.waybill_no AS condition,
          json_object('key', 'escalation.evidence.repeatWaybill', 'params', json_object('count', w.n, 'days', ?)) AS evidence
        FROM (SELECT waybill_no, COUNT(*) AS n FROM cases INDEXED BY cases_received_idx WHERE received_at >= ?${one}
              GROUP BY waybill_no HAVING n >= ?) w
        JOIN cases c ON c.waybill_no = w.waybill_no
        WHERE c.is_open = 1 AND c.received_at >= ?
      UNION ALL
      SELECT c.id, 'phone', json_object('key', 'escalation.evidence.repeatPhone', 'params', json_object('count', g.n, 'days', ?))
        FROM (SELECT p.phone, COUNT(*) AS n FROM cases c CROSS JOIN parties p
                ON p.case_id = c.id AND p.kind = 'appellant'
              WHERE p.phone IS NOT NULL AND c.received_at >= ?${onePhone}
              GROUP BY p.phone HAVING n >= ?) g
        JOIN parties p ON p.phone = g.phone AND p.kind = 'appellant'
        JOIN cases c ON c.id = p.case_id
        WHERE c.is_open = 1 AND c.received_at >= ?`;
      // Both groupings read only the received_at range (INDEXED BY, CROSS JOIN), not every case or party.
      // CROSS JOIN: drive from the received_at range of cases, not from every party (SQLite keeps the order).
      // Parameters in text order: days, since, [case], minCount, since — twice.
      const ordered = [
        p.days,
        since,
        ...(caseId ? [caseId] : []),
        p.minCount,
        since,
        p.days,
        since,
        ...(caseId ? [caseId] : []),
        p.minCount,
        since,
      ];
      const sqlOne = caseId === null ? sql : `SELECT * FROM (${sql}) WHERE case_id = ?`;
      return { sql: sqlOne, params: caseId === null ? ordered : [...ordered, caseId] };
    }
    case 'outlet_pileup': {
      // "In a week": the Shanghai calendar week (Monday first) that holds `now`.
      const today = shanghaiDay(now);
      const weekday = (((today + 3) % 7) + 7) % 7; // day 0 (1970-01-01) was a Thursday
      const weekStart = startOfShanghaiDay(today - weekday);
      const weekDate = new Date(weekStart + 8 * 3_600_000).toISOString().slice(0, 10);
      params.push(weekDate, p.minCount, weekDate, weekStart, now);
      const one =
        caseId === null
          ? ''
          : ' AND carrier_id = (SELECT carrier_id FROM cases WHERE id = ?) AND outlet = (SELECT outlet FROM cases WHERE id = ?)';
      if (caseId) params.push(caseId, caseId);
      params.push(p.minCount);
      // The K-th appeal of the week at an outlet carries the escalation, so it is raised once per outlet and week.
      // Appeals received in the same millisecond are ordered by case number (registration order), not by random id.
      const sql = `SELECT id AS case_id, 'outlet:' || carrier_id || '/' || outlet || ':' || ? AS condition,
          json_object('key', 'escalation.evidence.outletPileup', 'params',
            json_object('outlet', outlet, 'count', ?, 'week', ?)) AS evidence
        FROM (SELECT id, carrier_id, outlet,
                ROW_NUMBER() OVER (PARTITION BY carrier_id, outlet ORDER BY received_at, case_no, id) AS rn
              FROM cases WHERE received_at >= ? AND received_at <= ? AND outlet IS NOT NULL${one})
        WHERE rn = ?`;
      return { sql, params };
    }
    case 'sensitive_words': {
      const hit = p.words.map(() => 'instr(c.description, ?) > 0');
      const found = p.words
        .map(() => `CASE WHEN instr(c.description, ?) > 0 THEN ? ELSE '' END`)
        .join(' || ');
      for (const w of p.words) params.push(w, `${w}、`);
      params.push(...p.words);
      const sql = `SELECT c.id AS case_id, 'sensitive_words' AS condition,
          json_object('key', 'escalation.evidence.sensitiveWords', 'params',
            json_object('words', rtrim(${found}, '、'))) AS evidence
        FROM cases c WHERE c.is_open = 1 AND (${hit.join(' OR ')})`;
      return { sql: sql + caseFilter('c.id', caseId, params), params };
    }
    case 'claim_amount': {
      params.push((p.thresholdFen / 100).toFixed(2), p.thresholdFen);
      const sql = `SELECT c.id AS case_id, 'claim_amount' AS condition,
          json_object('key', 'escalation.evidence.claimAmount', 'params',
            json_object('amount', printf('%.2f', c.demand_amount_fen / 100.0), 'threshold', ?)) AS evidence
        FROM cases c WHERE c.is_open = 1 AND c.demand_amount_fen >= ?`;
      return { sql: sql + caseFilter('c.id', caseId, params), params };
    }
    case 'transfer_rounds': {
      const sql = `SELECT c.id AS case_id, 'transfer_rounds' AS condition,
          json_object('key', 'escalation.evidence.transferRounds', 'params', json_object()) AS evidence
        FROM cases c WHERE c.is_open = 1 AND c.transfer_rounds_exceeded = 1`;
      return { sql: sql + caseFilter('c.id', caseId, params), params };
    }
  }
}
