import { describe, it, expect } from "vitest";
import { allocateDurations, beatTemplate, distributeSeconds, feasibleSceneCount, isFeasible } from "@/lib/planner/timing";
import { FORMS, LIMITS, type Form } from "@/lib/planner/schema";

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const TARGETS = [15, 30, 60, 90, 300];
const COUNTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

describe("beatTemplate", () => {
  it.each([
    ["ad", 3, ["hook", "feature", "cta"]],
    ["ad", 4, ["hook", "intro", "feature", "cta"]],
    ["ad", 6, ["hook", "intro", "feature", "feature", "feature", "cta"]],
    ["story", 3, ["setup", "climax", "resolution"]],
    ["story", 4, ["setup", "inciting", "climax", "resolution"]],
    ["story", 6, ["setup", "inciting", "rising", "rising", "climax", "resolution"]],
    ["explainer", 3, ["problem", "solution", "cta"]],
    ["explainer", 4, ["problem", "solution", "how", "cta"]],
    ["explainer", 6, ["problem", "solution", "how", "how", "benefit", "cta"]],
  ] as const)("%s × %i", (form, n, roles) => {
    expect(beatTemplate(form, n)).toEqual(roles);
  });

  it("gives exactly `count` roles for every form, clamped to 3–12", () => {
    for (const form of FORMS) {
      for (const n of COUNTS) expect(beatTemplate(form, n)).toHaveLength(n);
      expect(beatTemplate(form, 1)).toHaveLength(3);
      expect(beatTemplate(form, 40)).toHaveLength(LIMITS.planScenesMax);
    }
  });

  it("always ends on the form's closing beat", () => {
    for (const n of COUNTS) {
      expect(beatTemplate("ad", n).at(-1)).toBe("cta");
      expect(beatTemplate("story", n).at(-1)).toBe("resolution");
      expect(beatTemplate("explainer", n).at(-1)).toBe("cta");
      expect(beatTemplate("ad", n)[0]).toBe("hook");
      expect(beatTemplate("story", n)[0]).toBe("setup");
    }
  });
});

describe("feasibleSceneCount", () => {
  it.each([
    [30, 6, 6], // already fine
    [30, 1, 3], // at least 3
    [30, 20, 20], // the count is clamped to what a plan may hold (20); the request schema caps callers at 12
    [90, 3, 6], // 90 s needs ≥ 6 scenes of ≤ 15 s
    [60, 3, 4],
    [46, 3, 4],
    [45, 3, 3],
    [5, 12, 5], // 12 scenes of ≥ 1 s do not fit in 5 s: lower it
    [7.5, 10, 7],
    [180, 3, 12],
    [300, 3, 20], // above 12 × 15 = 180 s the plan grows past 12 scenes: 300 s → 20 × 15 s
    [200, 12, 14],
  ])("target %f s, asked %i → %i", (target, requested, expected) => {
    expect(feasibleSceneCount(target, requested)).toBe(expected);
  });

  it("is feasible whenever the target is reachable at all", () => {
    for (let target = LIMITS.durationMin; target <= LIMITS.durationMax; target += 2.5) {
      for (const n of COUNTS) expect(isFeasible(target, feasibleSceneCount(target, n))).toBe(true);
    }
  });
});

describe("allocateDurations", () => {
  const cases: Array<[Form, number, number]> = [];
  for (const form of FORMS) for (const t of TARGETS) for (const n of COUNTS) cases.push([form, t, n]);

  it.each(cases)("%s, %i s, %i scenes: 0.1 s steps, 1–15 s each, sum to target when feasible", (form, target, n) => {
    const d = allocateDurations({ form, roles: beatTemplate(form, n), targetDuration: target });
    expect(d).toHaveLength(n);
    for (const x of d) {
      expect(x).toBeGreaterThanOrEqual(LIMITS.sceneSecondsMin);
      expect(x).toBeLessThanOrEqual(LIMITS.sceneSecondsMax);
      expect(Math.abs(x * 10 - Math.round(x * 10))).toBeLessThan(1e-9);
    }
    if (isFeasible(target, n)) expect(Math.abs(sum(d) - target)).toBeLessThanOrEqual(LIMITS.durationTolerance);
    else expect(d.every((x) => x === (n * LIMITS.sceneSecondsMax < target ? LIMITS.sceneSecondsMax : LIMITS.sceneSecondsMin))).toBe(true);
  });

  it.each([4, 5, 6, 7, 8, 9, 10, 11, 12])("ad at 30 s with %i scenes keeps the beat budgets", (n) => {
    const roles = beatTemplate("ad", n);
    const d = allocateDurations({ form: "ad", roles, targetDuration: 30 });
    const by = (role: string) => sum(d.filter((_, i) => roles[i] === role));
    expect(by("hook")).toBeGreaterThanOrEqual(3);
    expect(by("hook")).toBeLessThanOrEqual(4);
    expect(by("intro")).toBeGreaterThanOrEqual(4);
    expect(by("intro")).toBeLessThanOrEqual(6);
    expect(by("feature")).toBeGreaterThanOrEqual(12);
    expect(by("feature")).toBeLessThanOrEqual(16);
    expect(by("cta")).toBeGreaterThanOrEqual(4);
    expect(by("cta")).toBeLessThanOrEqual(6);
  });

  it.each([15, 60])("ad budgets scale proportionally at %i s", (target) => {
    const roles = beatTemplate("ad", 6);
    const d = allocateDurations({ form: "ad", roles, targetDuration: target });
    const k = target / 30;
    expect(d[0]).toBeCloseTo(3.5 * k, 0);
    expect(d[5]).toBeCloseTo(5.5 * k, 0);
  });

  it("lets the climax and the how beats breathe a little longer", () => {
    const story = beatTemplate("story", 6);
    const s = allocateDurations({ form: "story", roles: story, targetDuration: 30 });
    expect(s[story.indexOf("climax")]).toBeGreaterThan(s[story.indexOf("rising")]!);
    const explainer = beatTemplate("explainer", 6);
    const e = allocateDurations({ form: "explainer", roles: explainer, targetDuration: 30 });
    expect(e[explainer.indexOf("how")]).toBeGreaterThan(e[explainer.indexOf("problem")]!);
  });

  it("keeps given proportions, clamping and redistributing past 15 s", () => {
    const d = allocateDurations({ form: "story", roles: beatTemplate("story", 4), targetDuration: 40, weights: [1, 1, 1, 10] });
    expect(d[3]).toBe(15);
    expect(sum(d)).toBeCloseTo(40, 5);
    expect(Math.abs(d[0]! - d[1]!)).toBeLessThanOrEqual(0.1);
  });

  it("ignores weights that are not one finite positive number per scene", () => {
    const roles = beatTemplate("story", 4);
    const base = allocateDurations({ form: "story", roles, targetDuration: 20 });
    expect(allocateDurations({ form: "story", roles, targetDuration: 20, weights: [1, 0, 1, 1] })).toEqual(base);
    expect(allocateDurations({ form: "story", roles, targetDuration: 20, weights: [1, 2] })).toEqual(base);
  });

  it("handles targets that are not a multiple of 0.1 s and roles from another form", () => {
    const d = allocateDurations({ form: "ad", roles: ["setup", "feature", "climax", "cta"], targetDuration: 29.97 });
    expect(Math.abs(sum(d) - 29.97)).toBeLessThanOrEqual(0.05);
  });

  it("is empty for no scenes", () => {
    expect(allocateDurations({ form: "ad", roles: [], targetDuration: 30 })).toEqual([]);
    expect(distributeSeconds([], 30)).toEqual([]);
  });
});
