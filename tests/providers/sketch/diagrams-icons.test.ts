import sharp from "sharp";
import { describe, expect, it } from "vitest";
import type { Diagram } from "@/lib/planner/schema";
import { frameLayout } from "@/lib/providers/sketch/compose-frame";
import { composeDiagramFrame } from "@/lib/providers/sketch/diagrams/compose-diagram-frame";
import { diagramIcons, namedIcons } from "@/lib/providers/sketch/diagrams/diagram-icons";
import { labelBox } from "@/lib/providers/sketch/diagrams/draw-diagram";
import { diagramDepicts } from "@/lib/providers/sketch/diagrams/format";
import type { Rect } from "@/lib/providers/sketch/pen";
import { inputOf } from "./fixtures";

// Issue 13: a diagram scene shows the things its labels and description name (a leaf and a sun
// over photosynthesis steps, a car on each side of a comparison), reports them in `depicts`, and
// never covers a value or a label with a picture.

const layout = frameLayout("16:9");

const steps = (labels: string[], title = "Photosynthesis"): Diagram => ({ kind: "steps", title, labels, values: null, unit: null, highlight: 0 });

const frameOf = (d: Diagram, description = `${d.title}.`, opts: { icons?: boolean } = {}, seed = 7) =>
  composeDiagramFrame(inputOf({ description, shotType: "medium", characters: [], diagram: d }, { seed }), d, layout, "", opts);

/** Pencil and ink pixels (darker than any tone or the accent fill) of an SVG rendered at frame size. */
async function ink(svg: string): Promise<number> {
  const { data, info } = await sharp(Buffer.from(svg)).greyscale().raw().toBuffer({ resolveWithObject: true });
  let n = 0;
  for (let i = 0; i < info.width * info.height; i++) if (data[i]! < 90) n++;
  return n;
}

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

const LEAF_SUN = steps(["Sunlight reaches the leaf", "Roots bring up water", "The leaf makes sugar"]);
const EV: Diagram = { kind: "comparison", title: "Running cost a year", labels: ["electric car", "petrol car"], values: [765, 1890], unit: "€", highlight: 0 };
const SAVINGS: Diagram = {
  kind: "line-chart",
  title: "10,000 at 7 % a year",
  labels: ["year 0", "year 10", "year 20", "year 30"],
  values: [10000, 19672, 38697, 76123],
  unit: null,
  highlight: 3,
};
const HANDWASH: Diagram = { kind: "timeline", title: "20 seconds with soap", labels: ["0 s: soap", "5 s: palms", "10 s: backs", "20 s: rinse"], values: null, unit: null, highlight: 3 };

describe("what a diagram's words name", () => {
  it("reads explainer nouns the scene index misses or misreads", () => {
    expect(namedIcons("Sunlight falls on the leaf").map((n) => n.noun)).toEqual(["sunlight", "leaf"]);
    expect(namedIcons("Feed the starter, then mix the dough").map((n) => n.noun)).toEqual(["starter", "dough"]);
    // "starter" is an engine in the scene index; in a recipe it is a jar.
    expect(namedIcons("Feed the starter")[0]!.icon.id).toBe("gi:mason-jar");
    expect(namedIcons("Wet your hands, add soap").map((n) => n.noun)).toEqual(["hand", "soap"]);
  });

  it("a label with no known noun names nothing", () => {
    expect(namedIcons("Think it over")).toEqual([]);
    expect(diagramIcons(steps(["Think it over", "Decide", "Act on it"], "Three steps"), "Three steps to a choice.")).toEqual({ perLabel: [null, null, null], extras: [] });
  });

  it("a label that is a bare name is a thing; in a sentence a noun needs its determiner", () => {
    expect(diagramIcons({ kind: "bar-chart", title: "Use", labels: ["Laptop", "Thinking"], values: [1, 2], unit: null, highlight: null }, "").perLabel.map((n) => n?.noun ?? null)).toEqual(["laptop", null]);
    expect(namedIcons("Laptop use grows every year")).toEqual([]);
  });

  it("both sides of a comparison may show the same kind of thing", () => {
    const icons = diagramIcons(EV, "");
    expect(icons.perLabel.map((n) => n?.noun)).toEqual(["electric car", "petrol car"]);
    expect(icons.perLabel[0]!.icon.id).toBe(icons.perLabel[1]!.icon.id);
  });
});

describe("diagram frames draw what they name", () => {
  it("a steps diagram naming a leaf and the sun depicts both and carries more ink than the bare chart", async () => {
    const withIcons = frameOf(LEAF_SUN);
    const bare = frameOf(LEAF_SUN, undefined, { icons: false });
    expect(withIcons.depicts).toEqual(expect.arrayContaining(["diagram", "steps", "arrows", "leaf", "sunlight"]));
    expect(bare.depicts).toEqual(diagramDepicts(LEAF_SUN));
    expect(withIcons.diagram.icons.map((i) => i.noun)).toEqual(expect.arrayContaining(["leaf", "sunlight"]));
    const [a, b] = await Promise.all([ink(withIcons.svg), ink(bare.svg)]);
    expect(a).toBeGreaterThan(b * 1.05);
  });

  it("each step's icon sits inside its own box", () => {
    const f = frameOf(LEAF_SUN);
    const boxes = f.diagram.marks.map((m) => m.rect);
    f.diagram.icons.forEach((ic, i) => {
      const r = boxes[i]!;
      expect(ic.box.x).toBeGreaterThanOrEqual(r.x);
      expect(ic.box.x + ic.box.w).toBeLessThanOrEqual(r.x + r.w);
      expect(ic.box.y).toBeGreaterThanOrEqual(r.y);
      expect(ic.box.y + ic.box.h).toBeLessThanOrEqual(r.y + r.h);
    });
  });

  it("electric car vs petrol car puts a car on each side", () => {
    const f = frameOf(EV, "Electric car versus petrol car: what a year of driving costs.");
    expect(f.depicts).toEqual(expect.arrayContaining(["comparison", "electric car", "petrol car"]));
    const cars = f.diagram.icons.filter((i) => i.noun.endsWith("car"));
    expect(cars).toHaveLength(2);
    // One in each half of the frame.
    const mid = layout.panel.x + layout.panel.w / 2;
    expect(cars.map((c) => c.box.x + c.box.w / 2 < mid).sort()).toEqual([false, true]);
  });

  it("a savings curve gets the savings drawn beside it, off the curve", () => {
    const f = frameOf(SAVINGS, "Every year the pile is bigger: after 30 years the savings are 76,123.");
    expect(f.depicts).toEqual(expect.arrayContaining(["line chart", "savings"]));
    const piggy = f.diagram.icons.find((i) => i.noun === "savings")!;
    expect(piggy).toBeDefined();
    // Above the curve: no plotted point lies under the icon's columns above it.
    for (const m of f.diagram.marks) {
      const cx = m.rect.x + m.rect.w / 2;
      if (cx >= piggy.box.x && cx <= piggy.box.x + piggy.box.w) expect(piggy.box.y + piggy.box.h).toBeLessThan(m.rect.y);
    }
  });

  it("a timeline milestone shows the thing it names", () => {
    const f = frameOf(HANDWASH, "20 seconds with soap.");
    expect(f.depicts).toEqual(expect.arrayContaining(["timeline", "soap"]));
  });

  it("short bars carry the thing they count over their value; the tallest goes without", () => {
    const d: Diagram = { kind: "bar-chart", title: "Energy use per year", labels: ["Fridge", "Heating", "Kettle"], values: [420, 2900, 310], unit: "kWh", highlight: 1 };
    const f = frameOf(d, "Energy use per year.");
    expect(f.depicts).toEqual(expect.arrayContaining(["bar chart", "fridge", "kettle"]));
    const [fridge, , kettle] = f.diagram.marks;
    const at = (noun: string) => f.diagram.icons.find((i) => i.noun === noun)!.box;
    expect(at("fridge").y + at("fridge").h).toBeLessThan(fridge!.rect.y);
    expect(at("kettle").y + at("kettle").h).toBeLessThan(kettle!.rect.y);
  });

  it("a chart never draws a picture of a chart", () => {
    expect(frameOf(SAVINGS, "A chart: 10,000 grows to 76,123.").diagram.icons.map((i) => i.noun)).not.toContain("chart");
  });

  it.each([
    ["steps", LEAF_SUN, "Sunlight falls on the leaf; water and carbon dioxide become sugar."],
    ["comparison", EV, "The electric car against the petrol car."],
    ["line chart", SAVINGS, "The savings grow: interest on the interest."],
    ["timeline", HANDWASH, "Wet your hands, add soap, scrub, rinse with clean water, dry on a towel."],
    ["recycling", steps(["Collect and sort", "Wash and shred", "Melt and spin", "Knit and brush", "Sew the jacket"], "From bottle to fleece"), "The empty plastic bottle goes in the recycling bin."],
    ["bars", { kind: "bar-chart", title: "Energy use per year", labels: ["Fridge", "Heating", "Kettle"], values: [420, 2900, 310], unit: "kWh", highlight: 1 } as Diagram, "The fridge, the kettle and the house."],
  ] as const)("icons never cover a label, a value or a plotted mark (%s)", (_name, d, description) => {
    for (const seed of [1, 2, 3]) {
      const f = frameOf(d, description, {}, seed);
      expect(f.diagram.icons.length).toBeGreaterThan(0);
      const labels = f.diagram.labels.map(labelBox);
      for (const ic of f.diagram.icons) {
        for (const l of labels) expect(overlaps(ic.box, l), `${ic.noun} over "${f.diagram.labels[labels.indexOf(l)]!.text}"`).toBe(false);
        for (const m of f.diagram.marks) if (d.kind !== "steps") expect(overlaps(ic.box, m.rect), `${ic.noun} over ${m.label}`).toBe(false);
        for (const o of f.diagram.icons) if (o !== ic) expect(overlaps(ic.box, o.box)).toBe(false);
        // Inside the panel.
        expect(ic.box.x).toBeGreaterThanOrEqual(layout.panel.x);
        expect(ic.box.y + ic.box.h).toBeLessThanOrEqual(layout.panel.y + layout.panel.h);
      }
    }
  });

  it("is deterministic for a seed", () => {
    expect(frameOf(LEAF_SUN, "Sunlight on the leaf.", {}, 11).svg).toBe(frameOf(LEAF_SUN, "Sunlight on the leaf.", {}, 11).svg);
  });
});
