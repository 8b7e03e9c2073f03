import type { CameraMove } from "@/lib/planner/constants";

// Presentation rules, pure: which frame a URL names, where the keys go, how each camera move drifts.

/** `?frame=3` is 1-based; anything else falls back to the first frame. Returns a 0-based index. */
export function frameIndexFromParam(param: string | string[] | null | undefined, count: number): number {
  const raw = Array.isArray(param) ? param[0] : param;
  const n = raw ? Number.parseInt(raw, 10) : NaN;
  if (!Number.isFinite(n) || count <= 0) return 0;
  return Math.min(count - 1, Math.max(0, n - 1));
}

/** "03 / 08" */
export function frameCounter(index: number, count: number): string {
  const width = Math.max(2, String(count).length);
  return `${String(index + 1).padStart(width, "0")} / ${String(count).padStart(width, "0")}`;
}

export type PresentKeyAction = "next" | "prev" | "toggle-play" | "exit" | "first" | "last" | "fullscreen" | null;

export function presentKeyAction(key: string): PresentKeyAction {
  switch (key) {
    case "ArrowRight":
    case "PageDown":
    case "l":
      return "next";
    case "ArrowLeft":
    case "PageUp":
    case "h":
      return "prev";
    case " ":
    case "Spacebar":
    case "k":
      return "toggle-play";
    case "Escape":
      return "exit";
    case "Home":
      return "first";
    case "End":
      return "last";
    case "f":
      return "fullscreen";
    default:
      return null;
  }
}

/** The Ken Burns keyframes (defined in app/globals.css) that follow a scene's camera move. */
export function kenBurnsAnimation(move: CameraMove): string {
  return `kb-${move}`;
}
