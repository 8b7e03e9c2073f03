import "server-only";
import pMap from "p-map";
import { listFramesByStoryboard } from "@/lib/db/queries/frames";
import { listScenesByStoryboard } from "@/lib/db/queries/scenes";
import { updateStoryboardById } from "@/lib/db/queries/storyboards";
import type { FrameRow, SceneRow, StoryboardRow } from "@/lib/db/schema";
import type { GenerationDeps } from "./deps";
import { framesByScene } from "./latest-frames";
import { pollFrame } from "./poll-frame";
import { isPending } from "./progress";

/** How many frames one status request advances at once (finalization is CPU-bound on sharp). */
const POLL_CONCURRENCY = 4;

/**
 * Advances every scene's pending frame (asks the provider, finalizes successes, starts due
 * retries) and returns the storyboard's scenes and frames as they now stand.
 */
export async function pollStoryboard(
  deps: GenerationDeps,
  loaded: { storyboard: StoryboardRow; scenes: SceneRow[]; frames: FrameRow[] },
): Promise<{ scenes: SceneRow[]; frames: FrameRow[] }> {
  const byScene = framesByScene(loaded.frames);
  const pending = loaded.scenes.flatMap((s) => {
    const latest = byScene.get(s.id)?.latest;
    return latest && isPending(latest) ? [latest] : [];
  });
  if (pending.length === 0) return { scenes: loaded.scenes, frames: loaded.frames };
  await pMap(pending, (frame) => pollFrame(deps, frame), { concurrency: POLL_CONCURRENCY });
  // Re-read both: a frame that just succeeded became its scene's selected frame.
  const [scenes, frames] = await Promise.all([
    listScenesByStoryboard({ db: deps.db, storyboardId: loaded.storyboard.id }),
    listFramesByStoryboard({ db: deps.db, storyboardId: loaded.storyboard.id }),
  ]);
  return { scenes, frames };
}

/** Keeps the stored status (used by lists) in step with what the frames say. */
export async function syncStoryboardStatus(
  deps: GenerationDeps,
  storyboard: StoryboardRow,
  status: StoryboardRow["status"],
): Promise<void> {
  if (storyboard.status === status) return;
  await updateStoryboardById({ db: deps.db, workspaceId: storyboard.workspaceId, id: storyboard.id, patch: { status } });
}
