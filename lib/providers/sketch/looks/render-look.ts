import "server-only";

import sharp, { type OverlayOptions } from "sharp";
import type { Rect } from "../pen";
import { halftone, hardLight, skyGradient, toneTable, wash, words, type Frame } from "./finish-pass";
import { restroke, type LookSpec } from "./look-spec";

// Rasterises a composed frame and finishes it in its look. Pencil keeps the original single sharp
// chain (SVG → PNG); every other look takes the pixels out once, runs its pass, and encodes.

/** The output size, the panel in it, and what the passes read. */
export type LookFrame = { width: number; height: number; panel: Rect; u: number; seed: number; accent: string; calm?: boolean };

const PNG = { compressionLevel: 3, adaptiveFiltering: false } as const;

export async function renderWithLook(svg: string, spec: LookSpec, frame: LookFrame, overlays: OverlayOptions[]): Promise<Buffer> {
  if (spec.shading === "graphite") {
    return sharp(Buffer.from(svg), { density: 72 }).composite(overlays).removeAlpha().png(PNG).toBuffer();
  }
  const k = spec.scale;
  const { data, info } = await sharp(Buffer.from(restroke(svg, spec)), { density: 72 * k }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  // The passes read 32-bit words: the bytes must start on a 4-byte boundary.
  const bytes = data.byteOffset % 4 === 0 ? data : Uint8Array.prototype.slice.call(data);
  const { panel } = frame;
  const f: Frame = {
    ...frame,
    data: bytes,
    width: info.width,
    height: info.height,
    panel: { x: panel.x * k, y: panel.y * k, w: panel.w * k, h: panel.h * k },
    u: frame.u * k,
  };
  finish(f, spec);
  let out = sharp(f.data, { raw: { width: f.width, height: f.height, channels: 4 } }).removeAlpha();
  if (k !== 1) out = out.resize(frame.width, frame.height, { kernel: "nearest" });
  return out.composite(overlays).png(PNG).toBuffer();
}

/** The raster pass of a look over RGBA pixels, in place (exported for tests that start from known pixels). */
export function finish(f: Frame, spec: LookSpec): void {
  const px = words(f);
  switch (spec.shading) {
    case "graphite":
      return;
    case "halftone":
      halftone(f, px, toneTable(spec, 1.1));
      return;
    case "flat":
      skyGradient(f, px, toneTable(spec, 1.25));
      return;
    case "hard":
      hardLight(f, px);
      return;
    case "wash":
      wash(f, px, toneTable(spec, 0.9));
      return;
  }
}
