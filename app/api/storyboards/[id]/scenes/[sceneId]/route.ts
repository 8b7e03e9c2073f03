import { getDb } from "@/lib/db/client";
import { env } from "@/lib/config/env";
import { readJson } from "@/lib/http/body";
import { json, route } from "@/lib/http/respond";
import { getStoryboardDtoOrThrow } from "@/lib/storyboards/read-storyboard";
import { deleteScene, editScene } from "@/lib/storyboards/edit-scenes";
import { idSchema, scenePatchSchema } from "@/lib/storyboards/schemas";
import { currentWorkspaceId } from "@/lib/workspaces/current-workspace";

type Ctx = RouteContext<"/api/storyboards/[id]/scenes/[sceneId]">;

async function scopeOf(request: Request, ctx: Ctx) {
  const params = await ctx.params;
  return {
    db: await getDb(),
    workspaceId: currentWorkspaceId(request),
    storyboardId: idSchema.parse(params.id),
    sceneId: idSchema.parse(params.sceneId),
  };
}

// PATCH /api/storyboards/:id/scenes/:sceneId — edit text, timing, shot, camera, or pick a variation
export const PATCH = route(async (request, ctx: Ctx) => {
  const { sceneId, ...scope } = await scopeOf(request, ctx);
  const patch = await readJson(request, scenePatchSchema, env().MAX_BODY_BYTES);
  const { totalDuration } = await editScene(scope, sceneId, patch);
  const storyboard = await getStoryboardDtoOrThrow({ ...scope, id: scope.storyboardId });
  const scene = storyboard.scenes.find((s) => s.id === sceneId);
  return json({ success: true, scene, totalDuration });
});

// DELETE /api/storyboards/:id/scenes/:sceneId — remove a scene and its frames
export const DELETE = route(async (request, ctx: Ctx) => {
  const { sceneId, ...scope } = await scopeOf(request, ctx);
  const totalDuration = await deleteScene(scope, sceneId);
  return json({ success: true, totalDuration });
});
