import "server-only";
import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { getInputJobByKey, insertInputJob, updateInputJob } from "@/lib/db/queries/input-jobs";
import type { InputJobRow } from "@/lib/db/schema";
import { AppError, isAppError } from "@/lib/errors";

export type InputJobWork = () => Promise<{ understanding: Record<string, unknown>; storyboardId: string }>;

/**
 * Records a seed 002 job and runs it. The embedded readers take milliseconds (OCR about a second),
 * so the work runs before the 202 instead of in the background; bad input is still a 4xx at once
 * (a client learns of an unreadable image from the POST, not from a failed poll), and anything
 * else that fails is kept on the job for the poll to report.
 */
export async function runInputJob({ db, workspaceId, kind, work, now = () => new Date() }: { db: Db; workspaceId: string; kind: InputJobRow["kind"]; work: InputJobWork; now?: () => Date }): Promise<string> {
  const id = newId();
  const started = now();
  await insertInputJob({ db, job: { id, workspaceId, kind, status: "processing", createdAt: started } });
  try {
    const { understanding, storyboardId } = await work();
    const done = now();
    await updateInputJob({ db, id, patch: { status: "completed", understanding, storyboardId, completedAt: done, executionTimeMs: done.getTime() - started.getTime() } });
  } catch (e) {
    const done = now();
    if (isAppError(e) && e.status < 500) {
      await updateInputJob({ db, id, patch: { status: "failed", errorCode: e.code, errorMessage: e.message, completedAt: done, executionTimeMs: done.getTime() - started.getTime() } });
      throw e;
    }
    console.error("input job failed", e);
    await updateInputJob({
      db,
      id,
      patch: { status: "failed", errorCode: isAppError(e) ? e.code : "INTERNAL_ERROR", errorMessage: isAppError(e) ? e.message : "The job failed; see the server log.", completedAt: done, executionTimeMs: done.getTime() - started.getTime() },
    });
  }
  return id;
}

/** Seed 002's job shape. result_image stays null until the board's frames are drawn into a contact sheet (not built yet). */
export async function getInputJobDtoOrThrow({ db, workspaceId, id }: { db: Db; workspaceId: string; id: string }) {
  const job = await getInputJobByKey({ db, workspaceId, id });
  if (!job) throw new AppError("NOT_FOUND", "No job with this id.");
  return {
    job_id: job.id,
    status: job.status,
    result_image: null,
    understanding: job.understanding ?? null,
    storyboard_id: job.storyboardId,
    storyboard_url: job.storyboardId ? `/storyboards/${job.storyboardId}` : null,
    error_code: job.errorCode,
    error_message: job.errorMessage,
    execution_time_ms: job.executionTimeMs,
    created_at: job.createdAt.toISOString(),
    completed_at: job.completedAt?.toISOString() ?? null,
  };
}

export const pollUrl = (id: string) => `/api/storyboard/jobs/${encodeURIComponent(id)}`;
