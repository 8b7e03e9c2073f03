import { z } from "zod";
import { multiLineText, singleLineText } from "@/lib/text-fields";

import { orderedScenes, runningTime } from "@/lib/export/scenes";
import type { ExportStoryboard } from "@/lib/export/types";
import {
  LIMITS,
  aspectRatioSchema,
  characterSchema,
  formSchema,
  narrativeRoleSchema,
  planSceneSchema,
  stylePresetSchema,
  styleBibleSchema,
} from "@/lib/planner/schema";

// The portable storyboard file: what "Export JSON" writes and "Import" reads. Versioned so a later
// Storyframe can still read version 1. Nothing in it depends on database ids or dates (other than
// exportedAt), so export → import → export gives the same file apart from exportedAt.

export const STORYBOARD_JSON_FORMAT = "storyframe.storyboard";
export const STORYBOARD_JSON_VERSION = 1;
/** The PDF is laid out and tested for up to this many scenes. */
export const STORYBOARD_JSON_MAX_SCENES = 50;

const frameJsonSchema = z.object({
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  seed: z.number().int().nullable(),
  model: singleLineText().max(200).nullable(),
  contentType: z.enum(["image/png", "image/jpeg", "image/webp"]),
});

const sceneJsonSchema = planSceneSchema.extend({
  // Scenes added by hand in the editor have no narrative role.
  narrativeRole: narrativeRoleSchema.nullable(),
  frame: frameJsonSchema.nullable(),
});

export const storyboardJsonSchema = z
  .object({
    format: z.literal(STORYBOARD_JSON_FORMAT, {
      error: `not a Storyframe storyboard: expected format "${STORYBOARD_JSON_FORMAT}"`,
    }),
    version: z.literal(STORYBOARD_JSON_VERSION, {
      error: (issue) =>
        typeof issue.input === "number"
          ? `unsupported version ${issue.input}: this Storyframe reads version ${STORYBOARD_JSON_VERSION}`
          : `expected version ${STORYBOARD_JSON_VERSION}`,
    }),
    storyboard: z.object({
      title: singleLineText().trim().min(1).max(120),
      logline: multiLineText().max(400).nullable(),
      prompt: multiLineText().max(LIMITS.promptMaxChars),
      form: formSchema.nullable(),
      style: stylePresetSchema,
      aspectRatio: aspectRatioSchema,
      totalDuration: z.number().positive(),
      styleBible: styleBibleSchema.nullable(),
      characters: z.array(characterSchema).max(8),
    }),
    scenes: z.array(sceneJsonSchema).min(1).max(STORYBOARD_JSON_MAX_SCENES),
    exportedAt: z.iso.datetime(),
  })
  .superRefine((value, ctx) => {
    value.scenes.forEach((scene, index) => {
      if (scene.order !== index + 1) {
        ctx.addIssue({
          code: "custom",
          path: ["scenes", index, "order"],
          message: `expected ${index + 1}: scenes are listed in order, numbered from 1`,
        });
      }
    });
    const sum = runningTime(value.scenes);
    if (Math.abs(sum - value.storyboard.totalDuration) > LIMITS.durationTolerance) {
      ctx.addIssue({
        code: "custom",
        path: ["storyboard", "totalDuration"],
        message: `is ${value.storyboard.totalDuration} but the scenes add up to ${sum}`,
      });
    }
  });

export type StoryboardJson = z.output<typeof storyboardJsonSchema>;
export type StoryboardJsonScene = StoryboardJson["scenes"][number];

/**
 * The storyboard as a portable file. `now` becomes exportedAt. Scenes are renumbered 1…n in play
 * order; a style bible or cast stored in an older or foreign shape is written as null / [] rather
 * than producing a file this Storyframe could not import.
 */
export function toStoryboardJson(sb: ExportStoryboard, now: Date): StoryboardJson {
  const scenes = orderedScenes(sb);
  const styleBible = styleBibleSchema.safeParse(sb.styleBible);
  const characters = z.array(characterSchema).safeParse(sb.characters);
  return {
    format: STORYBOARD_JSON_FORMAT,
    version: STORYBOARD_JSON_VERSION,
    storyboard: {
      title: sb.title,
      logline: sb.logline,
      prompt: sb.prompt,
      form: sb.form,
      style: sb.style,
      aspectRatio: sb.aspectRatio,
      totalDuration: runningTime(scenes),
      styleBible: styleBible.success ? styleBible.data : null,
      characters: characters.success ? characters.data : [],
    },
    scenes: scenes.map((scene, index) => ({
      order: index + 1,
      narrativeRole: scene.narrativeRole,
      description: scene.description,
      imagePrompt: scene.imagePrompt,
      durationSeconds: scene.durationSeconds,
      shotType: scene.shotType,
      cameraMove: scene.cameraMove,
      characters: [...scene.characters],
      dialogue: scene.dialogue,
      notes: scene.notes,
      diagram: scene.diagram ?? null,
      frame: scene.frame
        ? {
            width: scene.frame.width,
            height: scene.frame.height,
            seed: scene.frame.seed,
            model: scene.frame.model,
            contentType: normalizeContentType(scene.frame.contentType),
          }
        : null,
    })),
    exportedAt: now.toISOString(),
  };
}

/** The file's text: pretty-printed, newline-terminated, stable key order. */
export function stringifyStoryboardJson(json: StoryboardJson): string {
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** Validates an uploaded storyboard file; throws a ZodError whose issues name each problem. */
export function parseStoryboardJson(input: unknown): StoryboardJson {
  return storyboardJsonSchema.parse(input);
}

function normalizeContentType(contentType: string): z.output<typeof frameJsonSchema>["contentType"] {
  const type = contentType.split(";")[0]?.trim().toLowerCase();
  if (type === "image/jpg" || type === "image/jpeg") return "image/jpeg";
  if (type === "image/webp") return "image/webp";
  return "image/png";
}
