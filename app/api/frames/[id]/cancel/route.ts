import { appGenerationDeps } from "@/lib/generation/app-deps";
import { cancelFrame } from "@/lib/generation/cancel-frame";
import { json, route } from "@/lib/http/respond";
import { frameInWorkspaceOrThrow, newestAttempt } from "@/lib/storyboards/frame-access";
import { idSchema } from "@/lib/storyboards/schemas";
import { toFrameDto } from "@/lib/storyboards/to-dto";
import { currentWorkspaceId } from "@/lib/workspaces/current-workspace";

// POST /api/frames/:id/cancel — stop a frame that is still being drawn
export const POST = route(async (request, ctx: RouteContext<"/api/frames/[id]/cancel">) => {
  const id = idSchema.parse((await ctx.params).id);
  const deps = await appGenerationDeps();
  const frame = await frameInWorkspaceOrThrow({ db: deps.db, workspaceId: currentWorkspaceId(request), id });
  const canceled = await cancelFrame(deps, await newestAttempt(deps.db, frame));
  return json({ success: true, frame: await toFrameDto(canceled, deps.storage) });
});
