import { describe, expect, it } from "vitest";
import { DEFAULT_WORKSPACE_ID } from "@/lib/db/schema";
import { frameInputFor } from "@/lib/generation/frame-input";
import { compoundSeries, growthCurve, growthFacts } from "@/lib/planner/embedded/diagrams";
import { ownSteps } from "@/lib/planner/embedded/explainer-content";
import { planEmbedded } from "@/lib/planner/embedded/plan-embedded";
import { normalizePlan } from "@/lib/planner/normalize";
import { planRequestSchema, planSchema, type Plan, type PlanRequestInput } from "@/lib/planner/schema";
import type { Storage } from "@/lib/storage/types";
import { createStoryboard } from "@/lib/storyboards/create-storyboard";
import { loadStoryboardOrThrow } from "@/lib/storyboards/load-storyboard";
import { summarize } from "@/lib/storyboards/summarize";
import { toStoryboardDto } from "@/lib/storyboards/to-dto";
import { tempDatabase } from "../helpers/db";

// Explainers carry real content: curves computed from the idea's numbers, the idea's own steps
// as a step diagram, "X vs Y" as a comparison — stored on the scene and handed to the renderer.

const plan = (input: PlanRequestInput) => planEmbedded(planRequestSchema.parse(input));
const diagrams = (p: Plan) => p.scenes.flatMap((s) => (s.diagram ? [s.diagram] : []));

describe("compound interest", () => {
  it("computes the curve: 10,000 at 7 % over 30 years ends near 76,123", () => {
    expect(compoundSeries(10_000, 7, [0, 10, 20, 30])).toEqual([10_000, 19_672, 38_697, 76_123]);
    const f = growthFacts("Explain how compound interest grows savings over 30 years");
    expect(f).toEqual({ principal: 10_000, ratePct: 7, years: 30, currency: null });
    const curve = growthCurve(f!);
    expect(curve.kind).toBe("line-chart");
    expect(curve.labels.at(-1)).toBe("year 30");
    expect(curve.values?.at(-1)).toBe(76_123);
    expect(curve.values).toHaveLength(curve.labels.length);
  });

  it("reads the idea's own numbers: $5,000 at 5 % for 20 years", () => {
    const f = growthFacts("How compound interest turns $5,000 at 5% into more over 20 years");
    expect(f).toEqual({ principal: 5000, ratePct: 5, years: 20, currency: "$" });
    expect(growthCurve(f!).values?.at(-1)).toBe(Math.round(5000 * 1.05 ** 20));
  });

  it("plans a curve with the 30-year point in the scenes, at every length", () => {
    for (const frameCount of [3, 4, 6, 10]) {
      const p = plan({ prompt: "Explain how compound interest grows savings over 30 years", frameCount });
      const text = p.scenes.map((s) => s.description).join(" ");
      expect(text).toMatch(/76,123/);
      const curve = diagrams(p).find((d) => d.kind === "line-chart" && d.labels.at(-1) === "year 30");
      expect(curve?.values?.at(-1), `${frameCount} frames`).toBe(76_123);
      expect(new Set(p.scenes.map((s) => s.description)).size).toBe(p.scenes.length);
    }
  });
});

describe("processes and comparisons", () => {
  it("the idea's own steps become a step diagram, highlighted one by one", () => {
    expect(ownSteps("How to bake sourdough bread: feed the starter, mix the dough, let it rise overnight, then bake at 250 degrees")).toEqual([
      "Feed the starter",
      "Mix the dough",
      "Let it rise overnight",
      "Bake at 250 degrees",
    ]);
    const p = plan({ prompt: "A step-by-step guide to brewing pour-over coffee. First, heat the water to 94 degrees. Then rinse the paper filter. Bloom the grounds for thirty seconds. Pour slowly in circles. Serve.", frameCount: 8 });
    const steps = diagrams(p).filter((d) => d.kind === "steps");
    expect(steps.length).toBeGreaterThanOrEqual(3);
    expect(steps[0]?.labels.length).toBe(5);
    expect(new Set(steps.map((d) => d.highlight)).size).toBeGreaterThanOrEqual(3);
  });

  it("a known process (photosynthesis) gets its mechanism and an equation in numbers", () => {
    const p = plan({ prompt: "Explain how photosynthesis turns sunlight, water and air into sugar in a leaf", frameCount: 6 });
    expect(diagrams(p).some((d) => d.kind === "steps" && d.labels.length >= 4)).toBe(true);
    expect(p.scenes.map((s) => s.description).join(" ")).toMatch(/\b6\b.*oxygen/);
  });

  it("X vs Y is a comparison with computed running costs", () => {
    const p = plan({ prompt: "Electric car vs petrol car: what each really costs to run per year", frameCount: 6 });
    const cmp = diagrams(p).find((d) => d.kind === "comparison" && d.labels.join() === "electric car,petrol car");
    expect(cmp?.values).toEqual([765, 1890]);
  });

  it("stories and ads have no diagrams", () => {
    expect(diagrams(plan({ prompt: "A fox steals a pie from a windowsill and the baker chases it through the village" }))).toEqual([]);
    expect(diagrams(plan({ prompt: "A 30-second ad for Lumo, a solar lantern for campers that charges in four hours." }))).toEqual([]);
  });
});

describe("diagram schema edges", () => {
  it("a plan without diagrams (an older export or LLM answer) still parses, with null", () => {
    const p = plan({ prompt: "A cat naps in a sunny window" });
    const old = { ...p, scenes: p.scenes.map(({ diagram: _d, ...s }) => s) };
    const parsed = planSchema.parse(old);
    expect(parsed.scenes.every((s) => s.diagram === null)).toBe(true);
  });

  it("normalize repairs a model's diagram: values of the wrong length dropped, highlight past the end cleared", () => {
    const p = plan({ prompt: "A cat naps in a sunny window", frameCount: 3 });
    const bad = { ...p, scenes: p.scenes.map((s, i) => (i === 1 ? { ...s, diagram: { kind: "bar-chart" as const, title: "x", labels: ["a", "b", "c"], values: [1, 2], unit: null, highlight: 7 } } : s)) };
    const fixed = normalizePlan(bad, planRequestSchema.parse({ prompt: "A cat naps in a sunny window", frameCount: 3 }));
    expect(fixed.scenes[1]?.diagram).toEqual({ kind: "bar-chart", title: "x", labels: ["a", "b", "c"], values: null, unit: null, highlight: null });
  });
});

describe("diagram from plan to database to DTO to renderer", () => {
  it("is stored on the scene, shown on the scene DTO and put into the SceneContext", async () => {
    const { db } = await tempDatabase();
    const request = planRequestSchema.parse({ prompt: "Explain how compound interest grows savings over 30 years", frameCount: 6 });
    const planned = { plan: planEmbedded(request), planner: "embedded" as const, model: null };
    const id = await createStoryboard({ db, workspaceId: DEFAULT_WORKSPACE_ID, request, planned, sourceKind: "idea" });
    const loaded = await loadStoryboardOrThrow({ db, workspaceId: DEFAULT_WORKSPACE_ID, id });
    const dto = await toStoryboardDto({ ...loaded, progress: summarize(loaded), storage: {} as Storage });
    const expected = planned.plan.scenes.map((s) => s.diagram);
    expect(dto.scenes.map((s) => s.diagram)).toEqual(expected);
    expect(expected.some((d) => d?.values?.includes(76_123))).toBe(true);

    const scene = loaded.scenes.find((s) => s.diagram?.values?.includes(76_123))!;
    const input = frameInputFor({ storyboard: loaded.storyboard, scene, outputFormat: "png", webhookUrl: null, seed: 1 });
    expect(input.scene?.diagram?.values).toContain(76_123);
    const picture = loaded.scenes.find((s) => s.diagram === null);
    if (picture) expect(frameInputFor({ storyboard: loaded.storyboard, scene: picture, outputFormat: "png", webhookUrl: null, seed: 1 }).scene?.diagram).toBeNull();
  });
});
