import { env } from "@/lib/config/env";
import { appGenerationDeps } from "@/lib/generation/app-deps";
import { json, route } from "@/lib/http/respond";
import { matchesEtag, statusCacheControl, statusEtag } from "@/lib/storyboards/cacheable-polls";
import { idSchema } from "@/lib/storyboards/schemas";
import { pollStoryboardProgress } from "@/lib/storyboards/storyboard-generation";
import { currentWorkspaceId } from "@/lib/workspaces/current-workspace";

// GET /api/storyboards/:id/status — the poll: advances pending frames, answers stage, counts, ETA, cost (settled: ETag, 304 when unchanged)
export const GET = route(async (request, ctx: RouteContext<"/api/storyboards/[id]/status">) => {
  const storyboardId = idSchema.parse((await ctx.params).id);
  const deps = await appGenerationDeps();
  const scope = { workspaceId: currentWorkspaceId(request), storyboardId };
  const args = { ...scope, config: env() };
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch) {
    // One statement answers a settled storyboard's conditional repeat.
    const etag = await statusEtag(deps, args);
    if (etag && matchesEtag(ifNoneMatch, etag)) return new Response(null, { status: 304, headers: { ETag: etag, "Cache-Control": statusCacheControl(etag) } });
  }
  const progress = await pollStoryboardProgress(deps, scope);
  const etag = progress.stage === "generating" ? null : await statusEtag(deps, args);
  return json({ success: true, progress }, { headers: { "Cache-Control": statusCacheControl(etag), ...(etag ? { ETag: etag } : {}) } });
});
