import "server-only";
import type { Db } from "@/lib/db/client";
import { listFramesByStoryboard } from "@/lib/db/queries/frames";
import { listScenesByStoryboard } from "@/lib/db/queries/scenes";
import { getStoryboardById } from "@/lib/db/queries/storyboards";
import type { FrameRow, SceneRow, StoryboardRow } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

export type LoadedStoryboard = { storyboard: StoryboardRow; scenes: SceneRow[]; frames: FrameRow[] };

export async function loadStoryboardOrThrow({
  db,
  workspaceId,
  id,
}: {
  db: Db;
  workspaceId: string;
  id: string;
}): Promise<LoadedStoryboard> {
  const storyboard = await getStoryboardById({ db, workspaceId, id });
  if (!storyboard) throw new AppError("NOT_FOUND", "No storyboard with this id.");
  const [scenes, frames] = await Promise.all([
    listScenesByStoryboard({ db, storyboardId: id }),
    listFramesByStoryboard({ db, storyboardId: id }),
  ]);
  return { storyboard, scenes, frames };
}
