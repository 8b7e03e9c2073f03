import { z } from "zod";
import { multiLineText, singleLineText } from "@/lib/text-fields";

// The contract both planners fill and the editor, generator and exports read.
// Client-safe: forms import these enums and limits.

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

export const shotTypeSchema = z.enum(SHOT_TYPES);
export const cameraMoveSchema = z.enum(CAMERA_MOVES);
export const formSchema = z.enum(FORMS);
export const narrativeRoleSchema = z.enum(NARRATIVE_ROLES);
export const stylePresetSchema = z.enum(STYLE_PRESETS);
export const aspectRatioSchema = z.enum(ASPECT_RATIOS);

export type ShotType = z.infer<typeof shotTypeSchema>;
export type CameraMove = z.infer<typeof cameraMoveSchema>;
export type Form = z.infer<typeof formSchema>;
export type NarrativeRole = z.infer<typeof narrativeRoleSchema>;
export type StylePreset = z.infer<typeof stylePresetSchema>;
export type AspectRatio = z.infer<typeof aspectRatioSchema>;

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

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, "a #rrggbb colour");

export const styleBibleSchema = z.object({
  preset: stylePresetSchema,
  palette: z.array(hexColor).min(2).max(6).describe("#rrggbb colours, the first is the accent"),
  lighting: singleLineText().min(1).max(200),
  mood: z.array(singleLineText().min(1).max(40)).min(1).max(6),
});
export type StyleBible = z.infer<typeof styleBibleSchema>;

export const characterSchema = z.object({
  name: singleLineText().min(1).max(80),
  look: multiLineText().min(1).max(300).describe("face, build, age, hair: what every frame repeats"),
  wardrobe: multiLineText().min(1).max(300),
});
export type Character = z.infer<typeof characterSchema>;

export const DIAGRAM_KINDS = ["line-chart", "bar-chart", "timeline", "steps", "cutaway", "comparison"] as const;
export const diagramKindSchema = z.enum(DIAGRAM_KINDS);
export type DiagramKind = z.infer<typeof diagramKindSchema>;

/**
 * What an explainer scene charts, so the sketch renderer can draw a real chart, timeline, step
 * diagram or labelled cutaway instead of a stock object. Hosted models read only the prompt.
 */
export const diagramSchema = z.object({
  kind: diagramKindSchema,
  title: singleLineText().min(1).max(120),
  /** x-axis labels, step names, milestones or cutaway parts, in reading order. */
  labels: z.array(singleLineText().min(1).max(60)).min(1).max(12),
  /** One value per label for charts and comparisons; null for steps, timelines and cutaways. */
  values: z.array(z.number()).max(12).nullable(),
  /** Unit printed with values ("$", "%", "kWh"), or null. */
  unit: singleLineText().max(12).nullable(),
  /** Index into labels of the item this shot emphasises, or null. */
  highlight: z.number().int().min(0).nullable(),
});
export type Diagram = z.infer<typeof diagramSchema>;

// Nullable rather than optional so the same schema serves OpenAI structured outputs,
// which require every property to be present.
export const planSceneSchema = z.object({
  order: z.number().int().min(1),
  narrativeRole: narrativeRoleSchema,
  description: multiLineText().min(1).max(1000),
  imagePrompt: multiLineText().min(1).max(2000).describe("self-contained: repeats style bible and character traits"),
  durationSeconds: z.number().min(LIMITS.sceneSecondsMin).max(LIMITS.sceneSecondsMax),
  shotType: shotTypeSchema,
  cameraMove: cameraMoveSchema,
  characters: z.array(singleLineText().min(1).max(80)).max(6).describe("names of characters visible in the scene"),
  dialogue: multiLineText().max(1000).nullable(),
  notes: multiLineText().max(1000).nullable(),
  /**
   * The chart, timeline, step diagram or comparison an explainer scene shows; null for a picture.
   * Defaults to null so plans written before diagrams existed (imports, older LLM answers) still parse.
   */
  diagram: diagramSchema.nullable().default(null),
});
export type PlanScene = z.infer<typeof planSceneSchema>;

export const planSchema = z.object({
  title: singleLineText().min(1).max(120),
  logline: multiLineText().min(1).max(400),
  form: formSchema,
  styleBible: styleBibleSchema,
  characters: z.array(characterSchema).max(8),
  scenes: z.array(planSceneSchema).min(LIMITS.frameCountMin).max(LIMITS.planScenesMax),
});
export type Plan = z.infer<typeof planSchema>;

/** What a person asks for; both planners take exactly this. */
export const planRequestSchema = z.object({
  prompt: multiLineText()
    .trim()
    .min(1, "the idea is empty")
    .max(LIMITS.promptMaxChars, `the idea is longer than ${LIMITS.promptMaxChars} characters`),
  title: singleLineText().trim().min(1).max(120).optional(),
  style: stylePresetSchema.default("pencil-sketch"),
  aspectRatio: aspectRatioSchema.default("16:9"),
  targetDuration: z.number().min(LIMITS.durationMin).max(LIMITS.durationMax).default(30),
  frameCount: z.number().int().min(LIMITS.frameCountMin).max(LIMITS.frameCountMax).optional(),
  form: formSchema.optional(),
});
export type PlanRequestInput = z.input<typeof planRequestSchema>;
export type PlanRequest = z.output<typeof planRequestSchema>;

/** 1 scene per 5 s, at least 3, at most 10 — unless the caller asked for a count. */
export function defaultSceneCount(targetDuration: number): number {
  return Math.min(10, Math.max(3, Math.round(targetDuration / 5)));
}
