import { env } from "@/lib/config/env";
import { appGenerationDeps } from "@/lib/generation/app-deps";
import { readJson } from "@/lib/http/body";
import { json, route } from "@/lib/http/respond";
import { generateSceneImage } from "@/lib/storyboards/generate-scene-image";
import { seedGenerateSchema } from "@/lib/storyboards/seed-api";
import { currentWorkspaceId } from "@/lib/workspaces/current-workspace";

// POST /api/generate-image — seed-compatible: start a frame for one scene, poll GET /api/generate-image/:predictionId
export const POST = route(async (request) => {
  const body = await readJson(request, seedGenerateSchema, env().MAX_BODY_BYTES + 1_600_000);
  const frame = await generateSceneImage(await appGenerationDeps(), {
    workspaceId: currentWorkspaceId(request),
    storyboardId: body.projectId,
    sceneIndex: body.sceneIndex,
    prompt: body.prompt,
    referenceImageUrl: body.seedImage ?? null,
  });
  const status = frame.status === "queued" ? "starting" : frame.status === "finalizing" ? "processing" : frame.status;
  return json(
    { success: true, predictionId: frame.predictionId, frameId: frame.id, status, pollUrl: `/api/generate-image/${frame.predictionId}` },
    { status: 202 },
  );
});
