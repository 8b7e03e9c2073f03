import { getDb } from "@/lib/db/client";
import { readBytesBody } from "@/lib/http/body";
import { json, route } from "@/lib/http/respond";
import { getStorage } from "@/lib/storage/get-storage";
import { IMAGE_UPLOAD_MAX_BYTES } from "@/lib/storyboards/frame-images";
import { getStoryboardDtoOrThrow } from "@/lib/storyboards/read-storyboard";
import { idSchema } from "@/lib/storyboards/schemas";
import { uploadSceneFrame } from "@/lib/storyboards/upload-frame";
import { currentWorkspaceId } from "@/lib/workspaces/current-workspace";

// POST /api/storyboards/:id/scenes/:sceneId/frames — your own picture (image/* body or multipart "file") → a new variation, selected
export const POST = route(async (request, ctx: RouteContext<"/api/storyboards/[id]/scenes/[sceneId]/frames">) => {
  const params = await ctx.params;
  const storyboardId = idSchema.parse(params.id);
  const sceneId = idSchema.parse(params.sceneId);
  const contentType = request.headers.get("content-type") ?? "";
  // Multipart framing adds a little around the image itself.
  const body = await readBytesBody(request, IMAGE_UPLOAD_MAX_BYTES + 64 * 1024);
  const scope = { db: await getDb(), workspaceId: currentWorkspaceId(request), storyboardId, storage: getStorage() };
  const frame = await uploadSceneFrame(scope, sceneId, { body, contentType });
  const storyboard = await getStoryboardDtoOrThrow({ ...scope, id: storyboardId });
  const scene = storyboard.scenes.find((s) => s.id === sceneId);
  return json({ success: true, frameId: frame.id, scene, storyboard }, { status: 201 });
});
