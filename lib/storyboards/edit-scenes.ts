import "server-only";
import type { Db, DbOrTx } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { getFrameById } from "@/lib/db/queries/frames";
import {
  closeGapStatement,
  insertSceneStatement,
  makeRoomStatement,
  refreshTotalStatement,
  reorderStatement,
  restoreSceneStatements,
  softDeleteSceneStatement,
  updateSceneStatement,
} from "@/lib/db/queries/edit-statements";
import { getSceneById, listScenesByStoryboard, type ScenePatch } from "@/lib/db/queries/scenes";
import { getStoryboardById } from "@/lib/db/queries/storyboards";
import type { SceneRow, StoryboardRow } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { coalesceTarget, editableStoryboardOrThrow, logStatements, runStatements, type EditEntry } from "./edit-log";
import { getStoryboardDtoOrThrow } from "./read-storyboard";
import type { SceneCreate, ScenePatchInput } from "./schemas";

export type Scope = { db: Db; workspaceId: string; storyboardId: string };

/** The scene fields a person edits as text, timing, shot and camera (what the revision counts). */
export const SCENE_CONTENT_FIELDS = ["description", "imagePrompt", "durationSeconds", "shotType", "cameraMove", "dialogue", "notes"] as const;
type ContentField = (typeof SCENE_CONTENT_FIELDS)[number];
/** What a scene edit entry may carry: the content fields and the frame choice. */
export const SCENE_EDIT_FIELDS = [...SCENE_CONTENT_FIELDS, "selectedFrameId"] as const;

export async function sceneOrThrow(db: DbOrTx, storyboardId: string, sceneId: string, includeDeleted = false): Promise<SceneRow> {
  const scene = await getSceneById({ db, storyboardId, sceneId, includeDeleted });
  if (!scene) throw new AppError("NOT_FOUND", "No scene with this id in this storyboard.");
  return scene;
}

export function pickContent(scene: SceneRow, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, scene[k as ContentField]]));
}

/** The rows an UPDATE … RETURNING in a batch answered (drizzle gives them as an array). */
export const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? (result as T[]) : []);

/** Why a guarded write changed nothing, found by reading again: the lock, a delete, or a race. */
async function explainNoChange(scope: Scope, sceneId: string | null): Promise<AppError> {
  await editableStoryboardOrThrow(scope.db, scope.workspaceId, scope.storyboardId);
  if (sceneId) await sceneOrThrow(scope.db, scope.storyboardId, sceneId);
  return new AppError("CONFLICT", "The storyboard changed while saving; reload and try again.");
}

export async function sceneConflict(scope: Scope, sceneId: string): Promise<AppError> {
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
  const storyboard = await editableStoryboardOrThrow(scope.db, scope.workspaceId, scope.storyboardId);
  const order = input.afterSceneId ? (await sceneOrThrow(scope.db, scope.storyboardId, input.afterSceneId)).order + 1 : 1;
  const id = newId();
  const now = new Date();
  const entry: EditEntry = { storyboardId: scope.storyboardId, kind: "scene.add", sceneId: id, before: {}, after: { order }, now };
  await runStatements(scope.db, [
    makeRoomStatement(scope.db, { storyboardId: scope.storyboardId, order, now }),
    insertSceneStatement(scope.db, {
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
      createdAt: now,
      updatedAt: now,
    }),
    ...logStatements(scope.db, entry, null),
    refreshTotalStatement(scope.db, { storyboardId: scope.storyboardId, now }),
  ]);
  return id;
}

/**
 * Edits a scene's fields and/or picks its frame, logged as one entry. With `baseRevision`, a
 * scene changed since is a 409 REVISION_CONFLICT carrying the current scene — unless the write
 * changes nothing (a draft re-sent after a reload that the server already has): a success.
 * Without it the last write wins. One batch; a write racing another is retried on fresh data.
 */
export async function editScene(
  scope: Scope,
  sceneId: string,
  patch: ScenePatchInput,
): Promise<{ scene: SceneRow; totalDuration: number }> {
  const { baseRevision, selectedFrameId, ...fields } = patch;
  for (let attempt = 0; ; attempt++) {
    const storyboard = await editableStoryboardOrThrow(scope.db, scope.workspaceId, scope.storyboardId);
    const scene = await sceneOrThrow(scope.db, scope.storyboardId, sceneId);
    const changed = (Object.keys(fields) as ContentField[]).filter((k) => fields[k] !== undefined && fields[k] !== scene[k]);
    const frameChanged = selectedFrameId !== undefined && selectedFrameId !== scene.selectedFrameId;
    if (changed.length === 0 && !frameChanged) return { scene, totalDuration: storyboard.totalDuration };
    if (baseRevision !== undefined && baseRevision !== scene.revision && changed.length > 0) throw await sceneConflict(scope, sceneId);
    if (frameChanged) {
      const frame = await getFrameById({ db: scope.db, id: selectedFrameId });
      if (!frame || frame.sceneId !== sceneId) throw new AppError("NOT_FOUND", "No frame with this id for this scene.");
      if (frame.status !== "succeeded") throw new AppError("CONFLICT", "Only a finished frame can be selected.");
    }
    const write: ScenePatch = Object.fromEntries(changed.map((k) => [k, fields[k]]));
    if (frameChanged) write.selectedFrameId = selectedFrameId;
    const keys = Object.keys(write);
    const now = new Date();
    const entry: EditEntry = {
      storyboardId: scope.storyboardId,
      kind: changed.length > 0 ? "scene.edit" : "frame.select",
      sceneId,
      before: Object.fromEntries(keys.map((k) => [k, scene[k as keyof ScenePatch]])),
      after: write,
      now,
    };
    const results = await runStatements(scope.db, [
      updateSceneStatement(scope.db, { storyboardId: scope.storyboardId, sceneId, patch: write, expectRevision: scene.revision, now }),
      ...logStatements(scope.db, entry, await coalesceTarget(scope.db, entry)),
      refreshTotalStatement(scope.db, { storyboardId: scope.storyboardId, now }),
    ]);
    const updated = rowsOf<SceneRow>(results[0])[0];
    if (updated) {
      const fresh = await getStoryboardById({ db: scope.db, workspaceId: scope.workspaceId, id: scope.storyboardId });
      return { scene: updated, totalDuration: fresh?.totalDuration ?? storyboard.totalDuration };
    }
    // Someone else wrote between our read and our batch: read again (and decide again).
    if (attempt >= 2) throw await explainNoChange(scope, sceneId);
  }
}

/** Soft delete: the scene leaves every read and the order at once; restoreScene brings it back. */
export async function deleteScene(scope: Scope, sceneId: string): Promise<number> {
  await editableStoryboardOrThrow(scope.db, scope.workspaceId, scope.storyboardId);
  const scene = await sceneOrThrow(scope.db, scope.storyboardId, sceneId);
  const now = new Date();
  const entry: EditEntry = { storyboardId: scope.storyboardId, kind: "scene.delete", sceneId, before: { order: scene.order }, after: { deleted: true }, now };
  const results = await runStatements(scope.db, [
    softDeleteSceneStatement(scope.db, { sceneId, now }),
    ...logStatements(scope.db, entry, null),
    closeGapStatement(scope.db, { storyboardId: scope.storyboardId, sceneId, order: scene.order, now }),
    refreshTotalStatement(scope.db, { storyboardId: scope.storyboardId, now }),
  ]);
  if (rowsOf(results[0]).length === 0) throw await explainNoChange(scope, sceneId);
  return (await getStoryboardById({ db: scope.db, workspaceId: scope.workspaceId, id: scope.storyboardId }))?.totalDuration ?? 0;
}

/** Undoes a delete (idempotent: restoring a live scene changes nothing). Returns its order. */
export async function restoreScene(scope: Scope, sceneId: string): Promise<number> {
  await editableStoryboardOrThrow(scope.db, scope.workspaceId, scope.storyboardId);
  const scene = await sceneOrThrow(scope.db, scope.storyboardId, sceneId, true);
  if (!scene.deletedAt) return scene.order;
  const now = new Date();
  const { makeRoom, restore } = restoreSceneStatements(scope.db, { storyboardId: scope.storyboardId, sceneId, now });
  const entry: EditEntry = { storyboardId: scope.storyboardId, kind: "scene.restore", sceneId, before: { deleted: true }, after: {}, now };
  const results = await runStatements(scope.db, [
    makeRoom,
    restore,
    ...logStatements(scope.db, entry, null),
    refreshTotalStatement(scope.db, { storyboardId: scope.storyboardId, now }),
  ]);
  const restored = rowsOf<SceneRow>(results[1])[0];
  return restored?.order ?? (await sceneOrThrow(scope.db, scope.storyboardId, sceneId, true)).order;
}

/** Applies a new order; the list must name every scene exactly once. */
export async function reorderStoryboardScenes(scope: Scope, sceneIds: string[]): Promise<void> {
  await editableStoryboardOrThrow(scope.db, scope.workspaceId, scope.storyboardId);
  const scenes = await listScenesByStoryboard({ db: scope.db, storyboardId: scope.storyboardId });
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
  const now = new Date();
  const entry: EditEntry = { storyboardId: scope.storyboardId, kind: "scenes.reorder", sceneId: null, before: { sceneIds: before }, after: { sceneIds }, now };
  // The check above gives the issues; the statement re-checks as it writes.
  const results = await runStatements(scope.db, [
    reorderStatement(scope.db, { storyboardId: scope.storyboardId, sceneIds, now }),
    ...logStatements(scope.db, entry, null),
  ]);
  if (rowsOf(results[0]).length !== sceneIds.length) {
    throw new AppError("CONFLICT", "The scenes changed while reordering (one was added or deleted); reload and try again.");
  }
}
