import { env } from "@/lib/config/env";
import { appGenerationDeps } from "@/lib/generation/app-deps";
import { json, route } from "@/lib/http/respond";
import { seedPollAnswer } from "@/lib/storyboards/cacheable-polls";
import { idSchema } from "@/lib/storyboards/schemas";
import { currentWorkspaceId } from "@/lib/workspaces/current-workspace";

// GET /api/generate-image/:predictionId — seed-compatible poll: status, progress, and the stored image when done (ETag; 304 when unchanged)
export const GET = route(async (request, ctx: RouteContext<"/api/generate-image/[predictionId]">) => {
  const predictionId = idSchema.parse((await ctx.params).predictionId);
  const answer = await seedPollAnswer(await appGenerationDeps(), {
    workspaceId: currentWorkspaceId(request),
    predictionId,
    ifNoneMatch: request.headers.get("if-none-match"),
    config: env(),
  });
  const headers: Record<string, string> = { "Cache-Control": answer.cacheControl, ...(answer.etag ? { ETag: answer.etag } : {}) };
  if (answer.notModified) return new Response(null, { status: 304, headers });
  return json(answer.body, { headers });
});
