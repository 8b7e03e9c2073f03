import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { discardUndoneEdits, getNewestEdit, insertEdit, updateEditById } from "@/lib/db/queries/edits";
import { getStoryboardById } from "@/lib/db/queries/storyboards";
import type { EditKind, StoryboardEditRow, StoryboardRow } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

/**
 * Saves of one field while someone types (the editor autosaves every ~500 ms) join the entry
 * before them for this long, so one Undo takes back a burst of typing, not one keystroke.
 */
export const COALESCE_MS = 4000;

/** The live storyboard, refusing edits while it is approved. */
export async function editableStoryboardOrThrow(db: DbOrTx, workspaceId: string, id: string): Promise<StoryboardRow> {
  const storyboard = await getStoryboardById({ db, workspaceId, id });
  if (!storyboard) throw new AppError("NOT_FOUND", "No storyboard with this id.");
  assertUnlocked(storyboard);
  return storyboard;
}

/** An approved storyboard is locked: edits (and new drawings) wait until it is reopened. */
export function assertUnlocked(storyboard: StoryboardRow): void {
  if (storyboard.approvedAt) {
    throw new AppError("STORYBOARD_LOCKED", "This storyboard is approved and locked; reopen it to make changes.", {
      details: { approvedAt: storyboard.approvedAt.toISOString(), approvedBy: storyboard.approvedBy },
    });
  }
}

const sameKeys = (a: Record<string, unknown>, b: Record<string, unknown>) => {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i]);
};

/**
 * Logs an edit operation (inside the caller's transaction). A new edit ends the redo branch. A
 * text save of the same scene fields right after the previous one extends that entry instead.
 */
export async function recordEdit(
  db: DbOrTx,
  edit: {
    storyboardId: string;
    kind: EditKind;
    sceneId: string | null;
    before: Record<string, unknown>;
    after: Record<string, unknown>;
    now: Date;
    /** false for an edit that must stand alone in the history (a restore from it). */
    coalesce?: boolean;
  },
): Promise<StoryboardEditRow | null> {
  const { coalesce = true, ...entry } = edit;
  await discardUndoneEdits({ db, storyboardId: edit.storyboardId });
  const newest = await getNewestEdit({ db, storyboardId: edit.storyboardId });
  if (
    coalesce &&
    edit.kind === "scene.edit" &&
    newest &&
    newest.status === "done" &&
    newest.kind === "scene.edit" &&
    newest.sceneId === edit.sceneId &&
    sameKeys(newest.after, edit.after) &&
    edit.now.getTime() - newest.updatedAt.getTime() < COALESCE_MS
  ) {
    await updateEditById({ db, id: newest.id, patch: { after: edit.after, updatedAt: edit.now } });
    return { ...newest, after: edit.after, updatedAt: edit.now };
  }
  return insertEdit({ db, edit: { ...entry, id: newId(), actorId: null } });
}
