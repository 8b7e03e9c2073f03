import { getDb } from "@/lib/db/client";
import { json, route } from "@/lib/http/respond";
import { reopenStoryboard } from "@/lib/storyboards/edit-storyboard";
import { getStoryboardDtoOrThrow } from "@/lib/storyboards/read-storyboard";
import { idSchema } from "@/lib/storyboards/schemas";
import { currentWorkspaceId } from "@/lib/workspaces/current-workspace";

// POST /api/storyboards/:id/reopen — lift the approval lock so the storyboard can be edited again
export const POST = route(async (request, ctx: RouteContext<"/api/storyboards/[id]/reopen">) => {
  const id = idSchema.parse((await ctx.params).id);
  const db = await getDb();
  const workspaceId = currentWorkspaceId(request);
  await reopenStoryboard({ db, workspaceId, id });
  return json({ success: true, storyboard: await getStoryboardDtoOrThrow({ db, workspaceId, id }) });
});
