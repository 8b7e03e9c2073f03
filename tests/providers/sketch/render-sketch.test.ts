import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { ASPECT_RATIOS, CAMERA_MOVES, SHOT_TYPES } from "@/lib/planner/schema";
import { renderSketch } from "@/lib/providers/sketch/render-sketch";
import { readSceneWords, type SettingKind } from "@/lib/providers/sketch/words";
import { OUTPUT_SIZES } from "@/lib/providers/types";
import { ASPECTS_3, inputOf } from "./fixtures";

async function size(png: Buffer): Promise<{ width?: number; height?: number; format?: string }> {
  const m = await sharp(png).metadata();
  return { width: m.width, height: m.height, format: m.format };
}

const SETTINGS: [SettingKind, string][] = [
  ["city", "Maya walks down a busy city street between tall buildings."],
  ["interior", "Maya reads on the sofa in her living room."],
  ["office", "Maya presents the chart to her colleagues in the office."],
  ["market", "Maya haggles with a vendor at the bazaar stalls."],
  ["desert", "Maya crosses the sand dunes of the desert."],
  ["mountains", "Maya climbs toward the snowy mountain peaks."],
  ["forest", "Maya walks through a dark pine forest."],
  ["sea", "Maya stands on the beach as waves roll in from the sea."],
  ["road", "Maya drives down an empty highway."],
  ["space", "An astronaut floats in outer space beside the spaceship."],
  ["studio", "The product on a seamless studio backdrop."],
];

describe("renderSketch", () => {
  describe.each(ASPECTS_3)("at %s", (aspectRatio) => {
    const expected = OUTPUT_SIZES[aspectRatio];

    it.each(SHOT_TYPES)("renders a %s shot at the output size", async (shotType) => {
      const png = await renderSketch(inputOf({ shotType }, { aspectRatio }));
      expect(await size(png)).toEqual({ ...expected, format: "png" });
    });

    it.each(SETTINGS)("renders the %s setting", async (setting, description) => {
      expect(readSceneWords(description, "", []).setting).toBe(setting);
      const png = await renderSketch(inputOf({ description, shotType: "wide" }, { aspectRatio }));
      expect(await size(png)).toEqual({ ...expected, format: "png" });
    });
  });

  it.each(ASPECT_RATIOS)("renders %s at the hosted model's size", async (aspectRatio) => {
    const png = await renderSketch(inputOf({ shotType: "medium" }, { aspectRatio }));
    expect(await size(png)).toEqual({ ...OUTPUT_SIZES[aspectRatio], format: "png" });
  });

  it("matches the documented sizes", () => {
    expect(OUTPUT_SIZES["16:9"]).toEqual({ width: 1344, height: 768 });
    expect(OUTPUT_SIZES["9:16"]).toEqual({ width: 768, height: 1344 });
    expect(OUTPUT_SIZES["1:1"]).toEqual({ width: 1024, height: 1024 });
    expect(OUTPUT_SIZES["4:3"]).toEqual({ width: 1152, height: 896 });
    expect(OUTPUT_SIZES["2.39:1"]).toEqual({ width: 1536, height: 640 });
  });

  it.each(CAMERA_MOVES)("draws the %s camera move", async (cameraMove) => {
    const png = await renderSketch(inputOf({ cameraMove, shotType: "wide" }, { aspectRatio: "1:1" }));
    expect(await size(png)).toEqual({ ...OUTPUT_SIZES["1:1"], format: "png" });
  });

  it.each(["day", "sunset", "night"] as const)("draws the %s sky", async (time) => {
    const description = { day: "Maya walks in the street at noon.", sunset: "Maya walks in the street at dusk.", night: "Maya walks in the street under the moon." }[time];
    expect(readSceneWords(description, "", []).time).toBe(time);
    const png = await renderSketch(inputOf({ description }));
    expect((await size(png)).width).toBe(1344);
  });

  it("is deterministic: the same input gives the same bytes", async () => {
    const input = inputOf({ shotType: "over-the-shoulder", cameraMove: "dolly-in", description: "Maya talks to the barista at the café counter at night." });
    const a = await renderSketch(input);
    const b = await renderSketch(structuredClone(input));
    expect(a.equals(b)).toBe(true);
  });

  it("changes with the seed", async () => {
    const a = await renderSketch(inputOf({}, { seed: 1 }));
    const b = await renderSketch(inputOf({}, { seed: 2 }));
    expect(a.equals(b)).toBe(false);
  });

  it("renders a prompt without a scene (medium, static, default palette)", async () => {
    const input = inputOf(null);
    const a = await renderSketch(input);
    const b = await renderSketch(input);
    expect(await size(a)).toEqual({ ...OUTPUT_SIZES["16:9"], format: "png" });
    expect(a.equals(b)).toBe(true);
  });

  it("survives Pango markup and odd characters in the text", async () => {
    const png = await renderSketch(inputOf({ description: `<b>Maya</b> & "Leo" at the café — 'tonight' <span>` }));
    expect((await size(png)).format).toBe("png");
  });

  it("copes with a near-white accent and an empty cast", async () => {
    const png = await renderSketch(
      inputOf({ characters: [], description: "An empty room.", style: { preset: "noir", palette: ["#fefefe", "#000000"], lighting: "hard", mood: ["cold"] } }),
    );
    expect((await size(png)).format).toBe("png");
  });
});
