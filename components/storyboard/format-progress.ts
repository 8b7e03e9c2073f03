import type { CostDto, FrameDto, FrameStatusDto, StoryboardProgressDto } from "@/lib/storyboards/dto";
import { describeProgress, type ProgressTone } from "@/lib/wording/progress";

export { formatEta, type ProgressTone } from "@/lib/wording/progress";

// Words and numbers the editor shows about generation. Pure: every input, including `now`, is an
// argument, so tests/ui/format-progress.test.ts can pin them down.

export const IN_FLIGHT_STATUSES: readonly FrameStatusDto[] = ["queued", "starting", "processing", "finalizing"];

export function isInFlight(frame: Pick<FrameDto, "status"> | null | undefined): boolean {
  return !!frame && IN_FLIGHT_STATUSES.includes(frame.status);
}

/** A failed attempt the server will retry by itself (the next poll starts it). */
export function isRetryScheduled(frame: Pick<FrameDto, "status" | "nextAttemptAt"> | null | undefined): boolean {
  return !!frame && frame.status === "failed" && frame.nextAttemptAt !== null;
}

/** US dollars: "$0.003", "$0.018", "$1.24". */
export function formatMoney(usd: number): string {
  if (usd <= 0) return "$0";
  if (usd < 1) return `$${usd.toFixed(3)}`;
  return `$${usd.toFixed(2)}`;
}

/**
 * The header's cost: the actual spend once there is one, else the estimate; free when the embedded
 * renderer draws (both zero).
 */
export function formatCost(cost: CostDto): { text: string; short: string; title: string } {
  if (cost.actual <= 0 && cost.estimated <= 0) {
    return {
      text: "Free · embedded renderer",
      short: "Free",
      title: "Frames are drawn locally by the embedded sketch renderer",
    };
  }
  if (cost.actual > 0) {
    const est = cost.estimated > 0 ? ` (estimated ${formatMoney(cost.estimated)})` : "";
    return { text: formatMoney(cost.actual), short: formatMoney(cost.actual), title: `Spent so far${est}` };
  }
  const text = `${formatMoney(cost.estimated)} est.`;
  return { text, short: text, title: "Estimated cost of drawing every frame" };
}

export type ProgressSummary = {
  text: string;
  tone: ProgressTone;
  /** 0..1 of frames finished (succeeded or failed for good), counting partial progress of those in flight. */
  fraction: number;
  /** 0..1 of frames that failed, drawn in red at the end of the bar. */
  failedFraction: number;
};

/** The header's progress: the shared wording (lib/wording/progress.ts) plus the bar's fractions. */
export function summarizeProgress(progress: StoryboardProgressDto, now: number): ProgressSummary {
  const total = Math.max(0, progress.scenesTotal);
  const done = Math.min(total, progress.scenesCompleted);
  const failed = Math.min(total - done, progress.scenesFailed);
  const drawing = progress.scenes.filter((s) => isInFlight(s.latestFrame));
  const partial = drawing.reduce((sum, s) => sum + Math.min(1, Math.max(0, s.latestFrame?.progress ?? 0)) * 0.9, 0);
  const retries = progress.scenes
    .map((s) => s.latestFrame)
    .filter(isRetryScheduled)
    .map((f) => Date.parse(f!.nextAttemptAt!));
  const { text, tone } = describeProgress({
    total,
    completed: done,
    failed,
    drawing: drawing.length,
    redrawing: drawing.filter((s) => s.selectedFrame !== null).length,
    generating: drawing.length > 0 || progress.stage === "generating",
    currentScene: progress.currentScene,
    etaSeconds: progress.estimatedCompletionSeconds,
    retryInSeconds: retries.length > 0 ? (Math.min(...retries) - now) / 1000 : null,
  });
  if (tone === "done") return { text, tone, fraction: 1, failedFraction: 0 };
  if (total === 0) return { text, tone, fraction: 0, failedFraction: 0 };
  return { text, tone, fraction: Math.min(1, (done + failed + partial) / total), failedFraction: failed / total };
}

/** What a frame that is not (yet) a picture is doing, in a word or two. */
export function frameStatusLabel(frame: Pick<FrameDto, "status" | "progress">): string {
  switch (frame.status) {
    case "queued":
      return "Queued";
    case "starting":
      return "Starting";
    case "processing":
      return frame.progress !== null && frame.progress > 0 ? `Drawing · ${Math.round(frame.progress * 100)}%` : "Drawing";
    case "finalizing":
      return "Finishing";
    case "succeeded":
      return "Done";
    case "failed":
      return "Failed";
    case "canceled":
      return "Canceled";
  }
}

/** 0..1 for a live frame's bar: the provider's figure when it gives one, else a step per stage. */
export function frameProgressValue(frame: Pick<FrameDto, "status" | "progress">): number {
  switch (frame.status) {
    case "queued":
      return 0.04;
    case "starting":
      return 0.12;
    case "processing":
      return 0.15 + 0.75 * Math.min(1, Math.max(0, frame.progress ?? 0.4));
    case "finalizing":
      return 0.95;
    default:
      return 1;
  }
}

/** "just now", "5 min ago", "3 h ago", "yesterday", "12 Mar", "12 Mar 2024". */
export function formatRelativeDate(iso: string, now: number): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return "";
  const s = Math.max(0, (now - t) / 1000);
  if (s < 60) return "just now";
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  if (s < 2 * 86_400) return "yesterday";
  const d = new Date(t);
  const sameYear = d.getUTCFullYear() === new Date(now).getUTCFullYear();
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    ...(sameYear ? {} : { year: "numeric" }),
    timeZone: "UTC",
  }).format(d);
}
