import { getDb } from "@/lib/db/client";
import { env } from "@/lib/config/env";
import { readJson } from "@/lib/http/body";
import { json, route } from "@/lib/http/respond";
import { reorderStoryboardScenes } from "@/lib/storyboards/edit-scenes";
import { getStoryboardDtoOrThrow } from "@/lib/storyboards/read-storyboard";
import { idSchema, reorderSchema } from "@/lib/storyboards/schemas";
import { currentWorkspaceId } from "@/lib/workspaces/current-workspace";

// POST /api/storyboards/:id/scenes/reorder — set the order of every scene at once
export const POST = route(async (request, ctx: RouteContext<"/api/storyboards/[id]/scenes/reorder">) => {
  const storyboardId = idSchema.parse((await ctx.params).id);
  const { sceneIds } = await readJson(request, reorderSchema, env().MAX_BODY_BYTES);
  const scope = { db: await getDb(), workspaceId: currentWorkspaceId(request), storyboardId };
  await reorderStoryboardScenes(scope, sceneIds);
  return json({ success: true, storyboard: await getStoryboardDtoOrThrow({ ...scope, id: storyboardId }) });
});
