import "server-only";
import { and, asc, eq, inArray, isNull, lt, lte, or } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { frames, type FrameRow, type NewFrameRow } from "../schema";

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

