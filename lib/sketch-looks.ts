import type { StylePreset } from "@/lib/planner/schema";

// Which look the embedded sketch renderer gives each style preset, and the one line the style
// picker shows in no-keys mode so nobody expects a photoreal frame from a pencil rough.
// Client-safe: no server imports, so components can read it directly.

export const SKETCH_LOOKS = ["pencil", "ink", "watercolor", "noir", "digital"] as const;
export type SketchLook = (typeof SKETCH_LOOKS)[number];

export const SKETCH_LOOK_LABELS: Record<SketchLook, string> = {
  pencil: "pencil sketch",
  ink: "inked comic sketch",
  watercolor: "watercolor sketch",
  noir: "noir ink sketch",
  digital: "clean digital-colour sketch",
};

/**
 * Anime maps to the clean digital look, not ink: anime key frames are cel-shaded flat colour with
 * thin, even lines — halftone dots and heavy brush outlines would read as American comics.
 */
export const SKETCH_LOOK_OF: Record<StylePreset, SketchLook> = {
  "pencil-sketch": "pencil",
  comic: "ink",
  watercolor: "watercolor",
  noir: "noir",
  anime: "digital",
  cinematic: "digital",
  photoreal: "digital",
  "3d-render": "digital",
};

/** What a hosted model adds over the offline look, per preset. */
const HOSTED_GAIN: Record<StylePreset, string> = {
  "pencil-sketch": "finished pencil renderings",
  comic: "fully inked and coloured comic panels",
  watercolor: "painted watercolor illustrations",
  noir: "high-contrast black-and-white film stills",
  anime: "anime key frames with painted backgrounds",
  cinematic: "cinematic film stills",
  photoreal: "photorealistic frames",
  "3d-render": "lit 3D renders",
};

export type SketchLookInfo = { look: SketchLook; label: string; hint: string };

export function sketchLookOf(preset: StylePreset): SketchLookInfo {
  const look = SKETCH_LOOK_OF[preset];
  const label = SKETCH_LOOK_LABELS[look];
  return {
    look,
    label,
    hint: `Offline you'll get a ${label}; add a Replicate key for ${HOSTED_GAIN[preset]}.`,
  };
}
