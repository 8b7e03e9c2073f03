import "server-only";
import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import { runBatch } from "../batch";
import type { Db, DbOrTx } from "../client";
import { frames, scenes, type SceneRow } from "../schema";

export async function listScenesByStoryboard({
  db,
  storyboardId,
}: {
  db: DbOrTx;
  storyboardId: string;
}): Promise<SceneRow[]> {
  return db.select().from(scenes).where(eq(scenes.storyboardId, storyboardId)).orderBy(asc(scenes.order));
}

export async function getSceneById({
  db,
  storyboardId,
  sceneId,
}: {
  db: DbOrTx;
  storyboardId: string;
  sceneId: string;
}): Promise<SceneRow | undefined> {
  const rows = await db
    .select()
    .from(scenes)
    .where(and(eq(scenes.id, sceneId), eq(scenes.storyboardId, storyboardId)))
    .limit(1);
  return rows[0];
}

/** Inserts at `order`, shifting the scenes at and after it down by one, atomically. */
export async function insertSceneAt({
  db,
  scene,
}: {
  db: Db;
  scene: typeof scenes.$inferInsert & { order: number };
}): Promise<void> {
  await runBatch(db, [
    db
      .update(scenes)
      .set({ order: sql`${scenes.order} + 1` })
      .where(and(eq(scenes.storyboardId, scene.storyboardId), gt(scenes.order, scene.order - 1))),
    db.insert(scenes).values(scene),
  ]);
}

export type ScenePatch = Partial<
  Pick<
    SceneRow,
    "description" | "imagePrompt" | "durationSeconds" | "shotType" | "cameraMove" | "dialogue" | "notes" | "selectedFrameId"
  >
>;

export async function updateSceneById({
  db,
  storyboardId,
  sceneId,
  patch,
}: {
  db: DbOrTx;
  storyboardId: string;
  sceneId: string;
  patch: ScenePatch;
}): Promise<SceneRow | undefined> {
  const rows = await db
    .update(scenes)
    .set({ ...patch, revision: sql`${scenes.revision} + 1`, updatedAt: new Date() })
    .where(and(eq(scenes.id, sceneId), eq(scenes.storyboardId, storyboardId)))
    .returning();
  return rows[0];
}

/** Deletes a scene and its frames and closes the gap in the order, atomically. */
export async function deleteSceneById({
  db,
  storyboardId,
  scene,
}: {
  db: Db;
  storyboardId: string;
  scene: SceneRow;
}): Promise<void> {
  await runBatch(db, [
    db.delete(frames).where(eq(frames.sceneId, scene.id)),
    db.delete(scenes).where(and(eq(scenes.id, scene.id), eq(scenes.storyboardId, storyboardId))),
    db
      .update(scenes)
      .set({ order: sql`${scenes.order} - 1` })
      .where(and(eq(scenes.storyboardId, storyboardId), gt(scenes.order, scene.order))),
  ]);
}

/**
 * Sets orders 1..n from the given id list in one conditional statement: it applies only if the
 * list names every scene of the storyboard exactly once at the moment it runs, so an add or delete
 * landing after the caller's check (another request, another instance on a remote libSQL) leaves
 * the order untouched. Returns whether it applied.
 */
export async function reorderScenes({
  db,
  storyboardId,
  sceneIds,
}: {
  db: DbOrTx;
  storyboardId: string;
  sceneIds: string[];
}): Promise<boolean> {
  if (sceneIds.length === 0) return false;
  const n = sceneIds.length;
  const positions = sql.join(
    sceneIds.map((id, i) => sql`when ${id} then ${i + 1}`),
    sql` `,
  );
  const rows = await db
    .update(scenes)
    .set({ order: sql`case ${scenes.id} ${positions} end`, updatedAt: new Date() })
    .where(
      and(
        eq(scenes.storyboardId, storyboardId),
        sql`(select count(*) from ${scenes} where ${scenes.storyboardId} = ${storyboardId}) = ${n}`,
        sql`(select count(*) from ${scenes} where ${scenes.storyboardId} = ${storyboardId} and ${inArray(scenes.id, sceneIds)}) = ${n}`,
      ),
    )
    .returning({ id: scenes.id });
  return rows.length === n;
}

export async function listScenesByStoryboards({
  db,
  storyboardIds,
}: {
  db: DbOrTx;
  storyboardIds: string[];
}): Promise<SceneRow[]> {
  if (storyboardIds.length === 0) return [];
  return db.select().from(scenes).where(inArray(scenes.storyboardId, storyboardIds)).orderBy(asc(scenes.order));
}
