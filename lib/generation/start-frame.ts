import "server-only";
import { randomUUID } from "node:crypto";
import { claimFrameLease, getFrameById, updateFrameWithLease } from "@/lib/db/queries/frames";
import type { FrameRow } from "@/lib/db/schema";
import { ProviderError } from "@/lib/providers/types";
import { advance, type Observation } from "./advance";
import type { GenerationDeps } from "./deps";
import { finalizeFrame } from "./finalize-frame";

/**
 * Starts the prediction of a queued frame. The lease makes concurrent starters (the generate
 * request and a poll that found the frame stuck) call the provider once.
 */
export async function startFrame(deps: GenerationDeps, frame: FrameRow): Promise<FrameRow> {
  const token = randomUUID();
  const claimed = await claimFrameLease({
    db: deps.db,
    id: frame.id,
    fromStatuses: ["queued"],
    token,
    now: deps.now(),
    leaseMs: deps.leaseMs,
  });
  if (!claimed) return frame;

  let observation: Observation;
  try {
    const prediction = await deps.providerFor(claimed).start(claimed.input);
    observation = { kind: "prediction", prediction };
  } catch (e) {
    if (!(e instanceof ProviderError)) throw e;
    observation = { kind: "call-failed", during: "start", failure: e.failure };
  }
  const transition = advance(claimed, observation, deps.now());
  // The frame leaves "queued" even when the provider finished at once; finalize goes through its own lease.
  const patch = transition.patch.status === "finalizing" ? { ...transition.patch, status: "processing" as const } : transition.patch;
  const updated = await updateFrameWithLease({ db: deps.db, id: claimed.id, token, patch: { ...patch, lastCheckedAt: deps.now() } });
  if (!updated && observation.kind === "prediction" && !(await getFrameById({ db: deps.db, id: claimed.id }))) {
    // The frame was deleted (with its storyboard or scene) while the provider was accepting it:
    // nobody will ever poll this prediction, so stop it before it is billed.
    await deps
      .providerFor(claimed)
      .cancel(observation.prediction.id)
      .catch(() => {});
    return claimed;
  }
  if (transition.effect.kind === "finalize") return finalizeFrame(deps, updated ?? claimed, transition.effect.output);
  return updated ?? claimed;
}
