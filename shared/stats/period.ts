import { z } from 'zod';

/** A reporting period of the notices (DOMAIN §3.1): a month `YYYY-MM` or a quarter `YYYY-Qn`. */
export interface Period {
  readonly id: string;
  readonly kind: 'month' | 'quarter';
  readonly year: number;
  /** 1–12 for a month, 1–4 for a quarter. */
  readonly index: number;
  /** First day, `YYYY-MM-DD`. */
  readonly from: string;
  /** The day after the last day (exclusive bound), `YYYY-MM-DD`. */
  readonly until: string;
  /** The months it covers, `YYYY-MM`. */
  readonly months: readonly string[];
}

export const PERIOD_PATTERN = /^(\d{4})-(?:(0[1-9]|1[0-2])|Q([1-4]))$/;

export const periodSchema = z.string().regex(PERIOD_PATTERN, 'validation.stats.period');

const pad = (n: number) => String(n).padStart(2, '0');
const monthId = (year: number, month: number) => `${year}-${pad(month)}`;

function build(kind: Period['kind'], year: number, index: number): Period {
  const firstMonth = kind === 'month' ? index : (index - 1) * 3 + 1;
  const count = kind === 'month' ? 1 : 3;
  const months = Array.from({ length: count }, (_, i) => monthId(year, firstMonth + i));
  const end = firstMonth + count;
  const until = end > 12 ? `${year + 1}-01-01` : `${monthId(year, end)}-01`;
  const id = kind === 'month' ? monthId(year, index) : `${year}-Q${index}`;
  return { id, kind, year, index, from: `${months[0]!}-01`, until, months };
}

export function parsePeriod(id: string): Period {
  const m = PERIOD_PATTERN.exec(id);
  if (!m) throw new Error(`Not a period (YYYY-MM or YYYY-Qn): ${id}`);
  const year = Number(m[1]);
  return m[2] ? build('month', year, Number(m[2])) : build('quarter', year, Number(m[3]));
}

/** 环比: the period just before (December of last year before January; Q4 before Q1). */
export function previousPeriod(p: Period): Period {
  const last = p.kind === 'month' ? 12 : 4;
  return p.index === 1 ? build(p.kind, p.year - 1, last) : build(p.kind, p.year, p.index - 1);
}

/** 同比: the same period a year earlier. */
export function yearAgoPeriod(p: Period): Period {
  return build(p.kind, p.year - 1, p.index);
}

/** The months of a trend ending with (and including) the period's last month. */
export function trailingMonths(p: Period, count: number): Period[] {
  const last = parsePeriod(p.months[p.months.length - 1]!);
  const out: Period[] = [last];
  while (out.length < count) out.unshift(previousPeriod(out[0]!));
  return out;
}
