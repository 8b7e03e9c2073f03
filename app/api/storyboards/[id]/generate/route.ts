import { env } from "@/lib/config/env";
import { appGenerationDeps } from "@/lib/generation/app-deps";
import { readOptionalJson } from "@/lib/http/body";
import { json, route } from "@/lib/http/respond";
import { generateSchema, idSchema } from "@/lib/storyboards/schemas";
import { startStoryboardGeneration } from "@/lib/storyboards/storyboard-generation";
import { currentWorkspaceId } from "@/lib/workspaces/current-workspace";

// The background work (sync-mode creates, storing, follow-up checks) lives as long as the route may.
export const maxDuration = 300;

// POST /api/storyboards/:id/generate — record frames for missing/failed scenes (or forced ones); they are drawn and stored after the answer
export const POST = route(async (request, ctx: RouteContext<"/api/storyboards/[id]/generate">) => {
  const storyboardId = idSchema.parse((await ctx.params).id);
  const body = await readOptionalJson(request, generateSchema, env().MAX_BODY_BYTES);
  const result = await startStoryboardGeneration(await appGenerationDeps(), {
    workspaceId: currentWorkspaceId(request),
    storyboardId,
    ...body,
  });
  return json({ success: true, ...result }, { status: 202 });
});
