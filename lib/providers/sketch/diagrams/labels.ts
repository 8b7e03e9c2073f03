import "server-only";

import type { OverlayOptions } from "sharp";
import { escapeMarkup, textTile, type TextTile } from "../caption";
import { fmt } from "../pen";
import type { DiagramLabel, LabelTone } from "./draw-diagram";

// A diagram's words, set in the shipped Geist faces with sharp/Pango (never a system font: CI
// images may have none) and laid over the finished frame, so no look's pass blurs or dots them.
// Tiles come from the caption's cache (caption.ts textTile): a board repeats its ticks and labels.

export type LabelColours = Record<LabelTone, string>;

/**
 * Overlays for the labels, clamped inside the frame. Without the fonts, the labels come back as
 * one SVG overlay in whatever font librsvg finds, so a misconfigured deploy still reads.
 */
export async function labelOverlays(labels: readonly DiagramLabel[], colours: LabelColours, size: { width: number; height: number }): Promise<OverlayOptions[]> {
  if (labels.length === 0) return [];
  const rendered = await Promise.all(labels.map((l) => textTile(l.text, l.bold ? "bold" : "regular", l.px, colours[l.tone])));
  if (rendered.some((t) => t === null)) return [svgFallback(labels, colours, size)];
  return rendered.map((t, i) => {
    const l = labels[i]!;
    const tileOf = t as TextTile;
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
