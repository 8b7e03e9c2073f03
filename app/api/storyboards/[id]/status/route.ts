import { appGenerationDeps } from "@/lib/generation/app-deps";
import { json, route } from "@/lib/http/respond";
import { idSchema } from "@/lib/storyboards/schemas";
import { pollStoryboardProgress } from "@/lib/storyboards/storyboard-generation";
import { currentWorkspaceId } from "@/lib/workspaces/current-workspace";

// GET /api/storyboards/:id/status — the poll: advances pending frames, answers stage, counts, ETA, cost
export const GET = route(async (request, ctx: RouteContext<"/api/storyboards/[id]/status">) => {
  const storyboardId = idSchema.parse((await ctx.params).id);
  const progress = await pollStoryboardProgress(await appGenerationDeps(), {
    workspaceId: currentWorkspaceId(request),
    storyboardId,
  });
  return json({ success: true, progress });
});
