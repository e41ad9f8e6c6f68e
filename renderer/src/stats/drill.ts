import type { DrillFilter, Notice } from '../../../shared/stats/notice';

/**
 * Which cases stand behind a cell of a notice table (the tables of shared/stats/tables.ts, by
 * name, row and column); null for cells that are not counts of cases (rates, shares, averages).
 */
export function drillFilterFor(n: Notice, table: string, row: number, col: number): DrillFilter | null {
  const period = n.period;
  switch (table) {
    case '总体情况': {
      if (col !== 1) return null;
      const filters: DrillFilter[] = [
        { period },
        { period, kind: 'postal' },
        { period, kind: 'express' },
        { period, valid: true },
        { period, kind: 'postal', valid: true },
        { period, kind: 'express', valid: true },
        { period, overdue: true },
      ];
      return filters[row] ?? null;
    }
    case '邮政服务申诉':
    case '快递服务申诉': {
      const kind = table === '邮政服务申诉' ? 'postal' : 'express';
      const r = (kind === 'postal' ? n.postal : n.express)[row];
      if (!r) return null;
      if (col === 1) return { period, kind, category: r.category };
      if (col === 5) return { period, kind, category: r.category, valid: true };
      return null;
    }
    case '二级原因': {
      const r = n.reasons[row];
      return r && col === 3 ? { period, kind: r.kind, category: r.category, reason: r.reason } : null;
    }
    case '主要快递企业': {
      const r = n.carriers[row];
      if (!r) return null;
      if (col === 2) return { period, kind: 'express', carrierId: r.carrierId };
      if (col === 3) return { period, kind: 'express', carrierId: r.carrierId, valid: true };
      return null;
    }
    case '逾期情况表': {
      const r = n.overdue[row];
      return r && col === 2 ? { period, carrierId: r.carrierId, province: r.province, overdue: true } : null;
    }
    default:
      return null;
  }
}
