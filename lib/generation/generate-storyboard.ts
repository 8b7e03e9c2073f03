import "server-only";
import pMap from "p-map";
import { insertFrame } from "@/lib/db/queries/frames";
import { newId } from "@/lib/db/ids";
import type { FrameRow, SceneRow, StoryboardRow } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { providerFacts } from "@/lib/providers/provider-facts";
import type { ImageProvider } from "@/lib/providers/types";
import { runInBackground } from "./background";
import type { GenerationDeps } from "./deps";
import { frameInputFor } from "./frame-input";
import { framesByScene } from "./latest-frames";
import { isPending } from "./progress";
import { startAndFollowFrame } from "./follow-frame";
import { startBoardFrames } from "./start-board";
import { startFrame } from "./start-frame";

export type GenerateOptions = {
  storyboard: StoryboardRow;
  scenes: SceneRow[];
  frames: FrameRow[];
  /** Limit to these scenes; all scenes when absent. */
  sceneIds?: string[];
  /** Draw a new variation even for scenes that already have a frame. */
  force: boolean;
  provider: ImageProvider;
  concurrency: number;
  /** Where the provider should POST status changes (null: rely on polling). */
  webhookUrlFor: (frameId: string) => string | null;
  /**
   * "background" (POST …/generate): answer with the queued frames; starting, waiting (sync mode)
   * and storing run after the response, so frames reach storage with nobody polling.
   * "inline" (the seed route, whose answer must carry the prediction id): create now, store later.
   */
  start?: "background" | "inline";
  /** Sync mode for background starts: each create waits up to this long for its output (0: off). */
  syncWaitSeconds?: number;
  /** Overrides for the seed-compatible single-scene route. */
  prompt?: string;
  referenceImageUrl?: string | null;
};

/** Which scenes get a new frame: missing or failed ones, or (forced) every one asked for — never one already drawing. */
export function scenesToGenerate(scenes: SceneRow[], frames: FrameRow[], sceneIds: string[] | undefined, force: boolean): SceneRow[] {
  const byScene = framesByScene(frames);
  const wanted = sceneIds ? new Set(sceneIds) : null;
  return scenes.filter((scene) => {
    if (wanted && !wanted.has(scene.id)) return false;
    const entry = byScene.get(scene.id);
    if (!entry) return true;
    if (isPending(entry.latest)) return false;
    return force || entry.succeeded.length === 0;
  });
}

/** Sync-mode creates are open for the prediction's whole run: the cap on creates at once is wider. */
const MAX_OPEN_SYNC_CREATES = 32;

/**
 * Records a queued frame per scene to draw, then starts their predictions in parallel under the
 * concurrency cap — in the background by default. Returns every frame's state; clients poll
 * (or not) for the rest.
 */
export async function generateStoryboard(deps: GenerationDeps, options: GenerateOptions): Promise<FrameRow[]> {
  if (options.sceneIds) {
    const known = new Set(options.scenes.map((s) => s.id));
    const unknown = options.sceneIds.filter((id) => !known.has(id));
    if (unknown.length > 0) throw new AppError("NOT_FOUND", `No scene ${unknown[0]} in this storyboard.`);
  }
  const targets = scenesToGenerate(options.scenes, options.frames, options.sceneIds, options.force);
  const { provider } = options;
  const { outputFormat } = providerFacts(provider);
  const queued = await Promise.all(
    targets.map((scene) => {
      const id = newId();
      const input = frameInputFor({
        storyboard: options.storyboard,
        scene,
        outputFormat,
        webhookUrl: options.webhookUrlFor(id),
        prompt: options.prompt,
        referenceImageUrl: options.referenceImageUrl,
      });
      return insertFrame({
        db: deps.db,
        frame: {
          id,
          sceneId: scene.id,
          storyboardId: options.storyboard.id,
          provider: provider.id,
          model: provider.model.key,
          status: "queued",
          attempt: 1,
          input,
          seed: input.seed,
          unitPrice: providerFacts(provider).pricePerImage,
        },
      });
    }),
  );
  const concurrency = Math.max(1, options.concurrency);
  // Providers that draw a whole board in one job (the GPU service) start every frame with one call.
  const board = provider.startBoard ? { prompt: options.prompt ?? options.storyboard.prompt } : null;
  if (options.start === "inline") {
    if (board && queued.length > 0) return startBoardFrames(deps, provider, queued, board.prompt);
    return pMap(queued, (frame) => startFrame(deps, frame, { finalize: "background" }), { concurrency });
  }
  const waitSeconds = options.syncWaitSeconds ?? 0;
  if (queued.length > 0) {
    runInBackground(`start ${queued.length} frame(s) of storyboard ${options.storyboard.id}`, async () =>
      pMap(board ? await startBoardFrames(deps, provider, queued, board.prompt) : queued, (frame) => startAndFollowFrame(deps, frame, { waitSeconds }), {
        concurrency: waitSeconds > 0 ? Math.max(concurrency, Math.min(queued.length, MAX_OPEN_SYNC_CREATES)) : concurrency,
      }),
    );
  }
  return queued;
}
