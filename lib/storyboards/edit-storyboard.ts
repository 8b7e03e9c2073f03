import "server-only";
import type { z } from "zod";
import type { Db, DbOrTx } from "@/lib/db/client";
import { listFramesByStoryboard } from "@/lib/db/queries/frames";
import { listScenesByStoryboard } from "@/lib/db/queries/scenes";
import { getStoryboardById, setStoryboardDeletedAt, updateStoryboardById } from "@/lib/db/queries/storyboards";
import type { StoryboardRow } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { IN_FLIGHT } from "@/lib/generation/advance";
import { cancelFrame } from "@/lib/generation/cancel-frame";
import type { GenerationDeps } from "@/lib/generation/deps";
import { editableStoryboardOrThrow, recordEdit } from "./edit-log";
import type { storyboardPatchSchema } from "./schemas";
import { summarize } from "./summarize";

/** The storyboard fields a person edits (undo/redo and the revision cover them). */
export const STORYBOARD_EDIT_FIELDS = ["title", "style", "aspectRatio"] as const;
type EditField = (typeof STORYBOARD_EDIT_FIELDS)[number];

export const pickStoryboardFields = (s: StoryboardRow, keys: readonly EditField[]) => Object.fromEntries(keys.map((k) => [k, s[k]]));

class StaleRevision extends Error {}

function storyboardConflict(current: StoryboardRow): AppError {
  return new AppError("REVISION_CONFLICT", "This storyboard was changed elsewhere since you loaded it; keep yours or take theirs.", {
    details: {
      revision: current.revision,
      current: {
        title: current.title,
        style: current.style,
        aspectRatio: current.aspectRatio,
        approvedAt: current.approvedAt?.toISOString() ?? null,
        approvedBy: current.approvedBy,
        revision: current.revision,
      },
    },
  });
}

/**
 * Approves inside the caller's transaction: refused with 409 APPROVAL_INCOMPLETE (and the counts)
 * while a scene has no finished frame, unless forced. Approving twice keeps the first approval.
 */
async function approveInTx(tx: DbOrTx, storyboard: StoryboardRow, force: boolean): Promise<StoryboardRow> {
  if (storyboard.approvedAt) return storyboard;
  const [scenes, frames] = await Promise.all([
    listScenesByStoryboard({ db: tx, storyboardId: storyboard.id }),
    listFramesByStoryboard({ db: tx, storyboardId: storyboard.id }),
  ]);
  const progress = summarize({ scenes, frames });
  const missing = progress.scenesTotal - progress.scenesCompleted;
  if (missing > 0 && !force) {
    throw new AppError(
      "APPROVAL_INCOMPLETE",
      `${missing} of ${progress.scenesTotal} scene${missing === 1 ? " has" : "s have"} no finished frame` +
        (progress.scenesFailed > 0 ? ` (${progress.scenesFailed} failed)` : "") +
        "; approve anyway with force: true.",
      { details: { missing, failed: progress.scenesFailed, inFlight: progress.scenesInFlight, scenesTotal: progress.scenesTotal } },
    );
  }
  const updated = await updateStoryboardById({
    db: tx,
    workspaceId: storyboard.workspaceId,
    id: storyboard.id,
    patch: { approvedAt: new Date(), approvedBy: null },
  });
  return updated ?? storyboard;
}

async function reopenInTx(tx: DbOrTx, storyboard: StoryboardRow): Promise<StoryboardRow> {
  if (!storyboard.approvedAt) return storyboard;
  const updated = await updateStoryboardById({
    db: tx,
    workspaceId: storyboard.workspaceId,
    id: storyboard.id,
    patch: { approvedAt: null, approvedBy: null },
  });
  return updated ?? storyboard;
}

/**
 * PATCH: reopen (approved: false) first, then title / style / aspect ratio (refused while
 * approved), then approve (approved: true). A stale `baseRevision` that would change a field is a
 * 409 REVISION_CONFLICT with the current values.
 */
export async function updateStoryboard({
  db,
  workspaceId,
  id,
  patch,
}: {
  db: Db;
  workspaceId: string;
  id: string;
  patch: z.infer<typeof storyboardPatchSchema>;
}): Promise<StoryboardRow> {
  const { approved, force, baseRevision, ...fields } = patch;
  try {
    return await db.transaction(async (tx) => {
      let current = await getStoryboardById({ db: tx, workspaceId, id });
      if (!current) throw new AppError("NOT_FOUND", "No storyboard with this id.");
      const changed = (Object.keys(fields) as EditField[]).filter((k) => fields[k] !== undefined && fields[k] !== current![k]);
      const approvalChange = approved !== undefined && approved !== Boolean(current.approvedAt);
      if (baseRevision !== undefined && baseRevision !== current.revision && (changed.length > 0 || approvalChange)) {
        throw new StaleRevision();
      }
      if (approved === false) current = await reopenInTx(tx, current);
      if (changed.length > 0) {
        const before = await editableStoryboardOrThrow(tx, workspaceId, id);
        const write = Object.fromEntries(changed.map((k) => [k, fields[k]]));
        current = (await updateStoryboardById({ db: tx, workspaceId, id, patch: write })) ?? current;
        await recordEdit(tx, {
          storyboardId: id,
          kind: "storyboard.edit",
          sceneId: null,
          before: pickStoryboardFields(before, changed),
          after: pickStoryboardFields(current, changed),
          now: new Date(),
        });
      }
      if (approved === true) current = await approveInTx(tx, current, force ?? false);
      return current;
    });
  } catch (e) {
    if (e instanceof StaleRevision) {
      const current = await getStoryboardById({ db, workspaceId, id });
      if (current) throw storyboardConflict(current);
    }
    throw e;
  }
}

/** POST …/approve: locks the storyboard against edits until reopened. */
export async function approveStoryboard({ db, workspaceId, id, force }: { db: Db; workspaceId: string; id: string; force: boolean }) {
  return db.transaction(async (tx) => {
    const current = await getStoryboardById({ db: tx, workspaceId, id });
    if (!current) throw new AppError("NOT_FOUND", "No storyboard with this id.");
    return approveInTx(tx, current, force);
  });
}

/** POST …/reopen: lifts the approval lock (idempotent). */
export async function reopenStoryboard({ db, workspaceId, id }: { db: Db; workspaceId: string; id: string }) {
  return db.transaction(async (tx) => {
    const current = await getStoryboardById({ db: tx, workspaceId, id });
    if (!current) throw new AppError("NOT_FOUND", "No storyboard with this id.");
    return reopenInTx(tx, current);
  });
}

/**
 * Soft delete: the storyboard leaves the list and every route at once, and its running
 * predictions are stopped upstream (nothing polls a deleted storyboard, and they are billed).
 * Rows and files stay until restoreStoryboard or the purge (see purge-deleted.ts).
 */
export async function deleteStoryboard(deps: GenerationDeps, { workspaceId, id }: { workspaceId: string; id: string }): Promise<void> {
  const deleted = await setStoryboardDeletedAt({ db: deps.db, workspaceId, id, deletedAt: deps.now() });
  if (!deleted) throw new AppError("NOT_FOUND", "No storyboard with this id.");
  const frames = await listFramesByStoryboard({ db: deps.db, storyboardId: id });
  await Promise.all(
    frames.filter((f) => IN_FLIGHT.includes(f.status) || (f.status === "failed" && f.nextAttemptAt)).map((f) => cancelFrame(deps, f)),
  );
}

/** Undoes a storyboard delete (until it is purged). */
export async function restoreStoryboard({ db, workspaceId, id }: { db: Db; workspaceId: string; id: string }): Promise<void> {
  const existing = await getStoryboardById({ db, workspaceId, id, includeDeleted: true });
  if (!existing) throw new AppError("NOT_FOUND", "No storyboard with this id (it may have been purged).");
  if (existing.deletedAt) await setStoryboardDeletedAt({ db, workspaceId, id, deletedAt: null });
}
