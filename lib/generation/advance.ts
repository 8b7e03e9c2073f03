import type { FrameRow, FrameStatus } from "@/lib/db/schema";
import type { Prediction, ProviderFailure } from "@/lib/providers/types";
import { retryDelaySeconds } from "./retry-policy";

// The one transition function of a frame. Pure: it takes the stored row, what was observed and
// the time, and returns the patch to store and the effect to run. Polls, webhooks, starts and
// finalizers all go through it, so a frame moves the same way whoever saw the news first.

export type Observation =
  /** The provider accepted a new prediction, or reported on one (poll or webhook). */
  | { kind: "prediction"; prediction: Prediction }
  /** A call to the provider failed (start or poll): 429, 5xx, network, timeout, auth. */
  | { kind: "call-failed"; during: "start" | "poll"; failure: ProviderFailure }
  /** The finalizer stored the output. */
  | { kind: "finalized"; stored: StoredFrame }
  /** The finalizer could not download/process/store the output. */
  | { kind: "finalize-failed"; failure: ProviderFailure }
  /** A person canceled the frame. */
  | { kind: "cancel" };

export type StoredFrame = {
  originalKey: string;
  displayKey: string;
  thumbnailKey: string;
  contentType: string;
  width: number;
  height: number;
  bytes: number;
  contentHash: string;
  /** What the frame shows, when the provider can say (the embedded renderer). */
  depicts?: string[];
};

export type Effect =
  | { kind: "none" }
  /** The prediction succeeded: claim the lease and download → process → store. */
  | { kind: "finalize"; output: string }
  /** A retryable failure: a new attempt becomes due at `at`. */
  | { kind: "retry"; at: Date }
  /** Tell the provider to stop (cancel). */
  | { kind: "cancel-upstream" };

export type Transition = { patch: Partial<FrameRow>; effect: Effect };

export const TERMINAL: readonly FrameStatus[] = ["succeeded", "failed", "canceled"];
export const IN_FLIGHT: readonly FrameStatus[] = ["queued", "starting", "processing", "finalizing"];

export const isTerminal = (status: FrameStatus) => TERMINAL.includes(status);

/** Finalization is tried this many times (download hiccups) before the frame fails. */
export const MAX_FINALIZE_ATTEMPTS = 3;

type AdvanceFrame = Pick<FrameRow, "status" | "attempt" | "finalizeAttempts" | "unitPrice" | "predictionId">;

const none: Effect = { kind: "none" };

function failed(frame: AdvanceFrame, failure: ProviderFailure, now: Date): Transition {
  const delay = failure.retryable ? retryDelaySeconds(frame.attempt, failure.retryAfterSeconds) : null;
  const patch: Partial<FrameRow> = {
    status: "failed",
    errorCode: failure.code,
    errorMessage: failure.message,
    completedAt: now,
    leaseToken: null,
    leaseExpiresAt: null,
    nextAttemptAt: delay === null ? null : new Date(now.getTime() + delay * 1000),
  };
  return { patch, effect: delay === null ? none : { kind: "retry", at: patch.nextAttemptAt! } };
}

export function advance(frame: AdvanceFrame, observation: Observation, now: Date): Transition {
  // Terminal frames never move again: duplicate webhooks and late polls are no-ops.
  if (isTerminal(frame.status)) return { patch: {}, effect: none };

  switch (observation.kind) {
    case "cancel":
      return {
        patch: { status: "canceled", completedAt: now, leaseToken: null, leaseExpiresAt: null, errorCode: "CANCELED", errorMessage: "Canceled." },
        effect: frame.predictionId ? { kind: "cancel-upstream" } : none,
      };

    case "call-failed": {
      // A failed poll says nothing about the prediction, which may still be running upstream:
      // keep polling unless the failure is permanent (bad token, unknown prediction).
      if (observation.during === "poll" && observation.failure.retryable) {
        return { patch: { errorCode: observation.failure.code, errorMessage: observation.failure.message }, effect: none };
      }
      return failed(frame, observation.failure, now);
    }

    case "prediction": {
      const p = observation.prediction;
      // Webhooks arrive in any order: a late "start" for a frame whose output is already being
      // stored must not move it back to starting/processing (progress 1 → 0 in the UI).
      if (frame.status === "finalizing" && (p.status === "starting" || p.status === "processing")) {
        return { patch: {}, effect: none };
      }
      const base: Partial<FrameRow> = {
        predictionId: p.id,
        errorCode: null,
        errorMessage: null,
        ...(p.metrics.predictTimeSeconds !== null ? { predictTimeSeconds: p.metrics.predictTimeSeconds } : {}),
      };
      switch (p.status) {
        case "starting":
          return { patch: { ...base, status: frame.status === "processing" ? "processing" : "starting", progress: p.progress ?? 0 }, effect: none };
        case "processing":
          return { patch: { ...base, status: "processing", progress: p.progress }, effect: none };
        case "succeeded": {
          const output = p.output[0];
          if (!output) return failed(frame, { code: "INVALID_OUTPUT", message: "The model returned no image.", retryable: true, retryAfterSeconds: null }, now);
          if (frame.status === "finalizing") return { patch: {}, effect: { kind: "finalize", output } };
          return { patch: { ...base, status: "finalizing", progress: 1 }, effect: { kind: "finalize", output } };
        }
        case "failed":
          return failed(
            frame,
            p.error ?? { code: "PREDICTION_FAILED", message: "The model failed to draw this frame.", retryable: true, retryAfterSeconds: null },
            now,
          );
        case "canceled":
          return { patch: { ...base, status: "canceled", completedAt: now, errorCode: "CANCELED", errorMessage: "Canceled upstream." }, effect: none };
      }
      return { patch: {}, effect: none };
    }

    case "finalized":
      return {
        patch: {
          ...observation.stored,
          status: "succeeded",
          progress: 1,
          cost: frame.unitPrice,
          completedAt: now,
          errorCode: null,
          errorMessage: null,
          leaseToken: null,
          leaseExpiresAt: null,
        },
        effect: none,
      };

    case "finalize-failed": {
      const attempts = frame.finalizeAttempts + 1;
      // Transient download trouble: release the lease so the next poll tries again, a few times.
      if (observation.failure.retryable && attempts < MAX_FINALIZE_ATTEMPTS) {
        return {
          patch: {
            finalizeAttempts: attempts,
            errorCode: observation.failure.code,
            errorMessage: observation.failure.message,
            leaseToken: null,
            leaseExpiresAt: null,
          },
          effect: none,
        };
      }
      // The output is gone, bad, or unreachable for good. A new prediction would cost money and
      // usually fail the same way, so the frame fails and the person decides (one-click regenerate).
      return failed(frame, { ...observation.failure, retryable: false }, now);
    }
  }
}
