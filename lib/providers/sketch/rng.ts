// Seeded PRNG for the sketch renderer: the same input must give the same bytes, so nothing here
// reads Math.random or the clock. mulberry32 is tiny, fast and good enough for line jitter.

export type Rng = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  range(min: number, max: number): number;
  /** Integer in [min, max] (inclusive). */
  int(min: number, max: number): number;
  /** Symmetric jitter in [-amount, amount]. */
  jitter(amount: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly [T, ...T[]]): T;
  /**
   * An independent stream derived from this seed and a label, so one part of the drawing can add
   * or drop strokes without reshuffling every other part.
   */
  fork(label: string): Rng;
};

function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d) >>> 0;
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a 32-bit over a string, started from a state derived from the seed. */
export function hashString(text: string, seed = 0): number {
  // The seed goes through its own avalanche first: XOR-ing it straight into the FNV basis lets
  // (seed 1, "1…") and (seed 2, "2…") collide.
  let h = (0x811c9dc5 ^ mix32(seed + 0x9e3779b9)) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // Final avalanche so nearby strings land far apart.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

export function createRng(seed: number): Rng {
  const base = seed >>> 0;
  let state = base;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    range: (min, max) => min + (max - min) * next(),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    jitter: (amount) => (next() * 2 - 1) * amount,
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)] ?? items[0],
    fork: (label) => createRng(hashString(label, base)),
  };
}
