import "server-only";
import { randomUUID } from "node:crypto";
import { claimFrameLease, updateFrameWithLease } from "@/lib/db/queries/frames";
import type { FrameRow } from "@/lib/db/schema";
import { ProviderError } from "@/lib/providers/types";
import { advance, type Observation } from "./advance";
import { runInBackground } from "./background";
import { firstCheckAt } from "./check-schedule";
import type { GenerationDeps } from "./deps";
import { finalizeFrame } from "./finalize-frame";

export type StartFrameOptions = {
  /** Sync mode: the create waits up to this long for the output (a background start only). */
  waitSeconds?: number;
  /** A success the start already reports: store it now (background work) or after the answer (a request). */
  finalize?: "inline" | "background";
};

/**
 * Starts the prediction of a queued frame. The lease makes concurrent starters (the generate
 * request and a poll that found the frame stuck) call the provider once.
 */
export async function startFrame(deps: GenerationDeps, frame: FrameRow, options: StartFrameOptions = {}): Promise<FrameRow> {
  // A synchronous adapter's start is the whole draw: a request's start (a poll taking over, a due
  // retry, an inline create) hands it to background work, holding the frame for as long as it may take.
  let provider: ReturnType<GenerationDeps["providerFor"]> | null = null;
  try {
    provider = deps.providerFor(frame);
  } catch {
    // Not configured any more: the start below records that failure on the frame.
  }
  if (provider?.synchronousStart && options.waitSeconds === undefined) {
    const waitSeconds = Math.max(1, provider.syncWaitSeconds ?? 0);
    runInBackground(`start frame ${frame.id}`, () => startFrame(deps, frame, { waitSeconds, finalize: "inline" }));
    return frame;
  }
  const token = randomUUID();
  const claimed = await claimFrameLease({
    db: deps.db,
    id: frame.id,
    fromStatuses: ["queued"],
    token,
    now: deps.now(),
    // A sync-mode create holds the lease for as long as it may wait: nobody starts it twice meanwhile.
    leaseMs: Math.max(deps.leaseMs, (options.waitSeconds ?? 0) * 1000 + 30_000),
  });
  if (!claimed) return frame;

  let observation: Observation;
  const startedAt = deps.now();
  try {
    const prediction = await deps.providerFor(claimed).start(claimed.input, { waitSeconds: options.waitSeconds });
    observation = { kind: "prediction", prediction };
  } catch (e) {
    if (!(e instanceof ProviderError)) throw e;
    observation = { kind: "call-failed", during: "start", failure: e.failure };
  }
  const transition = advance(claimed, observation, deps.now());
  // The frame leaves "queued" even when the provider finished at once; finalize goes through its own lease.
  const patch = transition.patch.status === "finalizing" ? { ...transition.patch, status: "processing" as const } : transition.patch;
  const nextCheckAt = observation.kind === "prediction" && transition.effect.kind !== "finalize" ? await firstCheckAt(deps, claimed, startedAt) : null;
  const updated = await updateFrameWithLease({
    db: deps.db,
    id: claimed.id,
    token,
    patch: { ...patch, lastCheckedAt: nextCheckAt ? null : deps.now(), nextCheckAt },
  });
  if (!updated && observation.kind === "prediction") {
    // Our lease is gone: the frame was deleted (with its storyboard or scene) or canceled while
    // the provider was accepting it (a sync-mode create is open for seconds), or another starter
    // took the expired lease over. Nobody will ever poll this prediction: stop it before it is billed.
    await deps
      .providerFor(claimed)
      .cancel(observation.prediction.id)
      .catch(() => {});
    return claimed;
  }
  if (transition.effect.kind === "finalize") {
    return finalizeFrame(deps, updated ?? claimed, transition.effect.output, options.finalize ?? "inline");
  }
  return updated ?? claimed;
}
