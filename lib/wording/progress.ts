// The one place generation progress is put into words: the server's `message` (lib/generation/progress.ts)
// and the editor's header (components/storyboard/format-progress.ts) both call describeProgress, so the
// same storyboard never reads two ways. Client-safe: imports nothing, pure (every input is an argument).

/** "a few seconds left", "about 20 s left", "about 2 min left", "about 1.5 h left"; null when unknown. */
export function formatEta(seconds: number | null | undefined): string | null {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return null;
  if (seconds < 8) return "a few seconds left";
  if (seconds < 58) return `about ${Math.max(10, Math.round(seconds / 5) * 5)} s left`;
  if (seconds < 90) return "about 1 min left";
  if (seconds < 3600) return `about ${Math.round(seconds / 60)} min left`;
  const hours = Math.round(seconds / 360) / 10;
  return `about ${Number.isInteger(hours) ? hours.toFixed(0) : hours.toFixed(1)} h left`;
}

export type ProgressTone = "idle" | "working" | "done" | "warning" | "error";

/** What is known about a storyboard's generation, counted per scene. */
export type ProgressFacts = {
  total: number;
  /** Scenes with a succeeded frame. */
  completed: number;
  /** Scenes whose every attempt failed for good. */
  failed: number;
  /** Scenes with a frame being drawn right now (queued … finalizing). */
  drawing: number;
  /** Of `drawing`, scenes that already have a picture: a regenerate. */
  redrawing: number;
  /** Generation is under way, even if nothing is drawing this instant (a retry waits, a start is pending). */
  generating: boolean;
  /** 1-based order of the first scene still being drawn. */
  currentScene: number | null;
  etaSeconds: number | null;
  /** Seconds until the soonest scheduled automatic retry; null when none is scheduled. */
  retryInSeconds: number | null;
  /** Of `failed`, scenes whose redraw failed but whose older picture still stands. */
  failedOverPicture?: number;
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "Drawing frame 3 of 8 · about 20 s left", "Redrawing frame 2 of 3", "Retrying in 4 s", "Ready, 2 scenes failed", … */
export function describeProgress(f: ProgressFacts): { text: string; tone: ProgressTone } {
  const total = Math.max(0, f.total);
  const done = Math.min(total, f.completed);
  const failed = Math.min(total - done, f.failed);

  if (f.drawing > 0) {
    const n = Math.min(total, Math.max(1, f.currentScene ?? done + 1));
    const head =
      f.redrawing === f.drawing
        ? f.drawing === 1
          ? `Redrawing frame ${n} of ${total}`
          : `Redrawing ${f.drawing} frames`
        : total > 0
          ? `Drawing frame ${n} of ${total}`
          : "Drawing frames";
    const eta = formatEta(f.etaSeconds);
    return { text: eta ? `${head} · ${eta}` : head, tone: "working" };
  }
  if (f.generating) {
    if (f.retryInSeconds === null) return { text: "Starting…", tone: "working" };
    const wait = Math.max(0, Math.ceil(f.retryInSeconds));
    return { text: wait > 0 ? `Retrying in ${wait} s` : "Retrying…", tone: "working" };
  }

  if (total === 0) return { text: "No scenes yet", tone: "idle" };
  if (failed > 0 && failed === total && !f.failedOverPicture) {
    return { text: total === 1 ? "The frame failed" : `All ${total} frames failed`, tone: "error" };
  }
  if (failed > 0) {
    const missing = total - done - failed;
    const tail = missing > 0 ? `, ${plural(missing, "frame")} not drawn` : "";
    return { text: `Ready, ${plural(failed, "scene")} failed${tail}`, tone: "warning" };
  }
  if (done === total) return { text: "Ready", tone: "done" };
  if (done === 0) return { text: `${plural(total, "frame")} to draw`, tone: "idle" };
  return { text: `Ready · ${plural(total - done, "new scene")} not drawn yet`, tone: "idle" };
}
