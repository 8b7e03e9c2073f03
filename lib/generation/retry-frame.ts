import "server-only";
import { getRetryOf, insertRetryFrame } from "@/lib/db/queries/frames";
import { newId } from "@/lib/db/ids";
import type { FrameRow } from "@/lib/db/schema";
import type { GenerationDeps } from "./deps";
import { startFrame, type StartFrameOptions } from "./start-frame";

/** Starts the scheduled next attempt of a failed frame once it is due; returns it (or null if not due). */
export async function retryIfDue(deps: GenerationDeps, frame: FrameRow, options: StartFrameOptions = {}): Promise<FrameRow | null> {
  if (frame.status !== "failed" || !frame.nextAttemptAt || frame.nextAttemptAt > deps.now()) return null;
  const inserted = await insertRetryFrame({
    db: deps.db,
    frame: {
      id: newId(),
      sceneId: frame.sceneId,
      storyboardId: frame.storyboardId,
      provider: frame.provider,
      model: frame.model,
      status: "queued",
      attempt: frame.attempt + 1,
      retryOfFrameId: frame.id,
      input: frame.input,
      seed: frame.seed,
      unitPrice: frame.unitPrice,
    },
  });
  // Another poll won the race to schedule it: report that attempt instead.
  if (!inserted) return (await getRetryOf({ db: deps.db, frameId: frame.id })) ?? null;
  return startFrame(deps, inserted, options);
}
