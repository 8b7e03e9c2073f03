import type { FrameRow } from "@/lib/db/schema";
import { IN_FLIGHT } from "./advance";
import { framesByScene } from "./latest-frames";
import { describeProgress } from "@/lib/wording/progress";

export type GenerationStage = "idle" | "generating" | "ready" | "partial" | "failed";
export type StoryboardStatus = "draft" | "generating" | "ready" | "partial" | "failed";
export type GenerationCost = { estimated: number; actual: number; currency: "USD" };

/** Where a storyboard's generation stands; the status route adds the per-scene frames. */
export type GenerationProgress = {
  stage: GenerationStage;
  scenesTotal: number;
  scenesCompleted: number;
  scenesFailed: number;
  scenesInFlight: number;
  /** Of the scenes in flight, those waiting for an automatic retry of a failed attempt. */
  scenesRetrying: number;
  /** 1-based order of the first scene still being drawn. */
  currentScene: number | null;
  estimatedCompletionSeconds: number | null;
  /** e.g. "Drawing frame 3 of 8 · about 20 s left" or "Ready, 2 scenes failed". */
  message: string;
  cost: GenerationCost;
};

/** The progress the status route reports (less the per-scene frames), plus the storyboard status. */
export type ProgressSummary = GenerationProgress & { storyboardStatus: StoryboardStatus };

/** Seconds a frame takes when nothing has finished yet and the caller names no adapter figure. */
const DEFAULT_FRAME_SECONDS = 4;

/** Still being drawn: in flight, or failed with the next attempt scheduled. */
export const isPending = (f: FrameRow) => IN_FLIGHT.includes(f.status) || (f.status === "failed" && f.nextAttemptAt !== null);

/**
 * Where a storyboard's generation stands, from its scenes and frames alone (pure): counts, the
 * ETA from the average finished frame and the concurrency, the storyboard status and the cost.
 */
export function summarizeProgress(input: {
  scenes: { id: string; order: number }[];
  frames: FrameRow[];
  now: Date;
  concurrency: number;
  /** Price of one more frame with the active provider (for the estimate). */
  unitPrice: number;
  /**
   * Seconds a frame takes when nothing in this storyboard has finished yet to learn from: the
   * drawing adapter's `providerFacts().expectedSeconds`.
   */
  expectedFrameSeconds?: number;
}): ProgressSummary {
  const { scenes, now } = input;
  const byScene = framesByScene(input.frames);
  let completed = 0;
  let failed = 0;
  let inFlight = 0;
  /** Being drawn right now (in flight, not waiting for a retry). */
  let drawing = 0;
  /** Of those, scenes that already have a frame: a regenerate. */
  let redrawing = 0;
  let retrying = 0;
  /** Failed for good over an older success: the person asked for a redraw and it failed. */
  let failedOverPicture = 0;
  /** Soonest scheduled automatic retry among the pending scenes (ms since epoch). */
  let nextRetryAt: number | null = null;
  let currentScene: number | null = null;
  const inFlightStarted: number[] = [];
  for (const scene of [...scenes].sort((a, b) => a.order - b.order)) {
    const entry = byScene.get(scene.id);
    if (!entry) continue;
    if (isPending(entry.latest)) {
      inFlight++;
      if (IN_FLIGHT.includes(entry.latest.status)) {
        drawing++;
        if (entry.succeeded.length > 0) redrawing++;
      } else if (entry.latest.nextAttemptAt) {
        retrying++;
        const at = entry.latest.nextAttemptAt.getTime();
        nextRetryAt = nextRetryAt === null ? at : Math.min(nextRetryAt, at);
      }
      inFlightStarted.push(entry.latest.createdAt.getTime());
      currentScene ??= scene.order;
    } else if (entry.latest.status === "failed") {
      failed++;
      if (entry.succeeded.length > 0) failedOverPicture++;
    } else if (entry.succeeded.length > 0) completed++;
    else if (entry.latest.status === "canceled") failed++;
  }

  const finished = input.frames.filter((f) => f.status === "succeeded" && f.completedAt);
  const average =
    finished.length > 0
      ? finished.reduce((sum, f) => sum + (f.completedAt!.getTime() - f.createdAt.getTime()) / 1000, 0) / finished.length
      : Math.max(1, input.expectedFrameSeconds ?? DEFAULT_FRAME_SECONDS);
  let eta: number | null = null;
  if (inFlight > 0) {
    const waves = Math.ceil(inFlight / Math.max(1, input.concurrency));
    const elapsed = (now.getTime() - Math.min(...inFlightStarted)) / 1000;
    eta = Math.max(1, Math.round(waves * average - Math.min(elapsed, average * 0.9)));
  }

  const actual = input.frames.reduce((sum, f) => sum + (f.status === "succeeded" ? (f.cost ?? 0) : 0), 0);
  const missing = scenes.length - completed;
  const estimated = actual + missing * input.unitPrice;

  const total = scenes.length;
  const stage: GenerationStage =
    inFlight > 0
      ? "generating"
      : completed === 0 && failed === 0
        ? "idle"
        : failed === 0
          ? "ready"
          : completed === 0 && failedOverPicture === 0
            ? "failed"
            : "partial";
  const storyboardStatus: StoryboardStatus = stage === "idle" ? "draft" : stage;
  const { text: message } = describeProgress({
    total,
    completed,
    failed,
    drawing,
    redrawing,
    generating: inFlight > 0,
    currentScene,
    etaSeconds: eta,
    retryInSeconds: nextRetryAt === null ? null : (nextRetryAt - now.getTime()) / 1000,
    failedOverPicture,
  });

  return {
    stage,
    storyboardStatus,
    scenesTotal: total,
    scenesCompleted: completed,
    scenesFailed: failed,
    scenesInFlight: inFlight,
    scenesRetrying: retrying,
    currentScene,
    estimatedCompletionSeconds: eta,
    message,
    cost: { estimated: round(estimated), actual: round(actual), currency: "USD" },
  };
}

const round = (n: number) => Math.round(n * 10000) / 10000;
