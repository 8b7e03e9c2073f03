import "server-only";
import { sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Db, DbOrTx } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { getNewestEdit } from "@/lib/db/queries/edits";
import { getStoryboardById } from "@/lib/db/queries/storyboards";
import { storyboardEdits, type EditKind, type StoryboardEditRow, type StoryboardRow } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

// Every edit runs as ONE libSQL batch (an implicit transaction executed in one go), never as an
// interactive transaction: with the embedded driver a second writer's BEGIN busy-waits
// synchronously, so two interactive transactions in one process deadlock until the busy timeout.
// Each batch re-checks what the caller read (revision, deleted, selected frame) in its WHERE
// clauses, and the log statements apply only if the edit statement before them changed a row.

export type Statement = BatchItem<"sqlite">;

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

export type EditEntry = {
  storyboardId: string;
  kind: EditKind;
  sceneId: string | null;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  now: Date;
  /** false for an edit that must stand alone in the history (a restore from it). */
  coalesce?: boolean;
};

const sameKeys = (a: Record<string, unknown>, b: Record<string, unknown>) => {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i]);
};

/** The entry a text save joins (read before the batch), or null for a new entry. */
export async function coalesceTarget(db: DbOrTx, edit: EditEntry): Promise<StoryboardEditRow | null> {
  if (edit.coalesce === false || edit.kind !== "scene.edit") return null;
  const newest = await getNewestEdit({ db, storyboardId: edit.storyboardId });
  return newest &&
    newest.status === "done" &&
    newest.kind === "scene.edit" &&
    newest.sceneId === edit.sceneId &&
    sameKeys(newest.after, edit.after) &&
    edit.now.getTime() - newest.updatedAt.getTime() < COALESCE_MS
    ? newest
    : null;
}

/**
 * The statements that log an edit; place them right after the statement that makes the edit:
 * they apply only if it changed a row (`changes()`). A new entry ends the redo branch (every
 * undone entry becomes discarded); a coalesced one extends the entry it joins, if that is still
 * the newest.
 */
export function logStatements(db: Db, edit: EditEntry, into: StoryboardEditRow | null): Statement[] {
  const at = edit.now.getTime();
  const t = storyboardEdits;
  if (into) {
    return [
      db.run(sql`update ${t} set "after" = ${JSON.stringify(edit.after)}, "updated_at" = ${at}
        where ${t.id} = ${into.id} and ${t.status} = 'done' and changes() > 0
          and ${t.seq} = (select max(e.seq) from ${t} e where e.storyboard_id = ${edit.storyboardId})`),
    ];
  }
  const id = newId();
  return [
    db.run(sql`insert into ${t} ("id", "storyboard_id", "seq", "kind", "scene_id", "before", "after", "status", "actor_id", "created_at", "updated_at")
      select ${id}, ${edit.storyboardId},
        (select coalesce(max(e.seq), 0) + 1 from ${t} e where e.storyboard_id = ${edit.storyboardId}),
        ${edit.kind}, ${edit.sceneId}, ${JSON.stringify(edit.before)}, ${JSON.stringify(edit.after)}, 'done', null, ${at}, ${at}
      where changes() > 0`),
    db.run(sql`update ${t} set "status" = 'discarded'
      where ${t.storyboardId} = ${edit.storyboardId} and ${t.status} = 'undone'
        and exists (select 1 from ${t} e where e.id = ${id})`),
  ];
}

/** Runs statements as one atomic batch and answers each one's result. */
export async function runStatements(db: Db, statements: Statement[]): Promise<unknown[]> {
  if (statements.length === 0) return [];
  return db.batch(statements as [Statement, ...Statement[]]);
}
