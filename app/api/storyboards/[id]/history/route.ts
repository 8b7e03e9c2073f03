import { getDb } from "@/lib/db/client";
import { json, route } from "@/lib/http/respond";
import { historyQuerySchema, idSchema } from "@/lib/storyboards/schemas";
import { listHistory } from "@/lib/storyboards/undo-edits";
import { currentWorkspaceId } from "@/lib/workspaces/current-workspace";

// GET /api/storyboards/:id/history?limit=&before= — the edit log, newest first, with canUndo / canRedo
export const GET = route(async (request, ctx: RouteContext<"/api/storyboards/[id]/history">) => {
  const storyboardId = idSchema.parse((await ctx.params).id);
  const query = historyQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const history = await listHistory({ db: await getDb(), workspaceId: currentWorkspaceId(request), storyboardId }, query);
  return json({ success: true, ...history });
});
