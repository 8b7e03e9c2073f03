import { getDb } from "@/lib/db/client";
import { route } from "@/lib/http/respond";
import { storyboardVersion } from "@/lib/storyboards/storyboard-version";
import { idSchema } from "@/lib/storyboards/schemas";
import { currentWorkspaceId } from "@/lib/workspaces/current-workspace";

// GET /api/storyboards/:id/revision — the live-sync check: one SQL statement; 304 when If-None-Match still matches
export const GET = route(async (request, ctx: RouteContext<"/api/storyboards/[id]/revision">) => {
  const id = idSchema.parse((await ctx.params).id);
  const { revision, version } = await storyboardVersion({ db: await getDb(), workspaceId: currentWorkspaceId(request), id });
  const etag = `"${version}"`;
  const headers = { ETag: etag, "Cache-Control": "private, no-cache" };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return Response.json({ success: true, revision, version }, { headers });
});
