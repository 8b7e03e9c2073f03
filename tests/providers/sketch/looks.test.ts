import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import type { StylePreset } from "@/lib/planner/schema";
import { LOOK_SPECS, restroke } from "@/lib/providers/sketch/looks/look-spec";
import { finish } from "@/lib/providers/sketch/looks/render-look";
import { composeFrame, frameLayout } from "@/lib/providers/sketch/compose-frame";
import { renderSketch } from "@/lib/providers/sketch/render-sketch";
import type { SketchLook } from "@/lib/sketch-looks";
import { inputOf, LEO, MAYA, STYLE } from "./fixtures";

// Each look must be a different rendering, measured on pixels: a look that degrades into a tint
// of the pencil frame (same strokes, same tones, new hue) fails these.

const PRESET_OF: Record<SketchLook, StylePreset> = {
  pencil: "pencil-sketch",
  ink: "comic",
  watercolor: "watercolor",
  noir: "noir",
  digital: "cinematic",
};

const SCENES = [
  { description: "Maya holds her cup and smiles at the barista behind the café counter.", shotType: "medium" as const, characters: [MAYA, LEO] },
  { description: "Maya walks along a city street at sunrise toward the café.", shotType: "wide" as const, characters: [MAYA] },
  { description: "Maya looks out of the window at night, worried.", shotType: "close-up" as const, characters: [MAYA] },
];

type Pixels = { data: Buffer; width: number; height: number };

async function render(look: SketchLook, i: number, seed = 42): Promise<Pixels> {
  const sc = SCENES[i]!;
  const png = await renderSketch(inputOf({ ...sc, style: { ...STYLE, preset: PRESET_OF[look] } }, { seed }));
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  expect(info.channels).toBe(3);
  return { data, width: info.width, height: info.height };
}

const lum = (d: Buffer, p: number) => 0.299 * d[p]! + 0.587 * d[p + 1]! + 0.114 * d[p + 2]!;
const chroma = (d: Buffer, p: number) => Math.max(d[p]!, d[p + 1]!, d[p + 2]!) - Math.min(d[p]!, d[p + 1]!, d[p + 2]!);

/** Measures over the drawing panel only (the caption strip is the same in every look). */
function measure(px: Pixels) {
  const { panel } = frameLayout("16:9");
  const x0 = Math.ceil(panel.x + 4);
  const x1 = Math.floor(panel.x + panel.w - 4);
  const y0 = Math.ceil(panel.y + 4);
  const y1 = Math.floor(panel.y + panel.h - 4);
  let n = 0;
  let black = 0;
  let coloured = 0;
  let flatColour = 0;
  let strongEdges = 0;
  let hf = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const p = (y * px.width + x) * 3;
      const l = lum(px.data, p);
      const c = chroma(px.data, p);
      n++;
      if (l < 40) black++;
      if (c > 40) coloured++;
      const right = lum(px.data, p + 3);
      const down = lum(px.data, p + px.width * 3);
      const g = Math.abs(l - right) + Math.abs(l - down);
      if (c > 40 && g < 4) flatColour++;
      if (g > 90) strongEdges++;
      // High-frequency energy: the Laplacian.
      const lap = 4 * l - right - down - lum(px.data, p - 3) - lum(px.data, p - px.width * 3);
      hf += Math.abs(lap);
    }
  }
  return { black: black / n, coloured: coloured / n, flatColour: flatColour / n, strongEdges: strongEdges / n, hf: hf / n };
}

type Metrics = ReturnType<typeof measure>;
const metrics = new Map<string, Metrics>();
const avg = (look: SketchLook, key: keyof Metrics) => SCENES.reduce((s, _, i) => s + metrics.get(`${look}:${i}`)![key], 0) / SCENES.length;

describe("sketch looks", () => {
  beforeAll(async () => {
    for (const look of Object.keys(PRESET_OF) as SketchLook[]) {
      for (let i = 0; i < SCENES.length; i++) metrics.set(`${look}:${i}`, measure(await render(look, i)));
    }
  }, 60_000);

  it("reports its measures", () => {
    const rows = (Object.keys(PRESET_OF) as SketchLook[]).map((l) => [l, ...(["black", "coloured", "flatColour", "strongEdges", "hf"] as const).map((k) => avg(l, k).toFixed(3))].join(" "));
    console.log(rows.join("\n"));
  });

  it("noir is mostly black and white: many near-black pixels, few coloured ones", () => {
    expect(avg("noir", "black")).toBeGreaterThan(0.2);
    expect(avg("noir", "black")).toBeGreaterThan(avg("pencil", "black") * 4);
    // The accent survives, but only the accent: far less colour than the colour looks.
    expect(avg("noir", "coloured")).toBeLessThan(0.2);
    expect(avg("noir", "coloured")).toBeLessThan(avg("digital", "coloured") / 3);
  });

  it("watercolor has soft edges: fewer strong edges and less high-frequency energy than pencil", () => {
    expect(avg("watercolor", "strongEdges")).toBeLessThan(avg("pencil", "strongEdges") * 0.6);
    expect(avg("watercolor", "hf")).toBeLessThan(avg("ink", "hf") * 0.6);
    // Washes are coloured: it is not a blurred pencil frame.
    expect(avg("watercolor", "coloured")).toBeGreaterThan(avg("pencil", "coloured") * 2);
  });

  it("ink has bold outlines and dotted tones: more near-black and far more high-frequency energy than pencil", () => {
    expect(avg("ink", "black")).toBeGreaterThan(avg("pencil", "black") * 2);
    expect(avg("ink", "hf")).toBeGreaterThan(avg("pencil", "hf") * 2);
  });

  it("digital colour is saturated flat regions", () => {
    expect(avg("digital", "flatColour")).toBeGreaterThan(0.3);
    expect(avg("digital", "flatColour")).toBeGreaterThan(avg("pencil", "flatColour") * 2.5);
  });

  it("every look differs from pencil in luminance, not only in hue", async () => {
    const base = await render("pencil", 0);
    for (const look of ["ink", "watercolor", "noir", "digital"] as const) {
      const other = await render(look, 0);
      let diff = 0;
      for (let p = 0; p < base.data.length; p += 3) diff += Math.abs(lum(base.data, p) - lum(other.data, p));
      expect(diff / (base.data.length / 3), look).toBeGreaterThan(8);
    }
  });

  it("ink and digital redraw the strokes themselves: ink with a brush twice as heavy, digital in its own line colour", () => {
    const svg = (preset: StylePreset) => {
      const input = inputOf({ ...SCENES[0]!, style: { ...STYLE, preset } });
      const s = composeFrame(input, frameLayout(input.aspectRatio)).svg;
      return preset === "comic" ? restroke(s, LOOK_SPECS.ink) : s;
    };
    const widths = (s: string, colour: string) =>
      [...s.matchAll(new RegExp(`stroke="${colour}" stroke-width="([0-9.]+)"`, "g"))].map((m) => Number(m[1])).filter((w) => w < 8 * 1.9);
    // Outlines only: limbs are drawn as strokes tens of px wide and keep their size.
    const pencil = widths(svg("pencil-sketch"), "#2c2b29").filter((w) => w < 8);
    const ink = widths(svg("comic"), "#101010");
    expect(pencil.length).toBeGreaterThan(0);
    expect(ink.length).toBeGreaterThan(0);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    expect(median(ink)).toBeGreaterThan(median(pencil) * 1.8);
    expect(svg("cinematic")).not.toContain('stroke="#2c2b29"');
    expect(widths(svg("cinematic"), "#1b2436").length).toBeGreaterThan(0);
  });

  it("is deterministic per seed in every look, and the seed changes the frame", async () => {
    for (const look of Object.keys(PRESET_OF) as SketchLook[]) {
      const a = await render(look, 1, 7);
      const b = await render(look, 1, 7);
      const c = await render(look, 1, 8);
      expect(a.data.equals(b.data), look).toBe(true);
      expect(a.data.equals(c.data), look).toBe(false);
    }
  });
});

describe("look passes on known pixels", () => {
  function flat(hex: string, w = 240, h = 160) {
    const n = parseInt(hex.slice(1), 16);
    const data = new Uint8Array(w * h * 4);
    for (let i = 0; i < w * h; i++) {
      data[i * 4] = (n >> 16) & 255;
      data[i * 4 + 1] = (n >> 8) & 255;
      data[i * 4 + 2] = n & 255;
      data[i * 4 + 3] = 255;
    }
    return { data, width: w, height: h, panel: { x: 0, y: 0, w, h }, u: 9, seed: 1, accent: "#c8553d" };
  }
  const lumAt = (d: Uint8Array, i: number) => 0.299 * d[i * 4]! + 0.587 * d[i * 4 + 1]! + 0.114 * d[i * 4 + 2]!;

  it("ink prints a mid grey as a periodic dot screen (period ≈ u·1.1 px)", () => {
    const f = flat("#bdb9b1");
    finish(f, LOOK_SPECS.ink);
    const period = Math.round(9 * 1.1);
    const row = 80;
    const xs = Array.from({ length: 120 }, (_, i) => 40 + i);
    const line = xs.map((x) => lumAt(f.data, row * f.width + x));
    const mean = line.reduce((a, b) => a + b, 0) / line.length;
    const ac = (lag: number) => line.slice(0, line.length - lag).reduce((s, v, i) => s + (v - mean) * (line[i + lag]! - mean), 0);
    // Dots: strong contrast within the row, and it repeats at the period, not at half of it.
    expect(Math.max(...line) - Math.min(...line)).toBeGreaterThan(60);
    expect(ac(period)).toBeGreaterThan(0);
    expect(ac(period)).toBeGreaterThan(ac(Math.round(period / 2)));
  });

  it("paper stays clean paper in ink, and solid black stays solid", () => {
    const paper = flat("#f4f0e6");
    finish(paper, LOOK_SPECS.ink);
    const ls = Array.from({ length: paper.width * paper.height }, (_, i) => lumAt(paper.data, i));
    expect(Math.min(...ls)).toBeGreaterThan(235);
    const ink = flat("#1a1a1a");
    finish(ink, LOOK_SPECS.ink);
    expect(lumAt(ink.data, 5000)).toBeLessThan(30);
  });

  it("noir crushes a light grey to white and a dark grey to black; the accent stays the accent", () => {
    const light = flat("#dcd8cf");
    finish({ ...light, calm: true }, LOOK_SPECS.noir);
    expect(lumAt(light.data, 100)).toBeGreaterThan(230);
    const dark = flat("#4b4a47");
    finish({ ...dark, calm: true }, LOOK_SPECS.noir);
    expect(lumAt(dark.data, 100)).toBeLessThan(20);
    const accent = flat("#c8553d");
    finish({ ...accent, calm: true }, LOOK_SPECS.noir);
    expect([accent.data[400], accent.data[401], accent.data[402]]).toEqual([0xc8, 0x55, 0x3d]);
  });

  it("digital turns the empty page into a vertical gradient", () => {
    const f = flat("#f4f0e6", 200, 200);
    finish(f, LOOK_SPECS.digital);
    const top = f.data.subarray(10 * 200 * 4 + 400, 10 * 200 * 4 + 403);
    const bottom = f.data.subarray(190 * 200 * 4 + 400, 190 * 200 * 4 + 403);
    const dist = Math.abs(top[0]! - bottom[0]!) + Math.abs(top[1]! - bottom[1]!) + Math.abs(top[2]! - bottom[2]!);
    expect(dist).toBeGreaterThan(60);
  });
});
