import { getDb } from "@/lib/db/client";
import { json, route } from "@/lib/http/respond";
import { getStorage } from "@/lib/storage/get-storage";
import { duplicateStoryboard } from "@/lib/storyboards/duplicate-storyboard";
import { getStoryboardDtoOrThrow } from "@/lib/storyboards/read-storyboard";
import { idSchema } from "@/lib/storyboards/schemas";
import { currentWorkspaceId } from "@/lib/workspaces/current-workspace";

// POST /api/storyboards/:id/duplicate — a copy "… (copy)" with its scenes and every finished frame
export const POST = route(async (request, ctx: RouteContext<"/api/storyboards/[id]/duplicate">) => {
  const id = idSchema.parse((await ctx.params).id);
  const db = await getDb();
  const workspaceId = currentWorkspaceId(request);
  const copyId = await duplicateStoryboard({ db, storage: getStorage(), workspaceId, id });
  const storyboard = await getStoryboardDtoOrThrow({ db, workspaceId, id: copyId });
  return json({ success: true, storyboard }, { status: 201, headers: { Location: `/api/storyboards/${copyId}` } });
});
