import { getDb } from "@/lib/db/client";
import { json, route } from "@/lib/http/respond";
import { getStoryboardDtoOrThrow } from "@/lib/storyboards/read-storyboard";
import { idSchema } from "@/lib/storyboards/schemas";
import { redoEdit } from "@/lib/storyboards/undo-edits";
import { currentWorkspaceId } from "@/lib/workspaces/current-workspace";

// POST /api/storyboards/:id/redo — re-apply the edit undone last (409 when there is none)
export const POST = route(async (request, ctx: RouteContext<"/api/storyboards/[id]/redo">) => {
  const storyboardId = idSchema.parse((await ctx.params).id);
  const scope = { db: await getDb(), workspaceId: currentWorkspaceId(request), storyboardId };
  const redone = await redoEdit(scope);
  return json({ success: true, redone, storyboard: await getStoryboardDtoOrThrow({ ...scope, id: storyboardId }) });
});
