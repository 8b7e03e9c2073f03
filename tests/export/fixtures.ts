import path from "node:path";

import sharp, { type OverlayOptions } from "sharp";

import type { ExportScene, ExportStoryboard, ReadObject } from "@/lib/export/types";
import { CAMERA_MOVES, SHOT_TYPES, type AspectRatio } from "@/lib/planner/schema";

// Storyboards with real images (gradients with a big scene number) held in a Map and served by a
// ReadObject, so exports run end to end without a database or storage.

const FONT = path.join(process.cwd(), "assets", "fonts", "Geist-SemiBold.ttf");

const DESCRIPTIONS = [
  "A lighthouse keeper climbs the spiral stairs at dawn, lantern swinging, gulls wheeling past the narrow window.",
  "Close on her weathered hands as she trims the wick; the brass glints in the first light.",
  "From the gallery she sees a small boat drifting without a sail, far out beyond the reef.",
  "She races down the rocks to the jetty and unties the rowing boat.",
  "Waves break over the bow as she rows hard against the tide.",
  "Inside the drifting boat: a sleeping child wrapped in a sailcloth, clutching a tin compass.",
  "Back at the lighthouse, the child watches the great lens turn, eyes wide.",
  "Evening: the two of them share bread by the stove while the storm passes.",
  "The child's parents arrive by ferry; an embrace on the jetty.",
  "Night. The beam sweeps the calm sea. The keeper smiles and writes in her log.",
];

export type FixtureOptions = {
  scenes: number;
  aspectRatio?: AspectRatio;
  /** 1-based positions whose frame is null (not generated yet). */
  missing?: number[];
  /** Size of the generated originals; small by default to keep tests fast. */
  frameWidth?: number;
  durations?: number[];
  title?: string;
  /** Content types cycled over the scenes' originals. */
  contentTypes?: Array<"image/png" | "image/jpeg" | "image/webp">;
  /** Noise makes frames photo-like (heavier to encode), for benchmarks. */
  noise?: boolean;
};

export type Fixture = {
  sb: ExportStoryboard;
  read: ReadObject;
  objects: Map<string, Buffer>;
  /** Every key read, in order. */
  reads: string[];
};

export const FIXTURE_NOW = new Date("2026-03-06T12:00:00.000Z");

export function frameSize(aspectRatio: AspectRatio, width: number): { width: number; height: number } {
  const [w, h] = aspectRatio.split(":").map(Number);
  return { width, height: Math.round((width * (h ?? 9)) / (w ?? 16)) };
}

/** A gradient with a big number: easy to recognise in a PDF page, a ZIP entry or a video frame. */
export async function makeFrameImage(
  n: number,
  width: number,
  height: number,
  format: "png" | "jpeg" | "webp",
  noise = false,
): Promise<Buffer> {
  const hue = (n * 47) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="hsl(${hue},55%,62%)"/><stop offset="1" stop-color="hsl(${(hue + 50) % 360},45%,28%)"/>
    </linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    ${Array.from({ length: 12 }, (_, k) => `<line x1="${(k * width) / 12}" y1="0" x2="${(k * width) / 12}" y2="${height}" stroke="white" stroke-opacity="0.25"/>`).join("")}
  </svg>`;
  const size = Math.round(Math.min(width, height) * 0.55);
  const digits = await sharp({
    text: { text: `<span foreground="white">${n}</span>`, fontfile: FONT, font: `Geist SemiBold ${size}`, rgba: true, dpi: 72 },
  })
    .png()
    .toBuffer();
  const meta = await sharp(digits).metadata();
  const layers: OverlayOptions[] = [
    {
      input: digits,
      left: Math.max(0, Math.round((width - (meta.width ?? 0)) / 2)),
      top: Math.max(0, Math.round((height - (meta.height ?? 0)) / 2)),
    },
  ];
  if (noise) {
    const grain = await sharp({
      create: { width, height, channels: 3, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 30 } },
    })
      .png()
      .toBuffer();
    layers.push({ input: grain, blend: "soft-light" });
  }
  const image = sharp(Buffer.from(svg)).composite(layers);
  if (format === "png") return image.png().toBuffer();
  if (format === "jpeg") return image.jpeg({ quality: 85 }).toBuffer();
  return image.webp({ quality: 85 }).toBuffer();
}

export async function buildStoryboard(options: FixtureOptions): Promise<Fixture> {
  const aspectRatio = options.aspectRatio ?? "16:9";
  const { width, height } = frameSize(aspectRatio, options.frameWidth ?? 320);
  const types = options.contentTypes ?? ["image/png", "image/jpeg", "image/webp"];
  const missing = new Set(options.missing ?? []);
  const objects = new Map<string, Buffer>();
  const scenes: ExportScene[] = [];

  for (let i = 1; i <= options.scenes; i++) {
    const contentType = types[(i - 1) % types.length] ?? "image/png";
    const format = contentType === "image/png" ? "png" : contentType === "image/jpeg" ? "jpeg" : "webp";
    let frame: ExportScene["frame"] = null;
    if (!missing.has(i)) {
      const ext = format === "jpeg" ? "jpg" : format;
      const originalKey = `frames/scene-${i}/original.${ext}`;
      const displayKey = `frames/scene-${i}/display.webp`;
      objects.set(originalKey, await makeFrameImage(i, width, height, format, options.noise));
      objects.set(displayKey, await makeFrameImage(i, width, height, "webp", options.noise));
      frame = { originalKey, displayKey, contentType, width, height, seed: 1000 + i, model: "flux-schnell" };
    }
    const description = DESCRIPTIONS[(i - 1) % DESCRIPTIONS.length] ?? "A scene.";
    scenes.push({
      id: `scene-id-${i}`,
      order: i,
      narrativeRole: i === 1 ? "setup" : i === options.scenes ? "resolution" : i % 4 === 0 ? null : "rising",
      description,
      imagePrompt: `Pencil sketch storyboard frame. ${description}`,
      durationSeconds: options.durations?.[i - 1] ?? 3,
      shotType: SHOT_TYPES[(i - 1) % SHOT_TYPES.length] ?? "wide",
      cameraMove: CAMERA_MOVES[(i - 1) % CAMERA_MOVES.length] ?? "static",
      characters: i % 2 === 0 ? ["Maren", "Child"] : ["Maren"],
      dialogue: i % 3 === 0 ? "MAREN: Hold on — I've got you. Keep your head down and hold the compass." : null,
      notes:
        i % 2 === 1
          ? "Warm key light from the lantern; keep the horizon level. Sound: gulls, wind through the gallery rails."
          : null,
      frame,
    });
  }

  const totalDuration = scenes.reduce((sum, s) => sum + s.durationSeconds, 0);
  const sb: ExportStoryboard = {
    id: "storyboard-id-1",
    title: options.title ?? "The Keeper of Gull Rock",
    logline: "A solitary lighthouse keeper rescues a child adrift and finds the family she had given up on.",
    prompt: "A short film about a lighthouse keeper who rescues a child",
    form: "story",
    style: "pencil-sketch",
    aspectRatio,
    totalDuration,
    createdAt: new Date("2026-03-01T09:30:00.000Z"),
    styleBible: {
      preset: "pencil-sketch",
      palette: ["#1f2937", "#9ca3af", "#f59e0b"],
      lighting: "soft dawn light, long shadows",
      mood: ["quiet", "hopeful"],
    },
    characters: [
      { name: "Maren", look: "woman in her sixties, grey braid, weathered face", wardrobe: "navy wool jumper, oilskin" },
      { name: "Child", look: "six-year-old, dark curls", wardrobe: "oversized yellow raincoat" },
    ],
    scenes,
  };

  const reads: string[] = [];
  const read: ReadObject = async (key) => {
    reads.push(key);
    const bytes = objects.get(key);
    if (!bytes) throw new Error(`no object at ${key}`);
    return bytes;
  };
  return { sb, read, objects, reads };
}
