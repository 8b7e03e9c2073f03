import "server-only";
import { listFramesByStoryboard } from "@/lib/db/queries/frames";
import { purgeDeletedScenes } from "@/lib/db/queries/scenes";
import { deleteStoryboardById, listStoryboardsDeletedBefore } from "@/lib/db/queries/storyboards";
import { cancelPredictionsUpstream } from "@/lib/generation/cancel-frame";
import type { GenerationDeps } from "@/lib/generation/deps";
import { storyboardPrefix } from "@/lib/storage/keys";

/** How long a deleted scene or storyboard can still be restored. */
export const PURGE_AFTER_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Removes for good what was soft-deleted more than `olderThanDays` ago: storyboards with their
 * rows and files, and scenes with their frames and the files no remaining frame shares
 * (content-addressed keys can be shared by two frames with the same bytes). Meant for the
 * scheduled sweep (GET /api/cron/sweep or whatever calls the generation sweep): idempotent, and a
 * failure part-way leaves orphaned files, never rows pointing at missing files.
 */
export async function purgeDeleted(
  deps: GenerationDeps,
  { olderThanDays = PURGE_AFTER_DAYS }: { olderThanDays?: number } = {},
): Promise<{ storyboards: number; scenes: number }> {
  const before = new Date(deps.now().getTime() - olderThanDays * DAY_MS);

  const storyboards = await listStoryboardsDeletedBefore({ db: deps.db, before });
  for (const sb of storyboards) {
    const frames = await listFramesByStoryboard({ db: deps.db, storyboardId: sb.id });
    await deleteStoryboardById({ db: deps.db, workspaceId: sb.workspaceId, id: sb.id });
    await cancelPredictionsUpstream(deps, frames);
    await deps.storage.deletePrefix(storyboardPrefix(sb.id)).catch((e) => {
      console.error(`Storyboard ${sb.id} purged, but its files could not all be removed`, e);
    });
  }

  const purged = await purgeDeletedScenes({ db: deps.db, before });
  await cancelPredictionsUpstream(deps, purged.frames);
  const byStoryboard = new Map<string, typeof purged.frames>();
  for (const f of purged.frames) byStoryboard.set(f.storyboardId, [...(byStoryboard.get(f.storyboardId) ?? []), f]);
  for (const [storyboardId, frames] of byStoryboard) {
    // A key still named by a remaining frame (same bytes drawn twice) stays.
    const kept = new Set(
      (await listFramesByStoryboard({ db: deps.db, storyboardId })).flatMap((f) => [f.originalKey, f.displayKey, f.thumbnailKey]),
    );
    const keys = new Set(frames.flatMap((f) => [f.originalKey, f.displayKey, f.thumbnailKey]).filter((k): k is string => !!k && !kept.has(k)));
    await Promise.all([...keys].map((key) => deps.storage.delete(key).catch(() => {})));
  }
  return { storyboards: storyboards.length, scenes: purged.scenes.length };
}
