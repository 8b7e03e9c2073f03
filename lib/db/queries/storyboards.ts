import "server-only";
import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import { runBatch } from "../batch";
import type { Db, DbOrTx } from "../client";
import { frames, scenes, storyboards, type StoryboardRow } from "../schema";

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

export async function getStoryboardById({
  db,
  workspaceId,
  id,
}: {
  db: DbOrTx;
  workspaceId: string;
  id: string;
}): Promise<StoryboardRow | undefined> {
  const rows = await db
    .select()
    .from(storyboards)
    .where(and(eq(storyboards.id, id), eq(storyboards.workspaceId, workspaceId)))
    .limit(1);
  return rows[0];
}

/** Newest first; the cursor is the last row's `createdAt|id`. */
export async function listStoryboardsByWorkspace({
  db,
  workspaceId,
  limit,
  cursor,
}: {
  db: DbOrTx;
  workspaceId: string;
  limit: number;
  cursor?: { createdAt: Date; id: string };
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
    .where(and(eq(storyboards.workspaceId, workspaceId), after))
    .orderBy(desc(storyboards.createdAt), desc(storyboards.id))
    .limit(limit);
}

export async function updateStoryboardById({
  db,
  workspaceId,
  id,
  patch,
}: {
  db: DbOrTx;
  workspaceId: string;
  id: string;
  patch: Partial<Pick<StoryboardRow, "title" | "style" | "aspectRatio" | "approvedAt" | "status" | "totalDuration">>;
}): Promise<StoryboardRow | undefined> {
  const rows = await db
    .update(storyboards)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(storyboards.id, id), eq(storyboards.workspaceId, workspaceId)))
    .returning();
  return rows[0];
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
  const owned = await getStoryboardById({ db, workspaceId, id });
  if (!owned) return false;
  await runBatch(db, [
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
      totalDuration: sql`coalesce((select round(sum(${scenes.durationSeconds}), 3) from ${scenes} where ${scenes.storyboardId} = ${storyboardId}), 0)`,
      updatedAt: new Date(),
    })
    .where(eq(storyboards.id, storyboardId))
    .returning({ totalDuration: storyboards.totalDuration });
  return rows[0]?.totalDuration ?? 0;
}
