// Seeded randomness for the stand-in provider, so a run's latencies can be replayed.

/** mulberry32: a tiny, well-mixed 32-bit PRNG; returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type LatencyModel = {
  /** Centre of the distribution, ms. */
  baseMs: number;
  /** Relative half-width: 0.3 means uniformly within base ± 30 %. */
  jitter: number;
};

/** One prediction's latency: uniform within [base·(1−jitter), base·(1+jitter)]. */
export function sampleLatency(model: LatencyModel, random: () => number): number {
  const jitter = Math.min(Math.max(model.jitter, 0), 0.99);
  const lo = model.baseMs * (1 - jitter);
  const hi = model.baseMs * (1 + jitter);
  return lo + (hi - lo) * random();
}

/** Bounds a sampled latency must fall in (for tests and sanity checks). */
export function latencyBounds(model: LatencyModel): { lo: number; hi: number } {
  const jitter = Math.min(Math.max(model.jitter, 0), 0.99);
  return { lo: model.baseMs * (1 - jitter), hi: model.baseMs * (1 + jitter) };
}
