import "server-only";
import pMap from "p-map";
import { updateFrameIfStatus } from "@/lib/db/queries/frames";
import type { FrameRow } from "@/lib/db/schema";
import { advance, IN_FLIGHT } from "./advance";
import type { GenerationDeps } from "./deps";

/** Stops a frame that is still being drawn; a finished frame is left as it is. */
export async function cancelFrame(deps: GenerationDeps, frame: FrameRow): Promise<FrameRow> {
  if (frame.status === "failed" && frame.nextAttemptAt) {
    // Canceling a frame that waits for its automatic retry calls the retry off.
    return (
      (await updateFrameIfStatus({ db: deps.db, id: frame.id, fromStatuses: ["failed"], patch: { nextAttemptAt: null } })) ?? frame
    );
  }
  const { patch, effect } = advance(frame, { kind: "cancel" }, deps.now());
  if (Object.keys(patch).length === 0) return frame;
  // "finalizing" is excluded: the output is already paid for and being stored.
  const updated = await updateFrameIfStatus({
    db: deps.db,
    id: frame.id,
    fromStatuses: IN_FLIGHT.filter((s) => s !== "finalizing"),
    patch,
  });
  if (updated && effect.kind === "cancel-upstream" && frame.predictionId) {
    await deps
      .providerFor(frame)
      .cancel(frame.predictionId)
      .catch(() => {}); // best effort: the row is canceled either way, and a late success is ignored
  }
  return updated ?? frame;
}

/**
 * Asks the provider to stop every prediction still running among `frames` (their rows are gone
 * or going: a deleted storyboard), so nothing more is billed. Best effort, like cancelFrame.
 */
export async function cancelPredictionsUpstream(deps: GenerationDeps, frames: FrameRow[]): Promise<number> {
  const running = frames.filter((f) => f.predictionId && (f.status === "starting" || f.status === "processing"));
  await pMap(running, (f) => deps.providerFor(f).cancel(f.predictionId!).catch(() => {}), { concurrency: 6 });
  return running.length;
}
