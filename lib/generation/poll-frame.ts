import "server-only";
import { claimProviderCheck, updateFrameIfStatus } from "@/lib/db/queries/frames";
import type { FrameRow } from "@/lib/db/schema";
import { ProviderError } from "@/lib/providers/types";
import { advance, type Observation } from "./advance";
import type { GenerationDeps } from "./deps";
import { finalizeFrame } from "./finalize-frame";
import { retryIfDue } from "./retry-frame";
import { startFrame } from "./start-frame";

// Concurrent polls of one frame inside this process share one piece of work; across processes the
// database claims (claimProviderCheck, leases) do the same job.
const running = new Map<string, Promise<FrameRow>>();

export type PollMode = {
  /**
   * "background" (requests): a success is claimed and answered as "finalizing"; download, sharp
   * and storage run after the response. "inline" (the sweep, itself background work): stored now.
   */
  finalize: "inline" | "background";
};

/**
 * Brings a frame up to date: terminal frames answer from the database, in-flight ones ask the
 * provider at most once per check interval (not before their expected finish), successes are
 * finalized, due retries are started. Returns the frame's newest state (a started retry's row
 * when one was started).
 */
export function pollFrame(deps: GenerationDeps, frame: FrameRow, mode: PollMode = { finalize: "background" }): Promise<FrameRow> {
  const existing = running.get(frame.id);
  if (existing) return existing;
  const work = pollOnce(deps, frame, mode).finally(() => running.delete(frame.id));
  running.set(frame.id, work);
  return work;
}

async function pollOnce(deps: GenerationDeps, frame: FrameRow, mode: PollMode): Promise<FrameRow> {
  const now = deps.now();
  switch (frame.status) {
    case "succeeded":
    case "canceled":
      return frame;
    case "failed":
      return (await retryIfDue(deps, frame, mode)) ?? frame;
    case "queued":
      // A start that died before recording its prediction: take it over once its lease expires.
      return startFrame(deps, frame, mode);
    case "finalizing":
      if (frame.leaseExpiresAt && frame.leaseExpiresAt > now) return frame;
    // A finalizer died (or a download hiccup released the lease): finalize again below, but like
    // any in-flight frame, ask the provider at most once per interval however many polls arrive.
    // falls through
    case "starting":
    case "processing":
      if (!(await claimProviderCheck({ db: deps.db, id: frame.id, now, intervalMs: deps.checkIntervalMs }))) return frame;
      break;
  }

  if (!frame.predictionId) return frame;
  let observation: Observation;
  try {
    const prediction = await deps.providerFor(frame).get(frame.predictionId, frame.input);
    observation = { kind: "prediction", prediction };
  } catch (e) {
    if (!(e instanceof ProviderError)) throw e;
    observation = { kind: "call-failed", during: "poll", failure: e.failure };
  }
  return applyObservation(deps, frame, observation, mode);
}

/** Stores what was observed about an in-flight frame and runs the effect (finalize on success). */
export async function applyObservation(
  deps: GenerationDeps,
  frame: FrameRow,
  observation: Observation,
  mode: PollMode = { finalize: "background" },
): Promise<FrameRow> {
  const transition = advance(frame, observation, deps.now());
  let current = frame;
  if (Object.keys(transition.patch).length > 0) {
    current =
      (await updateFrameIfStatus({
        db: deps.db,
        id: frame.id,
        fromStatuses: ["starting", "processing", "finalizing"],
        patch: transition.patch,
      })) ?? frame;
  }
  if (transition.effect.kind === "finalize") return finalizeFrame(deps, current, transition.effect.output, mode.finalize);
  return current;
}
