import { getDb } from "@/lib/db/client";
import { json, route } from "@/lib/http/respond";
import { getInputJobDtoOrThrow } from "@/lib/inputs/jobs/input-jobs";
import { idSchema } from "@/lib/storyboards/schemas";
import { currentWorkspaceId } from "@/lib/workspaces/current-workspace";

type Ctx = RouteContext<"/api/storyboard/jobs/[jobId]">;

// GET /api/storyboard/jobs/:jobId — seed 002's job poll, answered from libSQL
export const GET = route(async (request, ctx: Ctx) => {
  const id = idSchema.parse((await ctx.params).jobId);
  return json(await getInputJobDtoOrThrow({ db: await getDb(), workspaceId: currentWorkspaceId(request), id }));
});
