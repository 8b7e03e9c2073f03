import "server-only";

import { existsSync } from "node:fs";
import path from "node:path";
import sharp, { type OverlayOptions } from "sharp";
import type { CameraMove, ShotType } from "@/lib/planner/schema";
import { fmt, type Rect } from "./pen";

// The caption strip under the panel: "01 │ WIDE │ PAN │ 4.0 s". Text is set with sharp/Pango from
// the fonts shipped in assets/fonts, never a system font (CI images may have none). Each token is
// rasterised once per size and kept: a storyboard repeats the same few dozen tokens.

export const SHOT_LABELS: Record<ShotType, string> = {
  "extreme-wide": "EXTREME WIDE",
  wide: "WIDE",
  medium: "MEDIUM",
  "close-up": "CLOSE-UP",
  "extreme-close-up": "EXTREME CLOSE-UP",
  "over-the-shoulder": "OVER THE SHOULDER",
  pov: "POV",
  insert: "INSERT",
};

export const MOVE_LABELS: Record<CameraMove, string> = {
  static: "STATIC",
  pan: "PAN",
  tilt: "TILT",
  "dolly-in": "DOLLY IN",
  "dolly-out": "DOLLY OUT",
  truck: "TRUCK",
  crane: "CRANE",
  handheld: "HANDHELD",
};

export type CaptionFields = {
  /** "01", or "—" for a frame without a scene. */
  number: string;
  shot: string;
  move: string;
  /** "4.0 s", or null. */
  duration: string | null;
  /** Narrative role, shown quietly on the right ("HOOK"). */
  role: string | null;
};

export type Face = "mono" | "regular" | "bold";
const FONT_FILES: Record<Face, { file: string; family: string }> = {
  mono: { file: "GeistMono-Regular.ttf", family: "Geist Mono" },
  regular: { file: "Geist-Regular.ttf", family: "Geist" },
  bold: { file: "Geist-SemiBold.ttf", family: "Geist SemiBold" },
};

const fontPaths = new Map<Face, string | null>();

/** assets/fonts/<file> from the working directory or the nearest ancestor that has it. */
function fontPath(face: Face): string | null {
  const hit = fontPaths.get(face);
  if (hit !== undefined) return hit;
  let dir = process.cwd();
  let found: string | null = null;
  for (let i = 0; i < 6; i++) {
    const p = path.join(dir, "assets", "fonts", FONT_FILES[face].file);
    if (existsSync(p)) {
      found = p;
      break;
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  fontPaths.set(face, found);
  return found;
}

export function escapeMarkup(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

export type TextTile = { data: Buffer; width: number; height: number };

const tiles = new Map<string, Promise<TextTile | null>>();
const MAX_TILES = 512;

/** Text set in a shipped face (cached per text, face, size and colour); null when the font is missing. */
export function textTile(text: string, face: Face, px: number, color: string): Promise<TextTile | null> {
  const key = `${face}|${px}|${color}|${text}`;
  const cached = tiles.get(key);
  if (cached) return cached;
  const file = fontPath(face);
  const job: Promise<TextTile | null> = file
    ? sharp({
        text: {
          text: `<span foreground="${color}">${escapeMarkup(text)}</span>`,
          fontfile: file,
          font: `${FONT_FILES[face].family} ${px}`,
          dpi: 72,
          rgba: true,
        },
      })
        .raw()
        .toBuffer({ resolveWithObject: true })
        .then(({ data, info }) => ({ data, width: info.width, height: info.height }))
        .catch(() => null)
    : Promise.resolve(null);
  if (tiles.size >= MAX_TILES) tiles.clear();
  tiles.set(key, job);
  return job;
}

export type CaptionRender = {
  /** Separators and anything else drawn as SVG (fallback text when the fonts are missing). */
  svg: string;
  overlays: OverlayOptions[];
};

export async function renderCaption(strip: Rect, fields: CaptionFields): Promise<CaptionRender> {
  const numPx = Math.round(strip.h * 0.56);
  const labPx = Math.round(strip.h * 0.32);
  const ink = "#2c2b29";
  const soft = "#7a7770";
  const [num, shot, move, dur, role] = await Promise.all([
    textTile(fields.number, "mono", numPx, ink),
    textTile(fields.shot, "mono", labPx, ink),
    textTile(fields.move, "mono", labPx, ink),
    fields.duration ? textTile(fields.duration, "mono", labPx, ink) : Promise.resolve(null),
    fields.role ? textTile(fields.role, "mono", labPx, soft) : Promise.resolve(null),
  ]);
  const midY = strip.y + strip.h * 0.55;
  const gap = Math.round(strip.h * 0.45);
  const overlays: OverlayOptions[] = [];
  let svg = "";
  const tick = (x: number) => {
    svg += `<path d="M${fmt(x)} ${fmt(midY - strip.h * 0.26)}v${fmt(strip.h * 0.52)}" stroke="#8a8780" stroke-width="${fmt(Math.max(1, strip.h * 0.03))}"/>`;
  };
  const place = (t: TextTile, x: number): number => {
    overlays.push({
      input: t.data,
      raw: { width: t.width, height: t.height, channels: 4 },
      left: Math.round(x),
      top: Math.round(midY - t.height / 2),
    });
    return x + t.width;
  };

  if (!num || !shot || !move) {
    // Fonts missing: fall back to SVG text so the strip still reads where any font exists.
    const t = [fields.number, fields.shot, fields.move, fields.duration].filter(Boolean).join("   ");
    svg += `<text x="${fmt(strip.x + gap * 0.3)}" y="${fmt(midY + labPx * 0.35)}" font-family="Geist Mono, DejaVu Sans Mono, monospace" font-size="${labPx}" fill="${ink}">${escapeMarkup(t)}</text>`;
    return { svg, overlays: [] };
  }
  let x = strip.x + gap * 0.3;
  x = place(num, x) + gap;
  tick(x - gap / 2);
  x = place(shot, x) + gap;
  tick(x - gap / 2);
  x = place(move, x);
  let rx = strip.x + strip.w - gap * 0.3;
  if (dur) {
    rx -= dur.width;
    place(dur, rx);
    rx -= gap;
  }
  if (role && rx - role.width > x + gap) {
    tick(rx + gap / 2);
    rx -= role.width;
    place(role, rx);
  }
  return { svg, overlays };
}
