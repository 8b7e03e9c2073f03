import "server-only";
import type { Db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { cancelExportJobById, failAbandonedExportJobs, getExportJobByKey, insertExportJob, updateExportJobIfActive } from "@/lib/db/queries/export-jobs";
import type { ExportJobRow } from "@/lib/db/schema";
import { AppError, isAppError } from "@/lib/errors";
import { runInBackground } from "@/lib/generation/background";
import type { Storage } from "@/lib/storage/types";
import { renderAndStoreAnimatic } from "./animatic";
import type { ExportJobDto } from "./dto";
import { loadStoryboardOrThrow } from "./load-storyboard";

/** A renderer renews its lease this often; one that stops for a whole lease is taken for dead by the sweep. */
const LEASE_MS = 90_000;
const HEARTBEAT_MS = 15_000;
/** Progress is written at most this often (each write also renews the lease and notices a cancel). */
const PROGRESS_WRITE_MS = 500;

// Renders running in this process, so a cancel arriving here kills ffmpeg at once; a cancel
// arriving at another instance is noticed by the renderer's next progress write.
const running = new Map<string, AbortController>();

const pollUrlOf = (job: Pick<ExportJobRow, "storyboardId" | "id">) => `/api/storyboards/${job.storyboardId}/animatic/${job.id}`;

export async function toExportJobDto(job: ExportJobRow, storage: Storage): Promise<ExportJobDto> {
  const r = job.result as { bytes: number; durationSeconds: number; width: number; height: number } | null;
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    progress: job.status === "succeeded" ? 1 : job.progress,
    stage: job.stage,
    // The URL is made at read time: a presigned S3 URL from the moment of rendering would expire.
    result: job.status === "succeeded" && job.resultKey && r ? { url: await storage.url(job.resultKey), ...r } : null,
    error: job.errorCode && job.status !== "succeeded" ? { code: job.errorCode, message: job.errorMessage ?? "" } : null,
    pollUrl: pollUrlOf(job),
    createdAt: job.createdAt.toISOString(),
    completedAt: job.completedAt ? job.completedAt.toISOString() : null,
  };
}

/** POST …/animatic: record the job and render it after the answer. */
export async function startAnimaticJob(args: {
  db: Db;
  storage: Storage;
  workspaceId: string;
  storyboardId: string;
  captions: boolean;
  now: Date;
}): Promise<ExportJobRow> {
  const loaded = await loadStoryboardOrThrow({ db: args.db, workspaceId: args.workspaceId, id: args.storyboardId });
  const job = await insertExportJob({
    db: args.db,
    job: {
      id: newId(),
      workspaceId: args.workspaceId,
      storyboardId: args.storyboardId,
      kind: "animatic",
      status: "queued",
      options: { captions: args.captions },
      leaseExpiresAt: new Date(args.now.getTime() + LEASE_MS),
      createdAt: args.now,
      updatedAt: args.now,
    },
  });
  const controller = new AbortController();
  running.set(job.id, controller);
  runInBackground(`animatic job ${job.id}`, () =>
    renderJob(args.db, args.storage, job, loaded, controller).finally(() => running.delete(job.id)),
  );
  return job;
}

async function renderJob(
  db: Db,
  storage: Storage,
  job: ExportJobRow,
  loaded: Awaited<ReturnType<typeof loadStoryboardOrThrow>>,
  controller: AbortController,
): Promise<void> {
  const lease = () => new Date(Date.now() + LEASE_MS);
  const write = async (patch: Parameters<typeof updateExportJobIfActive>[0]["patch"]) => {
    const updated = await updateExportJobIfActive({ db, id: job.id, fromStatuses: ["queued", "running"], patch: { ...patch, leaseExpiresAt: lease() } });
    if (!updated) controller.abort(new AppError("CONFLICT", "The export was canceled."));
    return updated;
  };
  if (!(await write({ status: "running", stage: "Drawing stills" }))) return;
  let lastWrite = 0;
  let writing: Promise<unknown> = Promise.resolve();
  const heartbeat = setInterval(() => void (writing = writing.then(() => write({}))), HEARTBEAT_MS);
  try {
    await renderAndStoreAnimatic(loaded, storage, {
      captions: (job.options as { captions?: boolean }).captions === true,
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === "progress") {
          if (Date.now() - lastWrite < PROGRESS_WRITE_MS && event.fraction < 1) return;
          lastWrite = Date.now();
          writing = writing.then(() => write({ progress: event.fraction, stage: "Encoding" }));
        } else if (event.type === "done") {
          const { bytes, durationSeconds, width, height } = event;
          writing = writing.then(() =>
            write({ status: "succeeded", progress: 1, stage: null, resultKey: event.key, result: { bytes, durationSeconds, width, height }, completedAt: new Date() }),
          );
        }
      },
    });
    await writing;
  } catch (e) {
    await writing.catch(() => {});
    if (controller.signal.aborted) return; // canceled: the row already says so, ffmpeg was killed
    if (!isAppError(e)) console.error("Animatic job failed", e);
    await write({
      status: "failed",
      errorCode: isAppError(e) ? e.code : "EXPORT_FAILED",
      errorMessage: isAppError(e) ? e.message : "The animatic could not be rendered.",
      completedAt: new Date(),
    });
  } finally {
    clearInterval(heartbeat);
  }
}

export async function exportJobOrThrow(args: { db: Db; workspaceId: string; storyboardId: string; jobId: string }): Promise<ExportJobRow> {
  const job = await getExportJobByKey({ db: args.db, workspaceId: args.workspaceId, id: args.jobId });
  if (!job || job.storyboardId !== args.storyboardId) throw new AppError("NOT_FOUND", "No export job with this id.");
  return job;
}

/** DELETE (or POST …/cancel): stops the render (ffmpeg is killed) unless it already finished; idempotent. */
export async function cancelExportJob(args: { db: Db; workspaceId: string; storyboardId: string; jobId: string; now: Date }): Promise<ExportJobRow> {
  const job = await exportJobOrThrow(args);
  const canceled = await cancelExportJobById({ db: args.db, id: job.id, now: args.now });
  running.get(job.id)?.abort(new AppError("CONFLICT", "The export was canceled."));
  return canceled ?? job;
}

/** The sweep's part: jobs whose renderer died fail instead of spinning forever. */
export async function sweepExportJobs(args: { db: Db; now: Date }): Promise<{ failed: number }> {
  return { failed: await failAbandonedExportJobs(args) };
}
