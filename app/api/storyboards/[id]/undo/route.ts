import { getDb } from "@/lib/db/client";
import { json, route } from "@/lib/http/respond";
import { getStoryboardDtoOrThrow } from "@/lib/storyboards/read-storyboard";
import { idSchema } from "@/lib/storyboards/schemas";
import { undoLastEdit } from "@/lib/storyboards/undo-edits";
import { currentWorkspaceId } from "@/lib/workspaces/current-workspace";

// POST /api/storyboards/:id/undo — take back the newest edit still in effect (409 when there is none)
export const POST = route(async (request, ctx: RouteContext<"/api/storyboards/[id]/undo">) => {
  const storyboardId = idSchema.parse((await ctx.params).id);
  const scope = { db: await getDb(), workspaceId: currentWorkspaceId(request), storyboardId };
  const undone = await undoLastEdit(scope);
  return json({ success: true, undone, storyboard: await getStoryboardDtoOrThrow({ ...scope, id: storyboardId }) });
});
