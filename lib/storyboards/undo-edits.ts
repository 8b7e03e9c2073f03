import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { getEditById, getFirstUndoneEdit, getLastDoneEdit, listEditsByStoryboard } from "@/lib/db/queries/edits";
import {
  closeGapStatement,
  refreshTotalStatement,
  reorderStatement,
  restoreSceneStatements,
  softDeleteSceneStatement,
  updateSceneStatement,
  updateStoryboardStatement,
} from "@/lib/db/queries/edit-statements";
import { getFrameById } from "@/lib/db/queries/frames";
import type { ScenePatch } from "@/lib/db/queries/scenes";
import { getStoryboardById } from "@/lib/db/queries/storyboards";
import { storyboardEdits, type StoryboardEditRow, type StoryboardRow } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { EditDto, HistoryDto } from "./dto";
import { editableStoryboardOrThrow, logStatements, runStatements, type EditEntry, type Statement } from "./edit-log";
import { rowsOf, SCENE_EDIT_FIELDS, sceneConflict, sceneOrThrow, type Scope } from "./edit-scenes";
const changedUnderneath = (what: string) =>
  new AppError("CONFLICT", `${what} changed since this edit in a way that can't be taken back automatically; reload and edit by hand.`);

/** Only the fields an entry may carry are ever written back (the log is ours, but be strict). */
function scenePatchOf(state: Record<string, unknown>): ScenePatch {
  return Object.fromEntries(Object.entries(state).filter(([k]) => (SCENE_EDIT_FIELDS as readonly string[]).includes(k))) as ScenePatch;
}

/**
 * The statements that put the storyboard in the state on one side of an entry (`before` undoes
 * it, `after` redoes it), after checking by reading that they can apply; `check` tells from the
 * batch results whether they did.
 */
async function sideStatements(
  scope: Scope,
  storyboard: StoryboardRow,
  entry: StoryboardEditRow,
  side: "before" | "after",
  now: Date,
): Promise<{ statements: Statement[]; check: (results: unknown[]) => boolean }> {
  const { db } = scope;
  const state = entry[side];
  const storyboardId = storyboard.id;
  const sceneId = entry.sceneId ?? "";
  const total = refreshTotalStatement(db, { storyboardId, now });
  switch (entry.kind) {
    case "scene.edit":
    case "frame.select":
    case "frame.upload": {
      const patch = scenePatchOf(state);
      await sceneOrThrow(db, storyboardId, sceneId).catch(() => {
        throw changedUnderneath("The scene (deleted?)");
      });
      if (patch.selectedFrameId) {
        const frame = await getFrameById({ db, id: patch.selectedFrameId });
        if (!frame || frame.sceneId !== sceneId || frame.status !== "succeeded") throw changedUnderneath("The frame");
      }
      return {
        statements: [updateSceneStatement(db, { storyboardId, sceneId, patch, expectRevision: null, now }), total],
        check: (r) => rowsOf(r[0]).length === 1,
      };
    }
    case "scene.add":
    case "scene.delete":
    case "scene.restore": {
      // The side where the scene exists: after an add or a restore, before a delete.
      const live = (entry.kind === "scene.delete") === (side === "before");
      const scene = await sceneOrThrow(db, storyboardId, sceneId, true).catch(() => {
        throw changedUnderneath("The scene (purged?)");
      });
      if (live === !scene.deletedAt) return { statements: [total], check: () => true };
      if (live) {
        const { makeRoom, restore } = restoreSceneStatements(db, { storyboardId, sceneId, now });
        return { statements: [makeRoom, restore, total], check: (r) => rowsOf(r[1]).length === 1 };
      }
      return {
        statements: [
          softDeleteSceneStatement(db, { sceneId, now }),
          closeGapStatement(db, { storyboardId, sceneId, order: scene.order, now }),
          total,
        ],
        check: (r) => rowsOf(r[0]).length === 1,
      };
    }
    case "scenes.reorder": {
      const ids = Array.isArray(state.sceneIds) ? state.sceneIds.filter((x): x is string => typeof x === "string") : [];
      return { statements: [reorderStatement(db, { storyboardId, sceneIds: ids, now })], check: (r) => rowsOf(r[0]).length === ids.length };
    }
    case "storyboard.edit": {
      const patch: Partial<Pick<StoryboardRow, "title" | "style" | "aspectRatio">> = {};
      if (typeof state.title === "string") patch.title = state.title;
      if (typeof state.style === "string") patch.style = state.style;
      if (typeof state.aspectRatio === "string") patch.aspectRatio = state.aspectRatio;
      return {
        statements: [updateStoryboardStatement(db, { workspaceId: scope.workspaceId, id: storyboardId, patch, expectRevision: storyboard.revision, now })],
        check: (r) => rowsOf(r[0]).length === 1,
      };
    }
  }
}

async function step(scope: Scope, direction: "undo" | "redo"): Promise<EditDto> {
  const storyboard = await editableStoryboardOrThrow(scope.db, scope.workspaceId, scope.storyboardId);
  const entry =
    direction === "undo"
      ? await getLastDoneEdit({ db: scope.db, storyboardId: storyboard.id })
      : await getFirstUndoneEdit({ db: scope.db, storyboardId: storyboard.id });
  if (!entry) throw new AppError("CONFLICT", direction === "undo" ? "Nothing to undo." : "Nothing to redo.");
  const now = new Date();
  const { statements, check } = await sideStatements(scope, storyboard, entry, direction === "undo" ? "before" : "after", now);
  const [from, to] = direction === "undo" ? (["done", "undone"] as const) : (["undone", "done"] as const);
  const results = await runStatements(scope.db, [
    ...statements,
    scope.db
      .update(storyboardEdits)
      .set({ status: to })
      .where(and(eq(storyboardEdits.id, entry.id), eq(storyboardEdits.status, from)))
      .returning({ id: storyboardEdits.id }),
  ]);
  // Applying a side sets state (never increments), so a second undo racing this one is harmless;
  // it is told the entry moved on.
  if (rowsOf(results.at(-1)).length === 0) throw new AppError("CONFLICT", `Another ${direction} got there first; reload and try again.`);
  if (!check(results)) throw changedUnderneath("The storyboard");
  return toEditDto({ ...entry, status: to });
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
  return step(scope, "undo");
}

/** POST …/redo: re-applies the oldest undone edit (a new edit since then discards the redo branch). */
export async function redoEdit(scope: Scope): Promise<EditDto> {
  return step(scope, "redo");
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
  await editableStoryboardOrThrow(scope.db, scope.workspaceId, scope.storyboardId);
  const entry = await getEditById({ db: scope.db, storyboardId: scope.storyboardId, id: editId });
  if (!entry) throw new AppError("NOT_FOUND", "No history entry with this id in this storyboard.");
  if (!entry.sceneId || !["scene.edit", "frame.select", "frame.upload"].includes(entry.kind)) {
    throw new AppError("INVALID_REQUEST", "Only a change of a scene's text, timing or frame can be restored; use undo for the rest.");
  }
  const scene = await sceneOrThrow(scope.db, scope.storyboardId, entry.sceneId);
  const patch = scenePatchOf(entry[to]);
  if (patch.selectedFrameId) {
    const frame = await getFrameById({ db: scope.db, id: patch.selectedFrameId });
    if (!frame || frame.sceneId !== scene.id || frame.status !== "succeeded") throw changedUnderneath("The frame");
  }
  const keys = Object.keys(patch);
  const now = new Date();
  const log: EditEntry = {
    storyboardId: scope.storyboardId,
    kind: keys.some((k) => k !== "selectedFrameId") ? "scene.edit" : "frame.select",
    sceneId: scene.id,
    before: Object.fromEntries(keys.map((k) => [k, scene[k as keyof ScenePatch]])),
    after: patch,
    now,
    coalesce: false,
  };
  const results = await runStatements(scope.db, [
    updateSceneStatement(scope.db, { storyboardId: scope.storyboardId, sceneId: scene.id, patch, expectRevision: scene.revision, now }),
    ...logStatements(scope.db, log, null),
    refreshTotalStatement(scope.db, { storyboardId: scope.storyboardId, now }),
  ]);
  if (rowsOf(results[0]).length === 0) throw await sceneConflict(scope, scene.id);
  return { sceneId: scene.id };
}
