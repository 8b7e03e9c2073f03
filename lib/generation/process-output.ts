import "server-only";
import { createHash } from "node:crypto";
import sharp, { type Metadata } from "sharp";
import { ProviderError } from "@/lib/providers/types";

const FORMATS = { png: "image/png", jpeg: "image/jpeg", webp: "image/webp" } as const;
const EXT = { png: "png", jpeg: "jpg", webp: "webp" } as const;
const DISPLAY_MAX = 1920;

export type ProcessedOutput = {
  hash: string;
  original: { body: Buffer; ext: string; contentType: string };
  /** null when the original already is a display-ready WebP and serves as its own display copy. */
  display: Buffer | null;
  thumbnail: Buffer;
  width: number;
  height: number;
};

const invalid = (message: string) =>
  new ProviderError({ code: "INVALID_OUTPUT", message, retryable: false, retryAfterSeconds: null });

/** Checks the bytes really are a raster image and derives the display and thumbnail WebPs. */
export async function processOutput(bytes: Buffer): Promise<ProcessedOutput> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch {
    throw invalid("The model's output is not an image.");
  }
  const format = meta.format as keyof typeof FORMATS;
  if (!(format in FORMATS) || !meta.width || !meta.height) {
    // SVG and friends are refused: only raster formats a model returns are stored.
    throw invalid(`The model's output is not a PNG, JPEG or WebP image (got ${meta.format ?? "unknown"}).`);
  }
  // Re-encoding a model's WebP that is already within display bounds costs ~75 % of finalization
  // (bench/RESULTS.md §4) and gains nothing: it is its own display copy.
  const displayReady =
    format === "webp" && meta.width <= DISPLAY_MAX && meta.height <= DISPLAY_MAX && (meta.orientation ?? 1) === 1 && (meta.pages ?? 1) === 1;
  const image = sharp(bytes).rotate();
  const [display, thumbnail] = await Promise.all([
    displayReady
      ? null
      : image.clone().resize({ width: DISPLAY_MAX, height: DISPLAY_MAX, fit: "inside", withoutEnlargement: true }).webp({ quality: 84 }).toBuffer(),
    image.clone().resize({ width: 480, height: 480, fit: "inside", withoutEnlargement: true }).webp({ quality: 72 }).toBuffer(),
  ]).catch(() => {
    throw invalid("The model's output image is corrupt.");
  });
  return {
    hash: createHash("sha256").update(bytes).digest("hex"),
    original: { body: bytes, ext: EXT[format], contentType: FORMATS[format] },
    display,
    thumbnail,
    width: meta.width,
    height: meta.height,
  };
}
