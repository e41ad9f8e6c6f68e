import { describe, expect, it } from 'vitest';
import {
  CASE_NO_AT,
  CASE_WIDTH,
  EVENT_WIDTH,
  PARTY_WIDTH,
  RECEIVED_DATE_AT,
  caseNumberOf,
  demoBatches,
  renumberDay,
  type Batch,
} from '../../../main/seed/batches';
import { GENESIS_HASH, eventHash } from '../../../main/store/audit';
import { CURRENT_PROFILE } from '../../../shared/deadlines';

const NOW = Date.parse('2026-11-29T03:30:00Z');
const params = {
  seed: 4,
  count: 1_500,
  now: NOW,
  idSalt: 0,
  batchSize: 200,
  workstation: 'ws-test',
  counters: {},
  calendarYears: [],
  profile: CURRENT_PROFILE,
};

/** Checks every case's chain in a batch with the store's own eventHash; returns the number of events. */
function verifyChains(b: Batch): number {
  let at = 0;
  for (let i = 0; i < b.count; i++) {
    let prev = GENESIS_HASH;
    for (let k = 0; k < b.eventCounts[i]!; k++, at += EVENT_WIDTH) {
      const r = b.events.slice(at, at + EVENT_WIDTH);
      expect(r[0]).toBe(b.cases[i * CASE_WIDTH]);
      expect(r[1]).toBe(k + 1);
      expect(r[8]).toBe(prev);
      const hash = eventHash({
        caseId: r[0] as string,
        seq: r[1] as number,
        type: r[2] as string,
        actorId: r[3] as string,
        workstation: r[4] as string,
        at: r[5] as number,
        status: r[6] as string,
        data: r[7] as string,
        prevHash: prev,
      });
      expect(r[9]).toBe(hash);
      prev = hash;
    }
  }
  return at / EVENT_WIDTH;
}

describe('demo batches', () => {
  const batches = [...demoBatches(params)];

  it('cuts the cases into batches of flat rows with their chains hashed', () => {
    expect(batches.map((b) => b.count).reduce((a, b) => a + b)).toBe(1_500);
    expect(batches.slice(0, -1).every((b) => b.count === 200)).toBe(true);
    for (const b of batches) {
      expect(b.cases).toHaveLength(b.count * CASE_WIDTH);
      expect(b.parties).toHaveLength(b.count * PARTY_WIDTH);
      expect(verifyChains(b)).toBe(b.eventCounts.reduce((x, y) => x + y, 0));
      // audit_seq is the chain's length.
      for (let i = 0; i < b.count; i++) expect(b.cases[(i + 1) * CASE_WIDTH - 1]).toBe(b.eventCounts[i]);
    }
  });

  it('records the numbers each batch took per day, continuing across batches', () => {
    const last = new Map<string, number>();
    for (const b of batches) {
      for (const d of b.days) {
        expect(d.from).toBe(last.get(d.date) ?? 0);
        expect(d.to).toBeGreaterThan(d.from);
        last.set(d.date, d.to);
      }
      for (let i = 0; i < b.count; i++) {
        const date = b.cases[i * CASE_WIDTH + RECEIVED_DATE_AT] as string;
        const range = b.days.find((d) => d.date === date)!;
        const n = Number((b.cases[i * CASE_WIDTH + CASE_NO_AT] as string).slice(10));
        expect(n).toBeGreaterThan(range.from);
        expect(n).toBeLessThanOrEqual(range.to);
      }
    }
  });

  it('starts each day from the counter it was given', () => {
    const first = [...demoBatches({ ...params, count: 300 })][0]!;
    const date = first.days[0]!.date;
    const shifted = [...demoBatches({ ...params, count: 300, counters: { [date]: 41 } })][0]!;
    expect(shifted.days[0]).toEqual({ date, from: 41, to: 41 + (first.days[0]!.to - first.days[0]!.from) });
    expect(shifted.cases[CASE_NO_AT]).toBe(caseNumberOf(date, 42));
  });

  it('renumbers a day after someone else took numbers, and re-chains those cases', () => {
    const b = structuredClone(batches[3]!);
    const day = b.days[0]!;
    const last = renumberDay(b, day.date, 500);
    expect(last).toBe(500 + (day.to - day.from));
    let at = 0;
    let n = 500;
    for (let i = 0; i < b.count; i++) {
      if (b.cases[i * CASE_WIDTH + RECEIVED_DATE_AT] === day.date) {
        const caseNo = caseNumberOf(day.date, ++n);
        expect(b.cases[i * CASE_WIDTH + CASE_NO_AT]).toBe(caseNo);
        expect(JSON.parse(b.events[at + 7] as string)).toMatchObject({ caseNo });
      }
      at += b.eventCounts[i]! * EVENT_WIDTH;
    }
    verifyChains(b);
  });

  it('refuses a day beyond 999,999 numbers', () => {
    expect(caseNumberOf('2026-11-29', 999_999)).toBe('SS20261129999999');
    expect(() => caseNumberOf('2026-11-29', 1_000_000)).toThrow(/at most 999,999/);
  });
});
