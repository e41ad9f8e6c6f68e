/**
 * Deterministic randomness for demo data. Math.random cannot be seeded, and the demo must be
 * reproducible (the same seed gives the same million cases, so a bug seen on one machine can be
 * seen on another), so every draw goes through this small PRNG.
 */

/** Mixes integers into a well-spread 32-bit value (murmur3's finaliser), for deriving sub-seeds. */
export function mix(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x01000193);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): 128 bits of state, passes
 * PractRand, and needs only 32-bit integer operations, which V8 does fast.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    // The first outputs of a freshly seeded sfc32 are correlated with the seed: discard them.
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** A uniform 32-bit unsigned integer. */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4_294_967_296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [min, max] (both included). */
  range(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[this.int(items.length)]!;
  }

  /** Log-uniform in [min, max]: amounts of money are spread over orders of magnitude. */
  logUniform(min: number, max: number): number {
    return min * Math.exp(this.next() * Math.log(max / min));
  }

  /** A fresh, independent generator derived from this seed and a key. */
  static derive(seed: number, ...keys: number[]): Rng {
    return new Rng(mix(seed, ...keys));
  }
}

/** A fixed discrete distribution; pick is a binary search over the cumulative weights. */
export class Weighted<T> {
  private readonly values: T[];
  private readonly cumulative: Float64Array;
  readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    const kept = entries.filter(([, w]) => w > 0);
    if (kept.length === 0) throw new RangeError('a weighted table needs a positive weight');
    this.values = kept.map(([v]) => v);
    this.cumulative = new Float64Array(kept.length);
    let sum = 0;
    kept.forEach(([, w], i) => {
      sum += w;
      this.cumulative[i] = sum;
    });
    this.total = sum;
  }

  pick(rng: Rng): T {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (x < this.cumulative[mid]!) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo]!;
  }

  /** The share of each value, for tests and docs. */
  shares(): Map<T, number> {
    const out = new Map<T, number>();
    let prev = 0;
    this.values.forEach((v, i) => {
      const c = this.cumulative[i]!;
      out.set(v, (c - prev) / this.total);
      prev = c;
    });
    return out;
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * A UUID version 7 (RFC 9562): 48-bit millisecond timestamp, then random bits from `rng`.
 * Ids that sort by time make the bulk load append to the primary-key index instead of
 * scattering writes over it, and keep `(received_at, id)` keyset order natural.
 */
export function uuidV7(ms: number, rng: Rng): string {
  const hi = Math.floor(ms / 0x1_0000_0000) & 0xffff;
  const lo = ms >>> 0;
  const r1 = rng.u32();
  const r2 = rng.u32();
  const r3 = rng.u32();
  const b = (n: number) => HEX[n & 0xff]!;
  return (
    b(hi >>> 8) +
    b(hi) +
    b(lo >>> 24) +
    b(lo >>> 16) +
    '-' +
    b(lo >>> 8) +
    b(lo) +
    '-' +
    b(0x70 | ((r1 >>> 8) & 0x0f)) +
    b(r1) +
    '-' +
    b(0x80 | ((r1 >>> 16) & 0x3f)) +
    b(r1 >>> 24) +
    '-' +
    b(r2) +
    b(r2 >>> 8) +
    b(r2 >>> 16) +
    b(r2 >>> 24) +
    b(r3) +
    b(r3 >>> 8)
  );
}
