import "server-only";
import { and, eq, gt, gte, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../client";
import { frames, scenes, storyboards, type NewFrameRow, type StoryboardRow } from "../schema";
import type { ScenePatch } from "./scenes";

// Statement builders for the edit operations: not run here, but gathered by lib/storyboards into
// one atomic batch. Each re-checks in its WHERE clause the state the caller read, so a write that
// raced another one changes nothing (and the caller sees zero rows returned).

const liveScene = isNull(scenes.deletedAt);

/** Sets scene fields if the scene is live and still at `expectRevision`; bumps the revision when content changes. */
export function updateSceneStatement(
  db: Db,
  {
    storyboardId,
    sceneId,
    patch,
    expectRevision,
    now,
  }: { storyboardId: string; sceneId: string; patch: ScenePatch; expectRevision: number | null; now: Date },
) {
  const content = Object.keys(patch).some((k) => k !== "selectedFrameId");
  return db
    .update(scenes)
    .set({ ...patch, ...(content ? { revision: sql`${scenes.revision} + 1` } : {}), updatedAt: now })
    .where(
      and(
        eq(scenes.id, sceneId),
        eq(scenes.storyboardId, storyboardId),
        liveScene,
        expectRevision === null ? undefined : eq(scenes.revision, expectRevision),
        patch.selectedFrameId
          ? sql`exists (select 1 from ${frames} f where f.id = ${patch.selectedFrameId} and f.scene_id = ${sceneId} and f.status = 'succeeded')`
          : undefined,
      ),
    )
    .returning();
}

/** Marks a live scene deleted (its `order` stays as a note of where it stood). */
export function softDeleteSceneStatement(db: Db, { sceneId, now }: { sceneId: string; now: Date }) {
  return db
    .update(scenes)
    .set({ deletedAt: now, updatedAt: now })
    .where(and(eq(scenes.id, sceneId), liveScene))
    .returning();
}

/** Closes the gap a deleted scene left — only if that scene is the one deleted at `now` (by this batch). */
export function closeGapStatement(db: Db, { storyboardId, sceneId, order, now }: { storyboardId: string; sceneId: string; order: number; now: Date }) {
  return db
    .update(scenes)
    .set({ order: sql`${scenes.order} - 1`, updatedAt: now })
    .where(
      and(
        eq(scenes.storyboardId, storyboardId),
        gt(scenes.order, order),
        liveScene,
        sql`exists (select 1 from ${scenes} d where d.id = ${sceneId} and d.deleted_at = ${now.getTime()})`,
      ),
    );
}

/**
 * Brings a deleted scene back where it stood (or last, if fewer scenes are left): makes room, then
 * restores. Both compute the position in SQL from the rows as they are when the batch runs.
 */
export function restoreSceneStatements(db: Db, { storyboardId, sceneId, now }: { storyboardId: string; sceneId: string; now: Date }) {
  const position = sql`(select min(d."order", (select count(*) from ${scenes} l where l.storyboard_id = ${storyboardId} and l.deleted_at is null) + 1)
    from ${scenes} d where d.id = ${sceneId} and d.deleted_at is not null)`;
  return {
    makeRoom: db
      .update(scenes)
      .set({ order: sql`${scenes.order} + 1`, updatedAt: now })
      .where(and(eq(scenes.storyboardId, storyboardId), liveScene, gte(scenes.order, position))),
    restore: db
      .update(scenes)
      .set({
        deletedAt: null,
        updatedAt: now,
        order: sql`min(${scenes.order}, (select count(*) from ${scenes} l where l.storyboard_id = ${storyboardId} and l.deleted_at is null) + 1)`,
      })
      .where(and(eq(scenes.id, sceneId), eq(scenes.storyboardId, storyboardId), sql`${scenes.deletedAt} is not null`))
      .returning(),
  };
}

/** Orders 1..n from the list, only if it names every live scene exactly once when it runs. */
export function reorderStatement(db: Db, { storyboardId, sceneIds, now }: { storyboardId: string; sceneIds: string[]; now: Date }) {
  const n = sceneIds.length;
  const positions = sql.join(
    sceneIds.map((id, i) => sql`when ${id} then ${i + 1}`),
    sql` `,
  );
  return db
    .update(scenes)
    .set({ order: sql`case ${scenes.id} ${positions} end`, updatedAt: now })
    .where(
      and(
        eq(scenes.storyboardId, storyboardId),
        liveScene,
        sql`(select count(*) from ${scenes} l where l.storyboard_id = ${storyboardId} and l.deleted_at is null) = ${n}`,
        sql`(select count(*) from ${scenes} l where l.storyboard_id = ${storyboardId} and l.deleted_at is null and ${inArray(sql`l.id`, sceneIds)}) = ${n}`,
      ),
    )
    .returning({ id: scenes.id });
}

/** Makes room at `order` for a new scene. */
export function makeRoomStatement(db: Db, { storyboardId, order, now }: { storyboardId: string; order: number; now: Date }) {
  return db
    .update(scenes)
    .set({ order: sql`${scenes.order} + 1`, updatedAt: now })
    .where(and(eq(scenes.storyboardId, storyboardId), gte(scenes.order, order), liveScene));
}

export function insertSceneStatement(db: Db, scene: typeof scenes.$inferInsert) {
  return db.insert(scenes).values(scene).returning();
}

export function insertFrameStatement(db: Db, frame: NewFrameRow) {
  return db.insert(frames).values(frame).returning();
}

export function insertStoryboardStatement(db: Db, storyboard: typeof storyboards.$inferInsert) {
  return db.insert(storyboards).values(storyboard);
}

/** The stored total, recomputed from the live scenes. */
export function refreshTotalStatement(db: Db, { storyboardId, now }: { storyboardId: string; now: Date }) {
  return db
    .update(storyboards)
    .set({
      totalDuration: sql`coalesce((select round(sum(s.duration_seconds), 3) from ${scenes} s where s.storyboard_id = ${storyboardId} and s.deleted_at is null), 0)`,
      updatedAt: now,
    })
    .where(eq(storyboards.id, storyboardId));
}

type StoryboardFields = Partial<Pick<StoryboardRow, "title" | "style" | "aspectRatio" | "approvedAt" | "approvedBy">>;

/** Sets the storyboard's own fields (bumping its revision) if it is live and still at `expectRevision`. */
export function updateStoryboardStatement(
  db: Db,
  { workspaceId, id, patch, expectRevision, now }: { workspaceId: string; id: string; patch: StoryboardFields; expectRevision: number; now: Date },
) {
  return db
    .update(storyboards)
    .set({ ...patch, revision: sql`${storyboards.revision} + 1`, updatedAt: now })
    .where(
      and(
        eq(storyboards.id, id),
        eq(storyboards.workspaceId, workspaceId),
        isNull(storyboards.deletedAt),
        eq(storyboards.revision, expectRevision),
      ),
    )
    .returning();
}
