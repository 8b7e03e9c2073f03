import type { CostDto, FrameDto, FrameStatusDto, StoryboardProgressDto } from "@/lib/storyboards/dto";

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

/** "a few seconds left", "about 20 s left", "about 2 min left"; null when unknown. */
export function formatEta(seconds: number | null | undefined): string | null {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return null;
  if (seconds < 8) return "a few seconds left";
  if (seconds < 58) return `about ${Math.max(10, Math.round(seconds / 5) * 5)} s left`;
  if (seconds < 90) return "about 1 min left";
  if (seconds < 3600) return `about ${Math.round(seconds / 60)} min left`;
  const hours = Math.round(seconds / 360) / 10;
  return `about ${Number.isInteger(hours) ? hours.toFixed(0) : hours.toFixed(1)} h left`;
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

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export type ProgressTone = "idle" | "working" | "done" | "warning" | "error";

export type ProgressSummary = {
  text: string;
  tone: ProgressTone;
  /** 0..1 of frames finished (succeeded or failed for good), counting partial progress of those in flight. */
  fraction: number;
  /** 0..1 of frames that failed, drawn in red at the end of the bar. */
  failedFraction: number;
};

/** "Drawing frame 3 of 8 · about 20 s left", "Ready", "Ready, 2 scenes failed", … */
export function summarizeProgress(progress: StoryboardProgressDto, now: number): ProgressSummary {
  const total = Math.max(0, progress.scenesTotal);
  const done = Math.min(total, progress.scenesCompleted);
  const failed = Math.min(total - done, progress.scenesFailed);
  const frames = progress.scenes.map((s) => s.latestFrame);
  const inFlight = frames.filter(isInFlight);
  const partial = inFlight.reduce((sum, f) => sum + Math.min(1, Math.max(0, f?.progress ?? 0)) * 0.9, 0);
  const fraction = total === 0 ? 0 : Math.min(1, (done + failed + partial) / total);
  const failedFraction = total === 0 ? 0 : failed / total;
  const eta = formatEta(progress.estimatedCompletionSeconds);

  if (inFlight.length > 0 || progress.stage === "generating") {
    const n = Math.min(total, Math.max(1, progress.currentScene ?? done + 1));
    if (inFlight.length === 0) {
      const retry = frames.find(isRetryScheduled);
      const wait = retry?.nextAttemptAt ? Math.max(0, Math.ceil((Date.parse(retry.nextAttemptAt) - now) / 1000)) : null;
      const text = wait !== null ? (wait > 0 ? `Retrying in ${wait} s` : "Retrying…") : "Starting…";
      return { text, tone: "working", fraction, failedFraction };
    }
    const head = total > 0 ? `Drawing frame ${n} of ${total}` : "Drawing frames";
    return { text: eta ? `${head} · ${eta}` : head, tone: "working", fraction, failedFraction };
  }

  if (total === 0) return { text: "No scenes yet", tone: "idle", fraction: 0, failedFraction: 0 };
  if (failed > 0 && done === 0 && failed === total) {
    return { text: total === 1 ? "The frame failed" : `All ${total} frames failed`, tone: "error", fraction, failedFraction };
  }
  if (failed > 0) {
    const missing = total - done - failed;
    const tail = missing > 0 ? `, ${plural(missing, "frame")} not drawn` : "";
    return { text: `Ready, ${plural(failed, "scene")} failed${tail}`, tone: "warning", fraction, failedFraction };
  }
  if (done === total) return { text: "Ready", tone: "done", fraction: 1, failedFraction: 0 };
  if (done === 0) return { text: `${plural(total, "frame")} to draw`, tone: "idle", fraction, failedFraction };
  return { text: `${done} of ${total} frames drawn`, tone: "idle", fraction, failedFraction };
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

/** "Retrying in 4 s" for a failed attempt with a scheduled retry. */
export function retryCountdown(nextAttemptAt: string, now: number): string {
  const wait = Math.ceil((Date.parse(nextAttemptAt) - now) / 1000);
  return wait > 0 ? `Retrying automatically in ${wait} s` : "Retrying automatically…";
}
