import { describe, expect, it } from "vitest";
import { planRequestHints } from "@/components/home/form-errors";
import { planRequestSchema } from "@/lib/planner/schema";

// The form's hints (zod-free) and the server's planRequestSchema must agree on what they both check.

describe("planRequestHints and planRequestSchema agree", () => {
  const ok = { prompt: "A lighthouse keeper", targetDuration: 30 };
  it.each([
    [ok],
    [{ ...ok, prompt: "" }],
    [{ ...ok, prompt: "  \n " }],
    [{ ...ok, prompt: "x".repeat(4000) }],
    [{ ...ok, prompt: ` ${"x".repeat(4000)} ` }],
    [{ ...ok, prompt: "x".repeat(4001) }],
    [{ ...ok, targetDuration: 5 }],
    [{ ...ok, targetDuration: 4.9 }],
    [{ ...ok, targetDuration: 300 }],
    [{ ...ok, targetDuration: 301 }],
    [{ ...ok, targetDuration: Number.NaN }],
    [{ ...ok, frameCount: 3 }],
    [{ ...ok, frameCount: 2 }],
    [{ ...ok, frameCount: 12 }],
    [{ ...ok, frameCount: 13 }],
    [{ ...ok, frameCount: 4.5 }],
  ])("%o", (input) => {
    const hints = planRequestHints(input);
    expect(Object.keys(hints).length === 0).toBe(planRequestSchema.safeParse(input).success);
  });

  it("says it in words", () => {
    expect(planRequestHints({ prompt: " ", targetDuration: 30 })).toEqual({ prompt: "The idea is empty" });
    expect(planRequestHints({ prompt: "x".repeat(4001), targetDuration: 30 }).prompt).toBe("The idea is longer than 4000 characters");
    expect(Object.keys(planRequestHints({ prompt: "x", targetDuration: 1, frameCount: 20 }))).toEqual(["targetDuration", "frameCount"]);
  });
});
