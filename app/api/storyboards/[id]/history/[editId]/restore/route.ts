import { env } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { readOptionalJson } from "@/lib/http/body";
import { json, route } from "@/lib/http/respond";
import { getStoryboardDtoOrThrow } from "@/lib/storyboards/read-storyboard";
import { idSchema, restoreEntrySchema } from "@/lib/storyboards/schemas";
import { restoreSceneToEntry } from "@/lib/storyboards/undo-edits";
import { currentWorkspaceId } from "@/lib/workspaces/current-workspace";

// POST /api/storyboards/:id/history/:editId/restore — put that entry's scene back as it was just after (or {to:"before"}) the change
export const POST = route(async (request, ctx: RouteContext<"/api/storyboards/[id]/history/[editId]/restore">) => {
  const params = await ctx.params;
  const storyboardId = idSchema.parse(params.id);
  const editId = idSchema.parse(params.editId);
  const { to } = await readOptionalJson(request, restoreEntrySchema, env().MAX_BODY_BYTES);
  const scope = { db: await getDb(), workspaceId: currentWorkspaceId(request), storyboardId };
  const { sceneId } = await restoreSceneToEntry(scope, editId, to);
  return json({ success: true, sceneId, storyboard: await getStoryboardDtoOrThrow({ ...scope, id: storyboardId }) });
});
