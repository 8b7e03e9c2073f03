import "server-only";
import { and, asc, eq, gt, inArray, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { runBatch } from "../batch";
import type { Db, DbOrTx } from "../client";
import { frames, scenes, type FrameRow, type SceneRow } from "../schema";

/** A soft-deleted scene is invisible to every read but restore and purge. */
const live = isNull(scenes.deletedAt);

export async function listScenesByStoryboard({
  db,
  storyboardId,
}: {
  db: DbOrTx;
  storyboardId: string;
}): Promise<SceneRow[]> {
  return db.select().from(scenes).where(and(eq(scenes.storyboardId, storyboardId), live)).orderBy(asc(scenes.order));
}

/** Soft-deleted scenes of a storyboard, most recently deleted first (what Undo offers). */
export async function listDeletedScenesByStoryboard({ db, storyboardId }: { db: DbOrTx; storyboardId: string }): Promise<SceneRow[]> {
  return db
    .select()
    .from(scenes)
    .where(and(eq(scenes.storyboardId, storyboardId), isNotNull(scenes.deletedAt)))
    .orderBy(sql`${scenes.deletedAt} desc`);
}

export async function getSceneById({
  db,
  storyboardId,
  sceneId,
  includeDeleted = false,
}: {
  db: DbOrTx;
  storyboardId: string;
  sceneId: string;
  includeDeleted?: boolean;
}): Promise<SceneRow | undefined> {
  const rows = await db
    .select()
    .from(scenes)
    .where(and(eq(scenes.id, sceneId), eq(scenes.storyboardId, storyboardId), includeDeleted ? undefined : live))
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
      .where(and(eq(scenes.storyboardId, scene.storyboardId), gt(scenes.order, scene.order - 1), live)),
    db.insert(scenes).values(scene),
  ]);
}

export type ScenePatch = Partial<
  Pick<
    SceneRow,
    "description" | "imagePrompt" | "durationSeconds" | "shotType" | "cameraMove" | "dialogue" | "notes" | "selectedFrameId"
  >
>;

/**
 * Updates a live scene. The revision counts changes of the scene's content (text, timing, shot,
 * camera): choosing a frame — by a person or by a finished generation — does not bump it, so a
 * frame landing while someone types never turns their next save into a conflict. With
 * `baseRevision` the write applies only if the scene is still at that revision (undefined if not).
 */
export async function updateSceneById({
  db,
  storyboardId,
  sceneId,
  patch,
  baseRevision,
}: {
  db: DbOrTx;
  storyboardId: string;
  sceneId: string;
  patch: ScenePatch;
  baseRevision?: number;
}): Promise<SceneRow | undefined> {
  const content = Object.keys(patch).some((k) => k !== "selectedFrameId");
  const rows = await db
    .update(scenes)
    .set({ ...patch, ...(content ? { revision: sql`${scenes.revision} + 1` } : {}), updatedAt: new Date() })
    .where(
      and(
        eq(scenes.id, sceneId),
        eq(scenes.storyboardId, storyboardId),
        live,
        baseRevision === undefined ? undefined : eq(scenes.revision, baseRevision),
      ),
    )
    .returning();
  return rows[0];
}

/** Removes scenes soft-deleted before `before`, with their frames; returns what it removed. */
export async function purgeDeletedScenes({ db, before }: { db: Db; before: Date }): Promise<{ scenes: SceneRow[]; frames: FrameRow[] }> {
  const doomed = await db.select().from(scenes).where(and(isNotNull(scenes.deletedAt), lt(scenes.deletedAt, before)));
  if (doomed.length === 0) return { scenes: [], frames: [] };
  const ids = doomed.map((s) => s.id);
  const doomedFrames = await db.select().from(frames).where(inArray(frames.sceneId, ids));
  await runBatch(db, [db.delete(frames).where(inArray(frames.sceneId, ids)), db.delete(scenes).where(inArray(scenes.id, ids))]);
  return { scenes: doomed, frames: doomedFrames };
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
        live,
        sql`(select count(*) from ${scenes} where ${scenes.storyboardId} = ${storyboardId} and ${scenes.deletedAt} is null) = ${n}`,
        sql`(select count(*) from ${scenes} where ${scenes.storyboardId} = ${storyboardId} and ${scenes.deletedAt} is null and ${inArray(scenes.id, sceneIds)}) = ${n}`,
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
  return db
    .select()
    .from(scenes)
    .where(and(inArray(scenes.storyboardId, storyboardIds), live))
    .orderBy(asc(scenes.order));
}
