import { describe, expect, it } from "vitest";
import { fmt, mean, median, percentile, summarize } from "@/scripts/bench/lib/stats";

describe("percentile", () => {
  it.each([
    [[1, 2, 3, 4, 5], 0, 1],
    [[1, 2, 3, 4, 5], 50, 3],
    [[1, 2, 3, 4, 5], 100, 5],
    [[1, 2, 3, 4, 5], 25, 2],
    [[10, 20], 50, 15], // interpolates between closest ranks
    [[5, 1, 4, 2, 3], 90, 4.6], // order of the input does not matter
    [[7], 99, 7],
  ])("percentile(%j, %d) = %d", (values, p, expected) => {
    expect(percentile(values, p)).toBeCloseTo(expected, 10);
  });

  it("is NaN for no values and refuses p outside 0..100", () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], -1)).toThrow(RangeError);
  });

  it("p99 of 1..1000 sits just under the top", () => {
    const values = Array.from({ length: 1000 }, (_, i) => i + 1);
    expect(percentile(values, 99)).toBeCloseTo(990.01, 2);
    expect(median(values)).toBe(500.5);
  });

  it("does not reorder the caller's array", () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("summarize and fmt", () => {
  it("summarizes", () => {
    expect(summarize([4, 1, 3, 2])).toMatchObject({ n: 4, min: 1, max: 4, mean: 2.5, p50: 2.5 });
    expect(mean([])).toBeNaN();
  });
  it("formats missing numbers as a dash", () => {
    expect(fmt(Number.NaN)).toBe("–");
    expect(fmt(null)).toBe("–");
    expect(fmt(1.234, 2)).toBe("1.23");
  });
});
