import { describe, it, expect } from "vitest";
import { normalizePlan } from "@/lib/planner/normalize";
import { planRequestSchema, planSchema, type Plan, type PlanScene } from "@/lib/planner/schema";

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function scene(partial: Partial<PlanScene> & Pick<PlanScene, "order" | "narrativeRole">): PlanScene {
  return {
    description: `Beat ${partial.order}`,
    imagePrompt: `Beat ${partial.order}`,
    durationSeconds: 5,
    shotType: "medium",
    cameraMove: "static",
    characters: [],
    dialogue: null,
    diagram: null,
    notes: null,
    ...partial,
  };
}

// What a model really sends back: orders out of step, 47 s for a 30 s ask, the same framing twice,
// prompts that forget the character's face and the style.
const messy: Plan = {
  title: "The Lantern Keeper",
  logline: "An old keeper lights the last lantern before the storm.",
  form: "story",
  styleBible: {
    preset: "cinematic",
    palette: ["#cc5500", "#1a2a4a", "#f0ead6"],
    lighting: "stormy dusk, lantern glow",
    mood: ["brooding", "hopeful"],
  },
  characters: [
    { name: "Mara", look: "weathered woman in her sixties, silver braid, deep-set grey eyes", wardrobe: "oilskin coat over a moss-green jumper" },
    { name: "Tomas", look: "wiry boy of ten, freckles, cropped red hair", wardrobe: "oversized yellow raincoat" },
  ],
  scenes: [
    scene({ order: 3, narrativeRole: "setup", shotType: "medium", cameraMove: "static", durationSeconds: 8, characters: ["Mara"], imagePrompt: "Mara climbs the lighthouse stairs, cinematic" }),
    scene({ order: 1, narrativeRole: "inciting", shotType: "medium", cameraMove: "static", durationSeconds: 6, characters: ["Tomas"], imagePrompt: "Tomas runs in with news, wearing an oversized yellow raincoat" }),
    scene({ order: 7, narrativeRole: "rising", shotType: "close-up", cameraMove: "dolly-in", durationSeconds: 9, characters: ["Mara", "Tomas", "mara"] }),
    scene({ order: 7, narrativeRole: "climax", shotType: "close-up", cameraMove: "dolly-in", durationSeconds: 12, characters: ["Mara"], imagePrompt: "Close-up of Mara, weathered woman in her sixties, silver braid, deep-set grey eyes, oilskin coat over a moss-green jumper, lighting the wick, stormy dusk, lantern glow" }),
    scene({ order: 2, narrativeRole: "resolution", shotType: "wide", cameraMove: "crane", durationSeconds: 12, characters: [] }),
  ],
};

const request = planRequestSchema.parse({ prompt: "a lighthouse keeper before the storm", style: "watercolor", targetDuration: 30, title: "Last Light" });

describe("normalizePlan", () => {
  const out = normalizePlan(messy, request);

  it("still satisfies the contract", () => {
    expect(() => planSchema.parse(out)).not.toThrow();
  });

  it("renumbers orders 1..n in array order", () => {
    expect(out.scenes.map((s) => s.order)).toEqual([1, 2, 3, 4, 5]);
    expect(out.scenes.map((s) => s.narrativeRole)).toEqual(["setup", "inciting", "rising", "climax", "resolution"]);
  });

  it("re-allocates 47 s of durations to the 30 s target, keeping the model's proportions", () => {
    const d = out.scenes.map((s) => s.durationSeconds);
    expect(Math.abs(sum(d) - 30)).toBeLessThanOrEqual(0.05);
    for (const x of d) {
      expect(x).toBeGreaterThanOrEqual(1);
      expect(x).toBeLessThanOrEqual(15);
    }
    // 8:6:9:12:12 of 47 → ≈ 5.1, 3.8, 5.7, 7.7, 7.7
    expect(d).toEqual([5.1, 3.8, 5.7, 7.7, 7.7]);
  });

  it("opens on an establishing shot and never repeats shot + camera back to back", () => {
    expect(["wide", "extreme-wide"]).toContain(out.scenes[0]?.shotType);
    expect(out.scenes[0]?.imagePrompt.toLowerCase()).toContain("wide shot");
    for (let i = 1; i < out.scenes.length; i++) {
      const a = out.scenes[i - 1]!;
      const b = out.scenes[i]!;
      expect(`${a.shotType}/${a.cameraMove}`).not.toBe(`${b.shotType}/${b.cameraMove}`);
    }
    // the second of the two identical close-up/dolly-in scenes had its move changed, not its shot
    expect(out.scenes[3]?.shotType).toBe("close-up");
    expect(out.scenes[3]?.cameraMove).not.toBe("dolly-in");
  });

  it("makes every prompt carry its characters' traits and the style bible, without repeating", () => {
    const mara = messy.characters[0]!;
    const tomas = messy.characters[1]!;
    const p1 = out.scenes[0]!.imagePrompt;
    expect(p1).toContain(mara.look);
    expect(p1).toContain(mara.wardrobe);
    const p2 = out.scenes[1]!.imagePrompt;
    expect(p2).toContain(tomas.look);
    expect(p2.split(tomas.wardrobe).length - 1).toBe(1); // already there: not appended again
    const p3 = out.scenes[2]!.imagePrompt;
    expect(p3).toContain(mara.look);
    expect(p3).toContain(tomas.look);
    const p4 = out.scenes[3]!.imagePrompt;
    expect(p4.split(mara.look).length - 1).toBe(1);
    expect(p4.split("stormy dusk, lantern glow").length - 1).toBe(1);
    for (const s of out.scenes) {
      const p = s.imagePrompt.toLowerCase();
      expect(p).toContain("watercolor");
      expect(p).toContain("stormy dusk");
      expect(p).toContain("brooding");
      expect(p).toContain("burnt orange");
      expect(p.length).toBeLessThanOrEqual(2000);
    }
  });

  it("dedupes scene characters case-insensitively", () => {
    expect(out.scenes[2]?.characters).toEqual(["Mara", "Tomas"]);
  });

  it("forces the requested style and title", () => {
    expect(out.styleBible.preset).toBe("watercolor");
    expect(out.title).toBe("Last Light");
    expect(out.form).toBe("story");
  });

  it("is idempotent and does not mutate its input", () => {
    const snapshot = structuredClone(messy);
    expect(normalizePlan(out, request)).toEqual(out);
    normalizePlan(messy, request);
    expect(messy).toEqual(snapshot);
  });

  it("honours frameCount by trimming from the middle and keeping the ending", () => {
    const r = planRequestSchema.parse({ prompt: "x", targetDuration: 15, frameCount: 3 });
    const p = normalizePlan(messy, r);
    expect(p.scenes.map((s) => s.narrativeRole)).toEqual(["setup", "inciting", "resolution"]);
    expect(Math.abs(sum(p.scenes.map((s) => s.durationSeconds)) - 15)).toBeLessThanOrEqual(0.05);
  });

  it("never invents filler when the model returned fewer scenes than asked", () => {
    const r = planRequestSchema.parse({ prompt: "x", targetDuration: 30, frameCount: 8 });
    expect(normalizePlan(messy, r).scenes).toHaveLength(5);
  });

  it("splits the longest beat into coverage only when the target is out of reach", () => {
    const three = { ...messy, scenes: messy.scenes.slice(0, 3) };
    const r = planRequestSchema.parse({ prompt: "x", targetDuration: 60 });
    const p = normalizePlan(three, r);
    expect(p.scenes).toHaveLength(4);
    expect(Math.abs(sum(p.scenes.map((s) => s.durationSeconds)) - 60)).toBeLessThanOrEqual(0.05);
    expect(p.scenes.some((s) => s.notes?.startsWith("Coverage"))).toBe(true);
  });

  it("reduces the count when the target is too short for it", () => {
    const r = planRequestSchema.parse({ prompt: "x", targetDuration: 5, frameCount: 12 });
    const twelve = {
      ...messy,
      scenes: Array.from({ length: 12 }, (_, i) => scene({ order: i + 1, narrativeRole: "rising", shotType: "medium", cameraMove: "static" })),
    };
    const p = normalizePlan(twelve, r);
    expect(p.scenes).toHaveLength(5);
    expect(p.scenes.every((s) => s.durationSeconds === 1)).toBe(true);
  });

  it("falls back to beat budgets when the model's durations are not usable", () => {
    const broken = { ...messy, scenes: messy.scenes.map((s, i) => ({ ...s, durationSeconds: i === 2 ? Number.NaN : s.durationSeconds })) };
    const p = normalizePlan(broken, request);
    expect(Math.abs(sum(p.scenes.map((s) => s.durationSeconds)) - 30)).toBeLessThanOrEqual(0.05);
    expect(p.scenes[3]!.durationSeconds).toBeGreaterThan(p.scenes[2]!.durationSeconds); // climax breathes
  });

  it("keeps a close-up ad hook by intent but widens a story's medium opener", () => {
    const ad: Plan = {
      ...messy,
      form: "ad",
      scenes: [
        scene({ order: 1, narrativeRole: "hook", shotType: "extreme-close-up", cameraMove: "static" }),
        scene({ order: 2, narrativeRole: "intro", shotType: "medium", cameraMove: "static" }),
        scene({ order: 3, narrativeRole: "cta", shotType: "wide", cameraMove: "static" }),
      ],
    };
    expect(normalizePlan(ad, request).scenes[0]?.shotType).toBe("extreme-close-up");
    expect(normalizePlan({ ...ad, form: "story" }, request).scenes[0]?.shotType).toBe("wide");
  });
});
