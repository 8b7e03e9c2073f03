import { describe, expect, it } from "vitest";

import { cleanText, fitLine, fitText, shareLines, wrapText } from "@/lib/export/text-layout";

// A monospace measure: every character is 1 unit wide.
const mono = (t: string) => Array.from(t).length;

describe("text layout", () => {
  it("wraps at word boundaries", () => {
    expect(wrapText("the quick brown fox jumps", mono, 10)).toEqual(["the quick", "brown fox", "jumps"]);
  });

  it("splits words longer than a line", () => {
    expect(wrapText("abcdefghijklmnop", mono, 5)).toEqual(["abcde", "fghij", "klmno", "p"]);
  });

  it("keeps paragraph breaks, collapses runs of blank lines and strips control characters", () => {
    expect(cleanText("one\r\n\r\n\r\ntwo\tthree\u0007")).toBe("one\n\ntwo three");
    expect(wrapText("one\ntwo", mono, 10)).toEqual(["one", "two"]);
  });

  it("truncates with an ellipsis that still fits", () => {
    const lines = fitText("the quick brown fox jumps over the lazy dog", mono, 10, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.endsWith("…")).toBe(true);
    for (const line of lines) expect(mono(line)).toBeLessThanOrEqual(10);
  });

  it("fits a single line", () => {
    expect(fitLine("short", mono, 10)).toBe("short");
    const cut = fitLine("a rather long caption line", mono, 12);
    expect(cut.endsWith("…")).toBe(true);
    expect(mono(cut)).toBeLessThanOrEqual(12);
  });

  it("never splits a surrogate pair", () => {
    const lines = wrapText("😀😀😀😀", mono, 3);
    expect(lines.join("")).toBe("😀😀😀😀");
  });

  it.each([
    { wanted: [5, 2, 2], minimum: [2, 1, 1], available: 4, expected: [2, 1, 1] },
    { wanted: [5, 2, 2], minimum: [2, 1, 1], available: 6, expected: [4, 1, 1] },
    { wanted: [5, 2, 2], minimum: [2, 1, 1], available: 20, expected: [5, 2, 2] },
    { wanted: [5, 2, 2], minimum: [2, 1, 1], available: 2, expected: [2, 0, 0] },
    { wanted: [1, 0, 3], minimum: [2, 1, 1], available: 3, expected: [1, 0, 2] },
  ])("shares $available lines as $expected", ({ wanted, minimum, available, expected }) => {
    expect(shareLines(wanted, minimum, available)).toEqual(expected);
  });
});
