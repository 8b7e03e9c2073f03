import { appGenerationDeps } from "@/lib/generation/app-deps";
import { json, route } from "@/lib/http/respond";
import { pollInputJob } from "@/lib/storyboards/input-job-board";
import { idSchema } from "@/lib/storyboards/schemas";
import { seedWorkspaceId } from "@/lib/workspaces/current-workspace";

type Ctx = RouteContext<"/api/storyboard/jobs/[jobId]">;

// GET /api/storyboard/jobs/:jobId — seed 002's job poll: advances the board's frames, and answers
// the finished board as a base64 PNG contact sheet once every frame has settled
export const GET = route(async (request, ctx: Ctx) => {
  const id = idSchema.parse((await ctx.params).jobId);
  return json(await pollInputJob(await appGenerationDeps(), { workspaceId: seedWorkspaceId(request), id }));
});
