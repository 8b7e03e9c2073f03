import "server-only";
import { env } from "@/lib/config/env";
import type { GenerationDeps } from "@/lib/generation/deps";
import { generateStoryboard } from "@/lib/generation/generate-storyboard";
import { framesByScene } from "@/lib/generation/latest-frames";
import { isPending } from "@/lib/generation/progress";
import { webhookUrlFor } from "@/lib/generation/webhook-url";
import { AppError } from "@/lib/errors";
import type { FrameRow } from "@/lib/db/schema";
import { chooseProvider } from "./choose-provider";
import { assertUnlocked } from "./edit-log";
import { loadStoryboardOrThrow } from "./load-storyboard";

/**
 * Seed POST /api/generate-image: a new variation of one scene, drawn from the given prompt. The
 * same request again while its frame is drawing answers that frame (a client retrying); a
 * different prompt or reference image is a new variation, drawn alongside.
 */
export async function generateSceneImage(
  deps: GenerationDeps,
  args: { workspaceId: string; storyboardId: string; sceneIndex: number; prompt: string; referenceImageUrl: string | null },
): Promise<FrameRow> {
  const loaded = await loadStoryboardOrThrow({ db: deps.db, workspaceId: args.workspaceId, id: args.storyboardId });
  assertUnlocked(loaded.storyboard);
  const scene = [...loaded.scenes].sort((a, b) => a.order - b.order)[args.sceneIndex];
  if (!scene) throw new AppError("NOT_FOUND", `The storyboard has no scene at index ${args.sceneIndex}.`);
  const latest = framesByScene(loaded.frames).get(scene.id)?.latest;
  if (latest && isPending(latest) && latest.input.prompt === args.prompt && latest.input.referenceImageUrl === args.referenceImageUrl) {
    return latest;
  }
  const provider = chooseProvider(undefined);
  const [started] = await generateStoryboard(deps, {
    ...loaded,
    // Without this scene's frames, a frame still drawing for it does not hold the new one back.
    frames: loaded.frames.filter((f) => f.sceneId !== scene.id),
    sceneIds: [scene.id],
    force: true,
    provider,
    concurrency: 1,
    webhookUrlFor: webhookUrlFor(env(), provider),
    prompt: args.prompt,
    referenceImageUrl: args.referenceImageUrl,
    // The seed answer carries the prediction id: create now; the output is stored after a poll sees it.
    // (A synchronous provider's create is the whole draw: startFrame runs that one after the answer.)
    start: "inline",
  });
  return started!;
}
