import { describe, expect, it } from "vitest";
import { advance, MAX_FINALIZE_ATTEMPTS, type Observation, type StoredFrame } from "@/lib/generation/advance";
import { MAX_ATTEMPTS, RETRY_DELAYS_SECONDS, retryDelaySeconds } from "@/lib/generation/retry-policy";
import type { FrameStatus } from "@/lib/db/schema";
import type { Prediction, PredictionStatus, ProviderFailure } from "@/lib/providers/types";

const NOW = new Date("2025-06-01T12:00:00.000Z");
const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

type Frame = Parameters<typeof advance>[0];
const frame = (over: Partial<Frame> = {}): Frame => ({
  status: "processing",
  attempt: 1,
  finalizeAttempts: 0,
  unitPrice: 0.003,
  predictionId: "p1",
  ...over,
});

const prediction = (status: PredictionStatus, over: Partial<Prediction> = {}): Observation => ({
  kind: "prediction",
  prediction: {
    id: "p1",
    status,
    output: status === "succeeded" ? ["https://replicate.delivery/xezq/p1/out-0.webp"] : [],
    error: null,
    progress: status === "processing" ? 0.4 : null,
    metrics: { predictTimeSeconds: status === "succeeded" ? 1.7 : null },
    ...over,
  },
});

const failure = (code: string, retryable: boolean, retryAfterSeconds: number | null = null): ProviderFailure => ({
  code,
  message: `${code} happened`,
  retryable,
  retryAfterSeconds,
});

const stored: StoredFrame = {
  originalKey: "storyboards/s/frames/h.webp",
  displayKey: "storyboards/s/frames/h.display.webp",
  thumbnailKey: "storyboards/s/frames/h.thumb.webp",
  contentType: "image/webp",
  width: 1344,
  height: 768,
  bytes: 1234,
  contentHash: "h",
};

const IN_FLIGHT_BEFORE_OUTPUT: FrameStatus[] = ["queued", "starting", "processing"];

describe("advance: prediction news for a frame that is being drawn", () => {
  // [from, upstream status, expected status]
  const moves: [FrameStatus, PredictionStatus, FrameStatus][] = [
    ["queued", "starting", "starting"],
    ["queued", "processing", "processing"],
    ["starting", "starting", "starting"],
    ["starting", "processing", "processing"],
    // a late "starting" (webhooks arrive in any order) never moves a running frame back
    ["processing", "starting", "processing"],
    ["processing", "processing", "processing"],
  ];
  it.each(moves)("%s + prediction %s → %s", (from, upstream, to) => {
    const { patch, effect } = advance(frame({ status: from, predictionId: from === "queued" ? null : "p1" }), prediction(upstream), NOW);
    expect(patch.status).toBe(to);
    expect(patch.predictionId).toBe("p1");
    expect(patch.errorCode).toBeNull();
    expect(effect).toEqual({ kind: "none" });
    expect(patch.completedAt).toBeUndefined();
  });

  it("records the provider's progress while processing", () => {
    expect(advance(frame({ status: "starting" }), prediction("processing"), NOW).patch.progress).toBe(0.4);
  });

  it.each(IN_FLIGHT_BEFORE_OUTPUT)("%s + succeeded → finalizing, with the output to download", (from) => {
    const { patch, effect } = advance(frame({ status: from }), prediction("succeeded"), NOW);
    expect(patch).toMatchObject({ status: "finalizing", progress: 1, predictTimeSeconds: 1.7, errorCode: null });
    expect(effect).toEqual({ kind: "finalize", output: "https://replicate.delivery/xezq/p1/out-0.webp" });
    // not succeeded yet: nothing is stored, nothing is charged
    expect(patch.cost).toBeUndefined();
    expect(patch.completedAt).toBeUndefined();
  });

  it("finalizing + succeeded again (a poll after a released lease) → finalize once more, row untouched", () => {
    const { patch, effect } = advance(frame({ status: "finalizing" }), prediction("succeeded"), NOW);
    expect(patch).toEqual({});
    expect(effect.kind).toBe("finalize");
  });

  it("succeeded with no output fails with INVALID_OUTPUT (and retries: a new prediction may draw)", () => {
    const { patch, effect } = advance(frame(), prediction("succeeded", { output: [] }), NOW);
    expect(patch).toMatchObject({ status: "failed", errorCode: "INVALID_OUTPUT", nextAttemptAt: at(2) });
    expect(effect).toEqual({ kind: "retry", at: at(2) });
  });

  it.each(["starting", "processing"] as const)(
    "finalizing + a late %s webhook stays finalizing (states only move forward)",
    (upstream) => {
      const { patch, effect } = advance(frame({ status: "finalizing" }), prediction(upstream), NOW);
      expect(patch.status ?? "finalizing").toBe("finalizing");
      expect(effect).toEqual({ kind: "none" });
    },
  );

  it.each(IN_FLIGHT_BEFORE_OUTPUT)("%s + failed (transient) → failed, next attempt in 2 s", (from) => {
    const { patch, effect } = advance(
      frame({ status: from }),
      prediction("failed", { error: failure("PREDICTION_FAILED", true) }),
      NOW,
    );
    expect(patch).toMatchObject({
      status: "failed",
      errorCode: "PREDICTION_FAILED",
      completedAt: NOW,
      nextAttemptAt: at(2),
      leaseToken: null,
      leaseExpiresAt: null,
    });
    expect(effect).toEqual({ kind: "retry", at: at(2) });
  });

  it.each(IN_FLIGHT_BEFORE_OUTPUT)("%s + failed (content policy) → failed for good", (from) => {
    const { patch, effect } = advance(
      frame({ status: from }),
      prediction("failed", { error: failure("CONTENT_POLICY", false) }),
      NOW,
    );
    expect(patch).toMatchObject({ status: "failed", errorCode: "CONTENT_POLICY", nextAttemptAt: null, completedAt: NOW });
    expect(effect).toEqual({ kind: "none" });
  });

  it("failed without an error from the provider is a retryable PREDICTION_FAILED", () => {
    const { patch, effect } = advance(frame(), prediction("failed", { error: null }), NOW);
    expect(patch).toMatchObject({ status: "failed", errorCode: "PREDICTION_FAILED", nextAttemptAt: at(2) });
    expect(effect.kind).toBe("retry");
  });

  it.each(IN_FLIGHT_BEFORE_OUTPUT)("%s + canceled upstream → canceled, no retry", (from) => {
    const { patch, effect } = advance(frame({ status: from }), prediction("canceled"), NOW);
    expect(patch).toMatchObject({ status: "canceled", errorCode: "CANCELED", completedAt: NOW });
    expect(patch.nextAttemptAt ?? null).toBeNull();
    expect(effect).toEqual({ kind: "none" });
  });
});

describe("advance: terminal frames ignore everything (duplicate webhooks, late polls)", () => {
  const observations: [string, Observation][] = [
    ["prediction starting", prediction("starting")],
    ["prediction processing", prediction("processing")],
    ["prediction succeeded", prediction("succeeded")],
    ["prediction failed", prediction("failed", { error: failure("PREDICTION_FAILED", true) })],
    ["prediction canceled", prediction("canceled")],
    ["call failed (start)", { kind: "call-failed", during: "start", failure: failure("RATE_LIMIT", true, 30) }],
    ["call failed (poll)", { kind: "call-failed", during: "poll", failure: failure("AUTHENTICATION_FAILED", false) }],
    ["finalized", { kind: "finalized", stored }],
    ["finalize failed", { kind: "finalize-failed", failure: failure("NETWORK_ERROR", true) }],
    ["cancel", { kind: "cancel" }],
  ];
  const terminal: FrameStatus[] = ["succeeded", "failed", "canceled"];
  const cases = terminal.flatMap((status) => observations.map(([name, o]) => [status, name, o] as const));
  it.each(cases)("%s + %s → no change, no effect", (status, _name, observation) => {
    expect(advance(frame({ status }), observation, NOW)).toEqual({ patch: {}, effect: { kind: "none" } });
  });
});

describe("advance: a failed call to the provider", () => {
  const start = (f: ProviderFailure): Observation => ({ kind: "call-failed", during: "start", failure: f });
  const poll = (f: ProviderFailure): Observation => ({ kind: "call-failed", during: "poll", failure: f });

  it.each(["RATE_LIMIT", "PROVIDER_ERROR", "NETWORK_ERROR", "TIMEOUT"])(
    "during start, retryable %s → failed with the next attempt 2 s later",
    (code) => {
      const { patch, effect } = advance(frame({ status: "queued", predictionId: null }), start(failure(code, true)), NOW);
      expect(patch).toMatchObject({ status: "failed", errorCode: code, nextAttemptAt: at(2), completedAt: NOW });
      expect(effect).toEqual({ kind: "retry", at: at(2) });
    },
  );

  it.each([
    [1, 2],
    [2, 4],
    [3, 8],
  ])("during start, attempt %i → next attempt after %i s", (attempt, seconds) => {
    const { patch } = advance(frame({ status: "queued", attempt }), start(failure("PROVIDER_ERROR", true)), NOW);
    expect(patch.nextAttemptAt).toEqual(at(seconds));
  });

  it("during start, attempt 4 (the last) → failed with no retry", () => {
    const { patch, effect } = advance(frame({ status: "queued", attempt: MAX_ATTEMPTS }), start(failure("PROVIDER_ERROR", true)), NOW);
    expect(patch).toMatchObject({ status: "failed", errorCode: "PROVIDER_ERROR", nextAttemptAt: null });
    expect(effect).toEqual({ kind: "none" });
  });

  it("during start, 429 with Retry-After 30 → next attempt after 30 s", () => {
    const { patch, effect } = advance(frame({ status: "queued" }), start(failure("RATE_LIMIT", true, 30)), NOW);
    expect(patch).toMatchObject({ status: "failed", errorCode: "RATE_LIMIT", nextAttemptAt: at(30) });
    expect(effect).toEqual({ kind: "retry", at: at(30) });
  });

  it.each(["AUTHENTICATION_FAILED", "INVALID_INPUT", "PAYMENT_REQUIRED", "NOT_FOUND"])(
    "during start, non-retryable %s → failed at once, no retry",
    (code) => {
      const { patch, effect } = advance(frame({ status: "queued" }), start(failure(code, false)), NOW);
      expect(patch).toMatchObject({ status: "failed", errorCode: code, nextAttemptAt: null });
      expect(effect).toEqual({ kind: "none" });
    },
  );

  it.each(["starting", "processing"] as const)("during poll of a %s frame, a retryable failure keeps it in flight", (status) => {
    const { patch, effect } = advance(frame({ status }), poll(failure("PROVIDER_ERROR", true)), NOW);
    expect(patch.status).toBeUndefined();
    expect(patch.completedAt).toBeUndefined();
    expect(patch.nextAttemptAt).toBeUndefined();
    expect(patch.errorCode).toBe("PROVIDER_ERROR");
    expect(effect).toEqual({ kind: "none" });
  });

  it("during poll, a 429 keeps it in flight too", () => {
    const { patch } = advance(frame(), poll(failure("RATE_LIMIT", true, 30)), NOW);
    expect(patch.status).toBeUndefined();
  });

  it("during poll, an auth failure fails the frame with no retry", () => {
    const { patch, effect } = advance(frame(), poll(failure("AUTHENTICATION_FAILED", false)), NOW);
    expect(patch).toMatchObject({ status: "failed", errorCode: "AUTHENTICATION_FAILED", nextAttemptAt: null, completedAt: NOW });
    expect(effect).toEqual({ kind: "none" });
  });
});

describe("advance: finalization", () => {
  it("finalized → succeeded, charged the unit price, stored keys recorded, lease released", () => {
    const { patch, effect } = advance(frame({ status: "finalizing", unitPrice: 0.003 }), { kind: "finalized", stored }, NOW);
    expect(patch).toMatchObject({
      ...stored,
      status: "succeeded",
      progress: 1,
      cost: 0.003,
      completedAt: NOW,
      errorCode: null,
      leaseToken: null,
      leaseExpiresAt: null,
    });
    expect(effect).toEqual({ kind: "none" });
  });

  it("a free provider's frame costs 0", () => {
    expect(advance(frame({ status: "finalizing", unitPrice: 0 }), { kind: "finalized", stored }, NOW).patch.cost).toBe(0);
  });

  it.each(Array.from({ length: MAX_FINALIZE_ATTEMPTS - 1 }, (_, i) => i))(
    "retryable download trouble after %i earlier tries → lease released, stays finalizing",
    (finalizeAttempts) => {
      const { patch, effect } = advance(
        frame({ status: "finalizing", finalizeAttempts }),
        { kind: "finalize-failed", failure: failure("NETWORK_ERROR", true) },
        NOW,
      );
      expect(patch).toEqual({
        finalizeAttempts: finalizeAttempts + 1,
        errorCode: "NETWORK_ERROR",
        errorMessage: "NETWORK_ERROR happened",
        leaseToken: null,
        leaseExpiresAt: null,
      });
      expect(effect).toEqual({ kind: "none" });
    },
  );

  it("retryable download trouble at the limit → failed, no new prediction", () => {
    const { patch, effect } = advance(
      frame({ status: "finalizing", finalizeAttempts: MAX_FINALIZE_ATTEMPTS - 1 }),
      { kind: "finalize-failed", failure: failure("NETWORK_ERROR", true) },
      NOW,
    );
    expect(patch).toMatchObject({ status: "failed", errorCode: "NETWORK_ERROR", nextAttemptAt: null, leaseToken: null });
    expect(effect).toEqual({ kind: "none" });
  });

  it.each(["OUTPUT_EXPIRED", "INVALID_OUTPUT", "OUTPUT_TOO_LARGE", "DOWNLOAD_BLOCKED"])(
    "non-retryable %s → failed at once with no retry, whatever the attempt",
    (code) => {
      const { patch, effect } = advance(
        frame({ status: "finalizing", attempt: 1 }),
        { kind: "finalize-failed", failure: failure(code, false) },
        NOW,
      );
      expect(patch).toMatchObject({ status: "failed", errorCode: code, nextAttemptAt: null, completedAt: NOW });
      expect(patch.cost).toBeUndefined();
      expect(effect).toEqual({ kind: "none" });
    },
  );
});

describe("advance: cancel", () => {
  it.each(["starting", "processing"] as const)("a %s frame with a prediction → canceled, and the provider is told", (status) => {
    const { patch, effect } = advance(frame({ status, predictionId: "p1" }), { kind: "cancel" }, NOW);
    expect(patch).toMatchObject({ status: "canceled", errorCode: "CANCELED", completedAt: NOW, leaseToken: null });
    expect(effect).toEqual({ kind: "cancel-upstream" });
  });

  it("a queued frame without a prediction → canceled, nothing to tell the provider", () => {
    const { patch, effect } = advance(frame({ status: "queued", predictionId: null }), { kind: "cancel" }, NOW);
    expect(patch.status).toBe("canceled");
    expect(effect).toEqual({ kind: "none" });
  });
});

describe("retry policy", () => {
  it("backs off 2 s, 4 s, 8 s: four attempts in all", () => {
    expect(RETRY_DELAYS_SECONDS).toEqual([2, 4, 8]);
    expect(MAX_ATTEMPTS).toBe(4);
    expect([1, 2, 3, 4, 5].map((a) => retryDelaySeconds(a, null))).toEqual([2, 4, 8, null, null]);
  });

  it.each([
    [1, 30, 30],
    [1, 1, 2], // never sooner than the backoff
    [3, 5, 8],
    [2, 0, 4],
    [1, 300, 300],
    [1, 3600, 300], // Retry-After honoured up to 5 min
    [4, 30, null], // no attempts left, whatever the provider says
  ])("attempt %i with Retry-After %i → %s s", (attempt, retryAfter, expected) => {
    expect(retryDelaySeconds(attempt, retryAfter)).toBe(expected);
  });
});
