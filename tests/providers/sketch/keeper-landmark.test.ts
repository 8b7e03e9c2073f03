import { describe, expect, it } from "vitest";
import { renderSketchFrame, sketchDepicts } from "@/lib/providers/sketch/render-sketch";
import type { ImageInput } from "@/lib/providers/types";

const style = { preset: "pencil-sketch" as const, palette: ["#c8553d", "#2c2b29"], lighting: "storm light", mood: ["tense"] };
const keeper = { name: "Lighthouse keeper", look: "small, upright woman well past seventy, wild grey curls", wardrobe: "a navy oilskin coat" };
const input = (description: string): ImageInput => ({
  prompt: description,
  aspectRatio: "16:9",
  seed: 7,
  outputFormat: "png",
  referenceImageUrl: null,
  webhookUrl: null,
  scene: { number: 4, description, shotType: "extreme-wide", cameraMove: "static", narrativeRole: "climax", durationSeconds: 4, characters: [keeper], style },
});

describe("a keeper's tower is what they keep", () => {
  it("the lighthouse keeper climbs the tower: the tower is drawn as the lighthouse", async () => {
    const frame = await renderSketchFrame(input("The lighthouse keeper climbs the tower one last time."));
    expect(frame.depicts).toContain("lighthouse");
    expect(frame.depicts).not.toContain("tower");
  });

  it("a tower with no keeper stays a tower", () => {
    expect(sketchDepicts(input("A woman climbs the clock tower one last time."))).not.toContain("lighthouse");
  });
});
