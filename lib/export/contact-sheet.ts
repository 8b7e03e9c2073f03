import "server-only";

import sharp, { type OverlayOptions } from "sharp";

import { fontPath } from "@/lib/export/fonts";
import { readFrameForRender } from "@/lib/export/frame-source";
import type { ExportStoryboard, ReadObject } from "@/lib/export/types";

// One PNG of the whole board: the title, then every scene's selected frame in reading order with
// its number. Seed 002's job poll answers it as `result_image`; it is also the cheapest preview of
// a board to paste into a chat or a ticket. Text is set with Pango from the repo's Geist font.

const BACKGROUND = { r: 246, g: 244, b: 239, alpha: 1 };
const PLACEHOLDER = { r: 222, g: 219, b: 211, alpha: 1 };

export type ContactSheetOptions = { width?: number };

function escapeMarkup(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

async function text(markup: string, px: number, width: number, semibold = false): Promise<{ input: Buffer; height: number }> {
  const { data, info } = await sharp({
    text: {
      text: markup,
      font: `${semibold ? "Geist SemiBold" : "Geist"} ${px}`,
      fontfile: fontPath(semibold ? "semibold" : "regular"),
      rgba: true,
      dpi: 72,
      width,
      wrap: "word",
    },
  })
    .png()
    .toBuffer({ resolveWithObject: true });
  return { input: data, height: info.height };
}

/** Columns that keep cells readable: portrait frames sit four abreast, wide ones three (two for ≤ 4 scenes). */
export function contactSheetColumns(aspect: number, scenes: number): number {
  if (scenes <= 1) return 1;
  if (aspect < 1) return Math.min(scenes, 4);
  return Math.min(scenes, scenes <= 4 ? 2 : 3);
}

export async function renderContactSheet(board: ExportStoryboard, read: ReadObject, options: ContactSheetOptions = {}): Promise<Buffer> {
  const width = options.width ?? 1600;
  const [aw, ah] = board.aspectRatio.split(":").map(Number) as [number, number];
  const aspect = aw / ah;
  const scenes = [...board.scenes].sort((a, b) => a.order - b.order);
  const cols = contactSheetColumns(aspect, scenes.length);
  const margin = Math.round(width * 0.025);
  const gap = Math.round(width * 0.015);
  const cellWidth = Math.floor((width - 2 * margin - (cols - 1) * gap) / cols);
  const cellHeight = Math.round(cellWidth / aspect);
  const labelPx = Math.max(12, Math.round(cellWidth * 0.035));
  const labelHeight = Math.round(labelPx * 1.9);

  const title = await text(`<span foreground="#1f1d1a">${escapeMarkup(board.title)}</span>`, Math.round(width * 0.022), width - 2 * margin, true);
  const top = margin + title.height + gap;
  const rows = Math.max(1, Math.ceil(scenes.length / cols));
  const height = top + rows * (cellHeight + labelHeight) + (rows - 1) * gap + margin;

  const overlays: OverlayOptions[] = [{ input: title.input, left: margin, top: margin }];
  const cells = await Promise.all(
    scenes.map(async (scene) => {
      const bytes = scene.frame ? await readFrameForRender(scene.frame, read, Math.max(cellWidth, cellHeight)) : null;
      const picture = bytes
        ? await sharp(bytes, { failOn: "none" }).rotate().resize(cellWidth, cellHeight, { fit: "cover" }).png().toBuffer()
        : await sharp({ create: { width: cellWidth, height: cellHeight, channels: 4, background: PLACEHOLDER } }).png().toBuffer();
      const number = String(scene.order).padStart(2, "0");
      const label = await text(
        `<span foreground="#1f1d1a">${number}</span><span foreground="#6b665c">  ${escapeMarkup(bytes ? scene.shotType.toUpperCase() : "NOT DRAWN")}</span>`,
        labelPx,
        cellWidth,
      );
      return { picture, label };
    }),
  );
  cells.forEach(({ picture, label }, i) => {
    const left = margin + (i % cols) * (cellWidth + gap);
    const y = top + Math.floor(i / cols) * (cellHeight + labelHeight + gap);
    overlays.push({ input: picture, left, top: y }, { input: label.input, left, top: y + cellHeight + Math.round((labelHeight - label.height) / 2) });
  });

  return sharp({ create: { width, height, channels: 4, background: BACKGROUND } })
    .composite(overlays)
    .flatten({ background: BACKGROUND })
    .png({ compressionLevel: 6 })
    .toBuffer();
}
