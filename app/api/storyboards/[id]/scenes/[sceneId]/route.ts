import { getDb } from "@/lib/db/client";
import { env } from "@/lib/config/env";
import { readJson } from "@/lib/http/body";
import { json, route } from "@/lib/http/respond";
import { getStoryboardDtoOrThrow } from "@/lib/storyboards/read-storyboard";
import { deleteScene, editScene } from "@/lib/storyboards/edit-scenes";
import { idSchema, revisionFromIfMatch, scenePatchSchema } from "@/lib/storyboards/schemas";
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

// PATCH /api/storyboards/:id/scenes/:sceneId — edit text, timing, shot, camera, or pick a variation (baseRevision / If-Match → 409 when stale)
export const PATCH = route(async (request, ctx: Ctx) => {
  const { sceneId, ...scope } = await scopeOf(request, ctx);
  const patch = await readJson(request, scenePatchSchema, env().MAX_BODY_BYTES);
  const baseRevision = patch.baseRevision ?? revisionFromIfMatch(request.headers.get("if-match"));
  const { totalDuration } = await editScene(scope, sceneId, { ...patch, baseRevision });
  const storyboard = await getStoryboardDtoOrThrow({ ...scope, id: scope.storyboardId });
  const scene = storyboard.scenes.find((s) => s.id === sceneId);
  return json(
    { success: true, scene, revision: scene?.revision, totalDuration },
    { headers: scene ? { ETag: `"${scene.revision}"` } : {} },
  );
});

// DELETE /api/storyboards/:id/scenes/:sceneId — soft delete (POST …/restore undoes it until the purge)
export const DELETE = route(async (request, ctx: Ctx) => {
  const { sceneId, ...scope } = await scopeOf(request, ctx);
  const totalDuration = await deleteScene(scope, sceneId);
  return json({ success: true, totalDuration, restoreUrl: `/api/storyboards/${scope.storyboardId}/scenes/${sceneId}/restore` });
});
