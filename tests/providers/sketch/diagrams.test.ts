import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { ASPECT_RATIOS, DIAGRAM_KINDS, type Diagram, type DiagramKind, type StylePreset } from "@/lib/planner/schema";
import { composeFrame, frameLayout } from "@/lib/providers/sketch/compose-frame";
import { composeDiagramFrame, diagramOf } from "@/lib/providers/sketch/diagrams/compose-diagram-frame";
import { monotoneCurve } from "@/lib/providers/sketch/diagrams/draw-diagram";
import { diagramDepicts, formatTick, formatValue, niceAxis } from "@/lib/providers/sketch/diagrams/format";
import { renderSketch } from "@/lib/providers/sketch/render-sketch";
import { OUTPUT_SIZES } from "@/lib/providers/types";
import { inputOf, STYLE } from "./fixtures";

const COMPOUND: Diagram = {
  kind: "line-chart",
  title: "10,000 at 7 % a year",
  labels: ["0", "5", "10", "15", "20", "25", "30"],
  values: [10000, 14026, 19672, 27590, 38697, 54274, 76123],
  unit: "$",
  highlight: 6,
};

const BARS: Diagram = {
  kind: "bar-chart",
  title: "Energy use per year",
  labels: ["Fridge", "Heating", "Lights", "Laptop", "Oven"],
  values: [420, 2900, 310, 85, 640],
  unit: "kWh",
  highlight: 1,
};

const SAMPLE: Record<DiagramKind, Diagram> = {
  "line-chart": COMPOUND,
  "bar-chart": BARS,
  timeline: { kind: "timeline", title: "Building the bridge", labels: ["1869 survey", "1872 towers", "1877 cables", "1883 opening"], values: null, unit: null, highlight: 3 },
  steps: { kind: "steps", title: "From seed to loaf", labels: ["Sow", "Harvest", "Mill", "Knead", "Bake"], values: null, unit: null, highlight: 2 },
  cutaway: { kind: "cutaway", title: "Inside a volcano", labels: ["Crater", "Vent", "Magma chamber", "Bedrock"], values: null, unit: null, highlight: 2 },
  comparison: { kind: "comparison", title: "Rent or buy", labels: ["Renting", "Buying"], values: [142000, 118500], unit: "$", highlight: 1 },
};

const diagramInput = (diagram: Diagram, preset: StylePreset = "pencil-sketch", over: Parameters<typeof inputOf>[1] = {}) =>
  inputOf({ description: `${diagram.title}.`, shotType: "medium", characters: [], diagram, style: { ...STYLE, preset } }, over);

describe("diagram value formatting", () => {
  it.each([
    [76123, "$", "$76,123"],
    [76123.4, null, "76,123"],
    [2900, "kWh", "2,900 kWh"],
    [7, "%", "7%"],
    [0.25, null, "0.25"],
    [-1200, "€", "−€1,200"],
    [12.345, "kg", "12.3 kg"],
  ] as const)("%s %s → %s", (v, unit, text) => {
    expect(formatValue(v, unit)).toBe(text);
  });

  it("ticks are short and axes are round", () => {
    expect(formatTick(80000)).toBe("80k");
    expect(formatTick(2500000)).toBe("2.5M");
    expect(formatTick(3000)).toBe("3,000");
    expect(niceAxis(10000, 76123)).toEqual({ lo: 0, hi: 80000, step: 20000 });
    expect(niceAxis(0, 2900)).toEqual({ lo: 0, hi: 3000, step: 1000 });
    expect(niceAxis(-40, 90)).toEqual({ lo: -50, hi: 100, step: 50 });
  });

  it("says what each kind drew, cutaways with their parts", () => {
    expect(diagramDepicts(COMPOUND)).toContain("chart");
    expect(diagramDepicts(SAMPLE.timeline)).toContain("timeline");
    expect(diagramDepicts(SAMPLE.steps)).toEqual(expect.arrayContaining(["diagram", "arrows"]));
    expect(diagramDepicts(SAMPLE.cutaway)).toEqual(expect.arrayContaining(["cutaway", "magma chamber", "bedrock"]));
  });
});

describe("diagram scenes", () => {
  it("the compound-interest curve prints its values and rises left to right", () => {
    const diagram = diagramOf(composeFrame(diagramInput(COMPOUND), frameLayout("16:9")));
    expect(diagram).toBeDefined();
    const texts = diagram!.labels.map((l) => l.text);
    expect(texts).toEqual(expect.arrayContaining(["$76,123", "$10,000", "10,000 at 7 % a year", "30", "80k"]));
    const marks = diagram!.marks;
    expect(marks).toHaveLength(7);
    for (let i = 1; i < marks.length; i++) {
      expect(marks[i]!.rect.x).toBeGreaterThan(marks[i - 1]!.rect.x);
      expect(marks[i]!.rect.y).toBeLessThan(marks[i - 1]!.rect.y);
    }
    expect(marks[6]!.highlight).toBe(true);
    expect(diagram!.labels.find((l) => l.text === "$76,123")!.tone).toBe("accent");
  });

  it("bar heights in the pixels are ordered as the values, the highlighted bar in the accent", async () => {
    const layout = frameLayout("16:9");
    const input = diagramInput(BARS);
    const diagram = diagramOf(composeFrame(input, layout));
    const { data, info } = await sharp(await renderSketch(input)).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => {
      const p = (Math.round(y) * info.width + Math.round(x)) * 3;
      return { l: 0.299 * data[p]! + 0.587 * data[p + 1]! + 0.114 * data[p + 2]!, c: Math.max(data[p]!, data[p + 1]!, data[p + 2]!) - Math.min(data[p]!, data[p + 1]!, data[p + 2]!) };
    };
    const heights = diagram!.marks.map((m) => {
      // Walk up the bar's centre column from its base until the paper shows.
      const x = m.rect.x + m.rect.w * 0.3;
      const base = m.rect.y + m.rect.h - 4;
      let y = base;
      while (y > layout.panel.y && at(x, y).l < 228) y--;
      return base - y;
    });
    const byValue = [...BARS.values!.keys()].sort((a, b) => BARS.values![a]! - BARS.values![b]!);
    const byHeight = [...heights.keys()].sort((a, b) => heights[a]! - heights[b]!);
    expect(byHeight).toEqual(byValue);
    // Heights are proportional to the values (within the stroke width).
    expect(heights[1]! / heights[0]!).toBeCloseTo(2900 / 420, 0);
    const hi = diagram!.marks[1]!;
    expect(at(hi.rect.x + hi.rect.w / 2, hi.rect.y + hi.rect.h / 2).c).toBeGreaterThan(60);
    const other = diagram!.marks[0]!;
    expect(at(other.rect.x + other.rect.w / 2, other.rect.y + other.rect.h / 2).c).toBeLessThan(30);
  });

  it("steps beyond five snake onto a second row, each joined to the next", () => {
    const d: Diagram = { ...SAMPLE.steps, labels: ["A", "B", "C", "D", "E", "F", "G", "H"] };
    const diagram = diagramOf(composeFrame(diagramInput(d), frameLayout("16:9")));
    const rows = new Set(diagram!.marks.map((m) => Math.round(m.rect.y)));
    expect(rows.size).toBe(2);
    // The second row runs back right to left.
    expect(diagram!.marks[4]!.rect.x).toBeGreaterThan(diagram!.marks[7]!.rect.x);
  });

  it("comparison bars follow their values; timeline milestones run in order", () => {
    const cmp = diagramOf(composeFrame(diagramInput(SAMPLE.comparison), frameLayout("16:9")))!;
    expect(cmp.marks[0]!.rect.h).toBeGreaterThan(cmp.marks[1]!.rect.h);
    expect(cmp.labels.map((l) => l.text)).toEqual(expect.arrayContaining(["$142,000", "$118,500", "VS"]));
    const tl = diagramOf(composeFrame(diagramInput(SAMPLE.timeline), frameLayout("16:9")))!;
    expect(tl.marks.map((m) => m.label)).toEqual(SAMPLE.timeline.labels);
    const xs = tl.marks.map((m) => m.rect.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  });

  it("a diagram frame says what it drew", () => {
    const frame = composeDiagramFrame(diagramInput(COMPOUND), COMPOUND, frameLayout("16:9"));
    expect(frame.depicts).toEqual(diagramDepicts(COMPOUND));
    expect(frame.svg).toContain("<svg");
  });

  it("a scene without a diagram draws no diagram", () => {
    expect(diagramOf(composeFrame(inputOf({ shotType: "medium" }), frameLayout("16:9")))).toBeUndefined();
  });

  describe.each(ASPECT_RATIOS)("at %s", (aspectRatio) => {
    it.each(DIAGRAM_KINDS)("%s renders at the output size with every label inside the frame", async (kind) => {
      const input = diagramInput(SAMPLE[kind], "pencil-sketch", { aspectRatio });
      const layout = frameLayout(aspectRatio);
      const diagram = diagramOf(composeFrame(input, layout));
      for (const l of diagram!.labels) {
        expect(l.x).toBeGreaterThanOrEqual(layout.panel.x);
        expect(l.x).toBeLessThanOrEqual(layout.panel.x + layout.panel.w);
        expect(l.y).toBeGreaterThanOrEqual(layout.panel.y);
        expect(l.y).toBeLessThanOrEqual(layout.panel.y + layout.panel.h);
      }
      const m = await sharp(await renderSketch(input)).metadata();
      expect([m.width, m.height]).toEqual([OUTPUT_SIZES[aspectRatio].width, OUTPUT_SIZES[aspectRatio].height]);
    });
  });

  it("odd diagrams still draw: one label, no values, a highlight past the end, long labels", async () => {
    const odd: Diagram[] = [
      { kind: "line-chart", title: "Alone", labels: ["Now"], values: [5], unit: null, highlight: null },
      { kind: "bar-chart", title: "No numbers", labels: ["A", "B", "C"], values: null, unit: null, highlight: 9 },
      { kind: "comparison", title: "Equal", labels: ["Left", "Right", "Middle"], values: [0, 0, 0], unit: "%", highlight: 0 },
      { kind: "timeline", title: "x".repeat(120), labels: Array.from({ length: 12 }, (_, i) => `A very long milestone label ${i}`), values: null, unit: null, highlight: 0 },
      { kind: "bar-chart", title: "Losses", labels: ["Q1", "Q2"], values: [-300, 200], unit: "$", highlight: 0 },
    ];
    for (const d of odd) {
      const png = await renderSketch(diagramInput(d));
      expect((await sharp(png).metadata()).width).toBe(1344);
    }
  });

  it("a noir diagram keeps its page lit: no cast shadow or blinds across the chart", async () => {
    const { data, info } = await sharp(await renderSketch(diagramInput(BARS, "noir"))).raw().toBuffer({ resolveWithObject: true });
    const { panel } = frameLayout("16:9");
    let dark = 0;
    let n = 0;
    for (let y = Math.ceil(panel.y + 4); y < panel.y + panel.h - 4; y += 2) {
      for (let x = Math.ceil(panel.x + 4); x < panel.x + panel.w - 4; x += 2) {
        const p = (y * info.width + x) * 3;
        n++;
        if (data[p]! + data[p + 1]! + data[p + 2]! < 120) dark++;
      }
    }
    // The same seed's shot frames are half black (see looks.test.ts); the chart is not.
    expect(dark / n).toBeLessThan(0.15);
  });

  it.each(["comic", "watercolor", "noir", "cinematic"] as const)("draws in the %s look with its labels set over the pass", async (preset) => {
    const a = await renderSketch(diagramInput(BARS, preset));
    const b = await renderSketch(diagramInput(BARS, "pencil-sketch"));
    expect(a.equals(b)).toBe(false);
    expect(a.equals(await renderSketch(diagramInput(BARS, preset)))).toBe(true);
  });
});

describe("monotoneCurve", () => {
  it("passes through every point and never overshoots a peak or a trough", () => {
    const pts: [number, number][] = [
      [0, 100],
      [10, 65],
      [20, 0],
      [30, 15],
      [40, 30],
    ];
    const line = monotoneCurve(pts, 8);
    for (const p of pts) expect(line).toContainEqual(p);
    for (const [, y] of line) {
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(100);
    }
    // Between 20 and 30 the curve stays between its two values.
    for (const [x, y] of line) if (x > 20 && x < 30) expect(y).toBeLessThanOrEqual(15);
  });
});
