import { getDb } from "@/lib/db/client";
import { json, route } from "@/lib/http/respond";
import { restoreStoryboard } from "@/lib/storyboards/edit-storyboard";
import { getStoryboardDtoOrThrow } from "@/lib/storyboards/read-storyboard";
import { idSchema } from "@/lib/storyboards/schemas";
import { currentWorkspaceId } from "@/lib/workspaces/current-workspace";

// POST /api/storyboards/:id/restore — undo a storyboard delete (idempotent; 404 once purged)
export const POST = route(async (request, ctx: RouteContext<"/api/storyboards/[id]/restore">) => {
  const id = idSchema.parse((await ctx.params).id);
  const db = await getDb();
  const workspaceId = currentWorkspaceId(request);
  await restoreStoryboard({ db, workspaceId, id });
  return json({ success: true, storyboard: await getStoryboardDtoOrThrow({ db, workspaceId, id }) });
});
