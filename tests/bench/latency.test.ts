import { describe, expect, it } from "vitest";
import { latencyBounds, sampleLatency, seededRandom } from "@/scripts/bench/lib/latency";
import { mean, percentile } from "@/scripts/bench/lib/stats";

describe("the stand-in's latency model (2 s ± 30 %)", () => {
  const model = { baseMs: 2000, jitter: 0.3 };
  const random = seededRandom(7);
  const draws = Array.from({ length: 5000 }, () => sampleLatency(model, random));

  it("never leaves base ± jitter", () => {
    const { lo, hi } = latencyBounds(model);
    expect(lo).toBe(1400);
    expect(hi).toBe(2600);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(1400);
    expect(Math.max(...draws)).toBeLessThanOrEqual(2600);
  });

  it("is centred on the base and spreads over the whole range (uniform)", () => {
    expect(mean(draws)).toBeGreaterThan(1960);
    expect(mean(draws)).toBeLessThan(2040);
    // Uniform on [1400, 2600]: quartiles near 1700 / 2000 / 2300, extremes reached.
    expect(percentile(draws, 25)).toBeGreaterThan(1650);
    expect(percentile(draws, 25)).toBeLessThan(1750);
    expect(percentile(draws, 75)).toBeGreaterThan(2250);
    expect(percentile(draws, 75)).toBeLessThan(2350);
    expect(Math.min(...draws)).toBeLessThan(1420);
    expect(Math.max(...draws)).toBeGreaterThan(2580);
  });

  it("replays the same sequence for the same seed, another for another seed", () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const seqA = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(seqA);
  });

  it("has no jitter when asked for none", () => {
    expect(sampleLatency({ baseMs: 500, jitter: 0 }, seededRandom(1))).toBe(500);
  });
});
