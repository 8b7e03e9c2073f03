import "server-only";
import type { Db } from "@/lib/db/client";
import { listDeletedScenesByStoryboard } from "@/lib/db/queries/scenes";
import { AppError } from "@/lib/errors";
import { getStorage } from "@/lib/storage/get-storage";
import type { StoryboardDto } from "./dto";
import { loadStoryboardOrThrow } from "./load-storyboard";
import { summarize } from "./summarize";
import { toStoryboardDto } from "./to-dto";

export async function getStoryboardDtoOrThrow(args: { db: Db; workspaceId: string; id: string }): Promise<StoryboardDto> {
  const loaded = await loadStoryboardOrThrow(args);
  const deletedScenes = await listDeletedScenesByStoryboard({ db: args.db, storyboardId: args.id });
  return toStoryboardDto({ ...loaded, progress: summarize(loaded), storage: getStorage(), deletedScenes });
}

/** For server pages: the storyboard, or null when there is none with this id. */
export async function getStoryboardDto(args: { db: Db; workspaceId: string; id: string }): Promise<StoryboardDto | null> {
  try {
    return await getStoryboardDtoOrThrow(args);
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") return null;
    throw e;
  }
}
