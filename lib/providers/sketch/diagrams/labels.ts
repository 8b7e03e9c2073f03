import "server-only";

import { existsSync } from "node:fs";
import path from "node:path";
import sharp, { type OverlayOptions } from "sharp";
import { escapeMarkup } from "../caption";
import { fmt } from "../pen";
import type { DiagramLabel, LabelTone } from "./draw-diagram";

// A diagram's words, set in the shipped Geist faces with sharp/Pango (never a system font: CI
// images may have none) and laid over the finished frame, so no look's pass blurs or dots them.
// Tiles are kept per text, size and colour: a board repeats its axis ticks and labels.

const FACES = { regular: "Geist-Regular.ttf", bold: "Geist-SemiBold.ttf" } as const;
type Face = keyof typeof FACES;

const fontPaths = new Map<Face, string | null>();
function fontPath(face: Face): string | null {
  const hit = fontPaths.get(face);
  if (hit !== undefined) return hit;
  let dir = process.cwd();
  let found: string | null = null;
  for (let i = 0; i < 6; i++) {
    const p = path.join(dir, "assets", "fonts", FACES[face]);
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

type Tile = { data: Buffer; width: number; height: number };
const tiles = new Map<string, Promise<Tile | null>>();

function tile(text: string, face: Face, px: number, color: string): Promise<Tile | null> {
  const key = `${face}|${px}|${color}|${text}`;
  const cached = tiles.get(key);
  if (cached) return cached;
  const file = fontPath(face);
  const family = face === "bold" ? "Geist SemiBold" : "Geist";
  const job: Promise<Tile | null> = file
    ? sharp({ text: { text: `<span foreground="${color}">${escapeMarkup(text)}</span>`, fontfile: file, font: `${family} ${px}`, dpi: 72, rgba: true } })
        .raw()
        .toBuffer({ resolveWithObject: true })
        .then(({ data, info }) => ({ data, width: info.width, height: info.height }))
        .catch(() => null)
    : Promise.resolve(null);
  if (tiles.size >= 1024) tiles.clear();
  tiles.set(key, job);
  return job;
}

export type LabelColours = Record<LabelTone, string>;

/**
 * Overlays for the labels, clamped inside the frame. Without the fonts, the labels come back as
 * one SVG overlay in whatever font librsvg finds, so a misconfigured deploy still reads.
 */
export async function labelOverlays(labels: readonly DiagramLabel[], colours: LabelColours, size: { width: number; height: number }): Promise<OverlayOptions[]> {
  if (labels.length === 0) return [];
  const rendered = await Promise.all(labels.map((l) => tile(l.text, l.bold ? "bold" : "regular", l.px, colours[l.tone])));
  if (rendered.some((t) => t === null)) return [svgFallback(labels, colours, size)];
  return rendered.map((t, i) => {
    const l = labels[i]!;
    const tileOf = t as Tile;
    const x = l.anchor === "start" ? l.x : l.anchor === "end" ? l.x - tileOf.width : l.x - tileOf.width / 2;
    return {
      input: tileOf.data,
      raw: { width: tileOf.width, height: tileOf.height, channels: 4 as const },
      left: Math.round(Math.max(0, Math.min(size.width - tileOf.width, x))),
      top: Math.round(Math.max(0, Math.min(size.height - tileOf.height, l.y - tileOf.height / 2))),
    };
  });
}

function svgFallback(labels: readonly DiagramLabel[], colours: LabelColours, size: { width: number; height: number }): OverlayOptions {
  const anchor = { start: "start", middle: "middle", end: "end" } as const;
  const body = labels
    .map(
      (l) =>
        `<text x="${fmt(l.x)}" y="${fmt(l.y + l.px * 0.35)}" font-family="Geist, DejaVu Sans, sans-serif" font-size="${l.px}"` +
        `${l.bold ? ' font-weight="bold"' : ""} text-anchor="${anchor[l.anchor]}" fill="${colours[l.tone]}">${escapeMarkup(l.text)}</text>`,
    )
    .join("");
  return { input: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}">${body}</svg>`), left: 0, top: 0 };
}
