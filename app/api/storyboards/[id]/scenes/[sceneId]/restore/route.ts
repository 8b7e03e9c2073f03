import { getDb } from "@/lib/db/client";
import { json, route } from "@/lib/http/respond";
import { restoreScene } from "@/lib/storyboards/edit-scenes";
import { getStoryboardDtoOrThrow } from "@/lib/storyboards/read-storyboard";
import { idSchema } from "@/lib/storyboards/schemas";
import { currentWorkspaceId } from "@/lib/workspaces/current-workspace";

// POST /api/storyboards/:id/scenes/:sceneId/restore — undo a scene delete (idempotent)
export const POST = route(async (request, ctx: RouteContext<"/api/storyboards/[id]/scenes/[sceneId]/restore">) => {
  const params = await ctx.params;
  const storyboardId = idSchema.parse(params.id);
  const sceneId = idSchema.parse(params.sceneId);
  const scope = { db: await getDb(), workspaceId: currentWorkspaceId(request), storyboardId };
  await restoreScene(scope, sceneId);
  return json({ success: true, storyboard: await getStoryboardDtoOrThrow({ ...scope, id: storyboardId }) });
});
