import "server-only";
import { env } from "@/lib/config/env";
import type { GenerationDeps } from "@/lib/generation/deps";
import { generateStoryboard } from "@/lib/generation/generate-storyboard";
import { framesByScene } from "@/lib/generation/latest-frames";
import { webhookUrlFor } from "@/lib/generation/webhook-url";
import { AppError } from "@/lib/errors";
import { activeProvider } from "@/lib/providers/get-provider";
import type { FrameRow } from "@/lib/db/schema";
import { loadStoryboardOrThrow } from "./load-storyboard";

/** Seed POST /api/generate-image: a new frame for one scene with the given prompt (idempotent while one is drawing). */
export async function generateSceneImage(
  deps: GenerationDeps,
  args: { workspaceId: string; storyboardId: string; sceneIndex: number; prompt: string; referenceImageUrl: string | null },
): Promise<FrameRow> {
  const loaded = await loadStoryboardOrThrow({ db: deps.db, workspaceId: args.workspaceId, id: args.storyboardId });
  const scene = [...loaded.scenes].sort((a, b) => a.order - b.order)[args.sceneIndex];
  if (!scene) throw new AppError("NOT_FOUND", `The storyboard has no scene at index ${args.sceneIndex}.`);
  const provider = activeProvider();
  const [started] = await generateStoryboard(deps, {
    ...loaded,
    sceneIds: [scene.id],
    force: true,
    provider,
    concurrency: 1,
    webhookUrlFor: webhookUrlFor(env(), provider.id),
    prompt: args.prompt,
    referenceImageUrl: args.referenceImageUrl,
  });
  if (started) return started;
  // The scene is already being drawn: answer with that frame rather than start a duplicate.
  return framesByScene(loaded.frames).get(scene.id)!.latest;
}
