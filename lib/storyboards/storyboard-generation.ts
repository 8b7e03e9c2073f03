import "server-only";
import { env } from "@/lib/config/env";
import { listFramesByStoryboard } from "@/lib/db/queries/frames";
import type { GenerationDeps } from "@/lib/generation/deps";
import { generateStoryboard } from "@/lib/generation/generate-storyboard";
import { pollStoryboard, syncStoryboardStatus } from "@/lib/generation/poll-storyboard";
import { syncWaitSecondsFor, webhookUrlFor } from "@/lib/generation/webhook-url";
import type { GenerateResponseDto, StoryboardProgressDto } from "./dto";
import { chooseProvider } from "./choose-provider";
import { assertUnlocked } from "./edit-log";
import { loadStoryboardOrThrow, type LoadedStoryboard } from "./load-storyboard";
import { summarize } from "./summarize";
import { toProgressDto } from "./to-dto";

/** POST …/generate: queue and start frames for the scenes that need one. */
export async function startStoryboardGeneration(
  deps: GenerationDeps,
  args: { workspaceId: string; storyboardId: string; sceneIds?: string[]; force: boolean; provider?: string },
): Promise<GenerateResponseDto> {
  const loaded = await loadStoryboardOrThrow({ db: deps.db, workspaceId: args.workspaceId, id: args.storyboardId });
  assertUnlocked(loaded.storyboard);
  const provider = chooseProvider(args.provider);
  // Sync mode (the default, and the sketch renderer) starts, waits and stores after the answer;
  // without it (webhooks, or turned off) creates are quick and the answer carries prediction ids.
  const syncWaitSeconds = syncWaitSecondsFor(env(), provider);
  const started = await generateStoryboard(deps, {
    ...loaded,
    sceneIds: args.sceneIds,
    force: args.force,
    provider,
    concurrency: env().GENERATION_CONCURRENCY,
    webhookUrlFor: webhookUrlFor(env(), provider),
    start: syncWaitSeconds > 0 ? "background" : "inline",
    syncWaitSeconds,
  });
  // Starting only added frames: the storyboard and scenes just loaded are still current.
  const frames = await listFramesByStoryboard({ db: deps.db, storyboardId: args.storyboardId });
  const progress = await progressOf(deps, { ...loaded, frames });
  return {
    frames: started.map((f) => ({
      frameId: f.id,
      sceneId: f.sceneId,
      predictionId: f.predictionId,
      status: f.status,
      pollUrl: `/api/frames/${f.id}`,
    })),
    progress,
  };
}

async function progressOf(deps: GenerationDeps, loaded: LoadedStoryboard) {
  const summary = summarize(loaded, deps.now());
  await syncStoryboardStatus(deps, loaded.storyboard, summary.storyboardStatus);
  return toProgressDto({ ...loaded, progress: summary, storage: deps.storage });
}

/** GET …/status: advance pending frames, then report where the storyboard stands. */
export async function pollStoryboardProgress(
  deps: GenerationDeps,
  args: { workspaceId: string; storyboardId: string },
): Promise<StoryboardProgressDto> {
  const loaded = await loadStoryboardOrThrow({ db: deps.db, workspaceId: args.workspaceId, id: args.storyboardId });
  const { scenes, frames } = await pollStoryboard(deps, loaded);
  const summary = summarize({ scenes, frames }, deps.now());
  await syncStoryboardStatus(deps, loaded.storyboard, summary.storyboardStatus);
  return toProgressDto({ scenes, frames, progress: summary, storage: deps.storage });
}
