import { describe, expect, it } from "vitest";
import { dHash, hammingDistance } from "@/lib/providers/sketch/perceptual-hash";
import { renderSketch } from "@/lib/providers/sketch/render-sketch";
import { COFFEE_AD, inputOf } from "./fixtures";

// Two unrelated images differ in ~32 of dHash's 64 bits; re-encodes and small edits of one image
// stay at or under ~10 bits, the usual near-duplicate cut-off for a 64-bit dHash. Every pair of
// panels in a storyboard must be past that line with a margin: at least 12 bits. (Measured on
// this board: 14–48 across seeds, median ≈ 29.)
const MIN_DISTANCE = 12;

describe("a storyboard's panels look different from each other", () => {
  it.each([7, 3])(`every pair of six planned scenes is ≥ ${MIN_DISTANCE} dHash bits apart (seed %i)`, async (seed) => {
    const frames = await Promise.all(
      COFFEE_AD.map((s, i) => renderSketch(inputOf({ ...s, number: i + 1, durationSeconds: 5 }, { seed }))),
    );
    const hashes = await Promise.all(frames.map(dHash));
    const pairs: { a: number; b: number; d: number }[] = [];
    for (let a = 0; a < hashes.length; a++) {
      for (let b = a + 1; b < hashes.length; b++) {
        pairs.push({ a: a + 1, b: b + 1, d: hammingDistance(hashes[a]!, hashes[b]!) });
      }
    }
    const closest = pairs.reduce((m, p) => (p.d < m.d ? p : m));
    expect(closest.d, `scenes ${closest.a} and ${closest.b} are only ${closest.d} bits apart`).toBeGreaterThanOrEqual(MIN_DISTANCE);
  });

  it("hashes a re-render identically and a re-seeded frame differently", async () => {
    const base = inputOf({ shotType: "wide", description: "Maya walks along the city street toward the café." });
    const [a, b, c] = await Promise.all([renderSketch(base), renderSketch(base), renderSketch({ ...base, seed: base.seed + 1 })]);
    const [ha, hb, hc] = await Promise.all([dHash(a), dHash(b), dHash(c)]);
    expect(hammingDistance(ha, hb)).toBe(0);
    expect(hammingDistance(ha, hc)).toBeGreaterThan(0);
  });
});
