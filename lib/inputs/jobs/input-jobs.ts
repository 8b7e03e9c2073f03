import "server-only";
import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { getInputJobByKey, insertInputJob, updateInputJob } from "@/lib/db/queries/input-jobs";
import type { InputJobRow } from "@/lib/db/schema";
import { AppError, isAppError } from "@/lib/errors";

export type InputJobWork = () => Promise<{ understanding: Record<string, unknown>; storyboardId: string }>;

// A seed 002 job: pending → processing (reading the input, then drawing the board) → completed
// with the board's contact sheet, or failed with a code. The reading runs before the 202 (the
// embedded readers take milliseconds, OCR about a second, an LLM a few), so bad input is still a
// 4xx at once; the drawing finishes wherever frames finish (background work, webhooks or polls).

/** Records the job and reads the input into a storyboard; the job stays `processing` while its frames are drawn. */
export async function runInputJob({ db, workspaceId, kind, work, now = () => new Date() }: { db: Db; workspaceId: string; kind: InputJobRow["kind"]; work: InputJobWork; now?: () => Date }): Promise<{ id: string; storyboardId: string | null }> {
  const id = newId();
  const started = now();
  await insertInputJob({ db, job: { id, workspaceId, kind, status: "processing", createdAt: started } });
  try {
    const { understanding, storyboardId } = await work();
    await updateInputJob({ db, id, patch: { understanding, storyboardId } });
    return { id, storyboardId };
  } catch (e) {
    if (isAppError(e) && e.status < 500) {
      await failInputJob({ db, job: { id, createdAt: started }, code: e.code, message: e.message, now });
      throw e;
    }
    console.error("input job failed", e);
    await failInputJob({
      db,
      job: { id, createdAt: started },
      code: isAppError(e) ? e.code : "INTERNAL_ERROR",
      message: isAppError(e) ? e.message : "The job failed; see the server log.",
      now,
    });
    return { id, storyboardId: null };
  }
}

export async function failInputJob({ db, job, code, message, now = () => new Date() }: { db: Db; job: Pick<InputJobRow, "id" | "createdAt">; code: string; message: string; now?: () => Date }): Promise<void> {
  const done = now();
  await updateInputJob({ db, id: job.id, patch: { status: "failed", errorCode: code, errorMessage: message, completedAt: done, executionTimeMs: done.getTime() - job.createdAt.getTime() } });
}

export async function completeInputJob({ db, job, now = () => new Date() }: { db: Db; job: Pick<InputJobRow, "id" | "createdAt">; now?: () => Date }): Promise<void> {
  const done = now();
  await updateInputJob({ db, id: job.id, patch: { status: "completed", completedAt: done, executionTimeMs: done.getTime() - job.createdAt.getTime() } });
}

export async function getInputJobOrThrow({ db, workspaceId, id }: { db: Db; workspaceId: string; id: string }): Promise<InputJobRow> {
  const job = await getInputJobByKey({ db, workspaceId, id });
  if (!job) throw new AppError("NOT_FOUND", "No job with this id.");
  return job;
}

/** Seed 002's job shape, plus our own `progress` (0–100) and the storyboard it made. */
export function inputJobDto(job: InputJobRow, extra: { resultImage: string | null; progress: number }) {
  return {
    job_id: job.id,
    status: job.status,
    progress: extra.progress,
    result_image: extra.resultImage,
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
export type InputJobDto = ReturnType<typeof inputJobDto>;

export const pollUrl = (id: string) => `/api/storyboard/jobs/${encodeURIComponent(id)}`;

/** Where the finished board's contact sheet is stored: under the storyboard, so deleting it deletes the sheet. */
export const contactSheetKey = (storyboardId: string, jobId: string) => `storyboards/${storyboardId}/jobs/${jobId}/board.png`;
