/**
 * Small deterministic pseudo-random tools for the demo generator. Nothing here uses
 * Math.random: every stream is derived from the seed and a few integers, so any part of the
 * organisation (one employee, one team) can be regenerated on its own, in any order.
 */

/** 32-bit integer hash of a list of integers (a murmur3-style finaliser over each value). */
export function hash32(...values: number[]): number {
  let h = 0x811c9dc5;
  for (const value of values) {
    let k = value | 0;
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
    // Values above 2^32 (large seeds) contribute their high part too.
    const high = Math.floor(value / 0x100000000) | 0;
    if (high !== 0) h = Math.imul(h ^ high, 0x85ebca6b);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a hash of a string, for stable identifiers derived from catalogue names. */
export function hashString(text: string, salt = 0): number {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return hash32(h, salt);
}

/** mulberry32: a tiny, fast PRNG with a 32-bit state; good enough for synthetic data. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A stream derived from a seed and any number of integers (e.g. seed, employee id, purpose). */
  static of(...values: number[]): Random {
    return new Random(hash32(...values));
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Real in [min, max). */
  real(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick() from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks an item with probability proportional to its weight. */
  weighted<T>(items: readonly T[], weightOf: (item: T) => number): T {
    let total = 0;
    for (const item of items) total += weightOf(item);
    if (items.length === 0 || total <= 0) throw new RangeError('weighted() needs positive weights');
    let target = this.next() * total;
    for (const item of items) {
      target -= weightOf(item);
      if (target < 0) return item;
    }
    return items[items.length - 1] as T;
  }

  /** Picks from precomputed cumulative weights (ascending, last = total). */
  pickCumulative<T>(items: readonly T[], cumulative: readonly number[]): T {
    const total = cumulative[cumulative.length - 1] ?? 0;
    const target = this.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] ?? 0) > target) hi = mid;
      else lo = mid + 1;
    }
    return items[lo] as T;
  }

  /** Fisher–Yates shuffle of a copy. */
  shuffled<T>(items: readonly T[]): T[] {
    const copy = items.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = tmp;
    }
    return copy;
  }
}

/** Cumulative sums of weights, for Random.pickCumulative. */
export function cumulativeWeights(weights: readonly number[]): number[] {
  const result: number[] = [];
  let sum = 0;
  for (const weight of weights) {
    sum += weight;
    result.push(sum);
  }
  return result;
}

/** Hex digest-like string of `length` characters derived from a text (stable across runs). */
export function stableHex(text: string, length: number): string {
  let out = '';
  for (let salt = 1; out.length < length; salt++) out += hashString(text, salt).toString(16).padStart(8, '0');
  return out.slice(0, length);
}

/** A UUID-shaped (version 4 layout) identifier derived from a text. */
export function stableUuid(text: string): string {
  const hex = stableHex(text, 32);
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
