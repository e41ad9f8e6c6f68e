import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod } from '../../../shared/stats/period';
import { drillCount } from '../../../main/stats/drill';
import { computeNotice, noticeFor } from '../../../main/stats/notice';
import type { Notice } from '../../../shared/stats/notice';
import { tempDir } from '../../support/temp';
import { buildFixtureStore } from './fixture';

// Every expected figure below is worked out by hand from fixture.ts.
describe('the notice of 2026-10 on a store whose numbers are known by construction', () => {
  const dir = tempDir('desk-stats-');
  let db: Database.Database;
  let n: Notice;

  beforeAll(() => {
    db = buildFixtureStore(dir.path).db;
    n = computeNotice(db, parsePeriod('2026-10'), 'unweighted');
  });
  afterAll(() => {
    db.close();
    dir.cleanup();
  });

  it('overall: totals, split, valid, changes', () => {
    const o = n.overall;
    expect(n.previousPeriod).toBe('2026-09');
    expect(n.yearAgoPeriod).toBe('2025-10');
    expect(o.total).toEqual({ value: 20, previous: 10, yearAgo: 16, mom: 100, yoy: 25 });
    expect(o.postal).toEqual({ value: 4, previous: 2, yearAgo: 0, mom: 100, yoy: null, share: 20 });
    expect(o.express).toEqual({ value: 16, previous: 8, yearAgo: 16, mom: 100, yoy: 0, share: 80 });
    expect(o.valid).toEqual({ value: 8, previous: 4, yearAgo: 5, mom: 100, yoy: 60 });
    expect(o.validPostal.value).toBe(2);
    expect(o.validExpress).toEqual({ value: 6, previous: 4, yearAgo: 5, mom: 50, yoy: 20 });
  });

  it('overall: rates per million, recovered amount, satisfaction, overdue, untruthful', () => {
    const o = n.overall;
    expect(o.volumePieces).toBe(8_000_000);
    expect(o.appealRate).toBe(2.5);
    expect(o.validRate).toBe(1);
    expect(o.recoveredFen).toBe(12_445);
    expect(o.satisfactionAdministration).toBe(75);
    expect(o.satisfactionPostal).toBe(50);
    expect(o.satisfactionExpress).toBe(50);
    expect(o.overdue).toEqual({ value: 3, previous: 1, yearAgo: 0, mom: 200, yoy: null });
    expect(o.untruthful).toBe(2);
  });

  it('postal table: counts, shares, valid by business type', () => {
    const row = (c: string) => n.postal.find((r) => r.category === c)!;
    expect(row('delivery')).toMatchObject({ count: 2, share: 50, valid: 1, validShare: 50 });
    expect(row('delivery').validByType).toEqual({ parcel: 1, letter: 0, philately: 0, other: 0 });
    expect(row('delay')).toMatchObject({ count: 1, share: 25, valid: 1, validShare: 50 });
    expect(row('delay').validByType).toEqual({ parcel: 0, letter: 1, philately: 0, other: 0 });
    expect(row('loss')).toMatchObject({ count: 1, share: 25, valid: 0, validShare: 0 });
    expect(n.postal.reduce((s, r) => s + r.count, 0)).toBe(4);
  });

  it('express table: counts, shares, changes, valid shares', () => {
    const row = (c: string) => n.express.find((r) => r.category === c)!;
    expect(row('delivery')).toMatchObject({ count: 4, share: 25, valid: 2, validShare: 33.33, mom: -42.9 });
    expect(row('delay')).toMatchObject({ count: 3, share: 18.75, valid: 1, validShare: 16.67 });
    expect(row('loss')).toMatchObject({ count: 5, share: 31.25, valid: 3, validShare: 50 });
    expect(row('damage')).toMatchObject({ count: 4, share: 25, valid: 0, validShare: 0, mom: null });
    expect(row('delay').yoy).toBe(-81.3); // 3 against 16 delays a year before
  });

  it('level-2 reasons with their share of the category', () => {
    const express = n.reasons.filter((r) => r.kind === 'express' && r.category === 'delivery');
    expect(express).toEqual([
      { kind: 'express', category: 'delivery', reason: 'false_signature', count: 3, share: 75 },
      { kind: 'express', category: 'delivery', reason: 'wrong_address', count: 1, share: 25 },
    ]);
    const loss = n.reasons.filter((r) => r.kind === 'express' && r.category === 'loss');
    expect(loss.map((r) => [r.reason, r.count, r.share])).toEqual([
      ['compensation_amount', 4, 80],
      ['contents_missing', 1, 20],
    ]);
  });

  it('main express carriers: rates per million and the unweighted average', () => {
    expect(n.carriers.map((c) => c.carrierId)).toEqual(['sf', 'zto']);
    const [sf, zto] = n.carriers;
    expect(sf).toEqual({
      carrierId: 'sf',
      pieces: 4_000_000,
      count: 10,
      valid: 5,
      appealRate: 2.5,
      validRate: 1.25,
      categoryRates: { loss: 0.75, delay: 0.75, delivery: 1, damage: 0 },
      satisfaction: 60,
    });
    expect(zto).toMatchObject({ count: 6, valid: 1, appealRate: 2, validRate: 0.33, satisfaction: 0 });
    expect(zto!.categoryRates).toEqual({ loss: 0.67, delay: 0, delivery: 0, damage: 1.33 });
    expect(n.carrierAverages).toEqual({
      appealRate: 2.25,
      validRate: 0.79,
      categoryRates: { loss: 0.71, delay: 0.38, delivery: 0.5, damage: 0.67 },
      aboveAverage: 1,
    });
  });

  it('the volume-weighted average, when chosen, is total count over total pieces', () => {
    const w = computeNotice(db, parsePeriod('2026-10'), 'volume_weighted');
    expect(w.carrierAverages.appealRate).toBe(2.29);
    expect(w.carrierAverages.validRate).toBe(0.86);
    expect(w.carriers).toEqual(n.carriers);
  });

  it('overdue table by carrier and province', () => {
    expect(n.overdue).toEqual([
      { carrierId: 'sf', province: '440000', count: 2 },
      { carrierId: 'zto', province: '110000', count: 1 },
    ]);
  });

  it('the quarter sums its months; volumes without all three months give no rate', () => {
    const q = computeNotice(db, parsePeriod('2026-Q4'), 'unweighted');
    expect(q.overall.total.value).toBe(21); // October's 20 and the case of 1 November
    expect(q.overall.total.previous).toBe(10); // Q3 holds September's cases
    expect(q.overall.appealRate).toBeNull();
    expect(q.carriers.every((c) => c.appealRate === null)).toBe(true);
  });

  it('a drill-down recounts the cases behind a number', () => {
    expect(drillCount(db, { period: '2026-10' })).toBe(n.overall.total.value);
    expect(drillCount(db, { period: '2026-10', kind: 'express', category: 'loss', valid: true })).toBe(3);
    expect(drillCount(db, { period: '2026-10', carrierId: 'sf', overdue: true, province: '440000' })).toBe(2);
    expect(drillCount(db, { period: '2026-10', kind: 'postal' })).toBe(4);
  });

  it('noticeFor uses the stored averaging setting', () => {
    db.prepare("INSERT INTO app_meta (key, value) VALUES ('stats.averaging', 'volume_weighted')").run();
    expect(noticeFor(db, '2026-10').averaging).toBe('volume_weighted');
    db.prepare("DELETE FROM app_meta WHERE key = 'stats.averaging'").run();
    expect(noticeFor(db, '2026-10').averaging).toBe('unweighted');
  });
});
