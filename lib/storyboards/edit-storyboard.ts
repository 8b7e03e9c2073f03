import "server-only";
import type { z } from "zod";
import type { Db } from "@/lib/db/client";
import { listFramesByStoryboard } from "@/lib/db/queries/frames";
import { deleteStoryboardById, getStoryboardById, updateStoryboardById } from "@/lib/db/queries/storyboards";
import { AppError } from "@/lib/errors";
import { cancelPredictionsUpstream } from "@/lib/generation/cancel-frame";
import type { GenerationDeps } from "@/lib/generation/deps";
import { storyboardPrefix } from "@/lib/storage/keys";
import type { storyboardPatchSchema } from "./schemas";

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
}): Promise<void> {
  const { approved, ...fields } = patch;
  const current = await getStoryboardById({ db, workspaceId, id });
  if (!current) throw new AppError("NOT_FOUND", "No storyboard with this id.");
  // Approving twice keeps the first approval time.
  const approvedAt = approved === undefined ? undefined : approved ? (current.approvedAt ?? new Date()) : null;
  await updateStoryboardById({
    db,
    workspaceId,
    id,
    patch: { ...fields, ...(approvedAt !== undefined ? { approvedAt } : {}) },
  });
}

/**
 * Deletes the rows first, then stops the predictions still running upstream (nothing would ever
 * poll them again, and they are billed), then removes the files. With the rows gone no retry can
 * be scheduled, a start in flight cancels what it started, and a finalizer in flight removes what
 * it stored (both check after their write). A failure part-way leaves orphaned files, never rows.
 */
export async function deleteStoryboard(deps: GenerationDeps, { workspaceId, id }: { workspaceId: string; id: string }): Promise<void> {
  const owned = await getStoryboardById({ db: deps.db, workspaceId, id });
  if (!owned) throw new AppError("NOT_FOUND", "No storyboard with this id.");
  const frames = await listFramesByStoryboard({ db: deps.db, storyboardId: id });
  const deleted = await deleteStoryboardById({ db: deps.db, workspaceId, id });
  if (!deleted) throw new AppError("NOT_FOUND", "No storyboard with this id.");
  await cancelPredictionsUpstream(deps, frames);
  await deps.storage.deletePrefix(storyboardPrefix(id)).catch((e) => {
    console.error(`Storyboard ${id} deleted, but its files could not all be removed`, e);
  });
}
