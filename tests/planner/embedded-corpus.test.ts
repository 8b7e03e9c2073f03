import { describe, it, expect } from "vitest";
import { planEmbedded } from "@/lib/planner/embedded/plan-embedded";
import { normalizePlan } from "@/lib/planner/normalize";
import { LIMITS, planRequestSchema, planSchema, type Plan, type PlanRequestInput } from "@/lib/planner/schema";
import { PRESET_PHRASES } from "@/lib/planner/embedded/style-words";
import { feasibleSceneCount } from "@/lib/planner/timing";
import { CORPUS } from "./corpus";

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const plan = (input: PlanRequestInput) => planEmbedded(planRequestSchema.parse(input));

const DURATIONS = [15, 30, 60] as const;
const FRAME_COUNTS = [undefined, 4, 10] as const;

function checkPlan(p: Plan, ctx: { target: number; subject: string[]; frameCount?: number }) {
  expect(() => planSchema.parse(p)).not.toThrow();
  const d = p.scenes.map((s) => s.durationSeconds);
  expect(Math.abs(sum(d) - ctx.target)).toBeLessThanOrEqual(LIMITS.durationTolerance);
  for (const x of d) {
    expect(x).toBeGreaterThanOrEqual(1);
    expect(x).toBeLessThanOrEqual(15);
  }
  if (ctx.frameCount) expect(p.scenes).toHaveLength(ctx.frameCount);
  expect(p.scenes.map((s) => s.order)).toEqual(p.scenes.map((_, i) => i + 1));

  // Shot grammar.
  expect(["wide", "extreme-wide"]).toContain(p.scenes[0]?.shotType);
  for (let i = 1; i < p.scenes.length; i++) {
    const a = p.scenes[i - 1]!;
    const b = p.scenes[i]!;
    expect(`${b.shotType}/${b.cameraMove}`).not.toBe(`${a.shotType}/${a.cameraMove}`);
  }
  if (p.scenes.length >= 5) expect(new Set(p.scenes.map((s) => s.shotType)).size).toBeGreaterThanOrEqual(3);

  // Content: distinct beats that talk about this idea, never template leftovers.
  const descriptions = p.scenes.map((s) => s.description.toLowerCase());
  expect(new Set(descriptions).size).toBe(descriptions.length);
  const text = JSON.stringify([p.title, p.logline, p.scenes.map((s) => [s.description, s.imagePrompt])]).toLowerCase();
  expect(ctx.subject.some((w) => text.includes(w.toLowerCase()))).toBe(true);
  expect(text).not.toMatch(/\b(undefined|null|nan)\b|\[object|\$\{|opening scene:/);

  // Endings by form.
  const last = p.scenes.at(-1)!;
  if (p.form === "story") expect(last.narrativeRole).toBe("resolution");
  else expect(last.narrativeRole).toBe("cta");
  if (p.form === "ad") expect(last.notes ?? last.dialogue ?? "").toMatch(/\w/);

  // Self-contained prompts: the style and every character in frame, in every prompt.
  const byName = new Map(p.characters.map((c) => [c.name, c]));
  for (const s of p.scenes) {
    expect(s.imagePrompt.toLowerCase()).toContain(PRESET_PHRASES[p.styleBible.preset].key);
    expect(s.imagePrompt).toContain(p.styleBible.lighting);
    for (const name of s.characters) {
      const c = byName.get(name);
      expect(c, `${name} is designed`).toBeDefined();
      expect(s.imagePrompt).toContain(c!.look);
    }
  }
}

describe.each(CORPUS)("embedded planner: $id", (idea) => {
  it("detects the form", () => {
    expect(plan({ prompt: idea.prompt }).form).toBe(idea.form);
  });

  for (const target of DURATIONS) {
    for (const frameCount of FRAME_COUNTS) {
      it(`plans ${target} s${frameCount ? ` in ${frameCount} frames` : ""}`, () => {
        const input: PlanRequestInput = { prompt: idea.prompt, targetDuration: target, ...(frameCount ? { frameCount } : {}) };
        const p = plan(input);
        checkPlan(p, { target, subject: idea.subject, ...(frameCount ? { frameCount } : {}) });
      });
    }
  }

  it("is deterministic and already normalized", () => {
    const input = { prompt: idea.prompt, targetDuration: 30, style: "cinematic" as const, aspectRatio: "9:16" as const };
    const a = plan(input);
    const b = plan(input);
    expect(b).toEqual(a);
    expect(normalizePlan(a, planRequestSchema.parse(input))).toEqual(a);
  });
});

describe("embedded planner: request options", () => {
  const folk = CORPUS.find((c) => c.id === "story-fisherman")!;
  const ad = CORPUS.find((c) => c.id === "ad-lantern")!;

  it("honours a form override", () => {
    const asAd = plan({ prompt: folk.prompt, form: "ad" });
    expect(asAd.form).toBe("ad");
    expect(asAd.scenes.at(-1)?.narrativeRole).toBe("cta");
    checkPlan(asAd, { target: 30, subject: folk.subject });
    const asExplainer = plan({ prompt: ad.prompt, form: "explainer", frameCount: 7 });
    expect(asExplainer.form).toBe("explainer");
    expect(asExplainer.scenes.map((s) => s.narrativeRole)).toEqual(["problem", "solution", "how", "how", "how", "benefit", "cta"]);
  });

  it("honours frameCount at every size", () => {
    for (let n = 3; n <= 12; n++) {
      const p = plan({ prompt: folk.prompt, targetDuration: 60, frameCount: n });
      // 60 s cannot be told in 3 frames of ≤ 15 s: the planner raises the count to 4.
      checkPlan(p, { target: 60, subject: folk.subject, frameCount: feasibleSceneCount(60, n) });
    }
  });

  it("uses the requested title, style and aspect ratio", () => {
    const p = plan({ prompt: ad.prompt, title: "Lumo launch", style: "noir", aspectRatio: "9:16" });
    expect(p.title).toBe("Lumo launch");
    expect(p.styleBible.preset).toBe("noir");
    expect(p.scenes[0]?.imagePrompt.toLowerCase()).toContain("vertical 9:16");
    expect(p.styleBible.lighting).not.toMatch(/high-key/);
  });

  it("names the idea's own characters and gives them one stable look", () => {
    const p = plan({ prompt: CORPUS.find((c) => c.id === "story-steppe")!.prompt });
    const aigerim = p.characters.find((c) => c.name === "Aigerim");
    expect(aigerim).toBeDefined();
    const again = plan({ prompt: "Aigerim rides alone to the city." }).characters.find((c) => c.name === "Aigerim");
    expect(again?.look).toBe(aigerim?.look);
    expect(p.scenes.filter((s) => s.characters.includes("Aigerim")).length).toBeGreaterThanOrEqual(4);
  });

  it("puts the ad's line on screen at the end", () => {
    const p = plan({ prompt: CORPUS.find((c) => c.id === "ad-coffee")!.prompt });
    expect(p.scenes.at(-1)?.notes).toContain("Morrow — mornings, earned");
  });

  it("keeps quoted speech as dialogue", () => {
    const p = plan({ prompt: CORPUS.find((c) => c.id === "story-dialogue")!.prompt });
    expect(p.scenes.some((s) => s.dialogue?.includes("You still owe me a dollar"))).toBe(true);
  });

  it("grows past 12 scenes when the target needs it (300 s → 20 × 15 s)", () => {
    const p = plan({ prompt: folk.prompt, targetDuration: 300 });
    expect(() => planSchema.parse(p)).not.toThrow();
    expect(p.scenes).toHaveLength(20);
    expect(p.scenes.reduce((a, s) => a + s.durationSeconds, 0)).toBeCloseTo(300, 1);
    expect(p.scenes.every((s) => s.durationSeconds <= 15)).toBe(true);
  });

  it("never crashes on odd input", () => {
    for (const prompt of ["?", "!!!", "🐱", "1 2 3", "a", "ＡＢＣ", "...", "\n\nhello\n\n", "x".repeat(4000), "The. The. The."]) {
      const p = plan({ prompt, targetDuration: 15 });
      expect(() => planSchema.parse(p)).not.toThrow();
    }
  });
});
