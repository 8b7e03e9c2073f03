import { env } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { readOptionalJson } from "@/lib/http/body";
import { json, route } from "@/lib/http/respond";
import { approveStoryboard } from "@/lib/storyboards/edit-storyboard";
import { getStoryboardDtoOrThrow } from "@/lib/storyboards/read-storyboard";
import { approveSchema, idSchema } from "@/lib/storyboards/schemas";
import { currentWorkspaceId } from "@/lib/workspaces/current-workspace";

// POST /api/storyboards/:id/approve — approve and lock ({force:true} when frames are missing or failed, else 409 APPROVAL_INCOMPLETE)
export const POST = route(async (request, ctx: RouteContext<"/api/storyboards/[id]/approve">) => {
  const id = idSchema.parse((await ctx.params).id);
  const { force } = await readOptionalJson(request, approveSchema, env().MAX_BODY_BYTES);
  const db = await getDb();
  const workspaceId = currentWorkspaceId(request);
  await approveStoryboard({ db, workspaceId, id, force });
  return json({ success: true, storyboard: await getStoryboardDtoOrThrow({ db, workspaceId, id }) });
});
