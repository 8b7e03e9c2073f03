import "server-only";

import { create as createFont, type Font } from "@pdf-lib/fontkit";
import sharp from "sharp";

import { type Motion, motionStillSize } from "@/lib/export/animatic-plan";
import { fontPath, loadFont } from "@/lib/export/fonts";
import { fitLine } from "@/lib/export/text-layout";

// The pictures ffmpeg animates, made with sharp: each scene's still cropped to the output aspect,
// the caption bars and the cards for scenes without a frame. Text is drawn here with Pango and the
// repo's Geist font rather than with ffmpeg's drawtext, which needs fontconfig and system fonts.

type Size = { width: number; height: number };

const STILL_JPEG = { quality: 92, chromaSubsampling: "4:4:4" } as const;

/**
 * The scene's frame cropped to the output aspect and written as a JPEG. Drifts need a still larger
 * than the output to travel across; zooms are scaled per frame by ffmpeg, so their still stays at
 * the source's own resolution (capped), which is cheaper to rescale 30 times a second.
 */
export async function writeSceneStill(source: Buffer, output: Size, motion: Motion, file: string): Promise<Size> {
  const large = motionStillSize(output);
  const image = sharp(source, { failOn: "none" }).rotate();
  let target: Size;
  if (motion.kind === "drift") {
    target = large;
  } else if (motion.kind === "hold") {
    target = output;
  } else {
    const meta = await image.metadata();
    const sourceWidth = meta.autoOrient?.width ?? meta.width ?? output.width;
    const sourceHeight = meta.autoOrient?.height ?? meta.height ?? output.height;
    const aspect = output.width / output.height;
    const cropWidth = Math.min(sourceWidth, sourceHeight * aspect);
    const width = Math.min(large.width, Math.max(2, 2 * Math.floor(cropWidth / 2)));
    target = { width, height: Math.max(2, 2 * Math.round(width / aspect / 2)) };
  }
  await image
    .resize(target.width, target.height, { fit: "cover", position: "centre" })
    .flatten({ background: "#000000" })
    .jpeg(STILL_JPEG)
    .toFile(file);
  return target;
}

const fontMetrics = new Map<string, Promise<Font>>();

async function metricsFor(name: "regular" | "semibold"): Promise<Font> {
  let font = fontMetrics.get(name);
  if (!font) {
    font = loadFont(name).then((bytes) => createFont(bytes));
    font.catch(() => fontMetrics.delete(name));
    fontMetrics.set(name, font);
  }
  return font;
}

function escapeMarkup(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

async function renderText(
  markup: string,
  font: "regular" | "semibold",
  px: number,
  extra: { width?: number; align?: "left" | "centre" } = {},
): Promise<{ data: Buffer; width: number; height: number }> {
  const family = font === "semibold" ? "Geist SemiBold" : "Geist";
  const { data, info } = await sharp({
    text: {
      text: markup,
      font: `${family} ${px}`,
      fontfile: fontPath(font),
      rgba: true,
      dpi: 72,
      ...(extra.width ? { width: extra.width, wrap: "word" as const } : {}),
      ...(extra.align ? { align: extra.align } : {}),
    },
  })
    .png()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** "03 · WIDE · She races down the rocks…" on a translucent bar as wide as the video. */
export async function renderCaptionBar(
  parts: { number: string; shot: string; description: string },
  output: Size,
): Promise<Buffer> {
  const base = Math.min(output.width, output.height);
  const px = Math.max(10, Math.round(base * 0.03));
  const barHeight = 2 * Math.round(Math.max(px * 2.4, base * 0.085) / 2);
  const padding = Math.round(Math.max(px, base * 0.04));
  const room = output.width - 2 * padding;

  const metrics = await metricsFor("regular");
  const measure = (t: string) => (metrics.layout(t).advanceWidth / metrics.unitsPerEm) * px;
  const head = `${parts.number} · ${parts.shot.toUpperCase()} · `;
  // Pango's shaping can differ from fontkit's by a pixel or two per word: keep a little slack.
  let description = fitLine(parts.description, measure, Math.max(0, room * 0.97 - measure(head)));
  let text = await renderText(
    `<span foreground="#ffffff">${escapeMarkup(head)}</span><span foreground="#e5e7eb">${escapeMarkup(description)}</span>`,
    "regular",
    px,
  );
  for (let tries = 0; text.width > room && tries < 5 && description.length > 1; tries++) {
    description = fitLine(description.replace(/…$/, ""), measure, measure(description) * 0.9);
    text = await renderText(
      `<span foreground="#ffffff">${escapeMarkup(head)}</span><span foreground="#e5e7eb">${escapeMarkup(description)}</span>`,
      "regular",
      px,
    );
  }

  return sharp({
    create: { width: output.width, height: barHeight, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0.62 } },
  })
    .composite([{ input: text.data, left: padding, top: Math.max(0, Math.round((barHeight - text.height) / 2)) }])
    .png({ compressionLevel: 3 })
    .toBuffer();
}

/** The card shown for a scene that has no frame yet: its number, a label and its description. */
export async function writePlaceholderCard(
  parts: { number: string; description: string; label: string },
  output: Size,
  file: string,
): Promise<Size> {
  const base = Math.min(output.width, output.height);
  const titlePx = Math.max(14, Math.round(base * 0.07));
  const labelPx = Math.max(10, Math.round(base * 0.032));
  const bodyPx = Math.max(10, Math.round(base * 0.028));
  const textWidth = Math.round(output.width * 0.7);

  const metrics = await metricsFor("regular");
  const measure = (t: string) => (metrics.layout(t).advanceWidth / metrics.unitsPerEm) * bodyPx;
  // About three lines of description; Pango wraps, we only bound the length.
  const description = fitLine(parts.description, measure, textWidth * 2.8);

  const title = await renderText(`<span foreground="#f9fafb">Scene ${escapeMarkup(parts.number)}</span>`, "semibold", titlePx);
  const label = await renderText(`<span foreground="#9ca3af">${escapeMarkup(parts.label)}</span>`, "regular", labelPx);
  const body = description
    ? await renderText(`<span foreground="#d1d5db">${escapeMarkup(description)}</span>`, "regular", bodyPx, {
        width: textWidth,
        align: "centre",
      })
    : null;

  const gap = Math.round(base * 0.03);
  const blocks = [title, label, ...(body ? [body] : [])];
  const total = blocks.reduce((sum, b) => sum + b.height, 0) + gap * (blocks.length - 1);
  let top = Math.max(0, Math.round((output.height - total) / 2));
  const layers = blocks.map((b) => {
    const layer = { input: b.data, left: Math.max(0, Math.round((output.width - b.width) / 2)), top };
    top += b.height + gap;
    return layer;
  });

  await sharp({ create: { width: output.width, height: output.height, channels: 3, background: "#1f2937" } })
    .composite(layers)
    .jpeg(STILL_JPEG)
    .toFile(file);
  return output;
}
