import "server-only";
import pMap from "p-map";
import { listFramesToSweep } from "@/lib/db/queries/frames";
import type { FrameRow } from "@/lib/db/schema";
import type { GenerationDeps } from "./deps";
import { pollFrame } from "./poll-frame";

export type SweepResult = {
  /** Frames found left behind (in flight with nobody on them, or a due retry never started). */
  examined: number;
  /** Of those, how many moved (a new status or a started retry). */
  advanced: number;
  succeeded: number;
  failed: number;
  stillInFlight: number;
};

/** A frame this recently touched may still have its own background work about to run. */
const STALE_MS = 10_000;
const SWEEP_CONCURRENCY = 4;

/**
 * Advances what a cut-off function left behind: starts that never recorded a prediction,
 * predictions nobody polls, finalizations whose lease expired, retries that came due. Each frame
 * goes through the same pollFrame() as a request (leases and conditional updates make a sweep
 * racing a poll or a webhook harmless), but stores successes before it answers: the sweep is
 * itself background work. Calling it again changes nothing that is already settled.
 */
export async function sweepFrames(deps: GenerationDeps, options: { limit?: number } = {}): Promise<SweepResult> {
  const now = deps.now();
  const frames = await listFramesToSweep({ db: deps.db, now, staleMs: STALE_MS, limit: options.limit ?? 100 });
  const after = await pMap(frames, (frame) => pollFrame(deps, frame, { finalize: "inline" }).catch(() => frame), {
    concurrency: SWEEP_CONCURRENCY,
  });
  const moved = (before: FrameRow, now: FrameRow) => before.id !== now.id || before.status !== now.status || before.updatedAt.getTime() !== now.updatedAt.getTime();
  return {
    examined: frames.length,
    advanced: frames.filter((f, i) => moved(f, after[i]!)).length,
    succeeded: after.filter((f) => f.status === "succeeded").length,
    failed: after.filter((f) => f.status === "failed").length,
    stillInFlight: after.filter((f) => !["succeeded", "failed", "canceled"].includes(f.status)).length,
  };
}
