import "server-only";
import type { Db, DbOrTx } from "@/lib/db/client";
import { getEditById, getFirstUndoneEdit, getLastDoneEdit, listEditsByStoryboard, updateEditById } from "@/lib/db/queries/edits";
import { getFrameById } from "@/lib/db/queries/frames";
import { reorderScenes, restoreSceneById, softDeleteSceneById, updateSceneById, type ScenePatch } from "@/lib/db/queries/scenes";
import { getStoryboardById, refreshTotalDuration, updateStoryboardById } from "@/lib/db/queries/storyboards";
import type { StoryboardEditRow, StoryboardRow } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { EditDto, HistoryDto } from "./dto";
import { editableStoryboardOrThrow, recordEdit } from "./edit-log";
import { pickContent, SCENE_CONTENT_FIELDS, sceneOrThrow, type Scope } from "./edit-scenes";

const changedUnderneath = (what: string) =>
  new AppError("CONFLICT", `${what} changed since this edit in a way that can't be taken back automatically; reload and edit by hand.`);

/** Only the fields an entry may carry are ever written back (the log is ours, but be strict). */
function contentOf(state: Record<string, unknown>): ScenePatch {
  return Object.fromEntries(Object.entries(state).filter(([k]) => (SCENE_CONTENT_FIELDS as readonly string[]).includes(k))) as ScenePatch;
}

async function setSelectedFrame(tx: DbOrTx, storyboardId: string, sceneId: string, frameId: unknown) {
  if (typeof frameId === "string") {
    const frame = await getFrameById({ db: tx, id: frameId });
    if (!frame || frame.sceneId !== sceneId || frame.status !== "succeeded") throw changedUnderneath("The frame");
  }
  const updated = await updateSceneById({
    db: tx,
    storyboardId,
    sceneId,
    patch: { selectedFrameId: typeof frameId === "string" ? frameId : null },
  });
  if (!updated) throw changedUnderneath("The scene");
}

/** Puts the storyboard in the state on one side of an entry (`before` undoes it, `after` redoes it). */
async function applySide(tx: DbOrTx, storyboard: StoryboardRow, entry: StoryboardEditRow, side: "before" | "after", now: Date) {
  const state = entry[side];
  const storyboardId = storyboard.id;
  const sceneId = entry.sceneId ?? "";
  switch (entry.kind) {
    case "scene.edit": {
      const patch = contentOf(state);
      const updated = await updateSceneById({ db: tx, storyboardId, sceneId, patch });
      if (!updated) throw changedUnderneath("The scene (deleted?)");
      if ("durationSeconds" in patch) await refreshTotalDuration({ db: tx, storyboardId });
      return;
    }
    case "frame.select":
    case "frame.upload":
      return setSelectedFrame(tx, storyboardId, sceneId, state.selectedFrameId);
    case "scene.add":
    case "scene.delete":
    case "scene.restore": {
      // The side where the scene exists: after an add or a restore, before a delete.
      const live = (entry.kind === "scene.delete") === (side === "before");
      const scene = await sceneOrThrow(tx, storyboardId, sceneId, true);
      if (live && scene.deletedAt) await restoreSceneById({ db: tx, scene, now });
      if (!live && !scene.deletedAt) await softDeleteSceneById({ db: tx, scene, now });
      await refreshTotalDuration({ db: tx, storyboardId });
      return;
    }
    case "scenes.reorder": {
      const ids = Array.isArray(state.sceneIds) ? state.sceneIds.filter((x): x is string => typeof x === "string") : [];
      if (!(await reorderScenes({ db: tx, storyboardId, sceneIds: ids }))) throw changedUnderneath("The list of scenes");
      return;
    }
    case "storyboard.edit": {
      const patch: Partial<Pick<StoryboardRow, "title" | "style" | "aspectRatio">> = {};
      if (typeof state.title === "string") patch.title = state.title;
      if (typeof state.style === "string") patch.style = state.style;
      if (typeof state.aspectRatio === "string") patch.aspectRatio = state.aspectRatio;
      await updateStoryboardById({ db: tx, workspaceId: storyboard.workspaceId, id: storyboardId, patch });
      return;
    }
  }
}

export function toEditDto(e: StoryboardEditRow): EditDto {
  return {
    id: e.id,
    seq: e.seq,
    kind: e.kind,
    sceneId: e.sceneId,
    before: e.before,
    after: e.after,
    status: e.status,
    actorId: e.actorId,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

/** POST …/undo: reverts the newest edit still in effect. 409 CONFLICT when there is none. */
export async function undoLastEdit(scope: Scope): Promise<EditDto> {
  return scope.db.transaction(async (tx) => {
    const storyboard = await editableStoryboardOrThrow(tx, scope.workspaceId, scope.storyboardId);
    const entry = await getLastDoneEdit({ db: tx, storyboardId: storyboard.id });
    if (!entry) throw new AppError("CONFLICT", "Nothing to undo.");
    await applySide(tx, storyboard, entry, "before", new Date());
    await updateEditById({ db: tx, id: entry.id, patch: { status: "undone" } });
    return toEditDto({ ...entry, status: "undone" });
  });
}

/** POST …/redo: re-applies the oldest undone edit (a new edit since then discards the redo branch). */
export async function redoEdit(scope: Scope): Promise<EditDto> {
  return scope.db.transaction(async (tx) => {
    const storyboard = await editableStoryboardOrThrow(tx, scope.workspaceId, scope.storyboardId);
    const entry = await getFirstUndoneEdit({ db: tx, storyboardId: storyboard.id });
    if (!entry) throw new AppError("CONFLICT", "Nothing to redo.");
    await applySide(tx, storyboard, entry, "after", new Date());
    await updateEditById({ db: tx, id: entry.id, patch: { status: "done" } });
    return toEditDto({ ...entry, status: "done" });
  });
}

/** GET …/history: the log, newest first, with whether undo and redo have something to do. */
export async function listHistory(
  { db, workspaceId, storyboardId }: { db: Db; workspaceId: string; storyboardId: string },
  { limit, before }: { limit: number; before?: number },
): Promise<HistoryDto> {
  if (!(await getStoryboardById({ db, workspaceId, id: storyboardId }))) throw new AppError("NOT_FOUND", "No storyboard with this id.");
  const [rows, lastDone, firstUndone] = await Promise.all([
    listEditsByStoryboard({ db, storyboardId, limit: limit + 1, beforeSeq: before }),
    getLastDoneEdit({ db, storyboardId }),
    getFirstUndoneEdit({ db, storyboardId }),
  ]);
  const page = rows.slice(0, limit);
  return {
    entries: page.map(toEditDto),
    nextBefore: rows.length > limit ? (page.at(-1)?.seq ?? null) : null,
    canUndo: Boolean(lastDone),
    canRedo: Boolean(firstUndone),
  };
}

/**
 * Restores one scene to its state just after (or before) an earlier change, as a new edit — so
 * the restore itself can be undone. Works for text/timing edits and frame choices.
 */
export async function restoreSceneToEntry(scope: Scope, editId: string, to: "before" | "after"): Promise<{ sceneId: string }> {
  return scope.db.transaction(async (tx) => {
    await editableStoryboardOrThrow(tx, scope.workspaceId, scope.storyboardId);
    const entry = await getEditById({ db: tx, storyboardId: scope.storyboardId, id: editId });
    if (!entry) throw new AppError("NOT_FOUND", "No history entry with this id in this storyboard.");
    if (!entry.sceneId || !["scene.edit", "frame.select", "frame.upload"].includes(entry.kind)) {
      throw new AppError("INVALID_REQUEST", "Only a change of a scene's text, timing or frame can be restored; use undo for the rest.");
    }
    const scene = await sceneOrThrow(tx, scope.storyboardId, entry.sceneId);
    const state = entry[to];
    const now = new Date();
    if (entry.kind === "scene.edit") {
      const patch = contentOf(state);
      const keys = Object.keys(patch);
      const updated = await updateSceneById({ db: tx, storyboardId: scope.storyboardId, sceneId: scene.id, patch });
      if (!updated) throw changedUnderneath("The scene");
      if ("durationSeconds" in patch) await refreshTotalDuration({ db: tx, storyboardId: scope.storyboardId });
      await recordEdit(tx, { storyboardId: scope.storyboardId, kind: "scene.edit", sceneId: scene.id, before: pickContent(scene, keys), after: pickContent(updated, keys), now, coalesce: false });
    } else {
      await setSelectedFrame(tx, scope.storyboardId, scene.id, state.selectedFrameId);
      await recordEdit(tx, {
        storyboardId: scope.storyboardId,
        kind: "frame.select",
        sceneId: scene.id,
        before: { selectedFrameId: scene.selectedFrameId },
        after: { selectedFrameId: state.selectedFrameId ?? null },
        now,
      });
    }
    return { sceneId: scene.id };
  });
}
