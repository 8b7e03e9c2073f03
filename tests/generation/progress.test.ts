import { describe, expect, it } from "vitest";
import type { FrameRow } from "@/lib/db/schema";
import { summarizeProgress } from "@/lib/generation/progress";

const T0 = new Date("2025-06-01T12:00:00.000Z").getTime();
const t = (seconds: number) => new Date(T0 + seconds * 1000);

let seq = 0;
function frame(sceneId: string, over: Partial<FrameRow> = {}): FrameRow {
  seq++;
  return {
    id: `f${seq}`,
    sceneId,
    storyboardId: "sb",
    provider: "replicate",
    model: "flux-schnell",
    predictionId: `p${seq}`,
    status: "processing",
    attempt: 1,
    retryOfFrameId: null,
    input: { prompt: "x", aspectRatio: "16:9", seed: 1, outputFormat: "webp", referenceImageUrl: null, scene: null, webhookUrl: null },
    seed: 1,
    progress: null,
    errorCode: null,
    errorMessage: null,
    finalizeAttempts: 0,
    depicts: null,
    leaseToken: null,
    leaseExpiresAt: null,
    lastCheckedAt: null,
    nextCheckAt: null,
    nextAttemptAt: null,
    originalKey: null,
    displayKey: null,
    thumbnailKey: null,
    contentType: null,
    width: null,
    height: null,
    bytes: null,
    contentHash: null,
    unitPrice: 0.003,
    cost: null,
    predictTimeSeconds: null,
    completedAt: null,
    createdAt: t(0),
    updatedAt: t(0),
    ...over,
  };
}

/** A frame that succeeded `seconds` after it was created at `start`. */
const done = (sceneId: string, seconds: number, start = 0) =>
  frame(sceneId, { status: "succeeded", cost: 0.003, progress: 1, createdAt: t(start), completedAt: t(start + seconds) });
const failedForGood = (sceneId: string) =>
  frame(sceneId, { status: "failed", errorCode: "CONTENT_POLICY", completedAt: t(3), nextAttemptAt: null });

const scenes = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `s${i + 1}`, order: i + 1 }));

const summarize = (input: { n: number; frames: FrameRow[]; now?: Date; concurrency?: number; unitPrice?: number; expectedFrameSeconds?: number }) =>
  summarizeProgress({
    scenes: scenes(input.n),
    frames: input.frames,
    now: input.now ?? t(60),
    concurrency: input.concurrency ?? 6,
    unitPrice: input.unitPrice ?? 0.003,
    ...(input.expectedFrameSeconds !== undefined ? { expectedFrameSeconds: input.expectedFrameSeconds } : {}),
  });

describe("summarizeProgress", () => {
  it("ready: every scene has a succeeded frame", () => {
    const p = summarize({ n: 6, frames: [1, 2, 3, 4, 5, 6].map((i) => done(`s${i}`, 4)) });
    expect(p).toMatchObject({
      stage: "ready",
      storyboardStatus: "ready",
      scenesTotal: 6,
      scenesCompleted: 6,
      scenesFailed: 0,
      scenesInFlight: 0,
      currentScene: null,
      estimatedCompletionSeconds: null,
      message: "Ready",
      cost: { estimated: 0.018, actual: 0.018, currency: "USD" },
    });
  });

  it("partial: some scenes failed for good — 'Ready, 2 scenes failed'", () => {
    const p = summarize({ n: 6, frames: [done("s1", 4), done("s2", 4), failedForGood("s3"), done("s4", 4), failedForGood("s5"), done("s6", 4)] });
    expect(p).toMatchObject({ stage: "partial", storyboardStatus: "partial", scenesCompleted: 4, scenesFailed: 2, message: "Ready, 2 scenes failed" });
    // failed frames are not charged; the estimate still prices redrawing them
    expect(p.cost).toEqual({ estimated: 0.018, actual: 0.012, currency: "USD" });
  });

  it("partial with one failure says 'scene', not 'scenes'", () => {
    expect(summarize({ n: 2, frames: [done("s1", 4), failedForGood("s2")] }).message).toBe("Ready, 1 scene failed");
  });

  it("failed: every scene failed for good", () => {
    const p = summarize({ n: 3, frames: [failedForGood("s1"), failedForGood("s2"), failedForGood("s3")] });
    expect(p).toMatchObject({ stage: "failed", storyboardStatus: "failed", scenesCompleted: 0, scenesFailed: 3, message: "All 3 frames failed" });
    expect(p.cost.actual).toBe(0);
  });

  it("a failure with a retry scheduled is still in flight, not failed", () => {
    const retrying = frame("s2", { status: "failed", errorCode: "RATE_LIMIT", nextAttemptAt: t(70), createdAt: t(50) });
    const p = summarize({ n: 2, frames: [done("s1", 4), retrying] });
    expect(p).toMatchObject({ stage: "generating", scenesInFlight: 1, scenesFailed: 0, currentScene: 2 });
  });

  it("a failed regenerate counts as failed (issue 14: the red card must show in the counts), partial since the old picture stays", () => {
    const p = summarize({ n: 1, frames: [done("s1", 4), frame("s1", { status: "failed", createdAt: t(30), completedAt: t(31) })] });
    expect(p).toMatchObject({ stage: "partial", storyboardStatus: "partial", scenesCompleted: 0, scenesFailed: 1, message: "Ready, 1 scene failed" });
  });

  it("a failed regenerate next to drawn scenes is partial; a canceled one over a picture is the person's choice and counts as done", () => {
    const p = summarize({
      n: 3,
      frames: [done("s1", 4), done("s2", 4), frame("s2", { status: "failed", createdAt: t(30), completedAt: t(31) }), done("s3", 4), frame("s3", { status: "canceled", createdAt: t(30) })],
    });
    expect(p).toMatchObject({ stage: "partial", scenesCompleted: 2, scenesFailed: 1, scenesRetrying: 0 });
  });

  it("counts scenes waiting for an automatic retry as in flight and retrying", () => {
    const p = summarize({ n: 2, frames: [done("s1", 4), frame("s2", { status: "failed", createdAt: t(30), nextAttemptAt: t(40) })] });
    expect(p).toMatchObject({ stage: "generating", scenesInFlight: 1, scenesRetrying: 1, scenesFailed: 0 });
  });

  it("generating: ETA from the average finished frame and the concurrency", () => {
    // finished frames took 10 s and 20 s → 15 s average; 4 in flight at concurrency 2 → 2 waves = 30 s,
    // minus the 6 s the oldest in-flight frame has been running
    const inFlight = [3, 4, 5, 6].map((i) => frame(`s${i}`, { status: "processing", createdAt: t(100) }));
    const p = summarize({ n: 6, frames: [done("s1", 10), done("s2", 20), ...inFlight], now: t(106), concurrency: 2 });
    expect(p).toMatchObject({
      stage: "generating",
      storyboardStatus: "generating",
      scenesCompleted: 2,
      scenesInFlight: 4,
      currentScene: 3,
      estimatedCompletionSeconds: 24,
      message: "Drawing frame 3 of 6 · about 25 s left",
    });
    expect(p.cost).toEqual({ estimated: 0.018, actual: 0.006, currency: "USD" });
  });

  it("generating with everything in one wave: ETA is one average, less the time already spent (at most 90 % of it)", () => {
    const inFlight = [3, 4, 5, 6].map((i) => frame(`s${i}`, { status: "starting", createdAt: t(100) }));
    const base = [done("s1", 10), done("s2", 20), ...inFlight];
    expect(summarize({ n: 6, frames: base, now: t(100), concurrency: 6 }).estimatedCompletionSeconds).toBe(15);
    expect(summarize({ n: 6, frames: base, now: t(105), concurrency: 6 }).estimatedCompletionSeconds).toBe(10);
    // running longer than the average never promises a negative or zero wait
    expect(summarize({ n: 6, frames: base, now: t(400), concurrency: 6 }).estimatedCompletionSeconds).toBe(2);
  });

  it("generating with nothing finished yet: the drawing adapter's expected frame time (at least 1 s; 4 s when unknown)", () => {
    const frames = [frame("s1", { createdAt: t(60) }), frame("s2", { createdAt: t(60) })];
    expect(summarize({ n: 2, frames, now: t(60) }).estimatedCompletionSeconds).toBe(4);
    expect(summarize({ n: 2, frames, now: t(60), expectedFrameSeconds: 20 }).estimatedCompletionSeconds).toBe(20);
    const sketch = summarize({
      n: 1,
      frames: [frame("s1", { provider: "sketch", model: "sketch", unitPrice: 0, createdAt: t(60) })],
      now: t(60),
      unitPrice: 0,
      expectedFrameSeconds: 0.5,
    });
    expect(sketch.estimatedCompletionSeconds).toBe(1);
    expect(sketch.cost).toEqual({ estimated: 0, actual: 0, currency: "USD" });
  });

  it("idle: scenes but no frames — a draft", () => {
    const p = summarize({ n: 5, frames: [] });
    expect(p).toMatchObject({
      stage: "idle",
      storyboardStatus: "draft",
      scenesCompleted: 0,
      scenesInFlight: 0,
      estimatedCompletionSeconds: null,
      message: "5 frames to draw",
      cost: { estimated: 0.015, actual: 0, currency: "USD" },
    });
  });

  it("idle with no scenes at all", () => {
    expect(summarize({ n: 0, frames: [] })).toMatchObject({ stage: "idle", message: "No scenes yet", cost: { estimated: 0, actual: 0 } });
  });

  it("a scene added after generation: ready, with the new scene called out and priced", () => {
    const p = summarize({ n: 4, frames: [done("s1", 4), done("s2", 4), done("s3", 4)] });
    expect(p).toMatchObject({
      stage: "ready",
      storyboardStatus: "ready",
      scenesTotal: 4,
      scenesCompleted: 3,
      message: "Ready · 1 new scene not drawn yet",
      cost: { estimated: 0.012, actual: 0.009, currency: "USD" },
    });
  });

  it("cost: actual sums what succeeded frames were charged (regenerations too), the estimate adds the missing scenes", () => {
    const frames = [done("s1", 4), { ...done("s1", 4, 30), cost: 0.003 }, done("s2", 4)];
    const p = summarize({ n: 3, frames, unitPrice: 0.04 });
    expect(p.cost).toEqual({ estimated: 0.049, actual: 0.009, currency: "USD" });
  });

  it("cost: an in-flight frame is estimated, not yet actual", () => {
    const p = summarize({ n: 2, frames: [done("s1", 4), frame("s2", { createdAt: t(58) })] });
    expect(p.cost).toEqual({ estimated: 0.006, actual: 0.003, currency: "USD" });
  });
});
