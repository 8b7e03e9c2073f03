import "server-only";

import type { ImageInput } from "@/lib/providers/types";
import { MOVE_LABELS, renderCaption, SHOT_LABELS, type CaptionFields } from "./caption";
import { composeFrame, frameLayout } from "./compose-frame";
import { diagramOf } from "./diagrams/compose-diagram-frame";
import { labelOverlays } from "./diagrams/labels";
import { readableAccent } from "./inks";
import { labelColours, lookSpecOf } from "./looks/look-spec";
import { renderWithLook } from "./looks/render-look";

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

/** The nouns the renderer draws for this input (composition only, no pixels: about 2 ms). */
export function sketchDepicts(input: ImageInput): string[] {
  return composeFrame(input, frameLayout(input.aspectRatio)).depicts;
}

export async function renderSketch(input: ImageInput): Promise<Buffer> {
  return (await renderSketchFrame(input)).png;
}

/** The PNG and what it depicts, from one composition. */
export async function renderSketchFrame(input: ImageInput): Promise<{ png: Buffer; depicts: string[] }> {
  const layout = frameLayout(input.aspectRatio);
  const caption = await renderCaption(layout.strip, captionFieldsOf(input));
  const composed = composeFrame(input, layout, caption.svg);
  const { svg, depicts } = composed;
  const diagram = diagramOf(composed);
  const sc = input.scene;
  const spec = lookSpecOf(sc?.style.preset);
  const accent = readableAccent(sc?.style.palette[0]);
  const labels = diagram ? await labelOverlays(diagram.labels, labelColours(spec, accent), layout) : [];
  const seed = (input.seed ^ Math.imul(sc?.number ?? 0, 0x9e3779b1)) >>> 0;
  const frame = { width: layout.width, height: layout.height, panel: layout.panel, u: layout.u, seed, accent, calm: Boolean(diagram) };
  const png = await renderWithLook(svg, spec, frame, [...caption.overlays, ...labels]);
  return { png, depicts };
}
