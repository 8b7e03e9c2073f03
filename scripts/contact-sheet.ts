// Renders three hand-written storyboards with the embedded sketch renderer and writes contact
// sheets to docs/ — the picture of what a new user sees first in the no-keys mode.
//
//   npx tsx scripts/contact-sheet.ts            → docs/sketch-contact-sheet.png, docs/sketch-settings.png
//   npx tsx scripts/contact-sheet.ts --frames   → also every full-size frame under /tmp/sketch-frames

import { spawnSync } from "node:child_process";
import type { AspectRatio, StyleBible } from "@/lib/planner/schema";
import type { ImageInput, SceneContext } from "@/lib/providers/types";

type Board = { title: string; aspectRatio: AspectRatio; seed: number; scenes: SceneContext[] };

const style = (accent: string, mood: string): StyleBible => ({
  preset: "pencil-sketch",
  palette: [accent, "#2c2b29", "#f4f0e6"],
  lighting: "soft natural light",
  mood: [mood],
});

const maya = { name: "Maya", look: "young woman, late twenties, long dark hair", wardrobe: "rust denim jacket, white tee" };
const leo = { name: "Leo", look: "barista, man in his thirties, short hair, beard", wardrobe: "grey apron over black shirt" };
const coffee = style("#c8553d", "warm");

const aruna = { name: "Aruna", look: "8-year-old girl, two long braids", wardrobe: "blue felt deel robe, boots" };
const grandpa = { name: "Grandfather", look: "old man, grey beard, weathered face", wardrobe: "fur hat, brown deel" };
const tale = style("#3f6fb0", "mythic");

const sam = { name: "Sam", look: "project manager, man, short hair, glasses", wardrobe: "green sweater, jeans" };
const priya = { name: "Priya", look: "engineer, woman, long hair", wardrobe: "grey hoodie" };
const explainer = style("#2f8f6b", "upbeat");

const BOARDS: Board[] = [
  {
    title: "Morning Ritual — 30 s coffee ad (9:16)",
    aspectRatio: "9:16",
    seed: 11,
    scenes: [
      { number: 1, narrativeRole: "hook", shotType: "extreme-close-up", cameraMove: "dolly-in", durationSeconds: 3, characters: [], style: coffee, description: "Steam curls from a fresh cup of coffee on the café counter at dawn." },
      { number: 2, narrativeRole: "intro", shotType: "wide", cameraMove: "truck", durationSeconds: 5, characters: [maya], style: coffee, description: "Maya walks along a rainy city street at sunrise toward the café." },
      { number: 3, narrativeRole: "feature", shotType: "medium", cameraMove: "static", durationSeconds: 6, characters: [maya, leo], style: coffee, description: "Maya holds her cup with both hands and smiles at the barista behind the café counter." },
      { number: 4, narrativeRole: "feature", shotType: "insert", cameraMove: "pan", durationSeconds: 5, characters: [], style: coffee, description: "The product: a package of single-origin beans on the counter." },
      { number: 5, narrativeRole: "feature", shotType: "over-the-shoulder", cameraMove: "static", durationSeconds: 5, characters: [maya, leo], style: coffee, description: "Over Maya's shoulder, the barista hands her the coffee across the café counter." },
      { number: 6, narrativeRole: "cta", shotType: "close-up", cameraMove: "dolly-out", durationSeconds: 6, characters: [maya], style: coffee, description: "Maya sips her coffee by the café window in the evening, the city outside." },
    ],
  },
  {
    title: "The Wind Horse — a folk tale of the steppe (2.39:1)",
    aspectRatio: "2.39:1",
    seed: 7,
    scenes: [
      { number: 1, narrativeRole: "setup", shotType: "extreme-wide", cameraMove: "pan", durationSeconds: 6, characters: [aruna], style: tale, description: "Endless steppe at dawn; a lone yurt, and a girl walking beside her horse." },
      { number: 2, narrativeRole: "setup", shotType: "medium", cameraMove: "static", durationSeconds: 5, characters: [grandpa, aruna], style: tale, description: "Grandfather tells Aruna the legend of the wind horse on the steppe, pointing at the hills." },
      { number: 3, narrativeRole: "inciting", shotType: "wide", cameraMove: "dolly-in", durationSeconds: 5, characters: [aruna], style: tale, description: "Under the full moon, Aruna walks toward a white horse on the steppe at night." },
      { number: 4, narrativeRole: "rising", shotType: "pov", cameraMove: "handheld", durationSeconds: 4, characters: [aruna], style: tale, description: "Aruna rides the horse across the steppe, its mane flying, the hills ahead." },
      { number: 5, narrativeRole: "climax", shotType: "wide", cameraMove: "truck", durationSeconds: 6, characters: [aruna], style: tale, description: "A storm over the mountains; Aruna gallops on her horse through the pass, rain lashing." },
      { number: 6, narrativeRole: "resolution", shotType: "close-up", cameraMove: "dolly-in", durationSeconds: 4, characters: [aruna, grandpa], style: tale, description: "At sunset Aruna smiles, home again on the steppe, grandfather beside her." },
    ],
  },
  {
    title: "Ship It Faster — office explainer (16:9)",
    aspectRatio: "16:9",
    seed: 3,
    scenes: [
      { number: 1, narrativeRole: "problem", shotType: "medium", cameraMove: "dolly-in", durationSeconds: 5, characters: [sam], style: explainer, description: "Sam sits at his office desk buried in emails, staring at the laptop." },
      { number: 2, narrativeRole: "problem", shotType: "close-up", cameraMove: "static", durationSeconds: 4, characters: [sam], style: explainer, description: "Sam rubs his eyes in the office; the deadline is tomorrow." },
      { number: 3, narrativeRole: "solution", shotType: "wide", cameraMove: "pan", durationSeconds: 6, characters: [priya, sam], style: explainer, description: "Priya points at the whiteboard and explains the new workflow to the team in the office." },
      { number: 4, narrativeRole: "how", shotType: "insert", cameraMove: "static", durationSeconds: 4, characters: [], style: explainer, description: "A phone shows the notification: build passed." },
      { number: 5, narrativeRole: "how", shotType: "over-the-shoulder", cameraMove: "tilt", durationSeconds: 5, characters: [sam, priya], style: explainer, description: "Over Sam's shoulder, Priya presents the dashboard in the office." },
      { number: 6, narrativeRole: "benefit", shotType: "wide", cameraMove: "crane", durationSeconds: 6, characters: [sam, priya], style: explainer, description: "The team walks out of the office onto the city street at sunset, laughing." },
    ],
  },
];

/** One frame per setting not already shown above, for the settings sheet. */
const SETTINGS_BOARD: Board = {
  title: "Settings",
  aspectRatio: "16:9",
  seed: 5,
  scenes: [
    ["forest", "wide", "day", "A boy walks through a pine forest with his dog."],
    ["sea", "wide", "sunset", "A couple walk along the beach at sunset, waves rolling in."],
    ["road", "extreme-wide", "day", "A car drives down an empty desert highway."],
    ["space", "wide", "night", "An astronaut stands on the moon, a planet rising."],
    ["market", "wide", "day", "A woman holds a box at a busy bazaar stall, vendors around her."],
    ["studio", "medium", "day", "A man holds the product bottle against a studio backdrop."],
    ["city", "extreme-wide", "night", "The city at night, a woman running across the street."],
    ["interior", "wide", "night", "A man reads a book in his living room at night by the lamp."],
    ["mountains", "wide", "day", "Two hikers walk toward the snowy mountains."],
    ["desert", "wide", "day", "A rider on a horse crosses the sand dunes of the desert."],
    ["office", "medium", "day", "Two colleagues talk at the office, one holds a coffee cup."],
    ["room", "extreme-close-up", "day", "Her eye opens wide."],
  ].map(([, shot, , description], i): SceneContext => ({
    number: i + 1,
    narrativeRole: null,
    shotType: shot as SceneContext["shotType"],
    cameraMove: (["static", "pan", "dolly-in", "handheld", "tilt", "crane", "truck", "dolly-out"] as const)[i % 8]!,
    durationSeconds: 4,
    characters: [],
    style: style(["#c8553d", "#3f6fb0", "#2f8f6b", "#8a4fb0"][i % 4]!, "calm"),
    description: description!,
  })),
};

function inputOf(board: Board, scene: SceneContext): ImageInput {
  return {
    prompt: `${scene.description} Pencil storyboard sketch.`,
    aspectRatio: board.aspectRatio,
    seed: board.seed,
    outputFormat: "png",
    referenceImageUrl: null,
    scene,
    webhookUrl: null,
  };
}

async function main(): Promise<void> {
  const [{ default: sharp }, { renderSketch }, { OUTPUT_SIZES }, fs, path] = await Promise.all([
    import("sharp"),
    import("@/lib/providers/sketch/render-sketch"),
    import("@/lib/providers/types"),
    import("node:fs/promises"),
    import("node:path"),
  ]);
  const writeFrames = process.argv.includes("--frames");
  const fontfile = path.join(process.cwd(), "assets", "fonts", "Geist-SemiBold.ttf");
  const title = async (text: string, px: number) =>
    sharp({ text: { text: `<span foreground="#2c2b29">${text.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</span>`, fontfile, font: `Geist SemiBold ${px}`, dpi: 72, rgba: true } })
      .png()
      .toBuffer();

  /** Each board's rows are scaled to about `targetW` wide (portrait boards get taller rows, capped). */
  async function sheet(boards: Board[], file: string, targetW: number, maxRowH: number, perRow: number): Promise<void> {
    const pad = 24;
    const titleH = 44;
    const rows: { board: Board; frames: Buffer[]; h: number }[] = [];
    for (const board of boards) {
      const frames: Buffer[] = [];
      for (const scene of board.scenes) {
        const png = await renderSketch(inputOf(board, scene));
        if (writeFrames) {
          await fs.mkdir("/tmp/sketch-frames", { recursive: true });
          await fs.writeFile(`/tmp/sketch-frames/${path.basename(file, ".png")}-${board.seed}-${String(scene.number).padStart(2, "0")}.png`, png);
        }
        frames.push(png);
      }
      const { width, height } = OUTPUT_SIZES[board.aspectRatio];
      const n = Math.min(perRow, frames.length);
      const h = Math.round(Math.min(maxRowH, (targetW - pad * (n + 1)) / (n * (width / height))));
      for (let i = 0; i < frames.length; i += perRow) rows.push({ board, frames: frames.slice(i, i + perRow), h });
    }
    const thumbs = await Promise.all(
      rows.map((r) => Promise.all(r.frames.map((f) => sharp(f).resize({ height: r.h }).png().toBuffer({ resolveWithObject: true })))),
    );
    const width = Math.max(...thumbs.map((t) => t.reduce((w, x) => w + x.info.width + pad, pad)));
    const layers: { input: Buffer; left: number; top: number }[] = [];
    let y = pad;
    let lastBoard: Board | null = null;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      if (row.board !== lastBoard && boards.length > 1) {
        layers.push({ input: await title(row.board.title, 26), left: pad, top: y + 8 });
        y += titleH;
      }
      lastBoard = row.board;
      let x = pad;
      for (const t of thumbs[i]!) {
        layers.push({ input: t.data, left: x, top: y });
        x += t.info.width + pad;
      }
      y += row.h + pad;
    }
    await sharp({ create: { width, height: y, channels: 3, background: "#e9e5db" } })
      .composite(layers)
      .png({ palette: true, quality: 90, effort: 8, colours: 128 })
      .toFile(file);
    const { size } = await fs.stat(file);
    console.log(`${file}: ${width}×${y}, ${(size / 1024).toFixed(0)} KiB`);
  }

  await fs.mkdir("docs", { recursive: true });
  await sheet(BOARDS, "docs/sketch-contact-sheet.png", 3000, 520, 6);
  await sheet([SETTINGS_BOARD], "docs/sketch-settings.png", 1700, 225, 4);
}

// The renderer imports "server-only", which only resolves to a no-op under the react-server
// condition; re-run ourselves with it so `npx tsx scripts/contact-sheet.ts` just works.
if (!process.execArgv.some((a) => a.includes("react-server"))) {
  const r = spawnSync(process.execPath, [...process.execArgv, "--conditions=react-server", ...process.argv.slice(1)], { stdio: "inherit" });
  process.exit(r.status ?? 1);
} else {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
