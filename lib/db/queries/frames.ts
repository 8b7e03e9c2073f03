import "server-only";
import { and, asc, eq, gt, inArray, isNotNull, isNull, lt, lte, notExists, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { DbOrTx } from "../client";
import { frames, storyboards, type FrameRow, type NewFrameRow } from "../schema";

export type FramePatch = Partial<Omit<FrameRow, "id" | "sceneId" | "storyboardId" | "createdAt">>;

export async function insertFrame({ db, frame }: { db: DbOrTx; frame: NewFrameRow }): Promise<FrameRow> {
  const rows = await db.insert(frames).values(frame).returning();
  return rows[0]!;
}

/** Inserts a retry attempt unless one exists already for `retryOfFrameId` (unique index). */
export async function insertRetryFrame({ db, frame }: { db: DbOrTx; frame: NewFrameRow }): Promise<FrameRow | null> {
  const rows = await db.insert(frames).values(frame).onConflictDoNothing({ target: frames.retryOfFrameId }).returning();
  return rows[0] ?? null;
}

export async function getFrameById({ db, id }: { db: DbOrTx; id: string }): Promise<FrameRow | undefined> {
  const rows = await db.select().from(frames).where(eq(frames.id, id)).limit(1);
  return rows[0];
}

export async function getFrameByPredictionId({
  db,
  predictionId,
}: {
  db: DbOrTx;
  predictionId: string;
}): Promise<FrameRow | undefined> {
  const rows = await db.select().from(frames).where(eq(frames.predictionId, predictionId)).limit(1);
  return rows[0];
}

export async function getRetryOf({ db, frameId }: { db: DbOrTx; frameId: string }): Promise<FrameRow | undefined> {
  const rows = await db.select().from(frames).where(eq(frames.retryOfFrameId, frameId)).limit(1);
  return rows[0];
}

export async function listFramesByStoryboard({
  db,
  storyboardId,
}: {
  db: DbOrTx;
  storyboardId: string;
}): Promise<FrameRow[]> {
  return db
    .select()
    .from(frames)
    .where(eq(frames.storyboardId, storyboardId))
    .orderBy(asc(frames.createdAt), asc(frames.attempt));
}

export async function listSucceededFramesByStoryboards({
  db,
  storyboardIds,
}: {
  db: DbOrTx;
  storyboardIds: string[];
}): Promise<FrameRow[]> {
  if (storyboardIds.length === 0) return [];
  return db
    .select()
    .from(frames)
    .where(and(inArray(frames.storyboardId, storyboardIds), eq(frames.status, "succeeded")))
    .orderBy(asc(frames.createdAt));
}

/** Updates only while the frame is still in `fromStatuses` — a terminal frame is never moved back. */
export async function updateFrameIfStatus({
  db,
  id,
  fromStatuses,
  patch,
}: {
  db: DbOrTx;
  id: string;
  fromStatuses: FrameRow["status"][];
  patch: FramePatch;
}): Promise<FrameRow | undefined> {
  const rows = await db
    .update(frames)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(frames.id, id), inArray(frames.status, fromStatuses)))
    .returning();
  return rows[0];
}

/**
 * Claims the right to call the provider about this frame for the next `intervalMs`: of any number
 * of concurrent polls (tabs, instances), exactly one wins each interval.
 */
export async function claimProviderCheck({
  db,
  id,
  now,
  intervalMs,
}: {
  db: DbOrTx;
  id: string;
  now: Date;
  intervalMs: number;
}): Promise<boolean> {
  const rows = await db
    .update(frames)
    .set({ lastCheckedAt: now })
    .where(
      and(
        eq(frames.id, id),
        inArray(frames.status, ["starting", "processing", "finalizing"]),
        or(isNull(frames.lastCheckedAt), lte(frames.lastCheckedAt, new Date(now.getTime() - intervalMs))),
        // The first check waits for the model's expected finish (or the webhook's safety margin).
        or(isNull(frames.nextCheckAt), lte(frames.nextCheckAt, now)),
      ),
    )
    .returning({ id: frames.id });
  return rows.length === 1;
}

/**
 * Claims a lease on a frame for work that must happen once (starting a prediction, finalizing a
 * success): succeeds only if nobody holds an unexpired lease.
 */
export async function claimFrameLease({
  db,
  id,
  fromStatuses,
  token,
  now,
  leaseMs,
  patch = {},
}: {
  db: DbOrTx;
  id: string;
  fromStatuses: FrameRow["status"][];
  token: string;
  now: Date;
  leaseMs: number;
  patch?: FramePatch;
}): Promise<FrameRow | undefined> {
  const rows = await db
    .update(frames)
    .set({ ...patch, leaseToken: token, leaseExpiresAt: new Date(now.getTime() + leaseMs), updatedAt: now })
    .where(
      and(
        eq(frames.id, id),
        inArray(frames.status, fromStatuses),
        or(isNull(frames.leaseExpiresAt), lt(frames.leaseExpiresAt, now)),
      ),
    )
    .returning();
  return rows[0];
}

/** Writes only if the lease is still ours: a holder whose lease was taken over cannot clobber. */
export async function updateFrameWithLease({
  db,
  id,
  token,
  patch,
}: {
  db: DbOrTx;
  id: string;
  token: string;
  patch: FramePatch;
}): Promise<FrameRow | undefined> {
  const rows = await db
    .update(frames)
    .set({ ...patch, leaseToken: null, leaseExpiresAt: null, updatedAt: new Date() })
    .where(and(eq(frames.id, id), eq(frames.leaseToken, token)))
    .returning();
  return rows[0];
}


const retries = alias(frames, "retries");

/**
 * The seed poll's lookup in one statement: the frame a prediction id names, only if its storyboard
 * is in the workspace, and whether a retry of it exists (a failed attempt's poll follows it).
 */
export async function getFrameByPredictionInWorkspace({
  db,
  workspaceId,
  predictionId,
}: {
  db: DbOrTx;
  workspaceId: string;
  predictionId: string;
}): Promise<{ frame: FrameRow; retried: boolean } | undefined> {
  const rows = await db
    .select({ frame: frames, retryId: retries.id })
    .from(frames)
    .innerJoin(storyboards, and(eq(storyboards.id, frames.storyboardId), eq(storyboards.workspaceId, workspaceId)))
    .leftJoin(retries, eq(retries.retryOfFrameId, frames.id))
    .where(eq(frames.predictionId, predictionId))
    .limit(1);
  const row = rows[0];
  return row ? { frame: row.frame, retried: row.retryId !== null } : undefined;
}

/**
 * The few columns a conditional seed poll needs (status, version, whether it was retried), in one
 * statement and without mapping the whole row: what a 304 costs.
 */
export async function getFrameVersionByPredictionInWorkspace({
  db,
  workspaceId,
  predictionId,
}: {
  db: DbOrTx;
  workspaceId: string;
  predictionId: string;
}): Promise<{ id: string; status: FrameRow["status"]; updatedAt: number; retried: boolean } | undefined> {
  const rows = await db
    .select({ id: frames.id, status: frames.status, updatedAt: sql<number>`"frames"."updated_at"`, retryId: retries.id })
    .from(frames)
    .innerJoin(storyboards, and(eq(storyboards.id, frames.storyboardId), eq(storyboards.workspaceId, workspaceId)))
    .leftJoin(retries, eq(retries.retryOfFrameId, frames.id))
    .where(eq(frames.predictionId, predictionId))
    .limit(1);
  const row = rows[0];
  return row ? { id: row.id, status: row.status, updatedAt: Number(row.updatedAt), retried: row.retryId !== null } : undefined;
}

const IN_FLIGHT_STATUSES: FrameRow["status"][] = ["queued", "starting", "processing", "finalizing"];

/**
 * What the sweep should advance: in-flight frames nobody holds a live lease on and whose next
 * check is due (a start or finalizer that was cut off, a prediction nobody polls), and failed
 * frames whose retry is due but was never started. Oldest first, at most `limit`.
 */
export async function listFramesToSweep({ db, now, staleMs, limit }: { db: DbOrTx; now: Date; staleMs: number; limit: number }): Promise<FrameRow[]> {
  const staleBefore = new Date(now.getTime() - staleMs);
  return db
    .select()
    .from(frames)
    .where(
      or(
        and(
          inArray(frames.status, IN_FLIGHT_STATUSES),
          or(isNull(frames.leaseExpiresAt), lt(frames.leaseExpiresAt, now)),
          or(isNull(frames.nextCheckAt), lte(frames.nextCheckAt, now)),
          lte(frames.updatedAt, staleBefore),
        ),
        and(
          eq(frames.status, "failed"),
          isNotNull(frames.nextAttemptAt),
          lte(frames.nextAttemptAt, now),
          notExists(db.select({ one: sql`1` }).from(retries).where(eq(retries.retryOfFrameId, frames.id))),
        ),
      ),
    )
    .orderBy(asc(frames.updatedAt))
    .limit(limit);
}

/** Recent provider-reported run times of a model (seconds, newest first), to schedule first checks. */
export async function listRecentPredictTimes({ db, provider, model, limit }: { db: DbOrTx; provider: string; model: string; limit: number }): Promise<number[]> {
  const rows = await db
    .select({ t: frames.predictTimeSeconds })
    .from(frames)
    .where(and(eq(frames.provider, provider), eq(frames.model, model), eq(frames.status, "succeeded"), gt(frames.predictTimeSeconds, 0)))
    .orderBy(sql`${frames.completedAt} desc`)
    .limit(limit);
  return rows.map((r) => r.t!).filter((t) => Number.isFinite(t));
}

export type StoryboardFingerprint = {
  status: string;
  pending: number;
  /** Changes whenever the storyboard, a scene or a frame does (the status answer's ETag). */
  version: string;
};

/**
 * One statement that says whether a storyboard's status answer can have changed: its own row,
 * and the count and newest update of its scenes and frames; `pending` counts frames still drawing.
 */
export async function getStoryboardFingerprint({
  db,
  workspaceId,
  storyboardId,
}: {
  db: DbOrTx;
  workspaceId: string;
  storyboardId: string;
}): Promise<StoryboardFingerprint | undefined> {
  const rows = await db
    .select({
      status: storyboards.status,
      // Written out with table names: drizzle leaves columns unqualified inside sql``, and a
      // correlated subquery needs "storyboards"."id", not whatever "id" is nearest.
      updatedAt: sql<number>`"storyboards"."updated_at"`,
      scenes: sql<string>`(select count(*) || '.' || coalesce(max(s."updated_at"), 0) from "scenes" s where s."storyboard_id" = "storyboards"."id")`,
      frames: sql<string>`(select count(*) || '.' || coalesce(max(f."updated_at"), 0) from "frames" f where f."storyboard_id" = "storyboards"."id")`,
      pending: sql<number>`(select count(*) from "frames" f where f."storyboard_id" = "storyboards"."id" and (f."status" in ('queued', 'starting', 'processing', 'finalizing') or (f."status" = 'failed' and f."next_attempt_at" is not null and not exists (select 1 from "frames" r where r."retry_of_frame_id" = f."id"))))`,
    })
    .from(storyboards)
    .where(and(eq(storyboards.id, storyboardId), eq(storyboards.workspaceId, workspaceId)))
    .limit(1);
  const row = rows[0];
  if (!row) return undefined;
  return { status: row.status, pending: Number(row.pending), version: `${row.status}.${row.updatedAt}.${row.scenes}.${row.frames}` };
}
