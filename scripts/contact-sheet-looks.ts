// Renders one 6-scene board in each look of the embedded sketch renderer, and one frame per
// diagram kind, and writes the contact sheets under docs/:
//
//   npx tsx scripts/contact-sheet-looks.ts           → docs/sketch-looks.png, docs/sketch-diagrams.png
//   npx tsx scripts/contact-sheet-looks.ts --frames  → also every full-size frame under /tmp/sketch-looks

import { spawnSync } from "node:child_process";
import type { Diagram, StyleBible, StylePreset } from "@/lib/planner/schema";
import type { ImageInput, SceneContext } from "@/lib/providers/types";

const maya = { name: "Maya", look: "young woman, late twenties, long dark hair", wardrobe: "rust denim jacket, white tee" };
const leo = { name: "Leo", look: "barista, man in his thirties, short hair, beard", wardrobe: "grey apron over black shirt" };

const style = (preset: StylePreset, accent = "#c8553d"): StyleBible => ({
  preset,
  palette: [accent, "#2c2b29", "#f4f0e6"],
  lighting: "soft natural light",
  mood: ["warm"],
});

type SceneSpec = Omit<SceneContext, "style" | "number">;

const BOARD: SceneSpec[] = [
  { narrativeRole: "setup", shotType: "wide", cameraMove: "truck", durationSeconds: 5, characters: [maya], description: "Maya walks along a rainy city street at sunrise toward the café." },
  { narrativeRole: "inciting", shotType: "medium", cameraMove: "static", durationSeconds: 5, characters: [maya, leo], description: "Maya holds her cup with both hands and smiles at the barista behind the café counter." },
  { narrativeRole: "rising", shotType: "close-up", cameraMove: "dolly-in", durationSeconds: 4, characters: [maya], description: "Maya looks out of the café window at night, worried." },
  { narrativeRole: "rising", shotType: "extreme-wide", cameraMove: "pan", durationSeconds: 6, characters: [maya], description: "A lone rider on a horse crosses the mountains under a stormy sky." },
  { narrativeRole: "climax", shotType: "over-the-shoulder", cameraMove: "static", durationSeconds: 5, characters: [maya, leo], description: "Over Maya's shoulder, the barista hands her the coffee across the café counter." },
  { narrativeRole: "resolution", shotType: "insert", cameraMove: "static", durationSeconds: 4, characters: [], description: "The product: a package of single-origin beans on the counter." },
];

const LOOK_ROWS: { title: string; preset: StylePreset }[] = [
  { title: "pencil — pencil-sketch (default)", preset: "pencil-sketch" },
  { title: "ink — comic", preset: "comic" },
  { title: "watercolor — watercolor", preset: "watercolor" },
  { title: "noir — noir", preset: "noir" },
  { title: "digital — cinematic, anime, photoreal, 3d-render", preset: "cinematic" },
];

export const DIAGRAMS: { diagram: Diagram; preset: StylePreset; description: string }[] = [
  {
    preset: "pencil-sketch",
    description: "A chart: 10,000 saved at 7 % grows to 76,123 in 30 years.",
    diagram: {
      kind: "line-chart",
      title: "10,000 at 7 % a year",
      labels: ["0", "5", "10", "15", "20", "25", "30"],
      values: [10000, 14026, 19672, 27590, 38697, 54274, 76123],
      unit: "$",
      highlight: 6,
    },
  },
  {
    preset: "cinematic",
    description: "Bar chart of energy use by appliance.",
    diagram: {
      kind: "bar-chart",
      title: "Energy use per year",
      labels: ["Fridge", "Heating", "Lights", "Laptop", "Oven"],
      values: [420, 2900, 310, 85, 640],
      unit: "kWh",
      highlight: 1,
    },
  },
  {
    preset: "watercolor",
    description: "A timeline of the bridge's construction.",
    diagram: {
      kind: "timeline",
      title: "Building the bridge",
      labels: ["1869 survey", "1872 towers", "1877 cables", "1881 deck", "1883 opening"],
      values: null,
      unit: null,
      highlight: 4,
    },
  },
  {
    preset: "comic",
    description: "How a seed becomes bread, step by step.",
    diagram: {
      kind: "steps",
      title: "From seed to loaf",
      labels: ["Sow", "Harvest", "Mill", "Knead", "Bake"],
      values: null,
      unit: null,
      highlight: 2,
    },
  },
  {
    preset: "noir",
    description: "Inside a volcano: a labelled cutaway.",
    diagram: {
      kind: "cutaway",
      title: "Inside a volcano",
      labels: ["Ash cloud", "Crater", "Vent", "Magma chamber", "Bedrock"],
      values: null,
      unit: null,
      highlight: 3,
    },
  },
  {
    preset: "cinematic",
    description: "Renting versus buying over ten years.",
    diagram: {
      kind: "comparison",
      title: "Ten years: rent or buy",
      labels: ["Renting", "Buying"],
      values: [142000, 118500],
      unit: "$",
      highlight: 1,
    },
  },
];

function inputOf(scene: SceneContext, seed: number): ImageInput {
  return {
    prompt: `${scene.description} Storyboard frame.`,
    aspectRatio: "16:9",
    seed,
    outputFormat: "png",
    referenceImageUrl: null,
    scene,
    webhookUrl: null,
  };
}

async function main(): Promise<void> {
  const [{ default: sharp }, { renderSketch }, fs, path] = await Promise.all([
    import("sharp"),
    import("@/lib/providers/sketch/render-sketch"),
    import("node:fs/promises"),
    import("node:path"),
  ]);
  const writeFrames = process.argv.includes("--frames");
  const fontfile = path.join(process.cwd(), "assets", "fonts", "Geist-SemiBold.ttf");
  const title = async (text: string, px: number) =>
    sharp({ text: { text: `<span foreground="#2c2b29">${text.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</span>`, fontfile, font: `Geist SemiBold ${px}`, dpi: 72, rgba: true } })
      .png()
      .toBuffer();

  async function sheet(rows: { title: string; frames: ImageInput[] }[], file: string, perRow: number, thumbH: number): Promise<void> {
    const pad = 20;
    const titleH = 40;
    const thumbW = Math.round((thumbH * 1344) / 768);
    const layers: { input: Buffer; left: number; top: number }[] = [];
    let y = pad;
    for (const row of rows) {
      layers.push({ input: await title(row.title, 24), left: pad, top: y + 6 });
      y += titleH;
      for (let i = 0; i < row.frames.length; i += perRow) {
        let x = pad;
        for (const input of row.frames.slice(i, i + perRow)) {
          const png = await renderSketch(input);
          if (writeFrames) {
            await fs.mkdir("/tmp/sketch-looks", { recursive: true });
            const name = `${path.basename(file, ".png")}-${input.scene?.style.preset}-${input.scene?.number}.png`;
            await fs.writeFile(path.join("/tmp/sketch-looks", name), png);
          }
          layers.push({ input: await sharp(png).resize({ height: thumbH }).png().toBuffer(), left: x, top: y });
          x += thumbW + pad;
        }
        y += thumbH + pad;
      }
    }
    const width = pad + perRow * (thumbW + pad);
    await sharp({ create: { width, height: y, channels: 3, background: "#e9e5db" } })
      .composite(layers)
      .png({ palette: true, quality: 95, effort: 8, colours: 256 })
      .toFile(file);
    const { size } = await fs.stat(file);
    console.log(`${file}: ${width}×${y}, ${(size / 1024).toFixed(0)} KiB`);
  }

  await fs.mkdir("docs", { recursive: true });
  await sheet(
    LOOK_ROWS.map((row) => ({
      title: row.title,
      frames: BOARD.map((s, i) => inputOf({ ...s, number: i + 1, style: style(row.preset) }, 21)),
    })),
    "docs/sketch-looks.png",
    6,
    300,
  );
  await sheet(
    [
      {
        title: "diagram scenes — line, bar, timeline, steps, cutaway, comparison (each in a different look)",
        frames: DIAGRAMS.map((d, i) =>
          inputOf(
            {
              number: i + 1,
              narrativeRole: "how",
              shotType: "medium",
              cameraMove: "static",
              durationSeconds: 5,
              characters: [],
              description: d.description,
              style: style(d.preset, "#2f8f6b"),
              diagram: d.diagram,
            },
            5,
          ),
        ),
      },
    ],
    "docs/sketch-diagrams.png",
    3,
    420,
  );
}

// The renderer imports "server-only", which resolves to a no-op only under the react-server
// condition; re-run ourselves with it.
if (!process.execArgv.some((a) => a.includes("react-server"))) {
  const r = spawnSync(process.execPath, [...process.execArgv, "--conditions=react-server", ...process.argv.slice(1)], { stdio: "inherit" });
  process.exit(r.status ?? 1);
} else {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
