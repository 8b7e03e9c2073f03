import { z } from "zod";
import { multiLineText, singleLineText } from "@/lib/text-fields";
import {
  LIMITS,
  aspectRatioSchema,
  cameraMoveSchema,
  shotTypeSchema,
  stylePresetSchema,
} from "@/lib/planner/schema";
import { SCENE_TEXT_RULES as RULES } from "./scene-limits";

// Request bodies of the storyboard and scene routes, validated on the server. The editor's hints
// use the same limits from ./scene-limits (zod-free).

/** Our ids are UUIDs and providers' prediction ids are alphanumeric: anything else is malformed (400), not unknown (404). */
export const idSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/, "not a valid id (letters, digits, - and _)");

/** The revision a write was based on: a stale one is answered 409 REVISION_CONFLICT with the current value. */
export const revisionSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const changes = (p: Record<string, unknown>) => Object.keys(p).filter((k) => k !== "baseRevision" && k !== "force").length > 0;

export const storyboardPatchSchema = z
  .strictObject({
    title: singleLineText().trim().min(1, "the title is empty").max(120),
    style: stylePresetSchema,
    aspectRatio: aspectRatioSchema,
    approved: z.boolean(),
    /** With approved: true, approve even though some scenes have no finished frame. */
    force: z.boolean(),
    baseRevision: revisionSchema,
  })
  .partial()
  .refine(changes, "send at least one of title, style, aspectRatio, approved");

export const approveSchema = z.strictObject({
  /** Approve even though some scenes have no finished frame (or failed). */
  force: z.boolean().default(false),
});

const text = (max: number) => multiLineText().max(max);
const sceneFields = {
  description: multiLineText().trim().min(1, RULES.description.emptyMessage).max(RULES.description.max),
  imagePrompt: multiLineText().trim().min(1, RULES.imagePrompt.emptyMessage).max(RULES.imagePrompt.max),
  durationSeconds: z.number().min(LIMITS.sceneSecondsMin).max(LIMITS.sceneSecondsMax),
  shotType: shotTypeSchema,
  cameraMove: cameraMoveSchema,
  dialogue: text(RULES.dialogue.max).nullable(),
  notes: text(RULES.notes.max).nullable(),
};

export const sceneCreateSchema = z.strictObject({
  /** Insert after this scene; null puts the new scene first. */
  afterSceneId: idSchema.nullable(),
  description: sceneFields.description,
  imagePrompt: sceneFields.imagePrompt.optional(),
  durationSeconds: sceneFields.durationSeconds.optional(),
  shotType: sceneFields.shotType.optional(),
  cameraMove: sceneFields.cameraMove.optional(),
  dialogue: sceneFields.dialogue.optional(),
  notes: sceneFields.notes.optional(),
});
export type SceneCreate = z.infer<typeof sceneCreateSchema>;

export const scenePatchSchema = z
  .strictObject({ ...sceneFields, selectedFrameId: idSchema, baseRevision: revisionSchema })
  .partial()
  .refine(changes, "send at least one field to change");
export type ScenePatchInput = z.infer<typeof scenePatchSchema>;

export const reorderSchema = z.strictObject({
  sceneIds: z.array(idSchema).min(1).max(200),
});

export const generateSchema = z.strictObject({
  sceneIds: z.array(idSchema).min(1).max(200).optional(),
  force: z.boolean().default(false),
  /** Draw with this configured provider (GET /api/providers lists them); the active one when absent. */
  provider: z.string().trim().min(1).max(64).optional(),
});

/** If-Match: "3", W/"3" or 3 — the revision the client's copy is at. */
export function revisionFromIfMatch(header: string | null): number | undefined {
  if (header === null) return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(header);
  if (!m) throw new z.ZodError([{ code: "custom", path: ["If-Match"], message: 'expected a revision such as "3"', input: header }]);
  return Number(m[1]);
}

export const historyQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Continue below this sequence number (the previous page's `nextBefore`). */
  before: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
});

export const restoreEntrySchema = z.strictObject({
  /** The scene's state just after that change ("after", the default) or just before it. */
  to: z.enum(["after", "before"]).default("after"),
});

