import type { FrameRow } from "@/lib/db/schema";

/** Per scene: the newest attempt and the succeeded frames (newest first). Frames come oldest first. */
export function framesByScene(frames: FrameRow[]): Map<string, { latest: FrameRow; succeeded: FrameRow[] }> {
  const byScene = new Map<string, { latest: FrameRow; succeeded: FrameRow[] }>();
  const sorted = [...frames].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.attempt - b.attempt,
  );
  for (const f of sorted) {
    const entry = byScene.get(f.sceneId);
    if (!entry) byScene.set(f.sceneId, { latest: f, succeeded: f.status === "succeeded" ? [f] : [] });
    else {
      entry.latest = f;
      if (f.status === "succeeded") entry.succeeded.unshift(f);
    }
  }
  return byScene;
}

/** The frame a scene shows: the one the person picked if it still succeeded, else the newest success. */
export function selectedFrameOf(selectedFrameId: string | null, succeeded: FrameRow[]): FrameRow | null {
  return succeeded.find((f) => f.id === selectedFrameId) ?? succeeded[0] ?? null;
}
