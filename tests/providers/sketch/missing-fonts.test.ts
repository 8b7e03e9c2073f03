import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderSketch } from "@/lib/providers/sketch/render-sketch";
import { inputOf } from "./fixtures";

// The caption fonts are found from the working directory; a process started elsewhere (a
// misconfigured deploy) must still get a frame, with the caption set in whatever font exists.
describe("renderSketch without assets/fonts in reach", () => {
  const cwd = process.cwd();
  beforeAll(() => process.chdir(mkdtempSync(path.join(tmpdir(), "sketch-nofonts-"))));
  afterAll(() => process.chdir(cwd));

  it("still renders the frame", async () => {
    const png = await renderSketch(inputOf({ shotType: "medium" }));
    const meta = await sharp(png).metadata();
    expect([meta.width, meta.height]).toEqual([1344, 768]);
  });
});
