// The planner's vocabulary and limits as plain data, with no zod: client components import these
// (forms, the inspector, the editor header) and schema.ts builds its zod enums from them, so the
// browser never downloads zod to learn what a shot type is.

export const SHOT_TYPES = [
  "extreme-wide",
  "wide",
  "medium",
  "close-up",
  "extreme-close-up",
  "over-the-shoulder",
  "pov",
  "insert",
] as const;
export const CAMERA_MOVES = [
  "static",
  "pan",
  "tilt",
  "dolly-in",
  "dolly-out",
  "truck",
  "crane",
  "handheld",
] as const;
export const FORMS = ["ad", "story", "explainer"] as const;
export const NARRATIVE_ROLES = [
  // ad
  "hook",
  "intro",
  "feature",
  "cta",
  // story
  "setup",
  "inciting",
  "rising",
  "climax",
  "resolution",
  // explainer
  "problem",
  "solution",
  "how",
  "benefit",
] as const;
export const STYLE_PRESETS = [
  "pencil-sketch",
  "cinematic",
  "anime",
  "comic",
  "watercolor",
  "noir",
  "photoreal",
  "3d-render",
] as const;
export const ASPECT_RATIOS = ["16:9", "9:16", "1:1", "4:3", "2.39:1"] as const;
export const DIAGRAM_KINDS = ["line-chart", "bar-chart", "timeline", "steps", "cutaway", "comparison"] as const;

export type ShotType = (typeof SHOT_TYPES)[number];
export type CameraMove = (typeof CAMERA_MOVES)[number];
export type Form = (typeof FORMS)[number];
export type NarrativeRole = (typeof NARRATIVE_ROLES)[number];
export type StylePreset = (typeof STYLE_PRESETS)[number];
export type AspectRatio = (typeof ASPECT_RATIOS)[number];
export type DiagramKind = (typeof DIAGRAM_KINDS)[number];

export const LIMITS = {
  promptMaxChars: 4000,
  durationMin: 5,
  durationMax: 300,
  frameCountMin: 3,
  frameCountMax: 12,
  /**
   * A plan may hold more scenes than a caller can ask for: 12 × 15 s is 180 s, so a longer target
   * (up to 300 s) gets as many scenes as its length needs (300 s → 20 × 15 s).
   */
  planScenesMax: 20,
  sceneSecondsMin: 1,
  sceneSecondsMax: 15,
  /** Sum of scene durations must match the target within this many seconds. */
  durationTolerance: 0.05,
} as const;

/** 1 scene per 5 s, at least 3, at most 10 — unless the caller asked for a count. */
export function defaultSceneCount(targetDuration: number): number {
  return Math.min(10, Math.max(3, Math.round(targetDuration / 5)));
}
