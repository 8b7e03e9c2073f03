import type { FrameRow } from "@/lib/db/schema";
import { IN_FLIGHT } from "./advance";
import { framesByScene } from "./latest-frames";

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

/** Seconds a frame takes when nothing in this storyboard has finished yet to learn from. */
const DEFAULT_FRAME_SECONDS: Record<string, number> = { sketch: 1, replicate: 4 };

/** Still being drawn: in flight, or failed with the next attempt scheduled. */
export const isPending = (f: FrameRow) => IN_FLIGHT.includes(f.status) || (f.status === "failed" && f.nextAttemptAt !== null);

function formatEta(seconds: number): string {
  if (seconds < 60) return `about ${Math.max(1, Math.round(seconds / 5) * 5 || Math.ceil(seconds))} s left`;
  return `about ${Math.round(seconds / 60)} min left`;
}

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
}): ProgressSummary {
  const { scenes, now } = input;
  const byScene = framesByScene(input.frames);
  let completed = 0;
  let failed = 0;
  let inFlight = 0;
  let retrying = 0;
  let failedOverPicture = 0;
  /** In flight for a scene that already has a frame: a regenerate. */
  let redrawing = 0;
  let untouched = 0;
  let currentScene: number | null = null;
  const inFlightStarted: number[] = [];
  for (const scene of [...scenes].sort((a, b) => a.order - b.order)) {
    const entry = byScene.get(scene.id);
    if (!entry) {
      untouched++;
      continue;
    }
    if (isPending(entry.latest)) {
      inFlight++;
      if (entry.latest.status === "failed") retrying++;
      if (entry.succeeded.length > 0) redrawing++;
      inFlightStarted.push(entry.latest.createdAt.getTime());
      currentScene ??= scene.order;
    } else if (entry.latest.status === "failed") {
      // Failed for good, even over an older success: the person asked for a redraw and it failed.
      failed++;
      if (entry.succeeded.length > 0) failedOverPicture++;
    }
    else if (entry.succeeded.length > 0) completed++;
    else if (entry.latest.status === "canceled") failed++;
    else untouched++;
  }

  const finished = input.frames.filter((f) => f.status === "succeeded" && f.completedAt);
  const provider = input.frames.at(-1)?.provider ?? "sketch";
  const average =
    finished.length > 0
      ? finished.reduce((sum, f) => sum + (f.completedAt!.getTime() - f.createdAt.getTime()) / 1000, 0) / finished.length
      : (DEFAULT_FRAME_SECONDS[provider] ?? 4);
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
  let stage: GenerationStage;
  let storyboardStatus: StoryboardStatus;
  let message: string;
  if (inFlight > 0) {
    stage = "generating";
    storyboardStatus = "generating";
    const what =
      redrawing === inFlight
        ? inFlight === 1
          ? `Redrawing frame ${currentScene} of ${total}`
          : `Redrawing ${inFlight} frames`
        : `Drawing frame ${Math.min(total, completed + 1)} of ${total}`;
    message = `${what} · ${formatEta(eta ?? average)}`;
  } else if (completed === 0 && failed === 0) {
    stage = "idle";
    storyboardStatus = "draft";
    message = total === 0 ? "No scenes yet" : "Not drawn yet";
  } else if (failed === 0) {
    stage = "ready";
    storyboardStatus = "ready";
    message = untouched > 0 ? `Ready · ${untouched} new scene${untouched === 1 ? "" : "s"} not drawn yet` : "Ready";
  } else if (completed === 0 && failedOverPicture === 0) {
    stage = "failed";
    storyboardStatus = "failed";
    message = failed === 1 ? "The frame failed" : `All ${failed} frames failed`;
  } else {
    stage = "partial";
    storyboardStatus = "partial";
    message = `Ready, ${failed} scene${failed === 1 ? "" : "s"} failed`;
  }

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
