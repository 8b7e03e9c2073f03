import { getDb } from "@/lib/db/client";
import { env } from "@/lib/config/env";
import { readJson } from "@/lib/http/body";
import { json, route } from "@/lib/http/respond";
import { addScene } from "@/lib/storyboards/edit-scenes";
import { getStoryboardDtoOrThrow } from "@/lib/storyboards/read-storyboard";
import { idSchema, sceneCreateSchema } from "@/lib/storyboards/schemas";
import { currentWorkspaceId } from "@/lib/workspaces/current-workspace";

// POST /api/storyboards/:id/scenes — add a scene after another (or first)
export const POST = route(async (request, ctx: RouteContext<"/api/storyboards/[id]/scenes">) => {
  const storyboardId = idSchema.parse((await ctx.params).id);
  const body = await readJson(request, sceneCreateSchema, env().MAX_BODY_BYTES);
  const scope = { db: await getDb(), workspaceId: currentWorkspaceId(request), storyboardId };
  await addScene(scope, body);
  const storyboard = await getStoryboardDtoOrThrow({ ...scope, id: storyboardId });
  return json({ success: true, storyboard }, { status: 201 });
});
