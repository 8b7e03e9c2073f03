import "server-only";
import type { InputJobRow } from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import { renderContactSheet } from "@/lib/export/contact-sheet";
import type { GenerationDeps } from "@/lib/generation/deps";
import { completeInputJob, contactSheetKey, failInputJob, getInputJobOrThrow, inputJobDto, runInputJob, type InputJobDto, type InputJobWork } from "@/lib/inputs/jobs/input-jobs";
import { loadStoryboardOrThrow } from "./load-storyboard";
import { pollStoryboardProgress, startStoryboardGeneration } from "./storyboard-generation";
import { readFrom, toExportStoryboard } from "./to-export";

// Seed 002's jobs end with a picture of the finished board, so a job reads its input, plans a
// storyboard, starts its frames, and completes when every frame has settled.

/** POST /api/storyboard/{code,roadmap}: the job id, with the board's frames already started. */
export async function startInputJob(deps: GenerationDeps, args: { workspaceId: string; kind: InputJobRow["kind"]; work: InputJobWork }): Promise<string> {
  const { id, storyboardId } = await runInputJob({ db: deps.db, workspaceId: args.workspaceId, kind: args.kind, work: args.work, now: deps.now });
  if (storyboardId) {
    try {
      await startStoryboardGeneration(deps, { workspaceId: args.workspaceId, storyboardId, force: false });
    } catch (e) {
      const job = await getInputJobOrThrow({ db: deps.db, workspaceId: args.workspaceId, id });
      if (!isAppError(e)) console.error("input job: starting frames failed", e);
      await failInputJob({ db: deps.db, job, code: isAppError(e) ? e.code : "INTERNAL_ERROR", message: isAppError(e) ? e.message : "Starting the frames failed; see the server log.", now: deps.now });
    }
  }
  return id;
}

const SETTLED = new Set(["ready", "partial", "failed"]);

/** GET /api/storyboard/jobs/:jobId: nudges the board's frames, and completes the job with its contact sheet once they settle. */
export async function pollInputJob(deps: GenerationDeps, args: { workspaceId: string; id: string }): Promise<InputJobDto> {
  let job = await getInputJobOrThrow({ db: deps.db, workspaceId: args.workspaceId, id: args.id });
  let progress = job.status === "completed" ? 100 : 0;
  const board =
    job.status === "processing" && job.storyboardId
      ? await pollStoryboardProgress(deps, { workspaceId: args.workspaceId, storyboardId: job.storyboardId }).catch((e: unknown) => {
          if (isAppError(e) && e.code === "NOT_FOUND") return null;
          throw e;
        })
      : null;
  if (job.status === "processing" && job.understanding && !board) {
    // The storyboard was deleted (soft-deleted, or purged and the foreign key set null) before its board was drawn.
    await failInputJob({ db: deps.db, job, code: "NOT_FOUND", message: "The storyboard this job made was deleted.", now: deps.now });
    job = await getInputJobOrThrow({ db: deps.db, workspaceId: args.workspaceId, id: args.id });
  } else if (job.status === "processing" && job.storyboardId && board) {
    progress = board.scenesTotal ? Math.round((100 * (board.scenesCompleted + board.scenesFailed)) / board.scenesTotal) : 0;
    if (SETTLED.has(board.stage)) {
      if (board.stage === "failed") {
        await failInputJob({ db: deps.db, job, code: "PREDICTION_FAILED", message: "No frame of the board could be drawn; open the storyboard to retry.", now: deps.now });
      } else {
        const loaded = await loadStoryboardOrThrow({ db: deps.db, workspaceId: args.workspaceId, id: job.storyboardId });
        const sheet = await renderContactSheet(toExportStoryboard(loaded), readFrom(deps.storage));
        await deps.storage.put(contactSheetKey(job.storyboardId, job.id), sheet, { contentType: "image/png" });
        await completeInputJob({ db: deps.db, job, now: deps.now });
      }
      job = await getInputJobOrThrow({ db: deps.db, workspaceId: args.workspaceId, id: args.id });
      progress = 100;
    }
  }
  const resultImage = job.status === "completed" && job.storyboardId ? await readSheet(deps, contactSheetKey(job.storyboardId, job.id)) : null;
  return inputJobDto(job, { resultImage, progress });
}

async function readSheet(deps: GenerationDeps, key: string): Promise<string | null> {
  const stored = await deps.storage.get(key);
  return stored ? stored.body.toString("base64") : null;
}
