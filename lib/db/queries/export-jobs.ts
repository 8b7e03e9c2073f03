import "server-only";
import { and, eq, inArray, isNull, lt } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { exportJobs, type ExportJobRow } from "../schema";

type NewExportJob = typeof exportJobs.$inferInsert;
type ExportJobPatch = Partial<Omit<ExportJobRow, "id" | "workspaceId" | "storyboardId" | "kind" | "createdAt">>;

export async function insertExportJob({ db, job }: { db: DbOrTx; job: NewExportJob }): Promise<ExportJobRow> {
  const rows = await db.insert(exportJobs).values(job).returning();
  return rows[0]!;
}

export async function getExportJobByKey({ db, workspaceId, id }: { db: DbOrTx; workspaceId: string; id: string }): Promise<ExportJobRow | undefined> {
  const rows = await db.select().from(exportJobs).where(and(eq(exportJobs.id, id), eq(exportJobs.workspaceId, workspaceId))).limit(1);
  return rows[0];
}

/**
 * Writes only while the job is in `fromStatuses` and nobody asked to cancel it: a canceled job's
 * renderer finds its next progress write refused, and stops.
 */
export async function updateExportJobIfActive({
  db,
  id,
  fromStatuses,
  patch,
}: {
  db: DbOrTx;
  id: string;
  fromStatuses: ExportJobRow["status"][];
  patch: ExportJobPatch;
}): Promise<ExportJobRow | undefined> {
  const rows = await db
    .update(exportJobs)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(exportJobs.id, id), inArray(exportJobs.status, fromStatuses), isNull(exportJobs.cancelRequestedAt)))
    .returning();
  return rows[0];
}

/** Marks a job canceled unless it already finished. */
export async function cancelExportJobById({ db, id, now }: { db: DbOrTx; id: string; now: Date }): Promise<ExportJobRow | undefined> {
  const rows = await db
    .update(exportJobs)
    .set({ status: "canceled", cancelRequestedAt: now, completedAt: now, updatedAt: now, errorCode: "CANCELED", errorMessage: "Canceled." })
    .where(and(eq(exportJobs.id, id), inArray(exportJobs.status, ["queued", "running"])))
    .returning();
  return rows[0];
}

/** Jobs whose renderer stopped renewing its lease (the function was cut off): they fail, visibly. */
export async function failAbandonedExportJobs({ db, now }: { db: DbOrTx; now: Date }): Promise<number> {
  const rows = await db
    .update(exportJobs)
    .set({
      status: "failed",
      errorCode: "EXPORT_FAILED",
      errorMessage: "The render stopped before it finished (the server was interrupted). Start it again.",
      completedAt: now,
      updatedAt: now,
    })
    .where(and(inArray(exportJobs.status, ["queued", "running"]), lt(exportJobs.leaseExpiresAt, now)))
    .returning({ id: exportJobs.id });
  return rows.length;
}
