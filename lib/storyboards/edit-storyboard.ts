import "server-only";
import type { z } from "zod";
import type { Db } from "@/lib/db/client";
import { updateStoryboardStatement } from "@/lib/db/queries/edit-statements";
import { listFramesByStoryboard } from "@/lib/db/queries/frames";
import { listScenesByStoryboard } from "@/lib/db/queries/scenes";
import { detachUnfinishedInputJobs, getStoryboardById, setStoryboardDeletedAt } from "@/lib/db/queries/storyboards";
import type { StoryboardRow } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { IN_FLIGHT } from "@/lib/generation/advance";
import { cancelFrame } from "@/lib/generation/cancel-frame";
import type { GenerationDeps } from "@/lib/generation/deps";
import { assertUnlocked, logStatements, runStatements, type EditEntry } from "./edit-log";
import type { storyboardPatchSchema } from "./schemas";
import { summarize } from "./summarize";

/** The storyboard fields a person edits (undo/redo and the revision cover them). */
export const STORYBOARD_EDIT_FIELDS = ["title", "style", "aspectRatio"] as const;
type EditField = (typeof STORYBOARD_EDIT_FIELDS)[number];

export const pickStoryboardFields = (s: StoryboardRow, keys: readonly EditField[]) => Object.fromEntries(keys.map((k) => [k, s[k]]));

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

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? (result as T[]) : []);

/** The 409 APPROVAL_INCOMPLETE (with the counts) while a scene has no finished frame, unless forced. */
async function checkApprovable(db: Db, storyboard: StoryboardRow, force: boolean): Promise<void> {
  const [scenes, frames] = await Promise.all([
    listScenesByStoryboard({ db, storyboardId: storyboard.id }),
    listFramesByStoryboard({ db, storyboardId: storyboard.id }),
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
}

/**
 * PATCH: reopen (approved: false), title / style / aspect ratio (refused while approved, unless
 * the same PATCH reopens), approve (approved: true; approving twice keeps the first time). One
 * batch guarded by the revision read first: a stale `baseRevision` that would change something is
 * a 409 REVISION_CONFLICT with the current values; without one, a race is retried on fresh data.
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
  for (let attempt = 0; ; attempt++) {
    const current = await getStoryboardById({ db, workspaceId, id });
    if (!current) throw new AppError("NOT_FOUND", "No storyboard with this id.");
    const changed = (Object.keys(fields) as EditField[]).filter((k) => fields[k] !== undefined && fields[k] !== current[k]);
    const approvalChange = approved !== undefined && approved !== Boolean(current.approvedAt);
    if (changed.length === 0 && !approvalChange) return current;
    if (baseRevision !== undefined && baseRevision !== current.revision) throw storyboardConflict(current);
    const lockedAfter = approved === false ? false : Boolean(current.approvedAt);
    if (changed.length > 0 && lockedAfter) assertUnlocked(current);
    if (approved === true && !current.approvedAt) await checkApprovable(db, current, force ?? false);

    const now = new Date();
    const write: Parameters<typeof updateStoryboardStatement>[1]["patch"] = Object.fromEntries(changed.map((k) => [k, fields[k]]));
    if (approvalChange) Object.assign(write, approved ? { approvedAt: now, approvedBy: null } : { approvedAt: null, approvedBy: null });
    const entry: EditEntry = {
      storyboardId: id,
      kind: "storyboard.edit",
      sceneId: null,
      before: pickStoryboardFields(current, changed),
      after: Object.fromEntries(changed.map((k) => [k, fields[k]])),
      now,
    };
    const results = await runStatements(db, [
      updateStoryboardStatement(db, { workspaceId, id, patch: write, expectRevision: current.revision, now }),
      ...(changed.length > 0 ? logStatements(db, entry, null) : []),
    ]);
    const updated = rowsOf<StoryboardRow>(results[0])[0];
    if (updated) return updated;
    if (attempt >= 2) throw new AppError("CONFLICT", "The storyboard changed while saving; reload and try again.");
  }
}

/** POST …/approve: locks the storyboard against edits until reopened. */
export async function approveStoryboard({ db, workspaceId, id, force }: { db: Db; workspaceId: string; id: string; force: boolean }) {
  return updateStoryboard({ db, workspaceId, id, patch: { approved: true, force } });
}

/** POST …/reopen: lifts the approval lock (idempotent). */
export async function reopenStoryboard({ db, workspaceId, id }: { db: Db; workspaceId: string; id: string }) {
  return updateStoryboard({ db, workspaceId, id, patch: { approved: false } });
}

/**
 * Soft delete: the storyboard leaves the list and every route at once, and its running
 * predictions are stopped upstream (nothing polls a deleted storyboard, and they are billed).
 * Rows and files stay until restoreStoryboard or the purge (see purge-deleted.ts).
 */
export async function deleteStoryboard(deps: GenerationDeps, { workspaceId, id }: { workspaceId: string; id: string }): Promise<void> {
  const deleted = await setStoryboardDeletedAt({ db: deps.db, workspaceId, id, deletedAt: deps.now() });
  if (!deleted) throw new AppError("NOT_FOUND", "No storyboard with this id.");
  await detachUnfinishedInputJobs({ db: deps.db, storyboardId: id });
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
