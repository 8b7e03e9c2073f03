import { z } from "zod";
import { multiLineText, singleLineText } from "@/lib/text-fields";
import {
  ASPECT_RATIOS,
  CAMERA_MOVES,
  DIAGRAM_KINDS,
  FORMS,
  LIMITS,
  NARRATIVE_ROLES,
  SHOT_TYPES,
  STYLE_PRESETS,
} from "./constants";

// The contract both planners fill and the editor, generator and exports read. Server-side (and
// tests) validate with these schemas; client components import the plain enums and limits from
// ./constants instead, which this module re-exports so existing imports keep working.

export {
  ASPECT_RATIOS,
  CAMERA_MOVES,
  DIAGRAM_KINDS,
  FORMS,
  LIMITS,
  NARRATIVE_ROLES,
  SHOT_TYPES,
  STYLE_PRESETS,
  defaultSceneCount,
} from "./constants";
export type { AspectRatio, CameraMove, DiagramKind, Form, NarrativeRole, ShotType, StylePreset } from "./constants";

export const shotTypeSchema = z.enum(SHOT_TYPES);
export const cameraMoveSchema = z.enum(CAMERA_MOVES);
export const formSchema = z.enum(FORMS);
export const narrativeRoleSchema = z.enum(NARRATIVE_ROLES);
export const stylePresetSchema = z.enum(STYLE_PRESETS);
export const aspectRatioSchema = z.enum(ASPECT_RATIOS);

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

export const diagramKindSchema = z.enum(DIAGRAM_KINDS);

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
