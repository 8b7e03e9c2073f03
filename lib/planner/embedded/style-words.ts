import type { ShotType, StylePreset } from "../schema";

// Words an image model understands for our enums. Shared by normalizePlan (which checks that
// every imagePrompt carries them) and the embedded planner (which writes them in the first place),
// so the two agree and normalizing an embedded plan appends nothing.

export const PRESET_PHRASES: Record<StylePreset, { key: string; phrase: string }> = {
  "pencil-sketch": { key: "pencil sketch", phrase: "pencil sketch storyboard frame, loose graphite linework, hatched shading" },
  cinematic: { key: "cinematic", phrase: "cinematic film still, anamorphic lens, shallow depth of field" },
  anime: { key: "anime", phrase: "anime style key frame, clean cel shading, painted background" },
  comic: { key: "comic", phrase: "comic book panel, bold inks, halftone shading" },
  watercolor: { key: "watercolor", phrase: "watercolor illustration, soft washes, visible paper grain" },
  noir: { key: "noir", phrase: "film noir, high-contrast black and white, deep shadows" },
  photoreal: { key: "photoreal", phrase: "photorealistic photograph, natural skin texture, 35mm lens" },
  "3d-render": { key: "3d render", phrase: "3d render, soft global illumination, stylized materials" },
};

export const SHOT_PHRASES: Record<ShotType, string> = {
  "extreme-wide": "extreme wide shot",
  wide: "wide shot",
  medium: "medium shot",
  "close-up": "close-up",
  "extreme-close-up": "extreme close-up",
  "over-the-shoulder": "over-the-shoulder shot",
  pov: "point-of-view shot",
  insert: "insert shot",
};

// A small named-colour table: image models read "burnt orange" far better than "#cc5500".
const NAMED_COLOURS: ReadonlyArray<readonly [string, number, number, number]> = [
  ["black", 16, 16, 16],
  ["charcoal", 54, 69, 79],
  ["slate grey", 112, 128, 144],
  ["silver grey", 192, 192, 192],
  ["bone white", 240, 234, 214],
  ["pure white", 250, 250, 250],
  ["crimson", 196, 30, 58],
  ["brick red", 156, 59, 46],
  ["oxblood", 92, 22, 28],
  ["coral", 255, 127, 80],
  ["burnt orange", 204, 85, 0],
  ["amber", 255, 176, 0],
  ["mustard", 214, 170, 60],
  ["lemon yellow", 250, 235, 80],
  ["sand", 214, 196, 160],
  ["ochre", 176, 124, 48],
  ["chocolate brown", 90, 56, 36],
  ["olive", 112, 120, 50],
  ["moss green", 96, 128, 72],
  ["emerald", 30, 150, 90],
  ["mint", 160, 220, 180],
  ["forest green", 34, 80, 46],
  ["teal", 20, 120, 125],
  ["turquoise", 64, 200, 200],
  ["sky blue", 135, 195, 235],
  ["steel blue", 70, 110, 150],
  ["cobalt blue", 0, 71, 171],
  ["navy", 22, 32, 70],
  ["indigo", 60, 40, 120],
  ["violet", 140, 90, 190],
  ["plum", 110, 50, 90],
  ["magenta", 200, 40, 140],
  ["dusty pink", 210, 150, 160],
  ["blush", 245, 200, 195],
];

export function colourName(hex: string): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return hex;
  const r = parseInt(m[1] ?? "0", 16);
  const g = parseInt(m[2] ?? "0", 16);
  const b = parseInt(m[3] ?? "0", 16);
  let best = "grey";
  let bestD = Infinity;
  for (const [name, cr, cg, cb] of NAMED_COLOURS) {
    // Weighted RGB distance ("redmean"): cheap and close enough to perception for naming.
    const rm = (r + cr) / 2;
    const d = (2 + rm / 256) * (r - cr) ** 2 + 4 * (g - cg) ** 2 + (2 + (255 - rm) / 256) * (b - cb) ** 2;
    if (d < bestD) {
      bestD = d;
      best = name;
    }
  }
  return best;
}

/** Distinct colour names for a palette, accent first. */
export function paletteNames(palette: readonly string[]): string[] {
  return [...new Set(palette.map(colourName))];
}
