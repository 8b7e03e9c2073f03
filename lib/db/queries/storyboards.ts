import "server-only";
import { and, desc, eq, inArray, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { runBatch } from "../batch";
import type { Db, DbOrTx } from "../client";
import { frames, inputJobs, scenes, storyboardEdits, storyboards, type StoryboardRow } from "../schema";

export type NewStoryboard = typeof storyboards.$inferInsert;
export type NewScene = typeof scenes.$inferInsert;

export async function insertStoryboardWithScenes({
  db,
  storyboard,
  sceneRows,
}: {
  db: Db;
  storyboard: NewStoryboard;
  sceneRows: NewScene[];
}): Promise<void> {
  // One batch: the storyboard and all its scenes land together or not at all.
  await runBatch(db, [db.insert(storyboards).values(storyboard), ...sceneRows.map((s) => db.insert(scenes).values(s))]);
}

/** A soft-deleted storyboard is invisible to every read but restore and purge. */
const live = isNull(storyboards.deletedAt);

export async function getStoryboardById({
  db,
  workspaceId,
  id,
  includeDeleted = false,
}: {
  db: DbOrTx;
  workspaceId: string;
  id: string;
  includeDeleted?: boolean;
}): Promise<StoryboardRow | undefined> {
  const rows = await db
    .select()
    .from(storyboards)
    .where(and(eq(storyboards.id, id), eq(storyboards.workspaceId, workspaceId), includeDeleted ? undefined : live))
    .limit(1);
  return rows[0];
}

/** `%`, `_` and `\` match themselves in a search. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Newest first; the cursor is the last row's `createdAt|id`. */
export async function listStoryboardsByWorkspace({
  db,
  workspaceId,
  limit,
  cursor,
  search,
}: {
  db: DbOrTx;
  workspaceId: string;
  limit: number;
  cursor?: { createdAt: Date; id: string };
  /** Case-insensitive (ASCII) substring of the title or the idea. */
  search?: string;
}): Promise<StoryboardRow[]> {
  const after = cursor
    ? or(
        lt(storyboards.createdAt, cursor.createdAt),
        and(eq(storyboards.createdAt, cursor.createdAt), lt(storyboards.id, cursor.id)),
      )
    : undefined;
  return db
    .select()
    .from(storyboards)
    .where(
      and(
        eq(storyboards.workspaceId, workspaceId),
        live,
        after,
        search
          ? or(
              sql`${storyboards.title} like ${likePattern(search)} escape '\\'`,
              sql`${storyboards.prompt} like ${likePattern(search)} escape '\\'`,
            )
          : undefined,
      ),
    )
    .orderBy(desc(storyboards.createdAt), desc(storyboards.id))
    .limit(limit);
}

type StoryboardPatch = Partial<
  Pick<StoryboardRow, "title" | "style" | "aspectRatio" | "approvedAt" | "approvedBy" | "status" | "totalDuration">
>;
/** Fields whose change bumps the revision: the generation status and the derived total do not. */
const REVISED: (keyof StoryboardPatch)[] = ["title", "style", "aspectRatio", "approvedAt", "approvedBy"];

/** Updates a live storyboard; with `baseRevision`, only if it is still at that revision (undefined if not). */
export async function updateStoryboardById({
  db,
  workspaceId,
  id,
  patch,
  baseRevision,
}: {
  db: DbOrTx;
  workspaceId: string;
  id: string;
  patch: StoryboardPatch;
  baseRevision?: number;
}): Promise<StoryboardRow | undefined> {
  const revised = REVISED.some((k) => k in patch);
  const rows = await db
    .update(storyboards)
    .set({ ...patch, ...(revised ? { revision: sql`${storyboards.revision} + 1` } : {}), updatedAt: new Date() })
    .where(
      and(
        eq(storyboards.id, id),
        eq(storyboards.workspaceId, workspaceId),
        live,
        baseRevision === undefined ? undefined : eq(storyboards.revision, baseRevision),
      ),
    )
    .returning();
  return rows[0];
}

/** Soft delete (deleted = a date) or restore (deleted = null); returns the row, undefined if none changed. */
export async function setStoryboardDeletedAt({
  db,
  workspaceId,
  id,
  deletedAt,
}: {
  db: DbOrTx;
  workspaceId: string;
  id: string;
  deletedAt: Date | null;
}): Promise<StoryboardRow | undefined> {
  const rows = await db
    .update(storyboards)
    .set({ deletedAt, revision: sql`${storyboards.revision} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(storyboards.id, id),
        eq(storyboards.workspaceId, workspaceId),
        deletedAt ? isNull(storyboards.deletedAt) : isNotNull(storyboards.deletedAt),
      ),
    )
    .returning();
  return rows[0];
}

/**
 * A deleted storyboard's unfinished input jobs let go of it, as the foreign key's "set null" did
 * when a delete removed the row: their poll then fails them with "the storyboard was deleted".
 */
export async function detachUnfinishedInputJobs({ db, storyboardId }: { db: DbOrTx; storyboardId: string }): Promise<void> {
  await db
    .update(inputJobs)
    .set({ storyboardId: null })
    .where(and(eq(inputJobs.storyboardId, storyboardId), inArray(inputJobs.status, ["pending", "processing"])));
}

/** Storyboards soft-deleted before `before` (any workspace): what the purge removes. */
export async function listStoryboardsDeletedBefore({ db, before }: { db: DbOrTx; before: Date }): Promise<StoryboardRow[]> {
  return db
    .select()
    .from(storyboards)
    .where(and(isNotNull(storyboards.deletedAt), lt(storyboards.deletedAt, before)));
}

/**
 * Everything an open editor needs to know whether to refetch, in one statement: the storyboard's
 * own revision, and counts and newest-change times of its scenes, frames and edit log. Any write
 * anywhere in the storyboard moves at least one of them.
 */
export async function getStoryboardChangeState({
  db,
  workspaceId,
  id,
}: {
  db: DbOrTx;
  workspaceId: string;
  id: string;
}): Promise<{ revision: number; token: string } | undefined> {
  const rows = await db
    .select({
      revision: storyboards.revision,
      updatedAt: sql<number>`${storyboards.updatedAt}`,
      scenes: sql<number>`(select count(*) from ${scenes} where ${scenes.storyboardId} = ${id})`,
      scenesChanged: sql<number | null>`(select max(${scenes.updatedAt}) from ${scenes} where ${scenes.storyboardId} = ${id})`,
      sceneRevisions: sql<number | null>`(select sum(${scenes.revision}) from ${scenes} where ${scenes.storyboardId} = ${id})`,
      frames: sql<number>`(select count(*) from ${frames} where ${frames.storyboardId} = ${id})`,
      framesChanged: sql<number | null>`(select max(${frames.updatedAt}) from ${frames} where ${frames.storyboardId} = ${id})`,
      edits: sql<string | null>`(select count(*) || ':' || coalesce(max(${storyboardEdits.updatedAt}), 0) from ${storyboardEdits} where ${storyboardEdits.storyboardId} = ${id})`,
    })
    .from(storyboards)
    .where(and(eq(storyboards.id, id), eq(storyboards.workspaceId, workspaceId), live))
    .limit(1);
  const row = rows[0];
  if (!row) return undefined;
  const { revision, ...rest } = row;
  return { revision, token: Object.values(rest).map((v) => String(v ?? 0)).join(".") };
}

/** Deletes a storyboard with its scenes and frames (explicitly: SQLite foreign keys may be off). */
export async function deleteStoryboardById({
  db,
  workspaceId,
  id,
}: {
  db: Db;
  workspaceId: string;
  id: string;
}): Promise<boolean> {
  const owned = await getStoryboardById({ db, workspaceId, id, includeDeleted: true });
  if (!owned) return false;
  await runBatch(db, [
    db.delete(storyboardEdits).where(eq(storyboardEdits.storyboardId, id)),
    db.delete(frames).where(eq(frames.storyboardId, id)),
    db.delete(scenes).where(eq(scenes.storyboardId, id)),
    db.delete(storyboards).where(eq(storyboards.id, id)),
  ]);
  return true;
}

/** Whether the storyboard still exists (the pipeline asks after long work, e.g. storing a frame). */
export async function storyboardExists({ db, id }: { db: DbOrTx; id: string }): Promise<boolean> {
  const rows = await db.select({ id: storyboards.id }).from(storyboards).where(eq(storyboards.id, id)).limit(1);
  return rows.length > 0;
}

/** Recomputes the stored total from the scenes, so it can never drift from their sum. */
export async function refreshTotalDuration({ db, storyboardId }: { db: DbOrTx; storyboardId: string }): Promise<number> {
  const rows = await db
    .update(storyboards)
    .set({
      totalDuration: sql`coalesce((select round(sum(${scenes.durationSeconds}), 3) from ${scenes} where ${scenes.storyboardId} = ${storyboardId} and ${scenes.deletedAt} is null), 0)`,
      updatedAt: new Date(),
    })
    .where(eq(storyboards.id, storyboardId))
    .returning({ totalDuration: storyboards.totalDuration });
  return rows[0]?.totalDuration ?? 0;
}
