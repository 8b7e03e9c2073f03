import "server-only";
import type { z } from "zod";
import type { Db } from "@/lib/db/client";
import { deleteStoryboardById, getStoryboardById, updateStoryboardById } from "@/lib/db/queries/storyboards";
import { AppError } from "@/lib/errors";
import { storyboardPrefix } from "@/lib/storage/keys";
import type { Storage } from "@/lib/storage/types";
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

/** Deletes the rows first, then the files: a failure part-way leaves orphaned files, never dangling rows. */
export async function deleteStoryboard({
  db,
  storage,
  workspaceId,
  id,
}: {
  db: Db;
  storage: Storage;
  workspaceId: string;
  id: string;
}): Promise<void> {
  const deleted = await deleteStoryboardById({ db, workspaceId, id });
  if (!deleted) throw new AppError("NOT_FOUND", "No storyboard with this id.");
  await storage.deletePrefix(storyboardPrefix(id)).catch((e) => {
    console.error(`Storyboard ${id} deleted, but its files could not all be removed`, e);
  });
}
