import { appGenerationDeps } from "@/lib/generation/app-deps";
import { pollFrame } from "@/lib/generation/poll-frame";
import { json, route } from "@/lib/http/respond";
import { frameByPredictionOrThrow, newestAttempt } from "@/lib/storyboards/frame-access";
import { idSchema } from "@/lib/storyboards/schemas";
import { seedPollResponse } from "@/lib/storyboards/seed-api";
import { toFrameDto } from "@/lib/storyboards/to-dto";
import { currentWorkspaceId } from "@/lib/workspaces/current-workspace";

// GET /api/generate-image/:predictionId — seed-compatible poll: status, progress, and the stored image when done
export const GET = route(async (request, ctx: RouteContext<"/api/generate-image/[predictionId]">) => {
  const predictionId = idSchema.parse((await ctx.params).predictionId);
  const deps = await appGenerationDeps();
  const first = await frameByPredictionOrThrow({ db: deps.db, workspaceId: currentWorkspaceId(request), predictionId });
  const frame = await pollFrame(deps, await newestAttempt(deps.db, first));
  const dto = await toFrameDto(frame, deps.storage);
  return json(seedPollResponse(dto, frame.input.prompt));
});
