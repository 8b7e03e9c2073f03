import type { StylePreset } from "@/lib/planner/schema";
import { SKETCH_LOOK_OF, type SketchLook } from "@/lib/sketch-looks";
import type { Inks } from "../inks";
import type { Ink } from "../pen";

// A look is two halves: how the pen draws (line weight, wobble, double strokes, hatching) and how
// the rasterised frame is finished (a colour ramp for the graphite tones plus a shading pass:
// halftone dots, washes, hard shadows or flat gradients). The pencil drawing modules never learn
// which look they serve: they draw with the inks they are given, and the pass recolours greys.

export type Shading = "graphite" | "halftone" | "wash" | "hard" | "flat";

/** Multipliers over the pencil ink, and an optional new colour. */
type LineStyle = { color: string | null; width: number; jitter: number; opacity: number; passes: 1 | 2 | null };

export type LookSpec = {
  id: SketchLook;
  /** Outlines (main, bold, arrow). */
  line: LineStyle;
  /** Background and guide strokes (light, faint). */
  guide: LineStyle;
  hatch: LineStyle;
  shading: Shading;
  /**
   * Every outline stroke of the finished SVG (width under `maxPx`) scaled by `factor`: the drawing
   * modules size their own lines, so weight is set once here rather than in each of them. Wider
   * strokes are limbs and shapes drawn as fat lines, and keep their size.
   */
  weight: { factor: number; maxPx: number };
  /**
   * Scale the frame is rasterised and finished at before it is enlarged to the output size: a
   * watercolour is soft anyway, and half the pixels is a quarter of the work.
   */
  scale: number;
  /**
   * Luminance → colour for the neutral (graphite) pixels of the pencil frame, as stops
   * [luminance 0..1, #rrggbb]; null keeps the pixels as drawn. The accent keeps its own colour.
   */
  ramp: ReadonlyArray<readonly [number, string]> | null;
};

/** Luminance 250: above the paper (240) and below nothing the pencil draws. */
export const SKIN_MARK = "#fbfaf7";

const KEEP: LineStyle = { color: null, width: 1, jitter: 1, opacity: 1, passes: null };

export const LOOK_SPECS: Record<SketchLook, LookSpec> = {
  pencil: { id: "pencil", line: KEEP, guide: KEEP, hatch: KEEP, shading: "graphite", weight: { factor: 1, maxPx: 0 }, scale: 1, ramp: null },
  ink: {
    id: "ink",
    // Brush-pen outlines: heavy, single, steady.
    line: { color: "#101010", width: 1.1, jitter: 0.35, opacity: 1, passes: 1 },
    guide: { color: "#1a1a1a", width: 0.8, jitter: 0.5, opacity: 0.95, passes: 1 },
    hatch: { color: "#111111", width: 0.9, jitter: 0.5, opacity: 0.9, passes: 1 },
    shading: "halftone",
    weight: { factor: 1.9, maxPx: 8 },
    scale: 1,
    ramp: [
      [0, "#0a0a0a"],
      [0.24, "#111111"],
      [0.36, "#1f3561"],
      [0.52, "#3b6db3"],
      [0.64, "#86b6e0"],
      [0.8, "#f0d27a"],
      [0.89, "#f8ebc8"],
      [0.945, "#fffdf6"],
      [0.96, "#fde0c8"],
      [1, "#fcd9bd"],
    ],
  },
  watercolor: {
    id: "watercolor",
    // A light sepia under-drawing; the washes carry the picture.
    line: { color: "#5a4434", width: 1, jitter: 1.3, opacity: 0.62, passes: 1 },
    guide: { color: "#7a6553", width: 1, jitter: 1.3, opacity: 0.45, passes: 1 },
    hatch: { color: "#7a6553", width: 1, jitter: 1, opacity: 0.18, passes: 1 },
    shading: "wash",
    weight: { factor: 1.3, maxPx: 8 },
    scale: 0.5,
    ramp: [
      [0, "#3a2c26"],
      [0.3, "#34467a"],
      [0.5, "#5b86b8"],
      [0.62, "#7fae95"],
      [0.76, "#dfae6a"],
      [0.87, "#a9c6dc"],
      [0.945, "#fbf7ef"],
      [0.96, "#f6d6bf"],
      [1, "#f4d0b5"],
    ],
  },
  noir: {
    id: "noir",
    line: { color: "#050505", width: 1.1, jitter: 0.5, opacity: 1, passes: 1 },
    guide: { color: "#111111", width: 0.9, jitter: 0.6, opacity: 0.95, passes: 1 },
    hatch: { color: "#000000", width: 1.5, jitter: 0.5, opacity: 0.95, passes: 1 },
    shading: "hard",
    weight: { factor: 1.45, maxPx: 8 },
    scale: 1,
    ramp: null,
  },
  digital: {
    id: "digital",
    // Vector-clean: no wobble, no double pass, even weight.
    line: { color: "#1b2436", width: 0.9, jitter: 0, opacity: 1, passes: 1 },
    guide: { color: "#3a4660", width: 0.9, jitter: 0, opacity: 0.7, passes: 1 },
    hatch: { color: "#3a4660", width: 1, jitter: 0, opacity: 0.16, passes: 1 },
    shading: "flat",
    weight: { factor: 1, maxPx: 0 },
    scale: 1,
    ramp: [
      [0, "#121a2c"],
      [0.28, "#24406a"],
      [0.48, "#2f7f8f"],
      [0.6, "#5aa6a0"],
      [0.74, "#e9a877"],
      [0.86, "#bfe0ee"],
      [0.945, "#f8f1e6"],
      [0.96, "#f7d3b5"],
      [1, "#f5cfb0"],
    ],
  },
};

export function lookSpecOf(preset: StylePreset | undefined): LookSpec {
  return LOOK_SPECS[SKETCH_LOOK_OF[preset ?? "pencil-sketch"]];
}

function restyle(ink: Ink, s: LineStyle): Ink {
  return {
    color: s.color ?? ink.color,
    width: ink.width * s.width,
    opacity: Math.min(1, ink.opacity * s.opacity),
    jitter: ink.jitter * s.jitter,
    passes: s.passes ?? ink.passes,
  };
}

/** The pencil inks restyled for a look (pencil: the same object). */
export function lookInks(inks: Inks, spec: LookSpec): Inks {
  if (spec.id === "pencil") return inks;
  return {
    ...inks,
    main: restyle(inks.main, spec.line),
    bold: restyle(inks.bold, spec.line),
    arrow: restyle(inks.arrow, spec.line),
    light: restyle(inks.light, spec.guide),
    faint: restyle(inks.faint, spec.guide),
    hatch: restyle(inks.hatch, spec.hatch),
    // Skin and white objects are drawn in the paper tone; lifted a step above the paper so the
    // raster pass can tell a face from the empty page behind it (the ramps give it skin).
    tone: { ...inks.tone, paper: { color: SKIN_MARK, opacity: 1 } },
  };
}

/** Text colours for a diagram's labels in a look (set over the finished frame). */
export function labelColours(spec: LookSpec, accent: string): { ink: string; soft: string; accent: string; paper: string } {
  return { ink: spec.line.color ?? "#2c2b29", soft: spec.guide.color ?? "#5f5c56", accent, paper: "#fffdf7" };
}

/** The SVG with its outline weights set for the look (see LookSpec.weight). */
export function restroke(svg: string, spec: LookSpec): string {
  const { factor, maxPx } = spec.weight;
  if (factor === 1 || maxPx <= 0) return svg;
  return svg.replace(/stroke-width="([0-9.]+)"/g, (all, w: string) => {
    const v = Number(w);
    return v < maxPx ? `stroke-width="${Math.round(v * factor * 10) / 10}"` : all;
  });
}
