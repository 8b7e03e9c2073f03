import "server-only";

import sharp from "sharp";
import type { ImageInput } from "@/lib/providers/types";
import { MOVE_LABELS, renderCaption, SHOT_LABELS, type CaptionFields } from "./caption";
import { composeFrame, frameLayout } from "./compose-frame";

// The embedded image provider's renderer: a pencil storyboard rough of the scene, as PNG bytes at
// the same size a hosted model would return. No GPU, no network, deterministic.

export function captionFieldsOf(input: ImageInput): CaptionFields {
  const sc = input.scene;
  return {
    number: sc ? String(sc.number).padStart(2, "0") : "—",
    shot: SHOT_LABELS[sc?.shotType ?? "medium"],
    move: MOVE_LABELS[sc?.cameraMove ?? "static"],
    duration: sc ? `${sc.durationSeconds.toFixed(1)} s` : null,
    role: sc?.narrativeRole ? sc.narrativeRole.toUpperCase() : null,
  };
}

export async function renderSketch(input: ImageInput): Promise<Buffer> {
  const layout = frameLayout(input.aspectRatio);
  const caption = await renderCaption(layout.strip, captionFieldsOf(input));
  const { svg } = composeFrame(input, layout, caption.svg);
  return sharp(Buffer.from(svg), { density: 72 })
    .composite(caption.overlays)
    .removeAlpha()
    .png({ compressionLevel: 3, adaptiveFiltering: false })
    .toBuffer();
}
