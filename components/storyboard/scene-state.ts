import type { SceneDto } from "@/lib/storyboards/dto";
import { isInFlight, isRetryScheduled } from "./format-progress";

// What a scene's frame is doing, and what "Generate all" would do — pure, for the card and header.

export type SceneFrameState =
  | "empty" // never drawn
  | "drawing" // an attempt is in flight (there may be an older picture)
  | "retrying" // failed, the server retries by itself
  | "failed" // failed for good
  | "canceled"
  | "ready";

export function sceneFrameState(scene: Pick<SceneDto, "latestFrame" | "selectedFrame">): SceneFrameState {
  const latest = scene.latestFrame;
  if (isInFlight(latest)) return "drawing";
  if (isRetryScheduled(latest)) return "retrying";
  if (latest?.status === "failed") return "failed";
  if (latest?.status === "canceled" && !scene.selectedFrame) return "canceled";
  if (scene.selectedFrame) return "ready";
  return "empty";
}

export type GenerateAllAction = {
  kind: "retry" | "generate" | "busy" | "none";
  label: string;
  /** Scenes the action would start. */
  count: number;
};

/** POST /generate without sceneIds starts scenes with no succeeded frame and retries failed ones. */
export function generateAllAction(scenes: Pick<SceneDto, "latestFrame" | "selectedFrame">[]): GenerateAllAction {
  const states = scenes.map(sceneFrameState);
  const failed = states.filter((s) => s === "failed").length;
  const missing = scenes.filter((s, i) => !s.selectedFrame && (states[i] === "empty" || states[i] === "canceled")).length;
  const busy = states.some((s) => s === "drawing" || s === "retrying");
  if (failed > 0) return { kind: "retry", label: failed === 1 ? "Retry failed" : `Retry ${failed} failed`, count: failed + missing };
  if (missing > 0) {
    return { kind: "generate", label: missing === scenes.length ? "Generate all" : `Generate ${missing} missing`, count: missing };
  }
  if (busy) return { kind: "busy", label: "Drawing…", count: 0 };
  return { kind: "none", label: "Generate all", count: 0 };
}
