import "server-only";
import { getFrameByPredictionId } from "@/lib/db/queries/frames";
import type { FrameRow } from "@/lib/db/schema";
import { ProviderError } from "@/lib/providers/types";
import type { GenerationDeps } from "./deps";
import { applyObservation } from "./poll-frame";

/**
 * News about some predictions arrived out of band (a GPU service's callback moved its job):
 * ask each frame's adapter for the prediction now and apply it, so frames finish without a poll.
 * Unknown predictions and failed asks are skipped — the next poll or the sweep sees them.
 */
export async function observePredictions(deps: GenerationDeps, predictionIds: readonly string[]): Promise<FrameRow[]> {
  const moved: FrameRow[] = [];
  for (const predictionId of predictionIds) {
    const frame = await getFrameByPredictionId({ db: deps.db, predictionId });
    if (!frame) continue;
    try {
      const prediction = await deps.providerFor(frame).get(predictionId, frame.input);
      moved.push(await applyObservation(deps, frame, { kind: "prediction", prediction }, { finalize: "background" }));
    } catch (e) {
      if (!(e instanceof ProviderError)) throw e;
    }
  }
  return moved;
}
