import type Database from 'better-sqlite3';
import { CATEGORIES } from '../../shared/domain/categories';
import type {
  CarrierRow,
  CategoryRow,
  Change,
  Notice,
  OverdueRow,
  ReasonRow,
} from '../../shared/stats/notice';
import { RATED_CATEGORIES } from '../../shared/stats/notice';
import { parsePeriod, previousPeriod, yearAgoPeriod, type Period } from '../../shared/stats/period';
import {
  averageRate,
  changePercent,
  DEFAULT_AVERAGING,
  perMillion,
  percent,
  type AveragingMethod,
} from '../../shared/stats/rates';
import { caseGroups, overdueGroups, provinceGroups, volumesFor, type CaseGroup } from './aggregate';

export const AVERAGING_SETTING = 'stats.averaging';

const isPostal = (g: CaseGroup) => g.serviceType !== 'express';
const sum = (groups: readonly CaseGroup[], f: (g: CaseGroup) => number) =>
  groups.reduce((s, g) => s + f(g), 0);
const count = (groups: readonly CaseGroup[], where: (g: CaseGroup) => boolean = () => true) =>
  sum(groups.filter(where), (g) => g.n);
const validCount = (groups: readonly CaseGroup[], where: (g: CaseGroup) => boolean = () => true) =>
  sum(groups.filter(where), (g) => g.valid);

/** Categories in the notices' order, then any code the store holds that the catalogue lacks. */
function categoryOrder(groups: readonly CaseGroup[]): string[] {
  const known = CATEGORIES.map((c) => c.code);
  const extra = [...new Set(groups.map((g) => g.category))].filter((c) => !known.includes(c)).sort();
  return [...known, ...extra];
}

export function averagingSetting(db: Database.Database): AveragingMethod {
  const row = db
    .prepare<[string], { value: string }>('SELECT value FROM app_meta WHERE key = ?')
    .get(AVERAGING_SETTING);
  return row?.value === 'volume_weighted' ? 'volume_weighted' : DEFAULT_AVERAGING;
}

export function lockedNotice(db: Database.Database, periodId: string): Notice | null {
  const row = db
    .prepare<[string], { notice: string }>('SELECT notice FROM stats_period_locks WHERE period = ?')
    .get(periodId);
  return row ? { ...(JSON.parse(row.notice) as Notice), locked: true } : null;
}

/** The notice of a period: the frozen snapshot when the period is locked, otherwise computed now. */
export function noticeFor(db: Database.Database, periodId: string): Notice {
  return lockedNotice(db, periodId) ?? computeNotice(db, parsePeriod(periodId), averagingSetting(db));
}

/** Every table of the notice for a period, from three index range scans per compared period. */
export function computeNotice(db: Database.Database, period: Period, averaging: AveragingMethod): Notice {
  const prevP = previousPeriod(period);
  const agoP = yearAgoPeriod(period);
  const cur = caseGroups(db, period);
  const prev = caseGroups(db, prevP);
  const ago = caseGroups(db, agoP);
  const volumes = volumesFor(db, period);

  const change = (f: (gs: readonly CaseGroup[]) => number): Change => {
    const value = f(cur);
    const previous = f(prev);
    const yearAgo = f(ago);
    return {
      value,
      previous,
      yearAgo,
      mom: changePercent(value, previous),
      yoy: changePercent(value, yearAgo),
    };
  };

  const total = count(cur);
  const validTotal = validCount(cur);
  const postalGroups = cur.filter(isPostal);
  const expressGroups = cur.filter((g) => !isPostal(g));
  const volumePieces = volumes.size > 0 ? [...volumes.values()].reduce((s, p) => s + p, 0) : null;
  const satisfaction = (gs: readonly CaseGroup[], f: (g: CaseGroup) => number) =>
    percent(sum(gs, f), validCount(gs), 1);

  const overall: Notice['overall'] = {
    total: change((gs) => count(gs)),
    postal: { ...change((gs) => count(gs, isPostal)), share: percent(count(postalGroups), total, 1) },
    express: {
      ...change((gs) => count(gs, (g) => !isPostal(g))),
      share: percent(count(expressGroups), total, 1),
    },
    valid: change((gs) => validCount(gs)),
    validPostal: change((gs) => validCount(gs, isPostal)),
    validExpress: change((gs) => validCount(gs, (g) => !isPostal(g))),
    appealRate: perMillion(total, volumePieces),
    validRate: perMillion(validTotal, volumePieces),
    volumePieces,
    recoveredFen: sum(cur, (g) => g.recoveredFen),
    satisfactionAdministration: satisfaction(cur, (g) => g.satisfiedAdmin),
    satisfactionPostal: satisfaction(postalGroups, (g) => g.satisfiedCarrier),
    satisfactionExpress: satisfaction(expressGroups, (g) => g.satisfiedCarrier),
    overdue: change((gs) => sum(gs, (g) => g.overdue)),
    untruthful: sum(cur, (g) => g.untruthful),
  };

  const order = categoryOrder(cur);
  const categoryRows = (kind: 'postal' | 'express'): CategoryRow[] => {
    const ofKind = (g: CaseGroup) => isPostal(g) === (kind === 'postal');
    const mine = cur.filter(ofKind);
    const kindTotal = count(mine);
    const kindValid = validCount(mine);
    return order
      .map((category) => {
        const inCat = (g: CaseGroup) => ofKind(g) && g.category === category;
        const rows = cur.filter(inCat);
        const n = count(rows);
        const valid = validCount(rows);
        const row: CategoryRow = {
          category,
          count: n,
          share: percent(n, kindTotal),
          mom: changePercent(n, count(prev, inCat)),
          yoy: changePercent(n, count(ago, inCat)),
          valid,
          validShare: percent(valid, kindValid),
        };
        if (kind === 'postal') {
          const v = (type: string) => validCount(rows, (g) => g.serviceType === type);
          row.validByType = {
            parcel: v('postal_parcel'),
            letter: v('postal_letter'),
            philately: v('postal_philately'),
            other: v('postal_other'),
          };
        }
        return row;
      })
      .filter((r) => r.count > 0 || CATEGORIES.some((c) => c.code === r.category));
  };

  const reasons: ReasonRow[] = [];
  for (const kind of ['postal', 'express'] as const) {
    const mine = cur.filter((g) => isPostal(g) === (kind === 'postal'));
    for (const category of order) {
      const inCat = mine.filter((g) => g.category === category);
      const catTotal = count(inCat);
      const byReason = new Map<string, number>();
      for (const g of inCat) byReason.set(g.reason, (byReason.get(g.reason) ?? 0) + g.n);
      const sorted = [...byReason].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      for (const [reason, n] of sorted)
        reasons.push({ kind, category, reason, count: n, share: percent(n, catTotal) });
    }
  }

  const carrierIds = new Set([
    ...expressGroups.map((g) => g.carrierId),
    ...expressCarriersWithVolume(db, volumes),
  ]);
  const carriers: CarrierRow[] = [...carrierIds].sort().map((carrierId) => {
    const mine = expressGroups.filter((g) => g.carrierId === carrierId);
    const pieces = volumes.get(carrierId) ?? null;
    const n = count(mine);
    const valid = validCount(mine);
    const categoryRates: Record<string, number | null> = {};
    for (const c of RATED_CATEGORIES)
      categoryRates[c] = perMillion(
        count(mine, (g) => g.category === c),
        pieces,
      );
    return {
      carrierId,
      pieces,
      count: n,
      valid,
      appealRate: perMillion(n, pieces),
      validRate: perMillion(valid, pieces),
      categoryRates,
      satisfaction: satisfaction(mine, (g) => g.satisfiedCarrier),
    };
  });
  const rated = carriers.filter((c) => c.pieces !== null);
  const avgOf = (f: (c: CarrierRow) => number) =>
    averageRate(
      rated.map((c) => ({ count: f(c), pieces: c.pieces! })),
      averaging,
    );
  const categoryAverages: Record<string, number | null> = {};
  for (const c of RATED_CATEGORIES) {
    categoryAverages[c] = avgOf((row) =>
      count(expressGroups, (g) => g.carrierId === row.carrierId && g.category === c),
    );
  }
  const appealAverage = avgOf((c) => c.count);
  const carrierAverages = {
    appealRate: appealAverage,
    validRate: avgOf((c) => c.valid),
    categoryRates: categoryAverages,
    aboveAverage:
      appealAverage === null ? 0 : rated.filter((c) => (c.appealRate ?? 0) > appealAverage).length,
  };

  const overdue: OverdueRow[] = overdueGroups(db, period)
    .map((g) => ({ carrierId: g.carrierId, province: g.province, count: g.n }))
    .sort(
      (a, b) =>
        b.count - a.count || a.carrierId.localeCompare(b.carrierId) || a.province.localeCompare(b.province),
    );

  return {
    period: period.id,
    previousPeriod: prevP.id,
    yearAgoPeriod: agoP.id,
    averaging,
    overall,
    postal: categoryRows('postal'),
    express: categoryRows('express'),
    reasons,
    carriers,
    carrierAverages,
    overdue,
    byProvince: provinceGroups(db, period).sort(
      (a, b) => b.count - a.count || a.province.localeCompare(b.province),
    ),
    locked: false,
  };
}

function expressCarriersWithVolume(db: Database.Database, volumes: Map<string, number>): string[] {
  if (volumes.size === 0) return [];
  const express = new Set(
    db
      .prepare<[], { id: string }>("SELECT id FROM carriers WHERE kind = 'express'")
      .all()
      .map((r) => r.id),
  );
  return [...volumes.keys()].filter((id) => express.has(id));
}
