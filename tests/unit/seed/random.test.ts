import { describe, expect, it } from 'vitest';
import { Rng, Weighted, mix, uuidV7 } from '../../../main/seed/random';

describe('seed PRNG', () => {
  it('gives the same sequence for the same seed and a different one for another', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const xs = Array.from({ length: 100 }, () => a.u32());
    expect(Array.from({ length: 100 }, () => b.u32())).toEqual(xs);
    expect(Array.from({ length: 100 }, () => c.u32())).not.toEqual(xs);
  });

  it('draws uniform values in range', () => {
    const rng = new Rng(7);
    const counts = new Array<number>(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = rng.int(10);
      if (x < 0 || x >= 10 || !Number.isInteger(x)) outside++;
      else counts[x]!++;
    }
    expect(outside).toBe(0);
    for (const n of counts) expect(n).toBeGreaterThan(9_400);
    const ranged = new Set(Array.from({ length: 1000 }, () => rng.range(3, 5)));
    expect([...ranged].sort()).toEqual([3, 4, 5]);
  });

  it('derives independent streams from keys', () => {
    expect(mix(1, 2)).not.toBe(mix(2, 1));
    expect(Rng.derive(1, 5).u32()).toBe(Rng.derive(1, 5).u32());
    expect(Rng.derive(1, 5).u32()).not.toBe(Rng.derive(1, 6).u32());
  });

  it('picks weighted values in proportion', () => {
    const table = new Weighted([
      ['a', 70],
      ['b', 20],
      ['c', 10],
      ['never', 0],
    ] as const);
    const rng = new Rng(1);
    const n = new Map<string, number>();
    for (let i = 0; i < 50_000; i++) {
      const v = table.pick(rng);
      n.set(v, (n.get(v) ?? 0) + 1);
    }
    expect(n.get('a')! / 50_000).toBeCloseTo(0.7, 1);
    expect(n.get('b')! / 50_000).toBeCloseTo(0.2, 1);
    expect(n.get('never')).toBeUndefined();
    expect(table.shares().get('c')).toBeCloseTo(0.1, 6);
  });

  it('makes version-7 UUIDs that sort by their time', () => {
    const rng = new Rng(3);
    const ids = [1_700_000_000_000, 1_700_000_000_001, 1_800_000_000_000].map((t) => uuidV7(t, rng));
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(ids[0]!.replaceAll('-', '').slice(0, 12)).toBe((1_700_000_000_000).toString(16).padStart(12, '0'));
  });
});
