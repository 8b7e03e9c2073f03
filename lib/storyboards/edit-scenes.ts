import "server-only";
import type { Db, DbOrTx } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { getFrameById } from "@/lib/db/queries/frames";
import {
  getSceneById,
  insertSceneAtInTx,
  listScenesByStoryboard,
  reorderScenes,
  restoreSceneById,
  softDeleteSceneById,
  updateSceneById,
  type ScenePatch,
} from "@/lib/db/queries/scenes";
import { refreshTotalDuration } from "@/lib/db/queries/storyboards";
import type { SceneRow, StoryboardRow } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { editableStoryboardOrThrow, recordEdit } from "./edit-log";
import { getStoryboardDtoOrThrow } from "./read-storyboard";
import type { SceneCreate, ScenePatchInput } from "./schemas";

export type Scope = { db: Db; workspaceId: string; storyboardId: string };

/** The scene fields a person edits as text, timing, shot and camera (what the revision counts). */
export const SCENE_CONTENT_FIELDS = ["description", "imagePrompt", "durationSeconds", "shotType", "cameraMove", "dialogue", "notes"] as const;
type ContentField = (typeof SCENE_CONTENT_FIELDS)[number];

export async function sceneOrThrow(db: DbOrTx, storyboardId: string, sceneId: string, includeDeleted = false): Promise<SceneRow> {
  const scene = await getSceneById({ db, storyboardId, sceneId, includeDeleted });
  if (!scene) throw new AppError("NOT_FOUND", "No scene with this id in this storyboard.");
  return scene;
}

export function pickContent(scene: SceneRow, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, scene[k as ContentField]]));
}

/** Thrown inside a transaction so it rolls back; turned into the 409 with the current value after. */
class StaleRevision extends Error {
  constructor(readonly sceneId: string) {
    super("stale revision");
  }
}

async function sceneConflict(scope: Scope, sceneId: string): Promise<AppError> {
  const storyboard = await getStoryboardDtoOrThrow({ db: scope.db, workspaceId: scope.workspaceId, id: scope.storyboardId });
  const current = storyboard.scenes.find((s) => s.id === sceneId) ?? null;
  return new AppError("REVISION_CONFLICT", "This scene was changed elsewhere since you loaded it; keep yours or take theirs.", {
    details: { revision: current?.revision ?? null, current },
  });
}

/** A prompt for a scene a person added by hand, in the storyboard's style. */
function promptFor(storyboard: StoryboardRow, input: SceneCreate): string {
  const shot = (input.shotType ?? "medium").replace(/-/g, " ");
  const style = storyboard.styleBible;
  const look = style ? `${style.preset.replace(/-/g, " ")} style, ${style.lighting}, mood: ${style.mood.join(", ")}` : storyboard.style;
  return `${shot} shot. ${input.description}. ${look}.`;
}

/** Adds a scene after another (or first); returns its id. */
export async function addScene(scope: Scope, input: SceneCreate): Promise<string> {
  return scope.db.transaction(async (tx) => {
    const storyboard = await editableStoryboardOrThrow(tx, scope.workspaceId, scope.storyboardId);
    const order = input.afterSceneId ? (await sceneOrThrow(tx, scope.storyboardId, input.afterSceneId)).order + 1 : 1;
    const id = newId();
    await insertSceneAtInTx({
      db: tx,
      scene: {
        id,
        storyboardId: scope.storyboardId,
        order,
        narrativeRole: null,
        description: input.description,
        imagePrompt: input.imagePrompt ?? promptFor(storyboard, input),
        durationSeconds: input.durationSeconds ?? 3,
        shotType: input.shotType ?? "medium",
        cameraMove: input.cameraMove ?? "static",
        characters: [],
        dialogue: input.dialogue ?? null,
        notes: input.notes ?? null,
      },
    });
    await refreshTotalDuration({ db: tx, storyboardId: scope.storyboardId });
    await recordEdit(tx, { storyboardId: scope.storyboardId, kind: "scene.add", sceneId: id, before: {}, after: { order }, now: new Date() });
    return id;
  });
}

/**
 * Edits a scene's fields and/or picks its frame. With `baseRevision`, a scene changed since is a
 * 409 REVISION_CONFLICT carrying the current scene — unless the write changes nothing (a draft
 * re-sent after a reload that the server already has), which is answered as a success.
 */
export async function editScene(
  scope: Scope,
  sceneId: string,
  patch: ScenePatchInput,
): Promise<{ scene: SceneRow; totalDuration: number }> {
  const { baseRevision, selectedFrameId, ...fields } = patch;
  try {
    return await scope.db.transaction(async (tx) => {
      const storyboard = await editableStoryboardOrThrow(tx, scope.workspaceId, scope.storyboardId);
      const scene = await sceneOrThrow(tx, scope.storyboardId, sceneId);
      const changed = (Object.keys(fields) as ContentField[]).filter((k) => fields[k] !== scene[k]);
      const frameChanged = selectedFrameId !== undefined && selectedFrameId !== scene.selectedFrameId;
      if (changed.length === 0 && !frameChanged) return { scene, totalDuration: storyboard.totalDuration };
      if (baseRevision !== undefined && baseRevision !== scene.revision && changed.length > 0) throw new StaleRevision(sceneId);
      if (frameChanged) {
        const frame = await getFrameById({ db: tx, id: selectedFrameId });
        if (!frame || frame.sceneId !== sceneId) throw new AppError("NOT_FOUND", "No frame with this id for this scene.");
        if (frame.status !== "succeeded") throw new AppError("CONFLICT", "Only a finished frame can be selected.");
      }
      const write: ScenePatch = Object.fromEntries(changed.map((k) => [k, fields[k]]));
      if (frameChanged) write.selectedFrameId = selectedFrameId;
      const updated = await updateSceneById({ db: tx, storyboardId: scope.storyboardId, sceneId, patch: write });
      if (!updated) throw new AppError("NOT_FOUND", "No scene with this id in this storyboard.");
      const now = new Date();
      if (changed.length > 0) {
        await recordEdit(tx, { storyboardId: scope.storyboardId, kind: "scene.edit", sceneId, before: pickContent(scene, changed), after: pickContent(updated, changed), now });
      }
      if (frameChanged) {
        await recordEdit(tx, {
          storyboardId: scope.storyboardId,
          kind: "frame.select",
          sceneId,
          before: { selectedFrameId: scene.selectedFrameId },
          after: { selectedFrameId },
          now,
        });
      }
      const totalDuration = changed.includes("durationSeconds")
        ? await refreshTotalDuration({ db: tx, storyboardId: scope.storyboardId })
        : storyboard.totalDuration;
      return { scene: updated, totalDuration };
    });
  } catch (e) {
    if (e instanceof StaleRevision) throw await sceneConflict(scope, e.sceneId);
    throw e;
  }
}

/** Soft delete: the scene leaves every read and the order at once; restoreScene brings it back. */
export async function deleteScene(scope: Scope, sceneId: string): Promise<number> {
  return scope.db.transaction(async (tx) => {
    await editableStoryboardOrThrow(tx, scope.workspaceId, scope.storyboardId);
    const scene = await sceneOrThrow(tx, scope.storyboardId, sceneId);
    const now = new Date();
    await softDeleteSceneById({ db: tx, scene, now });
    await recordEdit(tx, { storyboardId: scope.storyboardId, kind: "scene.delete", sceneId, before: { order: scene.order }, after: { deleted: true }, now });
    return refreshTotalDuration({ db: tx, storyboardId: scope.storyboardId });
  });
}

/** Undoes a delete (idempotent: restoring a live scene changes nothing). Returns its order. */
export async function restoreScene(scope: Scope, sceneId: string): Promise<number> {
  return scope.db.transaction(async (tx) => {
    await editableStoryboardOrThrow(tx, scope.workspaceId, scope.storyboardId);
    const scene = await sceneOrThrow(tx, scope.storyboardId, sceneId, true);
    if (!scene.deletedAt) return scene.order;
    const now = new Date();
    const order = await restoreSceneById({ db: tx, scene, now });
    await refreshTotalDuration({ db: tx, storyboardId: scope.storyboardId });
    await recordEdit(tx, { storyboardId: scope.storyboardId, kind: "scene.restore", sceneId, before: { deleted: true }, after: { order }, now });
    return order;
  });
}

/** Applies a new order; the list must name every scene exactly once. */
export async function reorderStoryboardScenes(scope: Scope, sceneIds: string[]): Promise<void> {
  await scope.db.transaction(async (tx) => {
    await editableStoryboardOrThrow(tx, scope.workspaceId, scope.storyboardId);
    const scenes = await listScenesByStoryboard({ db: tx, storyboardId: scope.storyboardId });
    const known = new Set(scenes.map((s) => s.id));
    const seen = new Set<string>();
    const issues: { path: string; message: string }[] = [];
    sceneIds.forEach((id, i) => {
      if (!known.has(id)) issues.push({ path: `sceneIds.${i}`, message: `${id} is not a scene of this storyboard` });
      else if (seen.has(id)) issues.push({ path: `sceneIds.${i}`, message: `${id} appears twice` });
      seen.add(id);
    });
    for (const s of scenes) if (!seen.has(s.id)) issues.push({ path: "sceneIds", message: `scene ${s.id} is missing` });
    if (issues.length > 0) {
      throw new AppError("INVALID_REQUEST", "The new order must list every scene of the storyboard exactly once.", { issues });
    }
    const before = scenes.map((s) => s.id);
    if (before.every((id, i) => id === sceneIds[i])) return;
    // The check above gives the issues; the statement re-checks as it writes (see reorderScenes).
    if (!(await reorderScenes({ db: tx, storyboardId: scope.storyboardId, sceneIds }))) {
      throw new AppError("CONFLICT", "The scenes changed while reordering (one was added or deleted); reload and try again.");
    }
    await recordEdit(tx, { storyboardId: scope.storyboardId, kind: "scenes.reorder", sceneId: null, before: { sceneIds: before }, after: { sceneIds }, now: new Date() });
  });
}
